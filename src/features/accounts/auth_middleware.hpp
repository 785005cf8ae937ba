#pragma once

#include <span>
#include <string>
#include <string_view>

#include "features/accounts/auth_service.hpp"
#include "platform/http/app.hpp"

namespace vigor::features::accounts {

struct AuthMiddlewareOptions {
  bool secure_cookies = false;
  // Origins allowed to make state-changing requests with cookies, e.g. "https://vigor.example".
  // The request's own Host is always allowed.
  std::string public_origin;
};

// A route named by its method and path template.
struct RouteKey {
  platform::http::Method method;
  std::string_view path;
};

// The only routes a suspended user's browser session reaches (everything else answers 403
// account_suspended with the end time, so a new route is closed to them by default): who they
// are, the decisions about them, the one appeal, and signing out. Public routes (meta, sign-in,
// the CSRF cookie every API answer carries) need no principal and are not affected.
std::span<const RouteKey> RoutesOpenWhileSuspended();
bool OpenWhileSuspended(const platform::http::RouteSpec& route);

// Deny by default, in one place: resolves the caller (session cookie or Bearer token), enforces
// each route's declared access, scope and session-only flag, and checks CSRF (Origin, and a
// signed double-submit token bound to the session cookie) on every state-changing request made
// with cookies, and restricts a suspended user's session (above). Every API response leaves the
// browser a CSRF cookie that fits its session.
platform::http::Middleware MakeAuthMiddleware(AuthService& auth,
                                              const AuthMiddlewareOptions& options);

}  // namespace vigor::features::accounts
