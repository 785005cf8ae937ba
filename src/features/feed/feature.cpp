#include "features/feed/feature.hpp"

#include "features/feed/routes.hpp"

namespace vigor::features::feed {

FeedFeature::FeedFeature(platform::FeatureContext& context, Links links)
    : feed_({.database = context.database,
             .policy = links.social.policy(),
             .lookup = links.social.lookup(),
             .notifier = links.notifier,
             .limiter = context.rate_limiter,
             .workout_snapshot = std::move(links.workout_snapshot)}) {
  RegisterRoutes(context.router, feed_);
  using platform::store::Session;
  links.workout_changes.Add([this](Session& s, std::span<const workouts::WorkoutChange> batch) {
    feed_.OnWorkoutChanges(s, batch);
  });
  links.record_changes.Add([this](Session& s, const records::RecordsRecomputed& change) {
    feed_.OnRecordsRecomputed(s, change);
  });
  links.goals_reached.Add(
      [this](Session& s, const goals::GoalReached& reached) { feed_.OnGoalReached(s, reached); });
  links.social.graph_changes().Add(
      [this](Session& s, const social::GraphChange& change) { feed_.OnGraphChange(s, change); });
  links.reportable.Add(
      "comment", [this](Session& s, const std::string& viewer_id, std::string_view,
                        std::string_view id) { return feed_.ReportedComment(s, viewer_id, id); });
}

}  // namespace vigor::features::feed
