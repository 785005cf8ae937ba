// The credential cache (issue 16) never outlives a change in this process: a credential resolved
// from memory a moment ago is refused, or its principal changed, on the very next request after
// the write that ended or changed it. Each case first uses the credential twice, so that the
// second use is the cached one, then changes it, then uses it again at once.
#include <gtest/gtest.h>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

class CredentialCacheTest : public ::testing::Test {
 protected:
  // Two uses: the first reads the database, the second finds the copy.
  void UseTwice(Browser& b, const std::string& target, int status = 200) {
    ASSERT_EQ(h_.Get(b, target).status, status);
    ASSERT_EQ(h_.Get(b, target).status, status);
  }

  Browser TokenOf(Browser& owner, const std::string& scopes, std::string* id = nullptr) {
    auto reply = h_.Post(owner, "/api/v1/me/tokens", R"({"name":"t","scopes":[)" + scopes + "]}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    Browser api;
    api.bearer = std::string(reply.Json()["token"].as_string());
    if (id) *id = std::string(reply.Json()["id"].as_string());
    return api;
  }

  AppHarness h_;
};

TEST_F(CredentialCacheTest, TheCacheIsOnByDefault) {
  EXPECT_GT(h_.app().config.credential_cache_seconds, 0);
  ASSERT_NE(h_.app().credential_cache, nullptr);
  EXPECT_GT(h_.app().credential_cache->lifetime().count(), 0);
}

TEST_F(CredentialCacheTest, ARevokedTokenIsRefusedOnTheNextRequest) {
  h_.CreateUser("holder");
  Browser owner;
  h_.SignIn(owner, "holder");
  std::string id;
  Browser api = TokenOf(owner, R"("profile:read")", &id);
  Browser other_api = TokenOf(owner, R"("profile:read")");
  UseTwice(api, "/api/v1/me");
  UseTwice(other_api, "/api/v1/me");
  ASSERT_EQ(h_.Call(owner, Method::kDelete, "/api/v1/me/tokens/" + id).status, 204);
  EXPECT_EQ(h_.Get(api, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(other_api, "/api/v1/me").status, 200) << "the other token still works";
}

TEST_F(CredentialCacheTest, ASignedOutCookieIsRefusedOnTheNextRequest) {
  h_.CreateUser("leaver");
  Browser b;
  h_.SignIn(b, "leaver");
  UseTwice(b, "/api/v1/me");
  Browser copy = b;  // the cookie as someone who copied it has it
  ASSERT_EQ(h_.Post(b, "/api/v1/auth/logout", "").status, 204);
  EXPECT_EQ(h_.Get(copy, "/api/v1/me").status, 401);
}

TEST_F(CredentialCacheTest, AChangedPasswordEndsTheOtherSessionsOnTheNextRequest) {
  h_.CreateUser("changer");
  Browser laptop, phone;
  h_.SignIn(laptop, "changer");
  h_.SignIn(phone, "changer");
  UseTwice(laptop, "/api/v1/me");
  UseTwice(phone, "/api/v1/me");
  Browser stolen = laptop;
  auto reply = h_.Post(laptop, "/api/v1/me/password",
                       R"({"current_password":")" + AppHarness::PasswordOf("changer") +
                           R"(","new_password":"a different long passphrase"})");
  ASSERT_EQ(reply.status, 204) << reply.body;
  EXPECT_EQ(h_.Get(phone, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(stolen, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(laptop, "/api/v1/me").status, 200) << "the rotated session works";
}

TEST_F(CredentialCacheTest, ADemotedAdminIsAUserOnTheNextRequest) {
  h_.CreateUser("chief", true);
  std::string deputy_id = h_.CreateUser("deputy", true);
  Browser chief, deputy;
  h_.SignIn(chief, "chief");
  h_.SignIn(deputy, "deputy");
  Browser api = TokenOf(deputy, R"("profile:read")");
  UseTwice(deputy, "/api/v1/admin/users");
  UseTwice(api, "/api/v1/me");
  ASSERT_EQ(h_.Get(api, "/api/v1/me").Json()["role"], "admin");
  auto demoted =
      h_.Call(chief, Method::kPatch, "/api/v1/admin/users/" + deputy_id, R"({"role":"user"})");
  ASSERT_EQ(demoted.status, 200) << demoted.body;
  // A privilege change ends the sessions; the token stays, and speaks for a user now.
  EXPECT_EQ(h_.Get(deputy, "/api/v1/admin/users").status, 401);
  EXPECT_EQ(h_.Get(api, "/api/v1/me").Json()["role"], "user");
}

TEST_F(CredentialCacheTest, ADisabledUsersTokenIsRefusedOnTheNextRequest) {
  std::string id = h_.CreateUser("rogue");
  h_.CreateUser("boss", true);
  Browser rogue, boss;
  h_.SignIn(rogue, "rogue");
  h_.SignIn(boss, "boss");
  Browser api = TokenOf(rogue, R"("profile:read")");
  UseTwice(api, "/api/v1/me");
  UseTwice(rogue, "/api/v1/me");
  auto disabled =
      h_.Call(boss, Method::kPatch, "/api/v1/admin/users/" + id, R"({"status":"disabled"})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(h_.Get(api, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(rogue, "/api/v1/me").status, 401);
}

TEST_F(CredentialCacheTest, AChangedLanguageAppliesOnTheNextRequest) {
  h_.CreateUser("polyglot");
  Browser b;
  h_.SignIn(b, "polyglot");
  // A problem is told in the principal's language: English first, from the cached principal.
  const std::string missing = "/api/v1/workouts/0190a4b6-0000-7000-8000-000000000000";
  UseTwice(b, missing, 404);
  EXPECT_EQ(h_.Get(b, missing).Json()["detail"], "There is no such workout.");
  auto patched = h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(h_.Get(b, missing).Json()["detail"], "Dieses Workout gibt es nicht.");
}

// GET /me is kept in memory too (accounts/me_reader.hpp): a changed preference shows on the very
// next read, and so does a change another user made (an admin's promotion).
TEST_F(CredentialCacheTest, GetMeShowsAChangeOnTheNextRequest) {
  std::string id = h_.CreateUser("mover");
  h_.CreateUser("registrar", true);
  Browser b, admin;
  h_.SignIn(b, "mover");
  h_.SignIn(admin, "registrar");
  UseTwice(b, "/api/v1/me");
  ASSERT_EQ(h_.Get(b, "/api/v1/me").Json()["preferences"].at("time_zone"), "UTC");
  auto patched =
      h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"time_zone":"Asia/Tokyo"}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(h_.Get(b, "/api/v1/me").Json()["preferences"].at("time_zone"), "Asia/Tokyo");

  Browser api = TokenOf(b, R"("profile:read")");
  UseTwice(api, "/api/v1/me");
  ASSERT_EQ(h_.Get(api, "/api/v1/me").Json()["role"], "user");
  auto promoted =
      h_.Call(admin, Method::kPatch, "/api/v1/admin/users/" + id, R"({"role":"admin"})");
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(h_.Get(api, "/api/v1/me").Json()["role"], "admin");
}

// Without the cache (0 seconds) the same journey holds: the setting turns it off.
TEST(CredentialCacheOffTest, ZeroSecondsReadsTheDatabaseEveryTime) {
  AppHarness h([](platform::config::Config& c) { c.credential_cache_seconds = 0; });
  EXPECT_EQ(h.app().credential_cache->lifetime().count(), 0);
  h.CreateUser("plain");
  Browser b;
  h.SignIn(b, "plain");
  ASSERT_EQ(h.Get(b, "/api/v1/me").status, 200);
  Browser copy = b;
  ASSERT_EQ(h.Post(b, "/api/v1/auth/logout", "").status, 204);
  EXPECT_EQ(h.Get(copy, "/api/v1/me").status, 401);
}

}  // namespace
}  // namespace vigor
