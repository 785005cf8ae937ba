#include "features/goals/feature.hpp"

#include "features/goals/routes.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::goals {

GoalsFeature::GoalsFeature(platform::FeatureContext& context, MetricSources sources,
                           accounts::TrainingProfileLookup profile,
                           workouts::WorkoutChangeObservers& changes,
                           platform::events::EventOutbox& outbox)
    : goals_(context.database, std::move(sources), std::move(profile), &outbox) {
  RegisterGoalRoutes(context.router, goals_);
  context.event_kinds.Add("goal.reached",
                          "A goal reached its target in its current period, for the first time.");
  changes.Add([this](platform::store::Session& s, std::span<const workouts::WorkoutChange> batch) {
    goals_.OnWorkoutChanges(s, batch);
  });
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("goal_history",
                           [this](platform::store::Session& s, TimePoint now, int limit) {
                             return goals_.CloseFinishedPeriods(s, now, limit);
                           });
}

}  // namespace vigor::features::goals
