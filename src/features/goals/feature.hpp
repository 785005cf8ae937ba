#pragma once

#include "features/accounts/training_profile.hpp"
#include "features/goals/goal_service.hpp"
#include "features/goals/metric_sources.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/events/outbox.hpp"
#include "platform/feature.hpp"

namespace vigor::features::goals {

// Goals with their progress and history: /api/v1/goals... Registers the "goal.reached" event
// kind, the workout observer that sends it (install after stats and records, whose aggregates it
// reads in the same transaction) and the housekeeping task that writes finished periods.
class GoalsFeature final : public platform::Feature {
 public:
  GoalsFeature(platform::FeatureContext& context, MetricSources sources,
               accounts::TrainingProfileLookup profile, workouts::WorkoutChangeObservers& changes,
               platform::events::EventOutbox& outbox);

  GoalService& service() { return goals_; }

 private:
  GoalService goals_;
};

}  // namespace vigor::features::goals
