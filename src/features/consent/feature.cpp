#include "features/consent/feature.hpp"

#include "features/consent/routes.hpp"

namespace vigor::features::consent {

ConsentFeature::ConsentFeature(platform::FeatureContext& context,
                               accounts::AccountsFeature& accounts)
    : service_(context.database, accounts.deps().audit) {
  RegisterRoutes(context.router, service_);
  accounts.auth().SetConsentHooks(service_.Hooks());
}

}  // namespace vigor::features::consent
