// The OAuth 2.0 authorization server through the real application on both databases, as a
// third-party app and a user's browser meet it: the authorization code grant with PKCE (RFC 6749,
// RFC 7636, RFC 9700), refresh-token rotation with reuse detection, the device grant (RFC 8628),
// revocation (RFC 7009), introspection (RFC 7662), the metadata document (RFC 8414), and every
// refusal the RFCs name. Expected values are worked out here, not by the server's code: the PKCE
// pair is RFC 7636 Appendix B's.
#include "oauth_fixture.hpp"

namespace vigor {
namespace {

using oauth_testing::kChallenge;
using oauth_testing::kExpireCodes;
using oauth_testing::kExpireDeviceCodes;
using oauth_testing::kForgetPolls;
using oauth_testing::kGrants;
using oauth_testing::kRedirect;
using oauth_testing::kSuspend;
using oauth_testing::kVerifier;
using oauth_testing::Location;
using oauth_testing::OAuthTest;
using oauth_testing::ParamOf;
using oauth_testing::Str;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::CallAsApp;
using testing::Form;
using testing::Reply;
using testing::TestClient;

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

}  // namespace
}  // namespace vigor
