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
constexpr const char* kMapTileUrl = "map_tile_url";
constexpr const char* kMapAttribution = "map_attribution";
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

std::optional<core::MapTiles> InstanceSettings::MapTiles(platform::store::Session& s) {
  auto url = s.QueryOne(kGet, kMapTileUrl);
  if (!url || url->Text(0).empty()) return std::nullopt;
  // A value the checks refuse (edited in the database by hand) would be a map whose tiles the
  // CSP blocks: treat it as none.
  if (core::TileUrlProblem(url->Text(0))) return std::nullopt;
  auto attribution = s.QueryOne(kGet, kMapAttribution);
  return core::MapTiles{url->Text(0), attribution ? attribution->Text(0) : std::string()};
}

std::optional<core::MapTiles> InstanceSettings::MapTiles() {
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mutex_);
    if (map_cached_ && now - map_cached_at_ < kCacheFor) return cached_map_;
  }
  auto tiles = database_.ReadResult([&](platform::store::Session& s) { return MapTiles(s); });
  CacheMapTiles(tiles, now);
  return tiles;
}

void InstanceSettings::SetMapTiles(platform::store::Session& s,
                                   const std::optional<core::MapTiles>& tiles) {
  std::string now = platform::NowRfc3339();
  // Cleared is stored as empty values, so the change has an updated_at like any other.
  s.Execute(kSet, kMapTileUrl, tiles ? tiles->tile_url : std::string(), now);
  s.Execute(kSet, kMapAttribution, tiles ? tiles->attribution : std::string(), now);
}

void InstanceSettings::RememberMapTiles(const std::optional<core::MapTiles>& tiles) {
  CacheMapTiles(tiles, std::chrono::steady_clock::now());
}

std::string InstanceSettings::MapImageSource() {
  std::lock_guard lock(cache_mutex_);
  return cached_map_source_;
}

void InstanceSettings::CacheMapTiles(const std::optional<core::MapTiles>& tiles,
                                     std::chrono::steady_clock::time_point at) {
  std::string source = tiles ? core::TileImageSource(tiles->tile_url) : std::string();
  std::lock_guard lock(cache_mutex_);
  // A read that started before the latest write must not put the older value back.
  if (map_cached_ && at < map_cached_at_) return;
  map_cached_ = true;
  cached_map_ = tiles;
  cached_map_source_ = std::move(source);
  map_cached_at_ = at;
}

}  // namespace vigor::features::accounts
