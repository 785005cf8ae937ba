#include "features/sync/feature.hpp"

#include "features/sync/routes.hpp"

namespace vigor::features::sync {

SyncFeature::SyncFeature(platform::FeatureContext& context) : changes_(context.database) {
  RegisterRoutes(context.router, changes_);
}

}  // namespace vigor::features::sync
