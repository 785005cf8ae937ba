#pragma once

#include "features/accounts/auth_service.hpp"
#include "features/oauth/grant_events.hpp"
#include "features/oauth/oauth_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::oauth {

// The OAuth 2.0 authorization server: /oauth/*, the metadata document, the consent and device
// decisions and connected apps under /api/v1. Gives accounts the check of OAuth access tokens
// (AuthService::SetOAuthTokenVerifier) and registers the housekeeping of expired rows. Every
// revocation tells `grant_events` inside its transaction.
class OAuthFeature final : public platform::Feature {
 public:
  OAuthFeature(platform::FeatureContext& context, accounts::AuthService& auth,
               const GrantObservers& grant_events);

  OAuthService& service() { return service_; }

 private:
  OAuthService service_;
};

}  // namespace vigor::features::oauth
