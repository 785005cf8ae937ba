#include "features/accounts/routes.hpp"

#include <boost/json/array.hpp>

#include "core/limits.hpp"
#include "features/accounts/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::accounts {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

constexpr std::size_t kPasswordMax = 1024;

Response Accepted(const std::string& message) {
  return http::Json(202, {{"status", "accepted"}, {"message", message}});
}

void SetSessionCookies(Response& response, const IssuedSession& session, CookiePolicy policy) {
  http::SetCookie(response, "vigor_session", session.token,
                  {.http_only = true,
                   .secure = policy.secure,
                   .max_age_seconds = static_cast<long>(session.max_age.count())});
  // Readable by the web app, which echoes it in X-CSRF-Token (double submit).
  http::SetCookie(response, "vigor_csrf", session.csrf_token,
                  {.http_only = false, .secure = policy.secure});
}

// Remembers that this browser signed in: later failed sign-ins from it spend a budget of its own.
// Strict: only the app's own pages ever send it.
constexpr long kDeviceCookieMaxAge = 365L * 24 * 3600;

Response LoginResponse(const LoginOutcome& outcome, CookiePolicy policy) {
  if (outcome.challenge) {
    return http::Json(200, {{"status", "totp_required"}, {"challenge", *outcome.challenge}});
  }
  boost::json::object user = EncodeMe(*outcome.user);
  boost::json::object body{{"status", "signed_in"}};
  // The account was pending erasure (DELETE /api/v1/me): this sign-in keeps it.
  if (outcome.erasure_cancelled) body["erasure_cancelled"] = true;
  // Signed in to a restricted session: the app shows the decision and the appeal first (the
  // user says so too, as GET /me does for such a session).
  if (outcome.suspended_until) {
    user["suspended_until"] = *outcome.suspended_until;
    body["suspended_until"] = *outcome.suspended_until;
  }
  user["consent_required"] = outcome.consent_required;
  body["user"] = std::move(user);
  auto response = http::Json(200, std::move(body));
  SetSessionCookies(response, *outcome.session, policy);
  if (outcome.device_cookie) {
    http::SetCookie(response, "vigor_device", *outcome.device_cookie,
                    {.http_only = true,
                     .secure = policy.secure,
                     .max_age_seconds = kDeviceCookieMaxAge,
                     .same_site = "Strict"});
  }
  return response;
}

}  // namespace

void RegisterRoutes(http::Router& router, AuthService& auth, AccountService& account,
                    CookiePolicy cookies, std::shared_ptr<MeReader> me_reader) {
  // ---- auth ------------------------------------------------------------------------------
  router.Add({.method = Method::kPost, .path = "/api/v1/auth/signup", .access = Access::kPublic},
             [&auth](const Request& request, RequestContext&) {
               http::JsonBody body(request);
               SignupInput input;
               input.email = body.Required("email", 254);
               input.username = body.Required("username", 30);
               input.password = body.RequiredSecret("password", 128);
               input.invite_code = body.String("invite_code", {.max_length = 100});
               input.preferences.locale = body.String("locale", {.max_length = 10});
               input.preferences.time_zone = body.String("time_zone", {.max_length = 64});
               input.consent_policy_version =
                   body.Int("consent_policy_version", false, 1, 1'000'000'000);
               body.Finish({"email", "username", "password", "invite_code", "locale", "time_zone",
                            "consent_policy_version"});
               auth.Signup(input, ClientFrom(request));
               return Accepted(
                   "Check your inbox: we sent a link to confirm the address. It is valid for 48 "
                   "hours.");
             });

  router.Add(
      {.method = Method::kPost, .path = "/api/v1/auth/verify-email", .access = Access::kPublic},
      [&auth](const Request& request, RequestContext&) {
        http::JsonBody body(request);
        auto token = body.Required("token", 200);
        body.Finish({"token"});
        return http::Json(200, {{"status", auth.VerifyEmail(token, ClientFrom(request))}});
      });

  router.Add({.method = Method::kPost, .path = "/api/v1/auth/login", .access = Access::kPublic},
             [&auth, cookies](const Request& request, RequestContext&) {
               http::JsonBody body(request);
               auto login = body.Required("login", 254);
               auto password = body.RequiredSecret("password", kPasswordMax);
               body.Finish({"login", "password"});
               auto device =
                   http::GetCookie(request, http::CookieName("vigor_device", cookies.secure));
               return LoginResponse(
                   auth.Login(login, password, ClientFrom(request), device.value_or("")), cookies);
             });

  router.Add(
      {.method = Method::kPost, .path = "/api/v1/auth/login/totp", .access = Access::kPublic},
      [&auth, cookies](const Request& request, RequestContext&) {
        http::JsonBody body(request);
        auto challenge = body.Required("challenge", 200);
        auto code = body.Required("code", 32);
        body.Finish({"challenge", "code"});
        return LoginResponse(auth.CompleteSecondFactor(challenge, code, ClientFrom(request)),
                             cookies);
      });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/auth/logout",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&auth, cookies](const Request& request, RequestContext& ctx) {
               auth.Logout(ctx.User(), ClientFrom(request));
               auto response = Response::Empty(204);
               http::SetCookie(response, "vigor_session", "",
                               {.http_only = true, .secure = cookies.secure, .max_age_seconds = 0});
               return response;
             });

  router.Add(
      {.method = Method::kPost, .path = "/api/v1/auth/password-reset", .access = Access::kPublic},
      [&auth](const Request& request, RequestContext&) {
        http::JsonBody body(request);
        auto email = body.Required("email", 254);
        body.Finish({"email"});
        auth.RequestPasswordReset(email, ClientFrom(request));
        return Accepted(
            "If an account uses this address, we sent it a link to choose a new password. It is "
            "valid for one hour.");
      });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/auth/password-reset/confirm",
              .access = Access::kPublic},
             [&auth](const Request& request, RequestContext&) {
               http::JsonBody body(request);
               auto token = body.Required("token", 200);
               auto password = body.RequiredSecret("password", 128);
               body.Finish({"token", "password"});
               auth.ConfirmPasswordReset(token, password, ClientFrom(request));
               return Response::Empty(204);
             });

  // ---- me ----------------------------------------------------------------------------------
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me",
              .access = Access::kAuthenticated,
              .scope = "profile:read"},
             [me_reader = std::move(me_reader)](const Request&, RequestContext& ctx) {
               auto read = me_reader->Read(ctx.User());
               const auto& suspended_until = ctx.principal->suspended_until;
               if (!suspended_until) {
                 ctx.known_etag = std::move(read.etag);
                 return Response::JsonText(200, std::move(read.json));
               }
               return http::Json(
                   200, EncodeMeAnswer(read.user, read.consent_required, &*suspended_until));
             });

  router.Add({.method = Method::kPatch,
              .path = "/api/v1/me",
              .access = Access::kAuthenticated,
              .scope = "profile:write"},
             [&account](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto patch = DecodePreferencesPatch(body);
               body.Finish({"preferences"});
               return http::Json(200, EncodeMe(account.UpdatePreferences(ctx.User(), patch)));
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/password",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account, cookies](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto current = body.RequiredSecret("current_password", kPasswordMax);
               auto next = body.RequiredSecret("new_password", 128);
               body.Finish({"current_password", "new_password"});
               auto session =
                   account.ChangePassword(ctx.User(), current, next, ClientFrom(request));
               auto response = Response::Empty(204);
               SetSessionCookies(response, session, cookies);
               return response;
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/email",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto email = body.Required("new_email", 254);
               auto password = body.RequiredSecret("password", kPasswordMax);
               body.Finish({"new_email", "password"});
               account.ChangeEmail(ctx.User(), email, password, ClientFrom(request));
               return Accepted("We sent a link to the new address; open it to confirm the change.");
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/sessions",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& s : account.Sessions(ctx.User())) {
                 items.push_back(EncodeSession(s, ctx.User().credential_id));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/sessions",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account, cookies](const Request& request, RequestContext& ctx) {
               account.RevokeAllSessions(ctx.User(), ClientFrom(request));
               auto response = Response::Empty(204);
               http::SetCookie(response, "vigor_session", "",
                               {.http_only = true, .secure = cookies.secure, .max_age_seconds = 0});
               return response;
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/sessions/{id}",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               account.RevokeSession(ctx.User(), ctx.Param("id"), ClientFrom(request));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/tokens",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& t : account.Tokens(ctx.User())) items.push_back(EncodeToken(t));
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/tokens",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto name = body.Required("name", 100);
               std::vector<std::string> scopes;
               const auto* raw = body.json().if_contains("scopes");
               if (raw == nullptr || !raw->is_array()) {
                 body.field_errors().Add("scopes", Msg("not_scope_list"));
               } else {
                 for (const auto& v : raw->as_array()) {
                   if (v.is_string()) {
                     scopes.emplace_back(v.as_string());
                   } else {
                     body.field_errors().Add("scopes", Msg("strings_only"));
                   }
                 }
               }
               auto days = body.Int("expires_in_days", false, core::limits::kTokenLifetimeDays);
               body.Finish({"name", "scopes", "expires_in_days"});
               auto created = account.CreateToken(
                   ctx.User(), name, scopes,
                   days ? std::optional<int>(static_cast<int>(*days)) : std::nullopt,
                   ClientFrom(request));
               auto encoded = EncodeToken(created.token);
               encoded["token"] = created.secret;
               return http::Json(201, encoded);
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/tokens/{id}",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               account.RevokeToken(ctx.User(), ctx.Param("id"), ClientFrom(request));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/totp/setup",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto password = body.RequiredSecret("password", kPasswordMax);
               body.Finish({"password"});
               auto setup = account.StartTotp(ctx.User(), password, ClientFrom(request));
               return http::Json(
                   200, {{"secret", setup.secret_base32}, {"otpauth_uri", setup.otpauth_uri}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/totp/enable",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account, cookies](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto code = body.Required("code", 32);
               body.Finish({"code"});
               auto [codes, session] = account.EnableTotp(ctx.User(), code, ClientFrom(request));
               boost::json::array list;
               for (const auto& c : codes) list.emplace_back(c);
               auto response = http::Json(200, {{"recovery_codes", std::move(list)}});
               SetSessionCookies(response, session, cookies);
               return response;
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/totp/disable",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto password = body.RequiredSecret("password", kPasswordMax);
               auto code = body.Required("code", 32);
               body.Finish({"password", "code"});
               account.DisableTotp(ctx.User(), password, code, ClientFrom(request));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account, cookies](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto password = body.RequiredSecret("password", kPasswordMax);
               auto code = body.String("code", {.max_length = 32});
               body.Finish({"password", "code"});
               auto erase_after = account.RequestErasure(ctx.User(), password, code.value_or(""),
                                                         ClientFrom(request));
               auto response = http::Json(202, {{"erase_after", erase_after}});
               http::SetCookie(response, "vigor_session", "",
                               {.http_only = true, .secure = cookies.secure, .max_age_seconds = 0});
               return response;
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/audit-events",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&account](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(
                   200, EncodeAuditPage(account.AuditEvents(ctx.User(), page.cursor, page.limit)));
             });
}

}  // namespace vigor::features::accounts
