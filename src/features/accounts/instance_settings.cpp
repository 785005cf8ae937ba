#include "features/accounts/instance_settings.hpp"

#include "platform/time.hpp"

namespace vigor::features::accounts {

namespace {
using platform::store::Statement;
constexpr Statement kGet{"instance_settings.get",
                         "SELECT value FROM instance_settings WHERE key = $1"};
constexpr Statement kSet{
    "instance_settings.set",
    "INSERT INTO instance_settings (key, value, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
    "updated_at = excluded.updated_at"};
}  // namespace

bool IsRegistrationMode(const std::string& mode) {
  return mode == "open" || mode == "closed" || mode == "invite_only" || mode == "approval";
}

std::string InstanceSettings::Registration(platform::store::Session& s) {
  auto row = s.QueryOne(kGet, "registration");
  return row ? row->Text(0) : default_registration_;
}

std::string InstanceSettings::Registration() {
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mutex_);
    if (cached_registration_ && now - cached_at_ < kCacheFor) return *cached_registration_;
  }
  auto mode = database_.ReadResult([&](platform::store::Session& s) { return Registration(s); });
  std::lock_guard lock(cache_mutex_);
  cached_registration_ = mode;
  cached_at_ = now;
  return mode;
}

void InstanceSettings::SetRegistration(platform::store::Session& s, const std::string& mode) {
  s.Execute(kSet, "registration", mode, platform::NowRfc3339());
  std::lock_guard lock(cache_mutex_);
  cached_registration_ = mode;
  cached_at_ = std::chrono::steady_clock::now();
}

}  // namespace vigor::features::accounts
