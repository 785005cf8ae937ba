#pragma once

#include "features/moderation/reportable.hpp"
#include "features/social/feature.hpp"
#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/history_pages.hpp"
#include "features/workouts/program_service.hpp"
#include "features/workouts/routine_service.hpp"
#include "features/workouts/shared_workouts.hpp"
#include "features/workouts/visibility_changes.hpp"
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
  // `social`: the privacy policy, the owners' defaults and zones for what others see;
  // `reportable`: where workouts register as content users can report.
  WorkoutsFeature(platform::FeatureContext& context, const ExerciseLookup& exercises,
                  social::SocialFeature& social, moderation::ReportableKinds& reportable);

  WorkoutService& workouts() { return workouts_; }
  // Where features that keep something derived from workouts register (records, aggregates),
  // and what other writers of workouts (imports) report to.
  WorkoutChangeObservers& changes() { return changes_; }
  RoutineService& routines() { return routines_; }
  ProgramService& programs() { return programs_; }
  // One user's workouts as others see them; tracks come from imports (SetTrackSource).
  SharedWorkoutService& shared() { return shared_; }
  // Bulk changes of past items' visibility; body entries' part comes from the body feature.
  VisibilityChangeService& visibility_changes() { return visibility_changes_; }

 private:
  WorkoutChangeObservers changes_;  // before the services that hold a reference to it
  WorkoutService workouts_;
  HistoryPages history_pages_;
  RoutineService routines_;
  ProgramService programs_;
  SharedWorkoutService shared_;
  VisibilityChangeService visibility_changes_;
};

}  // namespace vigor::features::workouts
