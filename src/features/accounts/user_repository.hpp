#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/accounts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// A User from a row of the users table's columns (VIGOR_USER_COLUMNS in user_repository.cpp).
// A join that also reads another table's columns of the same names gives the user's columns a
// `prefix` ("owner_id", "owner_username", ...).
User UserFromRow(const platform::store::Row& r, std::string_view prefix = {});

// The SQL of the users table. Every method takes the session of the caller's transaction.
class UserRepository {
 public:
  using Session = platform::store::Session;

  void Insert(Session& s, const User& user);
  std::optional<User> FindById(Session& s, const std::string& id);
  std::optional<User> FindByUsername(Session& s, const std::string& username);
  std::optional<User> FindByEmail(Session& s, const std::string& email);
  bool UsernameTaken(Session& s, const std::string& username);
  bool EmailTaken(Session& s, const std::string& email);
  std::int64_t CountAdmins(Session& s);

  void SetPasswordHash(Session& s, const std::string& id, const std::optional<std::string>& hash,
                       const std::string& now);
  void MarkEmailVerified(Session& s, const std::string& id, const std::string& now);
  void SetEmail(Session& s, const std::string& id, const std::string& email,
                const std::string& now);
  void SetRole(Session& s, const std::string& id, Role role, const std::string& now);
  void SetStatus(Session& s, const std::string& id, UserStatus status, const std::string& now);
  void SetTotpPending(Session& s, const std::string& id, const std::optional<std::string>& sealed,
                      const std::string& now);
  // Moves the pending secret into place (or clears both when `sealed` is empty).
  void SetTotpSecret(Session& s, const std::string& id, const std::optional<std::string>& sealed,
                     const std::string& now);
  // Records the TOTP step just used; false when a step as new or newer was already used.
  bool ClaimTotpStep(Session& s, const std::string& id, std::int64_t step);
  void SetPreferences(Session& s, const std::string& id, const Preferences& preferences,
                      const std::string& now);
  void TouchLogin(Session& s, const std::string& id, const std::string& now);
  void Delete(Session& s, const std::string& id);

  // Admin search: users whose username or email starts with `prefix` (lowercase), ordered by
  // username, after `after_username` (keyset pagination).
  std::vector<User> Search(Session& s, const std::string& prefix, const std::string& after_username,
                           int limit);
};

}  // namespace vigor::features::accounts
