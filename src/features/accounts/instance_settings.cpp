#include "features/accounts/instance_settings.hpp"

#include <stdexcept>
#include <string>

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
constexpr const char* kMapTileUrl = "map_tile_url";
constexpr const char* kMapAttribution = "map_attribution";
constexpr const char* kWebhooksAllowPrivate = "webhooks_allow_private_targets";
constexpr const char* kErasureGraceDays = "erasure_grace_days";
}  // namespace

bool IsRegistrationMode(const std::string& mode) {
  return mode == "open" || mode == "closed" || mode == "invite_only" || mode == "approval";
}

InstanceSettings::InstanceSettings(platform::store::Database& database,
                                   std::string default_registration, platform::obs::Logger& logger,
                                   bool default_webhooks_allow_private)
    : database_(database),
      default_registration_(std::move(default_registration)),
      default_webhooks_allow_private_(default_webhooks_allow_private),
      poller_(
          "instance settings", kRefreshEvery, [this] { Refresh(); }, logger) {
  Refresh();
}

InstanceSettings::~InstanceSettings() { Stop(); }

void InstanceSettings::Refresh() {
  auto values = database_.ReadResult([&](platform::store::Session& s) {
    auto v = std::make_shared<Values>();
    v->registration = Registration(s);
    v->map = MapTiles(s);
    if (v->map) v->map_image_source = core::TileImageSource(v->map->tile_url);
    v->webhooks_allow_private_targets = WebhooksAllowPrivateTargets(s);
    return v;
  });
  std::lock_guard lock(mutex_);
  values_ = std::move(values);
}

std::shared_ptr<const InstanceSettings::Values> InstanceSettings::Current() {
  std::lock_guard lock(mutex_);
  return values_;
}

std::string InstanceSettings::Registration() { return Current()->registration; }
std::optional<core::MapTiles> InstanceSettings::MapTiles() { return Current()->map; }
std::string InstanceSettings::MapImageSource() { return Current()->map_image_source; }
bool InstanceSettings::WebhooksAllowPrivateTargets() {
  return Current()->webhooks_allow_private_targets;
}

bool InstanceSettings::WebhooksAllowPrivateTargets(platform::store::Session& s) {
  auto row = s.QueryOne(kGet, kWebhooksAllowPrivate);
  return row ? row->Text("value") == "true" : default_webhooks_allow_private_;
}

void InstanceSettings::SetWebhooksAllowPrivateTargets(platform::store::Session& s, bool allow) {
  s.Execute(kSet, kWebhooksAllowPrivate, allow ? "true" : "false", platform::NowRfc3339());
}

std::string InstanceSettings::Registration(platform::store::Session& s) {
  auto row = s.QueryOne(kGet, "registration");
  return row ? row->Text("value") : default_registration_;
}

void InstanceSettings::SetRegistration(platform::store::Session& s, const std::string& mode) {
  s.Execute(kSet, "registration", mode, platform::NowRfc3339());
}

int InstanceSettings::ErasureGraceDays(platform::store::Session& s) {
  auto row = s.QueryOne(kGet, kErasureGraceDays);
  if (!row) return kDefaultErasureGraceDays;
  // A value edited by hand that is not a number in range reads as the default.
  try {
    int days = std::stoi(row->Text("value"));
    if (days >= 0 && days <= kMaxErasureGraceDays) return days;
  } catch (const std::exception&) {
  }
  return kDefaultErasureGraceDays;
}

void InstanceSettings::SetErasureGraceDays(platform::store::Session& s, int days) {
  s.Execute(kSet, kErasureGraceDays, std::to_string(days), platform::NowRfc3339());
}

std::optional<core::MapTiles> InstanceSettings::MapTiles(platform::store::Session& s) {
  auto url = s.QueryOne(kGet, kMapTileUrl);
  if (!url || url->Text("value").empty()) return std::nullopt;
  // A value the checks refuse (edited in the database by hand) would be a map whose tiles the
  // CSP blocks: treat it as none.
  if (core::TileUrlProblem(url->Text("value"))) return std::nullopt;
  auto attribution = s.QueryOne(kGet, kMapAttribution);
  return core::MapTiles{url->Text("value"),
                        attribution ? attribution->Text("value") : std::string()};
}

void InstanceSettings::SetMapTiles(platform::store::Session& s,
                                   const std::optional<core::MapTiles>& tiles) {
  std::string now = platform::NowRfc3339();
  // Cleared is stored as empty values, so the change has an updated_at like any other.
  s.Execute(kSet, kMapTileUrl, tiles ? tiles->tile_url : std::string(), now);
  s.Execute(kSet, kMapAttribution, tiles ? tiles->attribution : std::string(), now);
}

}  // namespace vigor::features::accounts
