#pragma once

#include "features/accounts/feature.hpp"
#include "features/apps/app_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::apps {

// Client apps (issue 14): users register the OAuth clients of their own apps
// (/api/v1/me/apps...), admins list and disable any (/api/v1/admin/apps...). Writes
// oauth_clients; the oauth feature reads them and ends grants through the revoker it supplies.
class AppsFeature final : public platform::Feature {
 public:
  AppsFeature(platform::FeatureContext& context, accounts::AccountsFeature& accounts);

  AppService& service() { return service_; }

 private:
  AppService service_;
};

}  // namespace vigor::features::apps
