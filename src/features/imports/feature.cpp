#include "features/imports/feature.hpp"

#include "features/imports/routes.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::imports {

ImportsFeature::ImportsFeature(platform::FeatureContext& context,
                               exercises::ExerciseService& exercises)
    : service_(context.database, context.jobs, exercises) {
  RegisterRoutes(context.router, service_);
  context.jobs.Register(std::string(kImportJobKind),
                        [this](platform::jobs::JobContext& job) { return service_.RunJob(job); });
}

}  // namespace vigor::features::imports
