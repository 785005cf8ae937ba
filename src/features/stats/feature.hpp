#pragma once

#include "features/stats/sources.hpp"
#include "features/stats/stats_service.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/feature.hpp"

namespace vigor::features::stats {

// Analytics: /api/v1/stats/... read from daily aggregates that this feature keeps up to date
// inside every workout write's transaction (it observes `changes`), and the housekeeping task
// "stats_backfill" that fills them for history from before migration 0017. What it reads of
// workouts, exercises, body weights and the profile comes through `sources`.
class StatsFeature final : public platform::Feature {
 public:
  StatsFeature(platform::FeatureContext& context, workouts::WorkoutChangeObservers& changes,
               StatsSources sources);

  StatsService& service() { return stats_; }
  // What the service reads through, for a second service over another database (tests).
  const StatsSources& sources() const { return sources_; }

 private:
  StatsSources sources_;
  StatsService stats_;
};

}  // namespace vigor::features::stats
