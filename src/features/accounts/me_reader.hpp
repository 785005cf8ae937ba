#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "features/accounts/account_service.hpp"
#include "features/accounts/model.hpp"
#include "platform/store/watched_cache.hpp"

namespace vigor::features::accounts {

// What GET /api/v1/me shows of the signed-in user's own account, read at most once per
// credential-cache lifetime (issue 16): the web app asks for it on every page, and on
// PostgreSQL its two reads were most of the request's cost (0.11 of /healthz). A change to the
// account (preferences, e-mail, two-factor, a consent given or withdrawn) is a write to a table
// these reads name, so the very next GET /me reads it again (store/watched_cache.hpp).
class MeReader {
 public:
  struct Me {
    User user;
    bool consent_required = false;
  };

  // No cache when `watch` is null or `lifetime` is zero (--credential-cache-seconds 0).
  MeReader(AccountService& account, platform::store::TableWatch* watch,
           std::chrono::milliseconds lifetime);

  Me Read(const platform::auth::Principal& principal);

 private:
  Me Load(const platform::auth::Principal& principal);

  AccountService& account_;
  std::unique_ptr<platform::store::WatchedCache<Me>> cache_;
};

}  // namespace vigor::features::accounts
