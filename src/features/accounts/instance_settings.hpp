#pragma once

#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// Instance-wide settings an admin changes at run time (stored in instance_settings). The
// configured value is the default until an admin sets one.
class InstanceSettings {
 public:
  InstanceSettings(platform::store::Database& database, std::string default_registration)
      : database_(database), default_registration_(std::move(default_registration)) {}

  std::string Registration(platform::store::Session& s);
  std::string Registration();
  void SetRegistration(platform::store::Session& s, const std::string& mode);

 private:
  platform::store::Database& database_;
  std::string default_registration_;
};

bool IsRegistrationMode(const std::string& mode);

}  // namespace vigor::features::accounts
