#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// Instance-wide settings an admin changes at run time (stored in instance_settings). The
// configured value is the default until an admin sets one. Reads are cached for a moment: every
// sign-up and every /api/v1/meta asks, and a change reaches other instances within kCacheFor.
class InstanceSettings {
 public:
  InstanceSettings(platform::store::Database& database, std::string default_registration)
      : database_(database), default_registration_(std::move(default_registration)) {}

  static constexpr std::chrono::seconds kCacheFor{2};

  std::string Registration(platform::store::Session& s);
  std::string Registration();
  void SetRegistration(platform::store::Session& s, const std::string& mode);

 private:
  platform::store::Database& database_;
  std::string default_registration_;
  std::mutex cache_mutex_;
  std::optional<std::string> cached_registration_;
  std::chrono::steady_clock::time_point cached_at_;
};

bool IsRegistrationMode(const std::string& mode);

}  // namespace vigor::features::accounts
