#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/map_tiles.hpp"
#include "features/accounts/account_service.hpp"
#include "features/accounts/auth_service.hpp"

namespace vigor::features::admin {

using accounts::User;

struct UserPage {
  std::vector<User> items;
  std::optional<std::string> next_cursor;
};

struct UserChange {
  std::optional<platform::auth::Role> role;
  std::optional<accounts::UserStatus> status;
};

struct NewInvite {
  std::string code;
  std::string expires_at;
};

// The instance settings an admin reads and changes.
struct Settings {
  std::string registration;
  std::optional<core::MapTiles> map;  // nullopt: no tile server
  bool webhooks_allow_private_targets = false;
  int erasure_grace_days = 7;  // see InstanceSettings::ErasureGraceDays
};

// Only what is given changes. An empty map tile URL clears the map setting.
struct SettingsChange {
  std::optional<std::string> registration;
  std::optional<core::MapTiles> map;
  std::optional<bool> webhooks_allow_private_targets;
  std::optional<std::int64_t> erasure_grace_days;
};

// What an administrator may do to accounts and instance settings. Every method checks that the
// caller is an admin itself (deny by default, even if a route were misdeclared).
class AdminService {
 public:
  explicit AdminService(accounts::AccountsDeps& deps) : d_(deps) {}

  UserPage ListUsers(const platform::auth::Principal& admin, const std::string& query,
                     const std::string& cursor, int limit);
  User GetUser(const platform::auth::Principal& admin, const std::string& user_id);
  User UpdateUser(const platform::auth::Principal& admin, const std::string& user_id,
                  const UserChange& change, const accounts::ClientInfo& client);
  void DeleteUser(const platform::auth::Principal& admin, const std::string& user_id,
                  const accounts::ClientInfo& client);
  void ForcePasswordReset(const platform::auth::Principal& admin, const std::string& user_id,
                          const accounts::ClientInfo& client);
  Settings GetSettings(const platform::auth::Principal& admin);
  // Validates every given field first (kValidation with each problem); nothing is written
  // unless all are valid. Each change is audited.
  Settings ChangeSettings(const platform::auth::Principal& admin, const SettingsChange& change,
                          const accounts::ClientInfo& client);
  NewInvite CreateInvite(const platform::auth::Principal& admin,
                         const accounts::ClientInfo& client);
  accounts::AuditPage AuditEvents(const platform::auth::Principal& admin, const std::string& cursor,
                                  int limit);

  // For `vigor user create`: an operator at the console, no principal.
  User CreateUserFromConsole(const std::string& username, const std::string& email,
                             const std::string& password, bool admin);

 private:
  accounts::AccountsDeps& d_;
};

}  // namespace vigor::features::admin
