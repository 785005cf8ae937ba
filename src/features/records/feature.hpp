#pragma once

#include "features/accounts/training_profile.hpp"
#include "features/records/record_service.hpp"
#include "features/records/workout_log.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/feature.hpp"

namespace vigor::features::records {

// Personal records, a lift's progress and heart-rate zones: /api/v1/records...,
// /api/v1/workouts/{id}/records, /api/v1/exercises/{id}/progress, /api/v1/workouts/{id}/zones.
// Keeps its tables up to date by observing every workout write (`changes`); reads the log,
// tracks and exercises through `log` and the user's formula and heart rates through `profile`.
class RecordsFeature final : public platform::Feature {
 public:
  RecordsFeature(platform::FeatureContext& context, workouts::WorkoutChangeObservers& changes,
                 WorkoutLog log, accounts::TrainingProfileLookup profile);

  RecordsService& service() { return records_; }

 private:
  RecordsService records_;
};

}  // namespace vigor::features::records
