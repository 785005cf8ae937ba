// Client apps through the real application on both databases: a user registers, reads, changes
// and deletes their own apps; a confidential app's secret is shown once and stored only as its
// SHA-256, and rotating it replaces the stored hash; another user's app does not exist for
// them; admins list every app with its owner and disable or enable one (audited); and every
// rule on the input answers with the field it concerns.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <regex>

#include "features/apps/feature.hpp"
#include "platform/crypto/random.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;

constexpr Statement kClientRow{
    "test.apps.client_row",
    "SELECT owner_id, secret_hash, confidential, disabled_at FROM oauth_clients WHERE public_id = "
    "$1"};
constexpr Statement kRowId{"test.apps.row_id", "SELECT id FROM oauth_clients WHERE public_id = $1"};
constexpr Statement kById{"test.apps.by_id", "SELECT id FROM oauth_clients WHERE id = $1"};
constexpr Statement kInsertGrant{
    "test.apps.insert_grant",
    "INSERT INTO oauth_grants (id, client_id, user_id, scopes, created_at) VALUES ($1, $2, $3, "
    "'profile:read', '2026-01-01T00:00:00.000Z')"};
constexpr Statement kGrant{"test.apps.grant",
                           "SELECT revoked_at, revoked_why FROM oauth_grants WHERE id = $1"};
constexpr Statement kCount{"test.apps.count", "SELECT COUNT(*) AS n FROM oauth_clients"};

constexpr const char* kConfidentialBody =
    R"({"name":"Ride Sync","logo_url":"https://ridesync.example/logo.png",)"
    R"("homepage_url":"https://ridesync.example","redirect_uris":["https://ridesync.example/cb",)"
    R"("http://127.0.0.1:8123/callback"],"confidential":true})";

std::string Text(const boost::json::object& o, const char* key) {
  return std::string(o.at(key).as_string());
}

class AppsTest : public ::testing::Test {
 protected:
  AppsTest() {
    anna_id_ = h_.CreateUser("anna");
    h_.CreateUser("ben");
    h_.CreateUser("root", true);
    h_.SignIn(anna_, "anna");
    h_.SignIn(ben_, "ben");
    h_.SignIn(admin_, "root");
  }

  boost::json::object Register(Browser& b, const std::string& body) {
    auto reply = h_.Post(b, "/api/v1/me/apps", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.Json();
  }

  struct ClientRow {
    std::string owner_id;
    std::optional<std::string> secret_hash;
    bool confidential = false;
    std::optional<std::string> disabled_at;
  };
  std::optional<ClientRow> RowOf(const std::string& client_id) {
    return h_.app().database->ReadResult([&](Session& s) -> std::optional<ClientRow> {
      auto row = s.QueryOne(kClientRow, client_id);
      if (!row) return std::nullopt;
      return ClientRow{row->Text("owner_id"), row->OptText("secret_hash"),
                       row->Bool("confidential"), row->OptText("disabled_at")};
    });
  }
  std::int64_t Count() {
    return h_.app().database->ReadResult([&](Session& s) { return s.QueryOne(kCount)->Int("n"); });
  }

  AppHarness h_;
  Browser anna_, ben_, admin_, anonymous_;
  std::string anna_id_;
};

TEST_F(AppsTest, AConfidentialAppGetsItsSecretOnceAndOnlyItsHashIsStored) {
  auto app = Register(anna_, kConfidentialBody);
  auto client_id = Text(app, "client_id");
  auto secret = Text(app, "client_secret");
  EXPECT_TRUE(std::regex_match(client_id, std::regex("vgr_client_[A-Za-z0-9_-]{22}"))) << client_id;
  EXPECT_TRUE(std::regex_match(secret, std::regex("vgr_cs_[A-Za-z0-9_-]{43}"))) << secret;
  EXPECT_EQ(Text(app, "name"), "Ride Sync");
  EXPECT_EQ(Text(app, "logo_url"), "https://ridesync.example/logo.png");
  EXPECT_EQ(Text(app, "homepage_url"), "https://ridesync.example");
  EXPECT_EQ(boost::json::serialize(app.at("redirect_uris")),
            R"(["https://ridesync.example/cb","http://127.0.0.1:8123/callback"])");
  EXPECT_EQ(app.at("confidential"), true);
  EXPECT_EQ(app.at("disabled"), false);
  EXPECT_EQ(Text(app, "secret_hint"), secret.substr(0, 11) + "...");

  // The row holds the SHA-256 of the secret (hex), never the secret.
  auto row = RowOf(client_id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->owner_id, anna_id_);
  ASSERT_TRUE(row->secret_hash);
  EXPECT_NE(*row->secret_hash, secret);
  EXPECT_EQ(row->secret_hash->find(secret.substr(7)), std::string::npos);
  EXPECT_EQ(*row->secret_hash, platform::crypto::Sha256Hex(secret));
  EXPECT_TRUE(std::regex_match(*row->secret_hash, std::regex("[0-9a-f]{64}")));

  // Read again: no secret, in the list or alone.
  auto one = h_.Get(anna_, "/api/v1/me/apps/" + client_id);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_FALSE(one.Json().contains("client_secret"));
  EXPECT_EQ(one.body.find(secret), std::string::npos);
  auto list = h_.Get(anna_, "/api/v1/me/apps");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(secret), std::string::npos);
  ASSERT_EQ(list.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(list.Json().at("items").as_array()[0].at("client_id").as_string(), client_id);
}

TEST_F(AppsTest, APublicAppHasNoSecretAndNothingToRotate) {
  auto app = Register(anna_, R"({"name":"Watch face","redirect_uris":["com.example.watch:/cb"],)"
                             R"("confidential":false})");
  auto client_id = Text(app, "client_id");
  EXPECT_FALSE(app.contains("client_secret"));
  EXPECT_TRUE(app.at("secret_hint").is_null());
  EXPECT_TRUE(app.at("logo_url").is_null());
  auto row = RowOf(client_id);
  ASSERT_TRUE(row);
  EXPECT_FALSE(row->confidential);
  EXPECT_FALSE(row->secret_hash);
  EXPECT_EQ(h_.Post(anna_, "/api/v1/me/apps/" + client_id + "/secret", "").status, 409);
}

TEST_F(AppsTest, RotatingReplacesTheStoredHashSoTheOldSecretNoLongerMatches) {
  auto app = Register(anna_, kConfidentialBody);
  auto client_id = Text(app, "client_id");
  auto old_secret = Text(app, "client_secret");
  auto rotated = h_.Post(anna_, "/api/v1/me/apps/" + client_id + "/secret", "");
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  auto new_secret = Text(rotated.Json(), "client_secret");
  EXPECT_NE(new_secret, old_secret);
  EXPECT_TRUE(rotated.Json().at("secret_rotated_at").is_string());
  auto row = RowOf(client_id);
  ASSERT_TRUE(row && row->secret_hash);
  EXPECT_EQ(*row->secret_hash, platform::crypto::Sha256Hex(new_secret));
  EXPECT_NE(*row->secret_hash, platform::crypto::Sha256Hex(old_secret));
  // The rotation is in the owner's audit log.
  auto audit = h_.Get(anna_, "/api/v1/me/audit-events").Json();
  bool found = false;
  for (const auto& e : audit.at("items").as_array()) {
    found = found || e.at("kind") == "app_secret_rotated";
  }
  EXPECT_TRUE(found) << boost::json::serialize(audit);
}

TEST_F(AppsTest, TheOwnerUpdatesAndDeletesTheirApp) {
  auto client_id = Text(Register(anna_, kConfidentialBody), "client_id");
  auto updated = h_.Call(anna_, Method::kPut, "/api/v1/me/apps/" + client_id,
                         R"({"name":"Ride Sync 2","logo_url":"","homepage_url":null,)"
                         R"("redirect_uris":["http://[::1]:9000/cb"]})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  auto json = updated.Json();
  EXPECT_EQ(Text(json, "name"), "Ride Sync 2");
  EXPECT_TRUE(json.at("logo_url").is_null());
  EXPECT_TRUE(json.at("homepage_url").is_null());
  EXPECT_EQ(boost::json::serialize(json.at("redirect_uris")), R"(["http://[::1]:9000/cb"])");
  EXPECT_EQ(json.at("confidential"), true);  // as registered
  auto read = h_.Get(anna_, "/api/v1/me/apps/" + client_id).Json();
  EXPECT_EQ(Text(read, "name"), "Ride Sync 2");
  // Whether it is confidential is not something PUT changes.
  auto switching = h_.Call(anna_, Method::kPut, "/api/v1/me/apps/" + client_id,
                           R"({"name":"X","confidential":false})");
  EXPECT_EQ(switching.status, 422);
  EXPECT_EQ(FieldsOf(switching), std::set<std::string>{"confidential"});

  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/me/apps/" + client_id).status, 204);
  EXPECT_FALSE(RowOf(client_id));
  EXPECT_EQ(h_.Get(anna_, "/api/v1/me/apps/" + client_id).status, 404);
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/me/apps/" + client_id).status, 404);
}

TEST_F(AppsTest, AnotherUsersAppIsNotFound) {
  auto client_id = Text(Register(anna_, kConfidentialBody), "client_id");
  auto path = "/api/v1/me/apps/" + client_id;
  EXPECT_EQ(h_.Get(ben_, path).status, 404);
  EXPECT_EQ(h_.Call(ben_, Method::kPut, path, R"({"name":"Mine now"})").status, 404);
  EXPECT_EQ(h_.Post(ben_, path + "/secret", "").status, 404);
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path).status, 404);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/me/apps").Json().at("items").as_array().size(), 0u);
  // Nothing changed.
  auto row = RowOf(client_id);
  ASSERT_TRUE(row);
  EXPECT_EQ(Text(h_.Get(anna_, path).Json(), "name"), "Ride Sync");
  // Signed out: 401; the admin's own list of apps is theirs only too.
  EXPECT_EQ(h_.Get(anonymous_, "/api/v1/me/apps").status, 401);
  EXPECT_EQ(h_.Get(admin_, path).status, 404);
}

TEST_F(AppsTest, AdminsListEveryAppWithItsOwnerAndDisableOne) {
  auto first = Text(Register(anna_, kConfidentialBody), "client_id");
  auto second = Text(Register(ben_, R"({"name":"Ben's CLI","confidential":false})"), "client_id");
  auto third = Text(Register(anna_, R"({"name":"Third","confidential":false})"), "client_id");

  EXPECT_EQ(h_.Get(anna_, "/api/v1/admin/apps").status, 403);
  // Two per page: newest first, then the last one.
  auto page1 = h_.Get(admin_, "/api/v1/admin/apps?limit=2");
  ASSERT_EQ(page1.status, 200) << page1.body;
  auto items1 = page1.Json().at("items").as_array();
  ASSERT_EQ(items1.size(), 2u);
  EXPECT_EQ(items1[0].at("client_id").as_string(), third);
  EXPECT_EQ(items1[0].at("owner_username"), "anna");
  EXPECT_EQ(items1[1].at("client_id").as_string(), second);
  EXPECT_EQ(items1[1].at("owner_username"), "ben");
  auto cursor = Text(page1.Json(), "next_cursor");
  auto page2 = h_.Get(admin_, "/api/v1/admin/apps?limit=2&cursor=" + cursor).Json();
  ASSERT_EQ(page2.at("items").as_array().size(), 1u);
  EXPECT_EQ(page2.at("items").as_array()[0].at("client_id").as_string(), first);
  EXPECT_TRUE(page2.at("next_cursor").is_null());
  EXPECT_EQ(page1.body.find("client_secret"), std::string::npos);

  auto disable = h_.Call(admin_, Method::kPut, "/api/v1/admin/apps/" + first + "/disabled",
                         R"({"disabled":true})");
  ASSERT_EQ(disable.status, 200) << disable.body;
  EXPECT_EQ(disable.Json().at("disabled"), true);
  auto row = RowOf(first);
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->disabled_at);
  // The owner sees it disabled; a disabled app stays in the admin list.
  EXPECT_EQ(h_.Get(anna_, "/api/v1/me/apps/" + first).Json().at("disabled"), true);
  auto all = h_.Get(admin_, "/api/v1/admin/apps").Json();
  EXPECT_EQ(all.at("items").as_array().size(), 3u);
  EXPECT_EQ(all.at("items").as_array()[2].at("disabled"), true);

  auto enable = h_.Call(admin_, Method::kPut, "/api/v1/admin/apps/" + first + "/disabled",
                        R"({"disabled":false})");
  ASSERT_EQ(enable.status, 200) << enable.body;
  EXPECT_EQ(enable.Json().at("disabled"), false);
  EXPECT_FALSE(RowOf(first)->disabled_at);

  // Both changes are in the audit log, naming the admin as actor.
  auto audit = h_.Get(admin_, "/api/v1/admin/audit-events?limit=100").Json();
  int disabled = 0;
  int enabled = 0;
  for (const auto& e : audit.at("items").as_array()) {
    disabled += e.at("kind") == "app_disabled";
    enabled += e.at("kind") == "app_enabled";
  }
  EXPECT_EQ(disabled, 1);
  EXPECT_EQ(enabled, 1);

  EXPECT_EQ(h_.Call(anna_, Method::kPut, "/api/v1/admin/apps/" + first + "/disabled",
                    R"({"disabled":true})")
                .status,
            403);
  EXPECT_EQ(h_.Call(admin_, Method::kPut, "/api/v1/admin/apps/vgr_client_nope/disabled",
                    R"({"disabled":true})")
                .status,
            404);
  auto bad = h_.Call(admin_, Method::kPut, "/api/v1/admin/apps/" + first + "/disabled",
                     R"({"disabled":"yes"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), std::set<std::string>{"disabled"});
}

TEST_F(AppsTest, EveryRuleOnTheInputNamesItsField) {
  auto refused = [&](const std::string& body) {
    auto reply = h_.Post(anna_, "/api/v1/me/apps", body);
    EXPECT_EQ(reply.status, 422) << body << " -> " << reply.body;
    return FieldsOf(reply);
  };
  using Fields = std::set<std::string>;
  // Name: required, 1 to 80 characters (80 two-byte letters are fine).
  EXPECT_EQ(refused(R"({"confidential":true})"), Fields{"name"});
  EXPECT_EQ(refused(R"({"name":"","confidential":true})"), Fields{"name"});
  EXPECT_EQ(refused(R"({"name":")" + std::string(81, 'a') + R"(","confidential":true})"),
            Fields{"name"});
  std::string umlauts;
  for (int i = 0; i < 80; ++i) umlauts += "\xC3\xBC";
  EXPECT_EQ(
      h_.Post(anna_, "/api/v1/me/apps", R"({"name":")" + umlauts + R"(","confidential":false})")
          .status,
      201);
  // confidential: required, a boolean.
  EXPECT_EQ(refused(R"({"name":"X"})"), Fields{"confidential"});
  EXPECT_EQ(refused(R"({"name":"X","confidential":"yes"})"), Fields{"confidential"});
  // Logo and homepage: https, http only for localhost; absolute; no user info.
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"logo_url":"http://example.org/l.png",)"
                    R"("homepage_url":"ftp://example.org"})"),
            (Fields{"logo_url", "homepage_url"}));
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"logo_url":"/logo.png"})"),
            Fields{"logo_url"});
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"homepage_url":"https://u:p@example.org"})"),
            Fields{"homepage_url"});
  EXPECT_EQ(
      h_.Post(anna_, "/api/v1/me/apps",
              R"({"name":"Local","confidential":true,"logo_url":"http://localhost:5173/l.png",)"
              R"("homepage_url":"http://127.0.0.1:8080/"})")
          .status,
      201);
  // Redirect URIs: absolute, no fragment, https or loopback http or a private-use scheme.
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"redirect_uris":[)"
                    R"("https://ok.example/cb",)"               // 0: fine
                    R"("/relative/cb",)"                        // 1: not absolute
                    R"("https://ok.example/cb#frag",)"          // 2: fragment
                    R"("http://example.org/cb",)"               // 3: http off loopback
                    R"("http://localhost:8000/cb",)"            // 4: a name, not a loopback IP
                    R"x("javascript:alert(1)",)x"               // 5: a browser's scheme
                    R"("myapp:/cb",)"                           // 6: not reverse-domain
                    R"("https://ok.example/cb",)"               // 7: twice
                    R"("http://127.0.0.1:51004/cb",)"           // 8: fine
                    R"("com.example.app:/oauth2redirect"]})"),  // 9: fine
            (Fields{"redirect_uris[1]", "redirect_uris[2]", "redirect_uris[3]", "redirect_uris[4]",
                    "redirect_uris[5]", "redirect_uris[6]", "redirect_uris[7]"}));
  std::string eleven = R"({"name":"X","confidential":true,"redirect_uris":[)";
  for (int i = 0; i < 11; ++i) {
    eleven += (i ? "," : "") + std::string(R"("https://ok.example/cb)") + std::to_string(i) + "\"";
  }
  EXPECT_EQ(refused(eleven + "]}"), Fields{"redirect_uris"});
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"redirect_uris":"https://ok.example"})"),
            Fields{"redirect_uris"});
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"redirect_uris":[1]})"),
            Fields{"redirect_uris"});
  EXPECT_EQ(refused(R"({"name":"X","confidential":true,"colour":"red"})"), Fields{"colour"});
  // The same rules on PUT; nothing is written when one fails.
  auto client_id = Text(Register(anna_, kConfidentialBody), "client_id");
  auto put = h_.Call(anna_, Method::kPut, "/api/v1/me/apps/" + client_id,
                     R"({"name":"","redirect_uris":["https://x.example/#a"]})");
  EXPECT_EQ(put.status, 422);
  EXPECT_EQ(FieldsOf(put), (Fields{"name", "redirect_uris[0]"}));
  EXPECT_EQ(Text(h_.Get(anna_, "/api/v1/me/apps/" + client_id).Json(), "name"), "Ride Sync");
  EXPECT_EQ(Count(), 3);  // the two accepted above and this one
}

// The oauth feature ends a client's grants through the revoker (build_app.cpp connects it); here a
// recording one stands in: it must run for a disable and a delete, inside their transaction
// (the row still exists when a delete asks), with the row id (not the public client_id) and the
// reason; enabling again ends nothing.
TEST_F(AppsTest, DisablingAndDeletingEndTheClientsGrants) {
  struct Call {
    std::string row_id, reason;
    bool row_exists;
  };
  std::vector<Call> calls;
  h_.app().Get<features::apps::AppsFeature>().service().SetGrantRevoker(
      [&](Session& s, const std::string& row_id, const std::string& reason) {
        calls.push_back({row_id, reason, s.QueryOne(kById, row_id).has_value()});
      });
  auto client_id = Text(Register(anna_, kConfidentialBody), "client_id");
  auto row_id = h_.app().database->ReadResult(
      [&](Session& s) { return s.QueryOne(kRowId, client_id)->Text("id"); });
  ASSERT_NE(row_id, client_id);

  auto path = "/api/v1/admin/apps/" + client_id + "/disabled";
  ASSERT_EQ(h_.Call(admin_, Method::kPut, path, R"({"disabled":true})").status, 200);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].row_id, row_id);
  EXPECT_EQ(calls[0].reason, "client_disabled");
  // Disabling what is disabled, and enabling, end nothing more.
  ASSERT_EQ(h_.Call(admin_, Method::kPut, path, R"({"disabled":true})").status, 200);
  ASSERT_EQ(h_.Call(admin_, Method::kPut, path, R"({"disabled":false})").status, 200);
  EXPECT_EQ(calls.size(), 1u);

  ASSERT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/me/apps/" + client_id).status, 204);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[1].row_id, row_id);
  EXPECT_EQ(calls[1].reason, "client_deleted");
  EXPECT_TRUE(calls[1].row_exists);
  EXPECT_FALSE(RowOf(client_id));
}

// With the oauth feature connected (build_app.cpp): an admin disabling an app ends the grants
// users gave it, with the reason.
TEST_F(AppsTest, DisablingAClientRevokesItsGrants) {
  auto client_id = Text(Register(anna_, kConfidentialBody), "client_id");
  auto ben_id = h_.app().database->ReadResult([&](Session& s) {
    return s.QueryOne(Statement{"test.apps.ben", "SELECT id FROM users WHERE username = 'ben'"})
        ->Text("id");
  });
  h_.app().database->Write([&](Session& s) {
    auto row_id = s.QueryOne(kRowId, client_id)->Text("id");
    s.Execute(kInsertGrant, "grant-of-ben", row_id, ben_id);
  });
  ASSERT_EQ(h_.Call(admin_, Method::kPut, "/api/v1/admin/apps/" + client_id + "/disabled",
                    R"({"disabled":true})")
                .status,
            200);
  h_.app().database->Read([&](Session& s) {
    auto grant = s.QueryOne(kGrant, "grant-of-ben");
    ASSERT_TRUE(grant);
    EXPECT_TRUE(grant->OptText("revoked_at").has_value());
    EXPECT_EQ(grant->OptText("revoked_why"), std::optional<std::string>("client_disabled"));
  });
}

TEST_F(AppsTest, RegisteringIsForBrowserSessionsOnly) {
  auto token = h_.Post(anna_, "/api/v1/me/tokens",
                       R"({"name":"script","scopes":["profile:read","profile:write"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser script;
  script.bearer = Text(token.Json(), "token");
  EXPECT_EQ(h_.Get(script, "/api/v1/me/apps").status, 403);
  EXPECT_EQ(h_.Post(script, "/api/v1/me/apps", R"({"name":"X","confidential":false})").status, 403);
  EXPECT_EQ(Count(), 0);
}

}  // namespace
}  // namespace vigor
