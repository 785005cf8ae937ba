// The CSRF token is bound to the session (issue 9, defect 10): OWASP's signed double-submit
// cookie, an HMAC of the session cookie under the instance's key. A cookie and header that match
// each other are not enough any more; they must match the session they come with.
#include <gtest/gtest.h>

#include <string>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

constexpr const char* kCreateToken = R"({"name":"t","scopes":["profile:read"]})";

class CsrfTest : public ::testing::Test {
 protected:
  Reply CreateToken(Browser& b) { return h_.Post(b, "/api/v1/me/tokens", kCreateToken); }

  static void ExpectCsrfRefusal(const Reply& reply) {
    EXPECT_EQ(reply.status, 403) << reply.body;
    EXPECT_EQ(reply.headers.Get("Content-Type").value_or(""), "application/problem+json");
    EXPECT_NE(reply.body.find("CSRF"), std::string::npos) << reply.body;
  }

  AppHarness h_;
};

TEST_F(CsrfTest, TheRealTokenIsAccepted) {
  h_.CreateUser("alice");
  Browser b;
  h_.SignIn(b, "alice");
  EXPECT_EQ(CreateToken(b).status, 201);
}

TEST_F(CsrfTest, AnAttackerChosenMatchingCookieAndHeaderAreRefused) {
  h_.CreateUser("alice");
  Browser b;
  h_.SignIn(b, "alice");
  // As if planted by a sibling subdomain or a man in the middle on plain http: the harness sends
  // the cookie's value as the header, so both match.
  for (const std::string& chosen :
       {std::string("attacker-chosen-value"), std::string(43, 'A'),
        b.cookies["vigor_csrf"].substr(0, b.cookies["vigor_csrf"].size() - 1) + "x"}) {
    Browser forged = b;
    forged.cookies["vigor_csrf"] = chosen;
    ExpectCsrfRefusal(CreateToken(forged));
  }
  EXPECT_EQ(h_.Get(b, "/api/v1/me/tokens").Json()["items"].as_array().size(), 0u)
      << "a refused request changes nothing";
}

TEST_F(CsrfTest, ATokenFromAnotherSessionIsRefused) {
  h_.CreateUser("alice");
  h_.CreateUser("bob");
  Browser alice_laptop, alice_phone, bob;
  h_.SignIn(alice_laptop, "alice");
  h_.SignIn(alice_phone, "alice");
  h_.SignIn(bob, "bob");
  // Session A's token with session B, for the same user and for another user.
  for (Browser* other : {&alice_phone, &bob}) {
    Browser mixed = alice_laptop;
    mixed.cookies["vigor_csrf"] = other->cookies["vigor_csrf"];
    ExpectCsrfRefusal(CreateToken(mixed));
  }
  // A token issued before sign-in (bound to no session) is no good with a session either.
  Browser anonymous;
  h_.Get(anonymous, "/api/v1/meta");
  ASSERT_TRUE(anonymous.cookies.contains("vigor_csrf"));
  Browser mixed = alice_laptop;
  mixed.cookies["vigor_csrf"] = anonymous.cookies["vigor_csrf"];
  ExpectCsrfRefusal(CreateToken(mixed));
}

TEST_F(CsrfTest, AMadeUpTokenIsRefusedBeforeSignInToo) {
  h_.CreateUser("alice");
  Browser b;
  b.cookies["vigor_csrf"] = "made-up";
  auto reply =
      h_.Post(b, "/api/v1/auth/login",
              R"({"login":"alice","password":")" + AppHarness::PasswordOf("alice") + "\"}");
  ExpectCsrfRefusal(reply);
  EXPECT_FALSE(b.cookies.contains("vigor_session"));
}

TEST_F(CsrfTest, ARefusalHandsOutAGoodTokenSoTheNextTryWorks) {
  h_.CreateUser("alice");
  Browser b;
  h_.SignIn(b, "alice");
  b.cookies["vigor_csrf"] = "stale";
  ExpectCsrfRefusal(CreateToken(b));
  EXPECT_NE(b.cookies["vigor_csrf"], "stale");
  EXPECT_EQ(CreateToken(b).status, 201);
}

TEST_F(CsrfTest, AReadRepairsAStaleToken) {
  h_.CreateUser("alice");
  Browser b;
  h_.SignIn(b, "alice");
  Browser other;
  h_.SignIn(other, "alice");
  b.cookies["vigor_csrf"] = other.cookies["vigor_csrf"];
  EXPECT_EQ(h_.Get(b, "/api/v1/me").status, 200);
  EXPECT_NE(b.cookies["vigor_csrf"], other.cookies["vigor_csrf"]);
  EXPECT_EQ(CreateToken(b).status, 201);
}

// The web app reads the cookie before every unsafe request: each step that starts or ends a
// session must leave it a token that fits the session it now has.
TEST_F(CsrfTest, TheTokenFollowsTheSessionThroughSignInOutAndRotation) {
  h_.CreateUser("alice");
  Browser b;
  h_.Get(b, "/api/v1/meta");
  std::string anonymous = b.cookies["vigor_csrf"];
  h_.SignIn(b, "alice");
  EXPECT_NE(b.cookies["vigor_csrf"], anonymous) << "sign-in issues a token for the new session";
  EXPECT_EQ(CreateToken(b).status, 201);

  // Changing the password rotates the session, and the token with it.
  std::string before = b.cookies["vigor_csrf"];
  auto changed = h_.Post(b, "/api/v1/me/password",
                         R"({"current_password":")" + AppHarness::PasswordOf("alice") +
                             R"(","new_password":"another long passphrase, 7 rowing machines"})");
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_NE(b.cookies["vigor_csrf"], before);
  EXPECT_EQ(CreateToken(b).status, 201);

  // Signing out leaves a token for the next sign-in on the same page.
  EXPECT_EQ(h_.Post(b, "/api/v1/auth/logout", "").status, 204);
  EXPECT_FALSE(b.cookies.contains("vigor_session"));
  auto again =
      h_.Post(b, "/api/v1/auth/login",
              R"({"login":"alice","password":"another long passphrase, 7 rowing machines"})");
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(CreateToken(b).status, 201);

  // Ending every session (this one included) also leaves a usable token.
  EXPECT_EQ(h_.Call(b, Method::kDelete, "/api/v1/me/sessions").status, 204);
  auto third =
      h_.Post(b, "/api/v1/auth/login",
              R"({"login":"alice","password":"another long passphrase, 7 rowing machines"})");
  EXPECT_EQ(third.status, 200) << third.body;
}

}  // namespace
}  // namespace vigor
