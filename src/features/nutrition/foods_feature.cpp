#include "features/nutrition/foods_feature.hpp"

#include "features/nutrition/foods_routes.hpp"
#include "platform/config/config.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::nutrition {

FoodsFeature::FoodsFeature(platform::FeatureContext& context)
    : service_(context.database, context.jobs, &FoodCatalog::Embedded,
               context.config.food_import_path()) {
  RegisterFoodRoutes(context.router, service_);
  context.jobs.Register(std::string(kFoodImportJobKind), [this](platform::jobs::JobContext& job) {
    return service_.RunImportJob(job);
  });
}

FoodLookup FoodsFeature::lookup() {
  return [this](platform::store::Session& s, const std::string& user_id,
                const std::string& food_id) { return service_.Lookup(s, user_id, food_id); };
}

FoodUseRecorder FoodsFeature::use_recorder() {
  return [this](platform::store::Session& s, const std::string& user_id, const std::string& food_id,
                std::int64_t at_ms) { service_.RecordUse(s, user_id, food_id, at_ms); };
}

}  // namespace vigor::features::nutrition
