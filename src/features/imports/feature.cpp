#include "features/imports/feature.hpp"

#include "features/imports/routes.hpp"
#include "features/imports/upload_routes.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::imports {

ImportsFeature::ImportsFeature(platform::FeatureContext& context,
                               exercises::ExerciseService& exercises,
                               ProfileTimeZone profile_time_zone,
                               const workouts::WorkoutChangeObservers& workout_changes)
    : service_(context.database, context.jobs, exercises, std::move(profile_time_zone),
               workout_changes),
      uploads_(service_, context.jobs) {
  RegisterRoutes(context.router, service_);
  RegisterUploadRoutes(context.router, uploads_);
  context.jobs.Register(std::string(kImportJobKind),
                        [this](platform::jobs::JobContext& job) { return service_.RunJob(job); });
}

}  // namespace vigor::features::imports
