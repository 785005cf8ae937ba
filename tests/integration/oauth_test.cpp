// The OAuth 2.0 authorization server through the real application on both databases, as a
// third-party app and a user's browser meet it: the authorization code grant with PKCE (RFC 6749,
// RFC 7636, RFC 9700), refresh-token rotation with reuse detection, the device grant (RFC 8628),
// revocation (RFC 7009), introspection (RFC 7662), the metadata document (RFC 8414), and every
// refusal the RFCs name. Expected values are worked out here, not by the server's code: the PKCE
// pair is RFC 7636 Appendix B's.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <chrono>
#include <fstream>
#include <set>

#include "features/oauth/grant_events.hpp"
#include "features/oauth/grant_revocation.hpp"
#include "features/oauth/oauth_service.hpp"
#include "platform/config/config.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"
#include "support/oauth_clients.hpp"
#include "support/temp_dir.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::CallAsApp;
using testing::Form;
using testing::Reply;
using testing::TestClient;

// RFC 7636 Appendix B: the verifier and its S256 challenge (checked with Python's hashlib:
// base64url(sha256(verifier)) without padding). Beware a copy of this pair that circulates with
// a corrupted challenge ending "...CjR0TXDkg0_BGkatDcnbeVo": that one is wrong.
constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr const char* kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
constexpr const char* kRedirect = "https://app.example/callback";
// The harness's public origin: listen host 127.0.0.1 and port are set by the harness; read back
// from the metadata document where needed.

constexpr Statement kExpireCodes{"test.oauth.expire_codes",
                                 "UPDATE oauth_codes SET expires_at = '2000-01-01T00:00:00.000Z'"};
constexpr Statement kExpireDeviceCodes{
    "test.oauth.expire_device_codes",
    "UPDATE oauth_device_codes SET expires_at = '2000-01-01T00:00:00.000Z'"};
constexpr Statement kForgetPolls{"test.oauth.forget_polls",
                                 "UPDATE oauth_device_codes SET last_polled_at = NULL"};
constexpr Statement kGrants{
    "test.oauth.grants",
    "SELECT id, revoked_at, revoked_why, last_used_at FROM oauth_grants ORDER BY created_at, id"};
constexpr Statement kSuspend{"test.oauth.suspend",
                             "UPDATE users SET status = 'disabled' WHERE id = $1"};

// The query parameter `name` of a URI (decoded); "" when absent.
std::string ParamOf(const std::string& uri, const std::string& name) {
  auto parsed = boost::urls::parse_uri_reference(uri);
  if (!parsed) return "";
  auto it = parsed->params().find(name);
  return it == parsed->params().end() ? "" : std::string((*it).value);
}

std::string Location(const Reply& reply) {
  return std::string(reply.headers.Get("Location").value_or(""));
}

std::string Str(const boost::json::value& v) { return std::string(v.as_string()); }

class OAuthTest : public ::testing::Test {
 protected:
  OAuthTest() {
    anna_id_ = h_.CreateUser("anna");
    dev_id_ = h_.CreateUser("devon");
    h_.SignIn(anna_, "anna");
    confidential_ = testing::InsertOAuthClient(h_, dev_id_, "Run Logger", true,
                                               {kRedirect, "http://127.0.0.1/cb"});
    public_ = testing::InsertOAuthClient(h_, dev_id_, "Watch App", false, {kRedirect});
    h_.app().grant_events->Add([this](Session&, const features::oauth::GrantRevoked& revoked) {
      revoked_.push_back(revoked);
    });
    issuer_ = Str(h_.Get(anonymous_, "/.well-known/oauth-authorization-server").Json()["issuer"]);
  }

  std::string AuthorizeUrl(const TestClient& client, const std::string& scope,
                           const std::string& extra = "&code_challenge=" + std::string(kChallenge) +
                                                      "&code_challenge_method=S256",
                           const std::string& redirect = kRedirect) {
    return "/oauth/authorize?response_type=code&client_id=" + client.client_id +
           "&redirect_uri=" + Form({{"", redirect}}).substr(1) +
           "&scope=" + Form({{"", scope}}).substr(1) + "&state=xyz%20123" + extra;
  }

  // Authorization request, consent (anna approves), and the code from the redirect.
  std::string CodeFor(const TestClient& client, const std::string& scope) {
    auto authorize = h_.Get(anonymous_, AuthorizeUrl(client, scope));
    EXPECT_EQ(authorize.status, 303) << authorize.body;
    std::string consent = Location(authorize);
    EXPECT_TRUE(consent.starts_with("/oauth/consent?request=")) << consent;
    std::string request_id = ParamOf(consent, "request");
    auto decision =
        h_.Post(anna_, "/api/v1/oauth/authorization-requests/" + request_id + "/decision",
                R"({"approve":true})");
    EXPECT_EQ(decision.status, 200) << decision.body;
    std::string to = Str(decision.Json()["redirect_to"]);
    EXPECT_TRUE(to.starts_with(std::string(kRedirect) + "?")) << to;
    EXPECT_EQ(ParamOf(to, "state"), "xyz 123");
    EXPECT_EQ(ParamOf(to, "iss"), issuer_);
    return ParamOf(to, "code");
  }

  Reply Exchange(const TestClient& client, const std::string& code,
                 const std::string& verifier = kVerifier, const std::string& redirect = kRedirect) {
    std::vector<std::pair<std::string, std::string>> form{{"grant_type", "authorization_code"},
                                                          {"code", code},
                                                          {"redirect_uri", redirect},
                                                          {"code_verifier", verifier}};
    if (client.secret.empty()) {
      form.emplace_back("client_id", client.client_id);
      return CallAsApp(h_, Method::kPost, "/oauth/token", Form(form));
    }
    return CallAsApp(h_, Method::kPost, "/oauth/token", Form(form), client.client_id,
                     client.secret);
  }

  Reply TokenCall(const TestClient& client, std::vector<std::pair<std::string, std::string>> form) {
    if (client.secret.empty()) {
      form.emplace_back("client_id", client.client_id);
      return CallAsApp(h_, Method::kPost, "/oauth/token", Form(form));
    }
    return CallAsApp(h_, Method::kPost, "/oauth/token", Form(form), client.client_id,
                     client.secret);
  }

  Reply Post(const TestClient& client, const std::string& path,
             std::vector<std::pair<std::string, std::string>> form) {
    if (client.secret.empty()) {
      form.emplace_back("client_id", client.client_id);
      return CallAsApp(h_, Method::kPost, path, Form(form));
    }
    return CallAsApp(h_, Method::kPost, path, Form(form), client.client_id, client.secret);
  }

  // Tokens for anna through the code flow.
  boost::json::object Tokens(const TestClient& client, const std::string& scope) {
    auto reply = Exchange(client, CodeFor(client, scope));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }

  int ApiStatus(const std::string& token, Method method, const std::string& path,
                const std::string& body = {}) {
    Browser app;
    app.bearer = token;
    return h_.Call(app, method, path, body).status;
  }

  struct GrantState {
    std::string id;
    std::optional<std::string> revoked_at, revoked_why, last_used_at;
  };
  std::vector<GrantState> Grants() {
    return h_.app().database->ReadResult([&](Session& s) {
      std::vector<GrantState> out;
      for (const auto& row : s.Query(kGrants)) {
        out.push_back({row.Text("id"), row.OptText("revoked_at"), row.OptText("revoked_why"),
                       row.OptText("last_used_at")});
      }
      return out;
    });
  }
  void Run(const Statement& statement) {
    h_.app().database->Write([&](Session& s) { s.Execute(statement); });
  }

  static void ExpectError(const Reply& reply, int status, const std::string& error) {
    EXPECT_EQ(reply.status, status) << reply.body;
    auto type = reply.headers.Get("Content-Type").value_or("");
    EXPECT_TRUE(type.starts_with("application/json")) << type;
    EXPECT_EQ(reply.Json()["error"], error.c_str()) << reply.body;
    EXPECT_EQ(reply.headers.Get("Cache-Control").value_or(""), "no-store");
  }

  AppHarness h_;
  Browser anna_, anonymous_;
  std::string anna_id_, dev_id_, issuer_;
  TestClient confidential_, public_;
  std::vector<features::oauth::GrantRevoked> revoked_;
};

TEST(PkceTest, TheAppendixBPairMatches) {
  EXPECT_EQ(features::oauth::S256Challenge(kVerifier), kChallenge);
  EXPECT_NE(features::oauth::S256Challenge(std::string(kVerifier) + "x"), kChallenge);
}

TEST_F(OAuthTest, MetadataCarriesEveryRequiredFieldAndEveryUrlAnswers) {
  auto reply = h_.Get(anonymous_, "/.well-known/oauth-authorization-server");
  ASSERT_EQ(reply.status, 200);
  auto m = reply.Json();
  EXPECT_TRUE(issuer_.starts_with("http")) << issuer_;
  EXPECT_EQ(issuer_.back() == '/', false);
  EXPECT_EQ(Str(m["authorization_endpoint"]), issuer_ + "/oauth/authorize");
  EXPECT_EQ(Str(m["token_endpoint"]), issuer_ + "/oauth/token");
  EXPECT_EQ(Str(m["revocation_endpoint"]), issuer_ + "/oauth/revoke");
  EXPECT_EQ(Str(m["introspection_endpoint"]), issuer_ + "/oauth/introspect");
  EXPECT_EQ(Str(m["device_authorization_endpoint"]), issuer_ + "/oauth/device_authorization");
  EXPECT_EQ(m["response_types_supported"], boost::json::parse(R"(["code"])"));
  EXPECT_EQ(m["code_challenge_methods_supported"], boost::json::parse(R"(["S256"])"));
  EXPECT_EQ(m["grant_types_supported"],
            boost::json::parse(R"(["authorization_code","refresh_token",)"
                               R"("urn:ietf:params:oauth:grant-type:device_code"])"));
  EXPECT_EQ(m["token_endpoint_auth_methods_supported"],
            boost::json::parse(R"(["client_secret_basic","client_secret_post","none"])"));
  EXPECT_EQ(m["authorization_response_iss_parameter_supported"], true);
  EXPECT_EQ(m["scopes_supported"],
            boost::json::parse(R"(["profile:read","profile:write","workouts:read",)"
                               R"("workouts:write","body:read","body:write","nutrition:read",)"
                               R"("nutrition:write","social:read","social:write"])"));
  EXPECT_TRUE(m["service_documentation"].is_string());

  // Every endpoint answers at its path (without parameters: its own refusal, not a 404).
  auto path = [&](const char* key) { return Str(m[key]).substr(issuer_.size()); };
  EXPECT_EQ(h_.Get(anonymous_, path("authorization_endpoint")).status, 400);
  for (const char* key : {"token_endpoint", "revocation_endpoint", "introspection_endpoint",
                          "device_authorization_endpoint"}) {
    auto answer = CallAsApp(h_, Method::kPost, path(key), "");
    EXPECT_TRUE(answer.status == 400 || answer.status == 401) << key << " " << answer.status;
  }
  EXPECT_EQ(h_.Get(anonymous_, path("service_documentation")).status, 200);
}

TEST_F(OAuthTest, TheCodeFlowWithPkceGivesTokensThatCallTheApiWithTheirScopes) {
  auto tokens = Tokens(confidential_, "workouts:read profile:read");
  EXPECT_TRUE(Str(tokens["access_token"]).starts_with("vgr_oat_"));
  EXPECT_EQ(Str(tokens["access_token"]).size(), 8u + 43u);
  EXPECT_TRUE(Str(tokens["refresh_token"]).starts_with("vgr_ort_"));
  EXPECT_EQ(Str(tokens["refresh_token"]).size(), 8u + 43u);
  EXPECT_EQ(tokens["token_type"], "Bearer");
  EXPECT_EQ(tokens["expires_in"], 900);
  EXPECT_EQ(tokens["scope"], "workouts:read profile:read");

  std::string access = Str(tokens["access_token"]);
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/workouts"), 200);
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/me"), 200);
  // Session-only routes stay closed to tokens.
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/me/connected-apps"), 403);
  EXPECT_EQ(ApiStatus("vgr_oat_" + std::string(43, 'A'), Method::kGet, "/api/v1/workouts"), 401);

  auto grants = Grants();
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_TRUE(grants[0].last_used_at.has_value());  // the API call was recorded

  auto apps = h_.Get(anna_, "/api/v1/me/connected-apps").Json()["items"].as_array();
  ASSERT_EQ(apps.size(), 1u);
  EXPECT_EQ(apps[0].at("client_id"), confidential_.client_id.c_str());
  EXPECT_EQ(apps[0].at("name"), "Run Logger");
  EXPECT_EQ(apps[0].at("scopes"), boost::json::parse(R"(["profile:read","workouts:read"])"));
  EXPECT_TRUE(apps[0].at("last_used_at").is_string());
}

TEST_F(OAuthTest, ATokenWithoutTheRoutesScopeIsRefusedWith403) {
  auto tokens = Tokens(confidential_, "workouts:read");
  EXPECT_EQ(ApiStatus(Str(tokens["access_token"]), Method::kPost, "/api/v1/workouts",
                      R"({"title":"Run"})"),
            403);
  EXPECT_EQ(ApiStatus(Str(tokens["access_token"]), Method::kGet, "/api/v1/measurements"), 403);
}

TEST_F(OAuthTest, AWrongVerifierIsInvalidGrant) {
  std::string code = CodeFor(public_, "workouts:read");
  ExpectError(Exchange(public_, code, std::string(43, 'x')), 400, "invalid_grant");
  ExpectError(Exchange(public_, code, ""), 400, "invalid_grant");
  // The right verifier still works: a failed attempt did not use the code.
  EXPECT_EQ(Exchange(public_, code).status, 200);
}

TEST_F(OAuthTest, AWrongRedirectUriIsA400PageAtTheAuthorizationEndpointAndInvalidGrantLater) {
  auto page = h_.Get(anonymous_, AuthorizeUrl(public_, "workouts:read",
                                              "&code_challenge=" + std::string(kChallenge) +
                                                  "&code_challenge_method=S256",
                                              "https://evil.example/callback"));
  EXPECT_EQ(page.status, 400);
  EXPECT_FALSE(page.headers.Has("Location"));
  EXPECT_TRUE(page.headers.Get("Content-Type").value_or("").starts_with("text/html"));
  EXPECT_EQ(page.headers.Get("X-Frame-Options").value_or(""), "DENY");
  EXPECT_NE(page.headers.Get("Content-Security-Policy").value_or("").find("frame-ancestors 'none'"),
            std::string::npos);
  // A prefix of a registered URI is not it either.
  EXPECT_EQ(h_.Get(anonymous_, AuthorizeUrl(public_, "workouts:read",
                                            "&code_challenge=" + std::string(kChallenge) +
                                                "&code_challenge_method=S256",
                                            std::string(kRedirect) + "/more"))
                .status,
            400);

  std::string code = CodeFor(public_, "workouts:read");
  ExpectError(Exchange(public_, code, kVerifier, "https://app.example/other"), 400,
              "invalid_grant");
}

TEST_F(OAuthTest, ALoopbackRedirectUriMayVaryThePortOnly) {
  std::string pkce = "&code_challenge=" + std::string(kChallenge) + "&code_challenge_method=S256";
  auto ok = h_.Get(anonymous_,
                   AuthorizeUrl(confidential_, "workouts:read", pkce, "http://127.0.0.1:53111/cb"));
  EXPECT_EQ(ok.status, 303);
  EXPECT_TRUE(Location(ok).starts_with("/oauth/consent?request="));
  EXPECT_EQ(h_.Get(anonymous_, AuthorizeUrl(confidential_, "workouts:read", pkce,
                                            "http://127.0.0.1:53111/other"))
                .status,
            400);
  EXPECT_EQ(h_.Get(anonymous_,
                   AuthorizeUrl(confidential_, "workouts:read", pkce, "http://localhost:53111/cb"))
                .status,
            400);
}

TEST_F(OAuthTest, AReusedCodeIsRefusedAndRevokesTheGrantIssuedFromIt) {
  std::string code = CodeFor(confidential_, "workouts:read");
  auto first = Exchange(confidential_, code);
  ASSERT_EQ(first.status, 200);
  std::string access = Str(first.Json()["access_token"]);
  std::string refresh = Str(first.Json()["refresh_token"]);
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/workouts"), 200);

  ExpectError(Exchange(confidential_, code), 400, "invalid_grant");
  auto grants = Grants();
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_TRUE(grants[0].revoked_at.has_value());
  EXPECT_EQ(grants[0].revoked_why, "reuse");
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/workouts"), 401);
  ExpectError(
      TokenCall(confidential_, {{"grant_type", "refresh_token"}, {"refresh_token", refresh}}), 400,
      "invalid_grant");
  ASSERT_EQ(revoked_.size(), 1u);
  EXPECT_EQ(revoked_[0].reason, "reuse");
  EXPECT_EQ(revoked_[0].user_id, anna_id_);
  EXPECT_EQ(revoked_[0].client_id, confidential_.row_id);
}

TEST_F(OAuthTest, AnExpiredCodeIsInvalidGrant) {
  std::string code = CodeFor(public_, "workouts:read");
  Run(kExpireCodes);
  ExpectError(Exchange(public_, code), 400, "invalid_grant");
  EXPECT_TRUE(Grants().empty());
}

TEST_F(OAuthTest, AClientWithoutPkceOrWithPlainPkceIsRefusedByRedirect) {
  for (const std::string& extra :
       {std::string(""), "&code_challenge=" + std::string(kChallenge),
        "&code_challenge=" + std::string(kVerifier) + "&code_challenge_method=plain"}) {
    auto reply = h_.Get(anonymous_, AuthorizeUrl(public_, "workouts:read", extra));
    ASSERT_EQ(reply.status, 303) << extra;
    std::string to = Location(reply);
    EXPECT_TRUE(to.starts_with(std::string(kRedirect) + "?")) << to;
    EXPECT_EQ(ParamOf(to, "error"), "invalid_request") << extra;
    EXPECT_EQ(ParamOf(to, "state"), "xyz 123");
    EXPECT_EQ(ParamOf(to, "iss"), issuer_);
    EXPECT_EQ(reply.headers.Get("Cache-Control").value_or(""), "no-store");
  }
}

TEST_F(OAuthTest, ImplicitPasswordAndUnknownScopesAreRefused) {
  std::string pkce = "&code_challenge=" + std::string(kChallenge) + "&code_challenge_method=S256";
  auto implicit =
      h_.Get(anonymous_, "/oauth/authorize?response_type=token&client_id=" + public_.client_id +
                             "&redirect_uri=" + Form({{"", kRedirect}}).substr(1) +
                             "&scope=workouts:read&state=s1" + pkce);
  ASSERT_EQ(implicit.status, 303);
  EXPECT_EQ(ParamOf(Location(implicit), "error"), "unsupported_response_type");
  EXPECT_EQ(ParamOf(Location(implicit), "state"), "s1");

  auto unknown_scope = h_.Get(anonymous_, AuthorizeUrl(public_, "workouts:read admin", pkce));
  EXPECT_EQ(ParamOf(Location(unknown_scope), "error"), "invalid_scope");

  ExpectError(TokenCall(confidential_,
                        {{"grant_type", "password"}, {"username", "anna"}, {"password", "x"}}),
              400, "unsupported_grant_type");
  ExpectError(TokenCall(confidential_, {{"grant_type", "client_credentials"}}), 400,
              "unsupported_grant_type");
}

TEST_F(OAuthTest, UnknownOrDisabledClientsGetAPageNotARedirect) {
  TestClient ghost{"x", "vgr_client_" + std::string(22, 'Q'), ""};
  auto page = h_.Get(anonymous_, AuthorizeUrl(ghost, "workouts:read"));
  EXPECT_EQ(page.status, 400);
  EXPECT_FALSE(page.headers.Has("Location"));
}

TEST_F(OAuthTest, RefreshTokensRotateAndAReusedOneRevokesTheWholeGrant) {
  auto tokens = Tokens(public_, "workouts:read");
  std::string refresh1 = Str(tokens["refresh_token"]);
  auto second = TokenCall(public_, {{"grant_type", "refresh_token"}, {"refresh_token", refresh1}});
  ASSERT_EQ(second.status, 200) << second.body;
  std::string refresh2 = Str(second.Json()["refresh_token"]);
  std::string access2 = Str(second.Json()["access_token"]);
  EXPECT_NE(refresh2, refresh1);
  EXPECT_EQ(second.Json()["scope"], "workouts:read");
  EXPECT_EQ(second.headers.Get("Cache-Control").value_or(""), "no-store");
  EXPECT_EQ(ApiStatus(access2, Method::kGet, "/api/v1/workouts"), 200);

  // The old refresh token again: refused, and the grant (with the new tokens) ends.
  ExpectError(TokenCall(public_, {{"grant_type", "refresh_token"}, {"refresh_token", refresh1}}),
              400, "invalid_grant");
  EXPECT_EQ(ApiStatus(access2, Method::kGet, "/api/v1/workouts"), 401);
  ExpectError(TokenCall(public_, {{"grant_type", "refresh_token"}, {"refresh_token", refresh2}}),
              400, "invalid_grant");
  ASSERT_EQ(Grants().size(), 1u);
  EXPECT_EQ(Grants()[0].revoked_why, "reuse");
  ASSERT_EQ(revoked_.size(), 1u);
  EXPECT_EQ(revoked_[0].reason, "reuse");

  // Another client's refresh token is not this client's.
  auto other = Tokens(confidential_, "workouts:read");
  ExpectError(TokenCall(public_, {{"grant_type", "refresh_token"},
                                  {"refresh_token", Str(other["refresh_token"])}}),
              400, "invalid_grant");
  // Asking for more than the grant holds.
  ExpectError(TokenCall(confidential_, {{"grant_type", "refresh_token"},
                                        {"refresh_token", Str(other["refresh_token"])},
                                        {"scope", "workouts:write"}}),
              400, "invalid_scope");
}

TEST_F(OAuthTest, RevocationEndsAnAccessTokenAloneAndARefreshTokensWholeGrant) {
  auto tokens = Tokens(confidential_, "workouts:read");
  std::string access = Str(tokens["access_token"]);
  std::string refresh = Str(tokens["refresh_token"]);

  auto revoked = Post(confidential_, "/oauth/revoke", {{"token", access}});
  EXPECT_EQ(revoked.status, 200);
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/workouts"), 401);
  EXPECT_FALSE(Grants()[0].revoked_at.has_value());  // the refresh token still works
  auto refreshed =
      TokenCall(confidential_, {{"grant_type", "refresh_token"}, {"refresh_token", refresh}});
  ASSERT_EQ(refreshed.status, 200);

  EXPECT_EQ(Post(confidential_, "/oauth/revoke",
                 {{"token", Str(refreshed.Json()["refresh_token"])},
                  {"token_type_hint", "refresh_token"}})
                .status,
            200);
  EXPECT_EQ(Grants()[0].revoked_why, "app");
  EXPECT_EQ(ApiStatus(Str(refreshed.Json()["access_token"]), Method::kGet, "/api/v1/workouts"),
            401);
  ASSERT_EQ(revoked_.size(), 1u);
  EXPECT_EQ(revoked_[0].reason, "app");

  EXPECT_EQ(Post(confidential_, "/oauth/revoke", {{"token", "vgr_oat_unknown"}}).status, 200);
  ExpectError(Post(confidential_, "/oauth/revoke", {}), 400, "invalid_request");
  ExpectError(CallAsApp(h_, Method::kPost, "/oauth/revoke", Form({{"token", access}}),
                        confidential_.client_id, "vgr_cs_wrong"),
              401, "invalid_client");
}

TEST_F(OAuthTest, IntrospectionNeedsAConfidentialClientAndTellsLiveFromDead) {
  auto tokens = Tokens(confidential_, "workouts:read profile:read");
  std::string access = Str(tokens["access_token"]);

  auto live = Post(confidential_, "/oauth/introspect", {{"token", access}});
  ASSERT_EQ(live.status, 200) << live.body;
  auto j = live.Json();
  EXPECT_EQ(j["active"], true);
  EXPECT_EQ(j["scope"], "workouts:read profile:read");
  EXPECT_EQ(j["client_id"], confidential_.client_id.c_str());
  EXPECT_EQ(j["username"], "anna");
  EXPECT_EQ(j["sub"], anna_id_.c_str());
  EXPECT_EQ(j["token_type"], "Bearer");
  EXPECT_EQ(j["exp"].as_int64() - j["iat"].as_int64(), 900);
  auto refresh_j =
      Post(confidential_, "/oauth/introspect", {{"token", Str(tokens["refresh_token"])}}).Json();
  EXPECT_EQ(refresh_j["active"], true);
  EXPECT_EQ(refresh_j["exp"].as_int64() - refresh_j["iat"].as_int64(), 60 * 24 * 3600);

  // A public client may not introspect; wrong credentials are 401 with a Basic challenge.
  ExpectError(Post(public_, "/oauth/introspect", {{"token", access}}), 401, "invalid_client");
  auto wrong = CallAsApp(h_, Method::kPost, "/oauth/introspect", Form({{"token", access}}),
                         confidential_.client_id, "vgr_cs_wrong");
  ExpectError(wrong, 401, "invalid_client");
  EXPECT_TRUE(wrong.headers.Get("WWW-Authenticate").value_or("").starts_with("Basic"));

  Post(confidential_, "/oauth/revoke", {{"token", access}});
  EXPECT_EQ(Post(confidential_, "/oauth/introspect", {{"token", access}}).Json(),
            boost::json::parse(R"({"active":false})"));
  EXPECT_EQ(Post(confidential_, "/oauth/introspect", {{"token", "nonsense"}}).Json(),
            boost::json::parse(R"({"active":false})"));
}

TEST_F(OAuthTest, ClientSecretPostWorksAndBothMethodsAtOnceAreRefused) {
  std::string code = CodeFor(confidential_, "workouts:read");
  auto both = CallAsApp(h_, Method::kPost, "/oauth/token",
                        Form({{"grant_type", "authorization_code"},
                              {"code", code},
                              {"redirect_uri", kRedirect},
                              {"code_verifier", kVerifier},
                              {"client_secret", confidential_.secret}}),
                        confidential_.client_id, confidential_.secret);
  ExpectError(both, 400, "invalid_request");
  auto no_secret = CallAsApp(h_, Method::kPost, "/oauth/token",
                             Form({{"grant_type", "authorization_code"},
                                   {"code", code},
                                   {"redirect_uri", kRedirect},
                                   {"code_verifier", kVerifier},
                                   {"client_id", confidential_.client_id}}));
  ExpectError(no_secret, 401, "invalid_client");
  EXPECT_FALSE(no_secret.headers.Has("WWW-Authenticate"));
  auto post = CallAsApp(h_, Method::kPost, "/oauth/token",
                        Form({{"grant_type", "authorization_code"},
                              {"code", code},
                              {"redirect_uri", kRedirect},
                              {"code_verifier", kVerifier},
                              {"client_id", confidential_.client_id},
                              {"client_secret", confidential_.secret}}));
  EXPECT_EQ(post.status, 200) << post.body;
}

TEST_F(OAuthTest, TheDeviceFlowIsPendingSlowsDownAndGivesTokensOnceApproved) {
  auto start = Post(public_, "/oauth/device_authorization", {{"scope", "workouts:read"}});
  ASSERT_EQ(start.status, 200) << start.body;
  auto d = start.Json();
  std::string user_code = Str(d["user_code"]);
  ASSERT_EQ(user_code.size(), 9u);
  EXPECT_EQ(user_code[4], '-');
  for (std::size_t i = 0; i < user_code.size(); ++i) {
    if (i == 4) continue;
    EXPECT_NE(std::string("BCDFGHJKLMNPQRSTVWXZ").find(user_code[i]), std::string::npos);
  }
  EXPECT_EQ(Str(d["verification_uri"]), issuer_ + "/device");
  EXPECT_EQ(Str(d["verification_uri_complete"]), issuer_ + "/device?code=" + user_code);
  EXPECT_EQ(d["expires_in"], 600);
  EXPECT_EQ(d["interval"], 5);
  std::string device_code = Str(d["device_code"]);
  std::vector<std::pair<std::string, std::string>> poll{
      {"grant_type", "urn:ietf:params:oauth:grant-type:device_code"}, {"device_code", device_code}};

  ExpectError(TokenCall(public_, poll), 400, "authorization_pending");
  ExpectError(TokenCall(public_, poll), 400, "slow_down");  // again at once

  // The user enters the code (any case, without the dash) on the web app and approves.
  std::string typed = user_code.substr(0, 4) + user_code.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  auto shown = h_.Get(anna_, "/api/v1/oauth/device-requests/" + typed);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json()["user_code"], user_code.c_str());
  EXPECT_EQ(shown.Json()["client"].at("name"), "Watch App");
  EXPECT_EQ(shown.Json()["scopes"], boost::json::parse(R"(["workouts:read"])"));
  EXPECT_EQ(h_.Post(anna_, "/api/v1/oauth/device-requests/" + user_code + "/decision",
                    R"({"approve":true})")
                .status,
            204);
  // Decided once: the code is no longer pending.
  EXPECT_EQ(h_.Get(anna_, "/api/v1/oauth/device-requests/" + user_code).status, 404);

  Run(kForgetPolls);  // instead of waiting out the interval
  auto tokens = TokenCall(public_, poll);
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  EXPECT_EQ(ApiStatus(Str(tokens.Json()["access_token"]), Method::kGet, "/api/v1/workouts"), 200);
  Run(kForgetPolls);
  ExpectError(TokenCall(public_, poll), 400, "invalid_grant");  // used
}

TEST_F(OAuthTest, ADeniedDeviceRequestIsAccessDeniedAndAnExpiredOneExpiredToken) {
  auto denied = Post(public_, "/oauth/device_authorization", {{"scope", "workouts:read"}}).Json();
  EXPECT_EQ(
      h_.Post(anna_, "/api/v1/oauth/device-requests/" + Str(denied["user_code"]) + "/decision",
              R"({"approve":false})")
          .status,
      204);
  ExpectError(TokenCall(public_, {{"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                                  {"device_code", Str(denied["device_code"])}}),
              400, "access_denied");

  auto late = Post(public_, "/oauth/device_authorization", {{"scope", "workouts:read"}}).Json();
  Run(kExpireDeviceCodes);
  ExpectError(TokenCall(public_, {{"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                                  {"device_code", Str(late["device_code"])}}),
              400, "expired_token");
  EXPECT_EQ(h_.Get(anna_, "/api/v1/oauth/device-requests/" + Str(late["user_code"])).status, 404);
  ExpectError(Post(public_, "/oauth/device_authorization", {{"scope", "everything"}}), 400,
              "invalid_scope");
}

TEST_F(OAuthTest, ADisabledClientIsRefusedEverywhereAndItsTokensStopAtOnce) {
  auto tokens = Tokens(confidential_, "workouts:read");
  std::string access = Str(tokens["access_token"]);
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/workouts"), 200);

  h_.app().database->Write([&](Session& s) {
    EXPECT_EQ(features::oauth::RevokeClientGrants(s, *h_.app().grant_events, confidential_.row_id,
                                                  "client_disabled"),
              1);
  });
  testing::DisableOAuthClient(h_, confidential_.row_id);
  ASSERT_EQ(revoked_.size(), 1u);
  EXPECT_EQ(revoked_[0].reason, "client_disabled");
  EXPECT_EQ(ApiStatus(access, Method::kGet, "/api/v1/workouts"), 401);
  ExpectError(TokenCall(confidential_, {{"grant_type", "refresh_token"},
                                        {"refresh_token", Str(tokens["refresh_token"])}}),
              401, "invalid_client");
  EXPECT_EQ(h_.Get(anonymous_, AuthorizeUrl(confidential_, "workouts:read")).status, 400);
  EXPECT_TRUE(h_.Get(anna_, "/api/v1/me/connected-apps").Json()["items"].as_array().empty());
}

TEST_F(OAuthTest, ADisabledClientsTokensStopEvenBeforeItsGrantsAreRevoked) {
  auto tokens = Tokens(public_, "workouts:read");
  testing::DisableOAuthClient(h_, public_.row_id);
  EXPECT_EQ(ApiStatus(Str(tokens["access_token"]), Method::kGet, "/api/v1/workouts"), 401);
}

TEST_F(OAuthTest, TheConsentRequestIsShownToTheSignedInUserAndDecidedOnce) {
  auto authorize = h_.Get(anonymous_, AuthorizeUrl(confidential_, "workouts:read body:read"));
  std::string id = ParamOf(Location(authorize), "request");
  auto shown = h_.Get(anna_, "/api/v1/oauth/authorization-requests/" + id);
  ASSERT_EQ(shown.status, 200) << shown.body;
  auto j = shown.Json();
  EXPECT_EQ(j["client"].at("name"), "Run Logger");
  EXPECT_EQ(j["client"].at("client_id"), confidential_.client_id.c_str());
  EXPECT_EQ(j["client"].at("redirect_uri"), kRedirect);
  EXPECT_EQ(j["scopes"], boost::json::parse(R"(["workouts:read","body:read"])"));
  EXPECT_EQ(h_.Get(anonymous_, "/api/v1/oauth/authorization-requests/" + id).status, 401);
  EXPECT_EQ(h_.Get(anna_, "/api/v1/oauth/authorization-requests/nope").status, 404);

  auto denied = h_.Post(anna_, "/api/v1/oauth/authorization-requests/" + id + "/decision",
                        R"({"approve":false})");
  ASSERT_EQ(denied.status, 200);
  std::string to = Str(denied.Json()["redirect_to"]);
  EXPECT_EQ(ParamOf(to, "error"), "access_denied");
  EXPECT_EQ(ParamOf(to, "state"), "xyz 123");
  EXPECT_EQ(ParamOf(to, "iss"), issuer_);
  EXPECT_EQ(ParamOf(to, "code"), "");
  EXPECT_EQ(h_.Post(anna_, "/api/v1/oauth/authorization-requests/" + id + "/decision",
                    R"({"approve":true})")
                .status,
            404);
  EXPECT_EQ(h_.Get(anna_, "/api/v1/oauth/authorization-requests/" + id).status, 404);
}

TEST_F(OAuthTest, DisconnectingAnAppRevokesEveryGrantOfItForTheUser) {
  auto first = Tokens(confidential_, "workouts:read");
  auto second = Tokens(confidential_, "body:read");
  auto apps = h_.Get(anna_, "/api/v1/me/connected-apps").Json()["items"].as_array();
  ASSERT_EQ(apps.size(), 1u);
  EXPECT_EQ(apps[0].at("scopes"), boost::json::parse(R"(["workouts:read","body:read"])"));

  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/me/connected-apps/" + confidential_.client_id)
                .status,
            204);
  EXPECT_EQ(ApiStatus(Str(first["access_token"]), Method::kGet, "/api/v1/workouts"), 401);
  EXPECT_EQ(ApiStatus(Str(second["access_token"]), Method::kGet, "/api/v1/measurements"), 401);
  EXPECT_EQ(revoked_.size(), 2u);
  for (const auto& r : revoked_) EXPECT_EQ(r.reason, "user");
  EXPECT_TRUE(h_.Get(anna_, "/api/v1/me/connected-apps").Json()["items"].as_array().empty());
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/me/connected-apps/" + confidential_.client_id)
                .status,
            404);
}

TEST_F(OAuthTest, ADisabledUsersTokensAreRefused) {
  auto tokens = Tokens(public_, "workouts:read");
  h_.app().database->Write([&](Session& s) { s.Execute(kSuspend, anna_id_); });
  EXPECT_EQ(ApiStatus(Str(tokens["access_token"]), Method::kGet, "/api/v1/workouts"), 401);
}

TEST_F(OAuthTest, TheTokenEndpointIgnoresCookiesAndTheWebPagesCannotBeFramed) {
  // The browser's session cookie does not make a token request valid: only client credentials.
  auto reply = h_.Call(anna_, Method::kPost, "/oauth/token",
                       Form({{"grant_type", "refresh_token"}, {"refresh_token", "x"}}),
                       testing::ContentType("application/x-www-form-urlencoded"));
  ExpectError(reply, 401, "invalid_client");
}

TEST_F(OAuthTest, HousekeepingPurgesExpiredRowsAndLongRevokedGrants) {
  using namespace std::chrono_literals;
  Tokens(public_, "workouts:read");                            // a used code, two tokens, a grant
  h_.Get(anonymous_, AuthorizeUrl(public_, "workouts:read"));  // a parked request
  Post(public_, "/oauth/device_authorization", {{"scope", "workouts:read"}});  // a device code
  auto now = std::chrono::system_clock::now();
  // Nothing is due yet.
  EXPECT_EQ(h_.app().housekeeping->RunOnce(now)["oauth"], 0);
  // After 61 days: the request (10 min), the code (60 s, kept a day), the device code (10 min)
  // and both tokens (15 min, 60 days) are due; the live grant stays.
  EXPECT_EQ(h_.app().housekeeping->RunOnce(now + 61 * 24h)["oauth"], 5);
  ASSERT_EQ(Grants().size(), 1u);
  // A revoked grant is kept 30 days. (The purge above ended anna's session too: revoked here
  // as the admin's disabling would.)
  h_.app().database->Write([&](Session& s) {
    features::oauth::RevokeClientGrants(s, *h_.app().grant_events, public_.row_id,
                                        "client_disabled");
  });
  EXPECT_EQ(h_.app().housekeeping->RunOnce(now + 29 * 24h)["oauth"], 0);
  EXPECT_EQ(h_.app().housekeeping->RunOnce(now + 31 * 24h)["oauth"], 1);
  EXPECT_TRUE(Grants().empty());
}

TEST(OAuthPagesTest, TheConsentAndDevicePagesCannotBeFramed) {
  testing::TempDir web;
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>Vigor</title>";
  AppHarness h([&](platform::config::Config& config) { config.web_dir = web.path(); });
  Browser browser;
  for (const char* page : {"/oauth/consent?request=abc", "/device?code=BCDF-GHJK", "/device"}) {
    auto reply = h.Get(browser, page);
    EXPECT_EQ(reply.status, 200) << page;
    EXPECT_EQ(reply.headers.Get("X-Frame-Options").value_or(""), "DENY") << page;
    EXPECT_NE(
        reply.headers.Get("Content-Security-Policy").value_or("").find("frame-ancestors 'none'"),
        std::string::npos)
        << page;
  }
}

}  // namespace
}  // namespace vigor
