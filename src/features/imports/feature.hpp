#pragma once

#include "features/exercises/exercise_service.hpp"
#include "features/imports/import_service.hpp"
#include "features/imports/upload_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::imports {

// Imports of activity files and other apps' training logs (background jobs of kind
// kImportJobKind), tracks, GPX and CSV exports: /api/v1/imports..., /api/v1/workouts/{id}/track,
// /api/v1/workouts/{id}/gpx, /api/v1/exports/sets.csv, and the one-request upload of an activity
// file, /api/v1/uploads.
class ImportsFeature final : public platform::Feature {
 public:
  ImportsFeature(platform::FeatureContext& context, exercises::ExerciseService& exercises,
                 ProfileTimeZone profile_time_zone,
                 const workouts::WorkoutChangeObservers& workout_changes);

  ImportService& service() { return service_; }

 private:
  ImportService service_;
  UploadService uploads_;
};

}  // namespace vigor::features::imports
