#pragma once

#include <string>

#include "features/accounts/auth_service.hpp"
#include "platform/http/app.hpp"

namespace vigor::features::accounts {

struct AuthMiddlewareOptions {
  bool secure_cookies = false;
  // Origins allowed to make state-changing requests with cookies, e.g. "https://vigor.example".
  // The request's own Host is always allowed.
  std::string public_origin;
};

// Deny by default, in one place: resolves the caller (session cookie or Bearer token), enforces
// each route's declared access, scope and session-only flag, and checks CSRF (Origin, and a
// signed double-submit token bound to the session cookie) on every state-changing request made
// with cookies. Every API response leaves the browser a CSRF cookie that fits its session.
platform::http::Middleware MakeAuthMiddleware(AuthService& auth,
                                              const AuthMiddlewareOptions& options);

}  // namespace vigor::features::accounts
