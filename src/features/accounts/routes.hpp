#pragma once

#include "features/accounts/account_service.hpp"
#include "features/accounts/auth_service.hpp"
#include "features/accounts/me_reader.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::accounts {

struct CookiePolicy {
  bool secure = false;  // TLS: Secure cookies with the __Host- prefix
};

// /api/v1/auth/... and /api/v1/me/...
// `me` answers GET /api/v1/me; the routes keep it alive.
void RegisterRoutes(platform::http::Router& router, AuthService& auth, AccountService& account,
                    CookiePolicy cookies, std::shared_ptr<MeReader> me);

}  // namespace vigor::features::accounts
