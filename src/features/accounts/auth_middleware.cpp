#include "features/accounts/auth_middleware.hpp"

#include "features/accounts/json_codec.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/cookies.hpp"

namespace vigor::features::accounts {

namespace http = platform::http;
using platform::Error;
using platform::ErrorKind;

namespace {

bool IsSafeMethod(http::Method m) {
  return m == http::Method::kGet || m == http::Method::kHead || m == http::Method::kOptions;
}

// "https://host:port" -> "host:port"
std::string_view HostOfOrigin(std::string_view origin) {
  auto scheme = origin.find("://");
  return scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
}

bool OriginAllowed(std::string_view origin, const http::Request& request,
                   const std::string& public_origin) {
  if (!public_origin.empty() && origin == public_origin) return true;
  auto host = request.headers.Get("Host");
  return host && HostOfOrigin(origin) == *host;
}

std::optional<std::string> BearerToken(const http::Request& request) {
  auto header = request.headers.Get("Authorization");
  if (!header) return std::nullopt;
  constexpr std::string_view kPrefix = "Bearer ";
  if (header->size() <= kPrefix.size() ||
      !http::EqualsIgnoreCase(header->substr(0, kPrefix.size()), kPrefix)) {
    return std::string();  // present but not a bearer token: refused below
  }
  return std::string(header->substr(kPrefix.size()));
}

bool RoleAtLeast(platform::auth::Role have, platform::auth::Role need) {
  return static_cast<int>(have) >= static_cast<int>(need);
}

}  // namespace

http::Middleware MakeAuthMiddleware(AuthService& auth, const AuthMiddlewareOptions& options) {
  return [&auth, options](http::Request& request, http::RequestContext& ctx,
                          const http::Next& next) -> http::Response {
    const http::RouteSpec& route = *ctx.route;
    auto bearer = BearerToken(request);
    std::string csrf_cookie_name = http::CookieName("vigor_csrf", options.secure_cookies);
    auto csrf_cookie = http::GetCookie(request, csrf_cookie_name);

    if (!IsSafeMethod(request.method) && !bearer && !route.csrf_exempt) {
      if (auto origin = request.headers.Get("Origin");
          origin && !OriginAllowed(*origin, request, options.public_origin)) {
        throw Error(ErrorKind::kForbidden, "Requests from another site are refused (CSRF).");
      }
      auto header = request.headers.Get("X-CSRF-Token");
      if (!csrf_cookie || csrf_cookie->empty() || !header ||
          !platform::crypto::ConstantTimeEquals(*csrf_cookie, *header)) {
        throw Error(ErrorKind::kForbidden,
                    "The CSRF token is missing or wrong. Reload the page and try again.");
      }
    }

    if (route.access != http::Access::kPublic) {
      if (bearer) {
        if (route.session_only) {
          throw Error(ErrorKind::kForbidden,
                      "This needs a signed-in browser session; access tokens cannot do it.");
        }
        ctx.principal = auth.AuthenticateToken(*bearer, ClientFrom(request));
        if (!ctx.principal) {
          throw Error(ErrorKind::kUnauthenticated, "The access token is not valid.");
        }
        if (!ctx.principal->HasScope(route.scope)) {
          throw Error(ErrorKind::kForbidden,
                      "The access token lacks the scope " + route.scope + ".");
        }
      } else {
        auto session =
            http::GetCookie(request, http::CookieName("vigor_session", options.secure_cookies));
        if (session) ctx.principal = auth.AuthenticateSession(*session);
        if (!ctx.principal) throw Error(ErrorKind::kUnauthenticated, "Sign in first.");
      }
      using platform::auth::Role;
      if ((route.access == http::Access::kAdmin &&
           !RoleAtLeast(ctx.principal->role, Role::kAdmin)) ||
          (route.access == http::Access::kModerator &&
           !RoleAtLeast(ctx.principal->role, Role::kModerator))) {
        throw Error(ErrorKind::kForbidden, "Your role does not allow this.");
      }
    }

    http::Response response = next();
    // A browser without a CSRF token gets one from its first API response.
    if (!csrf_cookie && !bearer && request.Path().starts_with("/api/")) {
      bool set_by_handler = false;
      for (const auto& f : response.headers.fields()) {
        set_by_handler = set_by_handler || (http::EqualsIgnoreCase(f.name, "Set-Cookie") &&
                                            f.value.starts_with(csrf_cookie_name + "="));
      }
      if (!set_by_handler) {
        http::SetCookie(response, "vigor_csrf", platform::crypto::RandomToken(),
                        {.http_only = false, .secure = options.secure_cookies});
      }
    }
    return response;
  };
}

}  // namespace vigor::features::accounts
