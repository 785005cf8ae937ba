#pragma once

#include "features/accounts/account_service.hpp"
#include "features/accounts/auth_service.hpp"
#include "features/accounts/instance_settings.hpp"
#include "features/accounts/mails.hpp"
#include "platform/feature.hpp"

namespace vigor::features::accounts {

// Sign-up, sign-in, sessions, tokens, 2FA, the audit log and the instance settings. Installs
// /api/v1/auth/... and /api/v1/me/..., the auth middleware (deny by default, CSRF), and the
// housekeeping of dead sessions and expired one-time tokens. Its settings reload in the
// background.
class AccountsFeature final : public platform::Feature {
 public:
  explicit AccountsFeature(platform::FeatureContext& context);

  void Start() override { settings_.Start(); }
  void Stop() override { settings_.Stop(); }

  // What other features use.
  InstanceSettings& settings() { return settings_; }
  AuthService& auth() { return auth_; }
  // For the admin feature, which manages the same users (see docs/architecture.md).
  AccountsDeps& deps() { return deps_; }
  AccountService& account() { return account_; }

 private:
  InstanceSettings settings_;
  AccountMails mails_;
  AccountsDeps deps_;
  AuthService auth_;
  AccountService account_;
};

}  // namespace vigor::features::accounts
