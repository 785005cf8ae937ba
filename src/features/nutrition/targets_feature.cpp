#include "features/nutrition/targets_feature.hpp"

#include "features/nutrition/targets_routes.hpp"

namespace vigor::features::nutrition {

TargetsFeature::TargetsFeature(platform::FeatureContext& context, TargetsSources sources)
    : targets_(context.database, std::move(sources)) {
  RegisterTargetsRoutes(context.router, targets_);
}

TargetsLookup TargetsFeature::targets_lookup() {
  return [this](Session& s, const std::string& user_id) {
    return targets_.DailyTargetsOf(s, user_id);
  };
}

}  // namespace vigor::features::nutrition
