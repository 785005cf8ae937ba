#pragma once

#include "features/accounts/feature.hpp"
#include "features/consent/consent_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::consent {

// Consent to the processing of health data and the privacy policy it refers to (issue 15):
// /api/v1/privacy-policy (public), /api/v1/me/consents, /api/v1/admin/privacy-policies. Gives
// accounts its consent hooks: sign-up requires the consent, sign-in and GET /me tell when it is
// required again, deleting the account withdraws it.
class ConsentFeature final : public platform::Feature {
 public:
  ConsentFeature(platform::FeatureContext& context, accounts::AccountsFeature& accounts);

  ConsentService& service() { return service_; }

 private:
  ConsentService service_;
};

}  // namespace vigor::features::consent
