#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "core/map_tiles.hpp"
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

  // The map tile server (nullopt: none, tracks are drawn on a plain background). Cached like
  // the registration mode.
  std::optional<core::MapTiles> MapTiles(platform::store::Session& s);
  std::optional<core::MapTiles> MapTiles();
  // Stores a validated value; nullopt clears it. Call RememberMapTiles once the write committed.
  void SetMapTiles(platform::store::Session& s, const std::optional<core::MapTiles>& tiles);
  void RememberMapTiles(const std::optional<core::MapTiles>& tiles);
  // The CSP image source of the tile server ("" when none), as last read or written: no I/O, so
  // every response may ask. MapTiles() refreshes it (every /api/v1/meta, which each page load
  // makes, and once at start), so a change made on another instance arrives with the next one.
  std::string MapImageSource();

 private:
  void CacheMapTiles(const std::optional<core::MapTiles>& tiles,
                     std::chrono::steady_clock::time_point at);

  platform::store::Database& database_;
  std::string default_registration_;
  std::mutex cache_mutex_;
  std::optional<std::string> cached_registration_;
  std::chrono::steady_clock::time_point cached_at_;
  bool map_cached_ = false;
  std::optional<core::MapTiles> cached_map_;
  std::string cached_map_source_;
  std::chrono::steady_clock::time_point map_cached_at_;
};

bool IsRegistrationMode(const std::string& mode);

}  // namespace vigor::features::accounts
