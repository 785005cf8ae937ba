#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/accounts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// The security audit log: sign-ins, credential changes, role changes, deletions. Events are
// written in the same transaction as the change they describe. Never secrets in `detail`.
class AuditLog {
 public:
  using Session = platform::store::Session;

  void Record(Session& s, const std::string& kind, const std::optional<std::string>& user_id,
              const std::optional<std::string>& actor_id, const std::string& ip,
              const std::optional<std::string>& detail = std::nullopt);

  // Newest first, keyset-paginated by id (UUIDv7, so by time). `user_id` empty: every user.
  std::vector<AuditEvent> List(Session& s, const std::optional<std::string>& user_id,
                               const std::string& before_id, int limit);
};

}  // namespace vigor::features::accounts
