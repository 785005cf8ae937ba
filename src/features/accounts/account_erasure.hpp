#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// The SQL of deleting an account (GDPR Art. 17): the pending deletions (account_erasures) and the
// hard erasure of a user. Most of a user's rows go with the users row (ON DELETE CASCADE); Erase
// deletes or clears, in the same transaction, what holds the user's id, username or email
// without such a foreign key. tests/integration/erasure_test.cpp walks every table and column
// afterwards, so a table added later that keeps a reference fails it until it is handled here
// (or cascades).
class AccountErasure {
 public:
  using Session = platform::store::Session;

  // Marks the user pending erasure from `requested_at` until `erase_after` (replaces an earlier
  // mark).
  void Schedule(Session& s, const std::string& user_id, const std::string& requested_at,
                const std::string& erase_after);
  // Deletes the user's OAuth grants (their codes and tokens cascade).
  void EndOAuthGrants(Session& s, const std::string& user_id);
  // Removes the mark; false when there was none.
  bool Cancel(Session& s, const std::string& user_id);
  // The end of the grace period when the user is pending erasure.
  std::optional<std::string> PendingUntil(Session& s, const std::string& user_id);
  // Users whose grace period ended at or before `now`, oldest first.
  std::vector<std::string> Due(Session& s, const std::string& now, int limit);
  // Erases the user and every row that refers to them; false when there is no such user.
  bool Erase(Session& s, const std::string& user_id);
};

}  // namespace vigor::features::accounts
