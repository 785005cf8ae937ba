#pragma once

#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/program_service.hpp"
#include "features/workouts/routine_service.hpp"
#include "features/workouts/workout_changes.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::workouts {

// Training sessions (strength and cardio), routines and programs: /api/v1/workouts...,
// /api/v1/routines..., /api/v1/routine-templates..., /api/v1/programs... and
// /api/v1/exercises/{id}/last-sets. Installs the housekeeping of old Idempotency-Keys. What it
// needs to know about exercises comes through `exercises` (the exercises feature answers).
class WorkoutsFeature final : public platform::Feature {
 public:
  WorkoutsFeature(platform::FeatureContext& context, const ExerciseLookup& exercises);

  WorkoutService& workouts() { return workouts_; }
  // Where features that keep something derived from workouts register (records, aggregates),
  // and what other writers of workouts (imports) report to.
  WorkoutChangeObservers& changes() { return changes_; }
  RoutineService& routines() { return routines_; }
  ProgramService& programs() { return programs_; }

 private:
  WorkoutChangeObservers changes_;  // before the services that hold a reference to it
  WorkoutService workouts_;
  RoutineService routines_;
  ProgramService programs_;
};

}  // namespace vigor::features::workouts
