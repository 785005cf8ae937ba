// The OAuth 2.0 authorization server, continued (oauth_test.cpp has the code grant): the device
// grant (RFC 8628), disabled clients and users, the consent request, connected apps, housekeeping
// and the pages that cannot be framed, through the real application on both databases.
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
