#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/map_tiles.hpp"
#include "platform/jobs/poller.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// Instance-wide settings an admin changes at run time (stored in instance_settings); the
// configured registration mode is the default until an admin sets one. Readers get the values
// held in memory, never a database read, because every /api/v1/meta and every response's
// Content-Security-Policy asks. The values are loaded again every kRefreshEvery in the
// background (so a change made on another instance arrives) and at once by Refresh, which a
// change made here calls after its transaction committed.
class InstanceSettings {
 public:
  static constexpr std::chrono::seconds kRefreshEvery{2};

  // Loads the values once; `logger` must outlive this.
  // `default_webhooks_allow_private` (the server option --webhooks-allow-private) holds until
  // an admin sets the setting.
  InstanceSettings(platform::store::Database& database, std::string default_registration,
                   platform::obs::Logger& logger, bool default_webhooks_allow_private = false);
  ~InstanceSettings();

  // Starts and stops the background reload (idempotent).
  void Start() { poller_.Start(); }
  void Stop() { poller_.Stop(); }
  // Loads the values from the database now.
  void Refresh();

  // As stored, in the caller's transaction.
  std::string Registration(platform::store::Session& s);
  void SetRegistration(platform::store::Session& s, const std::string& mode);
  // The map tile server (nullopt: none, tracks are drawn on a plain background).
  std::optional<core::MapTiles> MapTiles(platform::store::Session& s);
  // Stores a validated value; nullopt clears it.
  void SetMapTiles(platform::store::Session& s, const std::optional<core::MapTiles>& tiles);
  // Whether webhooks may reach loopback and private network addresses (SSRF guard lifted).
  bool WebhooksAllowPrivateTargets(platform::store::Session& s);
  void SetWebhooksAllowPrivateTargets(platform::store::Session& s, bool allow);

  // The days between DELETE /api/v1/me and the hard erasure of the account (0: at the next
  // housekeeping run). kDefaultErasureGraceDays until an admin sets it.
  static constexpr int kDefaultErasureGraceDays = 7;
  static constexpr int kMaxErasureGraceDays = 365;
  int ErasureGraceDays(platform::store::Session& s);
  void SetErasureGraceDays(platform::store::Session& s, int days);

  // As last loaded: no I/O.
  std::string Registration();
  std::optional<core::MapTiles> MapTiles();
  // The CSP image source of the tile server, or "" when there is none.
  std::string MapImageSource();
  bool WebhooksAllowPrivateTargets();

 private:
  struct Values {
    std::string registration;
    std::optional<core::MapTiles> map;
    std::string map_image_source;
    bool webhooks_allow_private_targets = false;
  };
  std::shared_ptr<const Values> Current();

  platform::store::Database& database_;
  std::string default_registration_;
  bool default_webhooks_allow_private_;
  std::mutex mutex_;
  std::shared_ptr<const Values> values_;
  platform::jobs::Poller poller_;  // last: its thread stops before the rest goes
};

bool IsRegistrationMode(const std::string& mode);

}  // namespace vigor::features::accounts
