#pragma once

#include <boost/json/object.hpp>
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
    // The answer for an account that is not suspended, encoded when read: encoding it for every
    // request was a tenth of the handler's time (bench/PROFILE.md).
    std::string json;
    // Its validator (http::RepresentationETag of the user and `json`), hashed once with it.
    std::string etag;
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

// GET /api/v1/me's body: the account, and `suspended_until` when it is suspended.
boost::json::object EncodeMeAnswer(const User& user, bool consent_required,
                                   const std::string* suspended_until);

}  // namespace vigor::features::accounts
