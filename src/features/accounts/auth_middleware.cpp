#include "features/accounts/auth_middleware.hpp"

#include "features/accounts/json_codec.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/problem.hpp"

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

constexpr RouteKey kOpenWhileSuspended[] = {
    {http::Method::kGet, "/api/v1/me"},
    {http::Method::kGet, "/api/v1/me/moderation-decisions"},
    {http::Method::kPost, "/api/v1/me/moderation-decisions/{id}/appeal"},
    {http::Method::kPost, "/api/v1/auth/logout"},
};

}  // namespace

std::span<const RouteKey> RoutesOpenWhileSuspended() { return kOpenWhileSuspended; }

bool OpenWhileSuspended(const http::RouteSpec& route) {
  for (const auto& open : kOpenWhileSuspended) {
    if (open.method == route.method && open.path == route.path) return true;
  }
  return false;
}

http::Middleware MakeAuthMiddleware(AuthService& auth, const AuthMiddlewareOptions& options) {
  return [&auth, options](http::Request& request, http::RequestContext& ctx,
                          const http::Next& next) -> http::Response {
    const http::RouteSpec& route = *ctx.route;
    auto bearer = BearerToken(request);
    std::string csrf_cookie_name = http::CookieName("vigor_csrf", options.secure_cookies);
    std::string session_cookie_name = http::CookieName("vigor_session", options.secure_cookies);
    auto csrf_cookie = http::GetCookie(request, csrf_cookie_name);
    auto session_cookie = http::GetCookie(request, session_cookie_name);
    // The CSRF token must be the one issued for the session cookie it comes with (or for none):
    // a cookie planted by someone else, or taken from another session, is refused.
    bool csrf_fits =
        csrf_cookie && auth.IsCsrfTokenFor(*csrf_cookie, session_cookie.value_or(std::string()));

    if (!IsSafeMethod(request.method) && !bearer && !route.csrf_exempt) {
      if (auto origin = request.headers.Get("Origin");
          origin && !OriginAllowed(*origin, request, options.public_origin)) {
        throw Error(ErrorKind::kForbidden, Msg("cross_site_refused"));
      }
      auto header = request.headers.Get("X-CSRF-Token");
      if (!csrf_fits || !header || !platform::crypto::ConstantTimeEquals(*csrf_cookie, *header)) {
        auto refused = http::ProblemResponse(
            Error(ErrorKind::kForbidden, Msg("csrf_token_invalid")), ctx.request_id, ctx.language);
        // With a token that fits, the page's next attempt succeeds.
        http::SetCookie(refused, "vigor_csrf",
                        auth.IssueCsrfToken(session_cookie.value_or(std::string())),
                        {.http_only = false, .secure = options.secure_cookies});
        return refused;
      }
    }

    if (route.access == http::Access::kPublic && !route.scope.empty()) {
      // A public read path that names a scope (another user's workouts): anyone may call it,
      // and a caller who is signed in is known, so that the privacy policy sees who looks. A
      // token must be valid and hold the scope; a session cookie that no longer works reads as
      // nobody signed in.
      if (bearer) {
        ctx.principal = auth.AuthenticateToken(*bearer, ClientFrom(request));
        if (!ctx.principal) {
          throw Error(ErrorKind::kUnauthenticated, Msg("access_token_invalid"));
        }
        if (!ctx.principal->HasScope(route.scope)) {
          throw Error(ErrorKind::kForbidden, Msg("token_scope_missing", {{"scope", route.scope}}));
        }
      } else if (session_cookie) {
        ctx.principal = auth.AuthenticateSession(*session_cookie);
      }
      if (ctx.principal) ctx.language = platform::i18n::LanguageFromLocale(ctx.principal->locale);
    } else if (route.access != http::Access::kPublic) {
      if (bearer) {
        if (route.session_only) {
          throw Error(ErrorKind::kForbidden, Msg("session_only"));
        }
        ctx.principal = auth.AuthenticateToken(*bearer, ClientFrom(request));
        if (!ctx.principal) {
          throw Error(ErrorKind::kUnauthenticated, Msg("access_token_invalid"));
        }
        if (!ctx.principal->HasScope(route.scope)) {
          throw Error(ErrorKind::kForbidden, Msg("token_scope_missing", {{"scope", route.scope}}));
        }
      } else {
        auto session =
            http::GetCookie(request, http::CookieName("vigor_session", options.secure_cookies));
        if (session) ctx.principal = auth.AuthenticateSession(*session);
        if (!ctx.principal) throw Error(ErrorKind::kUnauthenticated, Msg("sign_in_first"));
      }
      ctx.language = platform::i18n::LanguageFromLocale(ctx.principal->locale);
      // Only a session carries a suspension (a suspended user's tokens are refused outright).
      if (ctx.principal->suspended_until && !OpenWhileSuspended(route)) {
        throw Error(ErrorKind::kForbidden,
                    Msg("account_suspended", {{"until", *ctx.principal->suspended_until}}));
      }
      using platform::auth::Role;
      if ((route.access == http::Access::kAdmin &&
           !RoleAtLeast(ctx.principal->role, Role::kAdmin)) ||
          (route.access == http::Access::kModerator &&
           !RoleAtLeast(ctx.principal->role, Role::kModerator))) {
        throw Error(ErrorKind::kForbidden, Msg("role_forbidden"));
      }
    } else if (!route.scope.empty()) {
      // A public read that names a scope (a profile, a shared item) answers anyone, and what it
      // shows depends on who asks: a signed-in caller is known to it; a missing or bad
      // credential, or a token without the scope, reads as the anonymous.
      if (bearer) {
        auto principal = auth.AuthenticateToken(*bearer, ClientFrom(request));
        if (principal && principal->HasScope(route.scope)) ctx.principal = std::move(principal);
      } else if (auto session = http::GetCookie(
                     request, http::CookieName("vigor_session", options.secure_cookies))) {
        ctx.principal = auth.AuthenticateSession(*session);
      }
      if (ctx.principal) {
        ctx.language = platform::i18n::LanguageFromLocale(ctx.principal->locale);
      }
    }

    http::Response response = next();
    // A browser whose CSRF token does not fit the session it has after this response (none yet,
    // a token of an ended session, a sign-out) gets one that does. Sign-in and session rotation
    // set their own.
    if (!bearer && request.Path().starts_with("/api/")) {
      std::optional<std::string> session_after = session_cookie;
      bool csrf_set = false;
      for (const auto& f : response.headers.fields()) {
        if (!http::EqualsIgnoreCase(f.name, "Set-Cookie")) continue;
        csrf_set = csrf_set || f.value.starts_with(csrf_cookie_name + "=");
        if (f.value.starts_with(session_cookie_name + "=")) {
          bool deleted = f.value.find("; Max-Age=0") != std::string::npos;
          auto start = session_cookie_name.size() + 1;
          session_after =
              deleted ? std::string() : f.value.substr(start, f.value.find(';') - start);
        }
      }
      std::string session = session_after.value_or(std::string());
      if (!csrf_set &&
          (!csrf_cookie || session != session_cookie.value_or(std::string()) || !csrf_fits)) {
        http::SetCookie(response, "vigor_csrf", auth.IssueCsrfToken(session),
                        {.http_only = false, .secure = options.secure_cookies});
      }
    }
    return response;
  };
}

}  // namespace vigor::features::accounts
