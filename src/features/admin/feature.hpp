#pragma once

#include "features/accounts/feature.hpp"
#include "features/admin/admin_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::admin {

// User administration, instance settings and invites: /api/v1/admin/... (role admin, browser
// session). It manages the accounts feature's users, so it works on that feature's shared parts.
class AdminFeature final : public platform::Feature {
 public:
  AdminFeature(platform::FeatureContext& context, accounts::AccountsFeature& accounts);

  AdminService& service() { return service_; }

 private:
  AdminService service_;
};

}  // namespace vigor::features::admin
