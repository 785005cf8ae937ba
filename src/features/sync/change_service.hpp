#pragma once

#include <cstdint>

#include "features/sync/change_repository.hpp"
#include "features/sync/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::sync {

// The per-user change feed the offline web app and other clients sync with
// (GET /api/v1/changes): what changed after a rev the client has, deletions included, in rev
// order, so a client asks "since the last rev I saw" instead of re-reading every resource.
class ChangeService {
 public:
  static constexpr int kDefaultLimit = 500;
  static constexpr int kMaxLimit = 1000;

  explicit ChangeService(platform::store::Database& database) : database_(database) {}

  // The page after `since` (>= 0) of at most `limit` (1..kMaxLimit) changes the principal may see:
  // a token only the kinds of its read scopes (kForbidden when it has none of them); a session
  // every kind. kGone when `since` is ahead of the user's counter (a client restored from an
  // older backup of the server, or of another server): the client must start again from 0.
  // Nothing purges tombstones yet, so there is no older horizon that is gone as well.
  ChangePage List(const platform::auth::Principal& principal, std::int64_t since, int limit);

 private:
  platform::store::Database& database_;
  ChangeRepository changes_;
};

}  // namespace vigor::features::sync
