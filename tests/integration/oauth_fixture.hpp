// The OAuth tests' fixture (oauth_test.cpp: the code grant, refresh, revocation, introspection
// and the metadata; oauth_device_test.cpp: the device grant, disabled clients and users, consent,
// connected apps and housekeeping): the real application on both databases, a public and a
// confidential client inserted as the apps feature registers them, and the calls an app makes.
#pragma once

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

namespace vigor::oauth_testing {

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
inline std::string ParamOf(const std::string& uri, const std::string& name) {
  auto parsed = boost::urls::parse_uri_reference(uri);
  if (!parsed) return "";
  auto it = parsed->params().find(name);
  return it == parsed->params().end() ? "" : std::string((*it).value);
}

inline std::string Location(const Reply& reply) {
  return std::string(reply.headers.Get("Location").value_or(""));
}

inline std::string Str(const boost::json::value& v) { return std::string(v.as_string()); }

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

}  // namespace vigor::oauth_testing
