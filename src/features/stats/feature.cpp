#include "features/stats/feature.hpp"

#include "features/stats/routes.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::stats {

StatsFeature::StatsFeature(platform::FeatureContext& context,
                           workouts::WorkoutChangeObservers& changes, StatsSources sources)
    : sources_(std::move(sources)), stats_(context.database, sources_) {
  RegisterRoutes(context.router, stats_);
  using platform::store::Session;
  changes.Add([this](Session& s, std::span<const workouts::WorkoutChange> batch) {
    stats_.OnWorkoutChanges(s, batch);
  });
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("stats_backfill", [this](Session& s, TimePoint, int limit) {
    return stats_.Backfill(s, limit);
  });
}

}  // namespace vigor::features::stats
