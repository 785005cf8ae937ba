#include "features/admin/feature.hpp"

#include "features/admin/routes.hpp"

namespace vigor::features::admin {

AdminFeature::AdminFeature(platform::FeatureContext& context, accounts::AccountsFeature& accounts)
    : service_(accounts.deps()) {
  RegisterRoutes(context.router, service_);
}

}  // namespace vigor::features::admin
