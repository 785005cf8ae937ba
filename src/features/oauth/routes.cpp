#include "features/oauth/routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/pct_string_view.hpp>
#include <map>

#include "core/html_escape.hpp"
#include "core/limits.hpp"
#include "core/token_bucket.hpp"
#include "features/accounts/model.hpp"
#include "platform/crypto/random.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/ratelimit/rate_limiter.hpp"

namespace vigor::features::oauth {

namespace http = platform::http;
namespace json = boost::json;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

const core::BucketRule kTokenRule{core::limits::kOAuthTokenBurst,
                                  core::limits::kOAuthTokenPerMinute / 60.0};
const core::BucketRule kAuthorizeRule{core::limits::kOAuthAuthorizeBurst,
                                      core::limits::kOAuthAuthorizePerHour / 3600.0};
const core::BucketRule kDeviceRule{core::limits::kOAuthDeviceBurst,
                                   core::limits::kOAuthDevicePerHour / 3600.0};

void NoStore(Response& response) {
  response.headers.Set("Cache-Control", "no-store");
  response.headers.Set("Pragma", "no-cache");
}

Response OAuthJson(int status, const json::value& body) {
  Response response = http::Json(status, body);
  NoStore(response);
  return response;
}

Response ErrorResponse(const OAuthError& error) {
  json::object body{{"error", error.error}};
  if (!error.description.empty()) body["error_description"] = error.description;
  Response response = OAuthJson(error.status, body);
  if (error.status == 401 && error.basic_challenge) {
    response.headers.Set("WWW-Authenticate", "Basic realm=\"vigor\", charset=\"UTF-8\"");
  }
  return response;
}

[[noreturn]] void InvalidRequest(std::string description) {
  throw OAuthFailure(OAuthError{"invalid_request", std::move(description), 400, false});
}

// An application/x-www-form-urlencoded body (RFC 6749 3.2: parameters without a value count as
// absent; none may be sent twice).
std::map<std::string, std::string> FormOf(const Request& request) {
  auto type = request.headers.Get("Content-Type").value_or("");
  auto media = type.substr(0, type.find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (!http::EqualsIgnoreCase(media, "application/x-www-form-urlencoded")) {
    InvalidRequest("Send the parameters as application/x-www-form-urlencoded.");
  }
  std::map<std::string, std::string> form;
  auto parsed = boost::urls::parse_query(request.body);
  if (!parsed) InvalidRequest("The form body is malformed.");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (auto param : *parsed) {
    if (!param.has_value || param.value.empty()) continue;
    auto [it, inserted] = form.emplace(param.key.decode(opts), param.value.decode(opts));
    if (!inserted) InvalidRequest("The parameter " + it->first + " was sent more than once.");
  }
  return form;
}

std::optional<std::string> Field(const std::map<std::string, std::string>& form,
                                 const std::string& name) {
  auto it = form.find(name);
  if (it == form.end()) return std::nullopt;
  return it->second;
}

// One part of HTTP Basic credentials as RFC 6749 2.3.1 sends them: form-urlencoded.
std::optional<std::string> FormDecoded(std::string_view part) {
  auto pct = boost::urls::make_pct_string_view(part);
  if (!pct) return std::nullopt;
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  return pct->decode(opts);
}

// Client authentication: HTTP Basic or client_id / client_secret in the form, never both.
ClientCredentials CredentialsOf(const Request& request,
                                const std::map<std::string, std::string>& form) {
  ClientCredentials c;
  if (auto header = request.headers.Get("Authorization")) {
    constexpr std::string_view kBasic = "Basic ";
    if (header->size() > kBasic.size() &&
        http::EqualsIgnoreCase(header->substr(0, kBasic.size()), kBasic)) {
      c.basic = true;
      std::string encoded(header->substr(kBasic.size()));
      for (char& ch : encoded) {
        if (ch == '+') ch = '-';
        if (ch == '/') ch = '_';
      }
      while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
      auto decoded = platform::crypto::Base64UrlDecode(encoded);
      auto colon = decoded ? decoded->find(':') : std::string::npos;
      std::optional<std::string> id, secret;
      if (colon != std::string::npos) {
        id = FormDecoded(std::string_view(*decoded).substr(0, colon));
        secret = FormDecoded(std::string_view(*decoded).substr(colon + 1));
      }
      if (!id || !secret) {
        c.basic_malformed = true;
        return c;
      }
      if (form.contains("client_secret")) {
        InvalidRequest("Use one client authentication method, not HTTP Basic and client_secret.");
      }
      if (auto form_id = Field(form, "client_id"); form_id && *form_id != *id) {
        InvalidRequest("client_id differs from the HTTP Basic credentials.");
      }
      c.client_id = std::move(id);
      c.client_secret = std::move(secret);
      return c;
    }
  }
  c.client_id = Field(form, "client_id");
  c.client_secret = Field(form, "client_secret");
  return c;
}

// Runs an /oauth/* POST: rate limit per client address, then the form and the client's
// credentials; an OAuthFailure becomes RFC 6749 5.2 JSON.
template <typename F>
Response OAuthPost(const Request& request, platform::ratelimit::RateLimiter& limiter,
                   const std::string& bucket, const core::BucketRule& rule, OAuthService& oauth,
                   F&& then) {
  limiter.Take(bucket + ":" + request.remote_address, rule);
  try {
    auto form = FormOf(request);
    auto credentials = CredentialsOf(request, form);
    Client client = oauth.AuthenticateClient(credentials);
    return then(form, client);
  } catch (const OAuthFailure& failure) {
    return ErrorResponse(failure.error());
  }
}

Response ErrorPage(const std::string& text) {
  Response response = Response::Text(
      400,
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorization "
      "request refused</title></head><body><h1>This authorization request cannot be "
      "answered</h1><p>" +
          core::EscapeHtml(text) +
          "</p><p>The app that sent you here is not set up correctly. Nothing was shared with "
          "it.</p></body></html>\n",
      "text/html; charset=utf-8");
  NoStore(response);
  return response;
}

// The metadata's service_documentation: what an app developer needs on one page (the full text
// is docs/oauth.md, "The authorization server").
std::string DocumentationPage(const std::string& issuer) {
  std::string i = core::EscapeHtml(issuer);
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>OAuth 2.0 for "
         "app developers</title></head><body><h1>OAuth 2.0 for app developers</h1>"
         "<p>Register your app under Settings, Developer apps. Metadata (RFC 8414): <code>" +
         i +
         "/.well-known/oauth-authorization-server</code>.</p><ul>"
         "<li>Authorization code grant with PKCE (S256 only, required for every client): <code>" +
         i + "/oauth/authorize</code>, then <code>" + i +
         "/oauth/token</code>. Redirect URIs must match exactly; loopback URIs (127.0.0.1, [::1]) "
         "may vary the port. The response carries <code>state</code> and <code>iss</code>.</li>"
         "<li>Device grant (RFC 8628): <code>" +
         i + "/oauth/device_authorization</code>; the user enters the code at <code>" + i +
         "/device</code>.</li><li>Access tokens live 15 minutes; refresh tokens 60 days and "
         "are rotated on every use: presenting a used one revokes the whole grant.</li>"
         "<li>Revocation (RFC 7009): <code>" +
         i + "/oauth/revoke</code>. Introspection (RFC 7662, confidential clients): <code>" + i +
         "/oauth/introspect</code>.</li><li>Client authentication: HTTP Basic or "
         "client_secret_post; public clients send client_id only.</li><li>Scopes: "
         "profile, workouts, body, nutrition and social, each :read or :write.</li></ul>"
         "</body></html>\n";
}

json::value OptText(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

json::object ClientJson(const Client& client) {
  return {{"client_id", client.public_id},
          {"name", client.name},
          {"logo_url", OptText(client.logo_url)},
          {"homepage_url", OptText(client.homepage_url)}};
}

bool Approval(const Request& request) {
  http::JsonBody body(request);
  auto approve = body.Bool("approve", true);
  body.Finish({"approve"});
  return approve.value_or(false);
}

}  // namespace

void RegisterRoutes(http::Router& router, OAuthService& oauth,
                    platform::ratelimit::RateLimiter& limiter) {
  router.Add({.method = Method::kGet,
              .path = "/.well-known/oauth-authorization-server",
              .access = Access::kPublic,
              .blocking = false},
             [&oauth](const Request&, RequestContext&) {
               const std::string& issuer = oauth.issuer();
               json::object metadata{
                   {"issuer", issuer},
                   {"authorization_endpoint", issuer + "/oauth/authorize"},
                   {"token_endpoint", issuer + "/oauth/token"},
                   {"revocation_endpoint", issuer + "/oauth/revoke"},
                   {"introspection_endpoint", issuer + "/oauth/introspect"},
                   {"device_authorization_endpoint", issuer + "/oauth/device_authorization"},
                   {"scopes_supported", Strings(accounts::KnownScopes())},
                   {"response_types_supported", Strings({"code"})},
                   {"response_modes_supported", Strings({"query"})},
                   {"grant_types_supported", Strings({"authorization_code", "refresh_token",
                                                      std::string(kDeviceCodeGrant)})},
                   {"code_challenge_methods_supported", Strings({"S256"})},
                   {"token_endpoint_auth_methods_supported",
                    Strings({"client_secret_basic", "client_secret_post", "none"})},
                   {"revocation_endpoint_auth_methods_supported",
                    Strings({"client_secret_basic", "client_secret_post", "none"})},
                   {"introspection_endpoint_auth_methods_supported",
                    Strings({"client_secret_basic", "client_secret_post"})},
                   {"authorization_response_iss_parameter_supported", true},
                   {"service_documentation", issuer + "/oauth/docs"}};
               return http::Json(200, metadata);
             });

  router.Add(
      {.method = Method::kGet, .path = "/oauth/docs", .access = Access::kPublic, .blocking = false},
      [&oauth](const Request&, RequestContext&) {
        Response response =
            Response::Text(200, DocumentationPage(oauth.issuer()), "text/html; charset=utf-8");
        return response;
      });

  router.Add({.method = Method::kGet, .path = "/oauth/authorize", .access = Access::kPublic},
             [&oauth, &limiter](const Request& request, RequestContext&) {
               // Only a request that will be parked spends from the address's budget (a GET
               // that is refused writes nothing, not even a rate-limit bucket).
               auto take = [&] {
                 limiter.Take("oauth_authorize:" + request.remote_address, kAuthorizeRule);
               };
               AuthorizeInput input{request.QueryParam("response_type"),
                                    request.QueryParam("client_id"),
                                    request.QueryParam("redirect_uri"),
                                    request.QueryParam("scope"),
                                    request.QueryParam("state"),
                                    request.QueryParam("code_challenge"),
                                    request.QueryParam("code_challenge_method"),
                                    take};
               auto outcome = oauth.Authorize(input);
               if (outcome.page_error) return ErrorPage(*outcome.page_error);
               Response response = Response::Empty(303);
               response.headers.Set("Location", outcome.location);
               NoStore(response);
               return response;
             });

  router.Add({.method = Method::kPost,
              .path = "/oauth/token",
              .access = Access::kPublic,
              .csrf_exempt = true,
              .max_body_bytes = core::limits::kOAuthFormBytes},
             [&oauth, &limiter](const Request& request, RequestContext&) {
               return OAuthPost(request, limiter, "oauth_token", kTokenRule, oauth,
                                [&](const auto& form, const Client& client) {
                                  TokenInput input{Field(form, "grant_type").value_or(""),
                                                   Field(form, "code"),
                                                   Field(form, "redirect_uri"),
                                                   Field(form, "code_verifier"),
                                                   Field(form, "refresh_token"),
                                                   Field(form, "device_code"),
                                                   Field(form, "scope")};
                                  auto tokens = oauth.Token(client, input);
                                  return OAuthJson(
                                      200, json::object{{"access_token", tokens.access_token},
                                                        {"token_type", "Bearer"},
                                                        {"expires_in", tokens.expires_in},
                                                        {"refresh_token", tokens.refresh_token},
                                                        {"scope", JoinScopes(tokens.scopes)}});
                                });
             });

  router.Add({.method = Method::kPost,
              .path = "/oauth/revoke",
              .access = Access::kPublic,
              .csrf_exempt = true,
              .max_body_bytes = core::limits::kOAuthFormBytes},
             [&oauth, &limiter](const Request& request, RequestContext&) {
               return OAuthPost(request, limiter, "oauth_token", kTokenRule, oauth,
                                [&](const auto& form, const Client& client) {
                                  auto token = Field(form, "token");
                                  if (!token) InvalidRequest("token is missing.");
                                  oauth.Revoke(client, *token);
                                  Response response = Response::Empty(200);
                                  NoStore(response);
                                  return response;
                                });
             });

  router.Add({.method = Method::kPost,
              .path = "/oauth/introspect",
              .access = Access::kPublic,
              .csrf_exempt = true,
              .max_body_bytes = core::limits::kOAuthFormBytes},
             [&oauth, &limiter](const Request& request, RequestContext&) {
               return OAuthPost(request, limiter, "oauth_token", kTokenRule, oauth,
                                [&](const auto& form, const Client& client) {
                                  auto token = Field(form, "token");
                                  if (!token) InvalidRequest("token is missing.");
                                  auto found = oauth.Introspect(client, *token);
                                  if (!found.active)
                                    return OAuthJson(200, json::object{{"active", false}});
                                  return OAuthJson(200,
                                                   json::object{{"active", true},
                                                                {"scope", JoinScopes(found.scopes)},
                                                                {"client_id", found.client_id},
                                                                {"username", found.username},
                                                                {"sub", found.user_id},
                                                                {"exp", found.exp},
                                                                {"iat", found.iat},
                                                                {"token_type", found.token_type}});
                                });
             });

  router.Add(
      {.method = Method::kPost,
       .path = "/oauth/device_authorization",
       .access = Access::kPublic,
       .csrf_exempt = true,
       .max_body_bytes = core::limits::kOAuthFormBytes},
      [&oauth, &limiter](const Request& request, RequestContext&) {
        return OAuthPost(
            request, limiter, "oauth_device", kDeviceRule, oauth,
            [&](const auto& form, const Client& client) {
              auto codes = oauth.AuthorizeDevice(client, Field(form, "scope"));
              return OAuthJson(
                  200, json::object{{"device_code", codes.device_code},
                                    {"user_code", codes.user_code},
                                    {"verification_uri", codes.verification_uri},
                                    {"verification_uri_complete", codes.verification_uri_complete},
                                    {"expires_in", codes.expires_in},
                                    {"interval", codes.interval}});
            });
      });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/oauth/authorization-requests/{id}",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&oauth](const Request&, RequestContext& ctx) {
               auto r = oauth.GetRequest(ctx.Param("id"));
               auto client = ClientJson(r.client);
               client["redirect_uri"] = r.redirect_uri;
               return http::Json(200, json::object{{"id", r.id},
                                                   {"client", std::move(client)},
                                                   {"scopes", Strings(r.scopes)},
                                                   {"expires_at", r.expires_at}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/oauth/authorization-requests/{id}/decision",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&oauth](const Request& request, RequestContext& ctx) {
               bool approve = Approval(request);
               auto to = oauth.Decide(ctx.User(), ctx.Param("id"), approve);
               return http::Json(200, json::object{{"redirect_to", to}});
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/oauth/device-requests/{user_code}",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&oauth](const Request&, RequestContext& ctx) {
               auto r = oauth.GetDeviceRequest(ctx.Param("user_code"));
               return http::Json(200, json::object{{"user_code", r.user_code},
                                                   {"client", ClientJson(r.client)},
                                                   {"scopes", Strings(r.scopes)},
                                                   {"expires_at", r.expires_at}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/oauth/device-requests/{user_code}/decision",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&oauth](const Request& request, RequestContext& ctx) {
               bool approve = Approval(request);
               oauth.DecideDevice(ctx.User(), ctx.Param("user_code"), approve);
               return Response::Empty(204);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/connected-apps",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&oauth](const Request&, RequestContext& ctx) {
               json::array items;
               for (const auto& app : oauth.ConnectedApps(ctx.User())) {
                 items.push_back(json::object{{"client_id", app.client_id},
                                              {"name", app.name},
                                              {"logo_url", OptText(app.logo_url)},
                                              {"homepage_url", OptText(app.homepage_url)},
                                              {"scopes", Strings(app.scopes)},
                                              {"authorized_at", app.authorized_at},
                                              {"last_used_at", OptText(app.last_used_at)}});
               }
               return http::Json(200, json::object{{"items", std::move(items)}});
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/connected-apps/{client_id}",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&oauth](const Request&, RequestContext& ctx) {
               oauth.Disconnect(ctx.User(), ctx.Param("client_id"));
               return Response::Empty(204);
             });
}

}  // namespace vigor::features::oauth
