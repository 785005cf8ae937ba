#include "features/apps/feature.hpp"

#include "features/apps/routes.hpp"

namespace vigor::features::apps {

AppsFeature::AppsFeature(platform::FeatureContext& context, accounts::AccountsFeature& accounts)
    : service_(context.database, accounts.deps().audit) {
  RegisterRoutes(context.router, service_);
}

}  // namespace vigor::features::apps
