// Account journeys that begin with a mailed link: signing up (registration modes, password
// rules, a retried sign-up), verifying the address, resetting a forgotten password, changing the
// address. Sessions, second factors and preferences are in accounts_test.cpp.
#include "accounts_fixture.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

using namespace accounts_testing;

TEST_F(AccountsTest, SignUpVerifySignIn) {
  Browser b;
  auto reply = h_.Post(b, "/api/v1/auth/signup", SignupBody("ada", "Ada@Example.org"));
  ASSERT_EQ(reply.status, 202) << reply.body;
  // Not verified yet: the right password is told so, nothing else.
  auto early =
      h_.Post(b, "/api/v1/auth/login", LoginBody("ada", "a long passphrase, 5 horses in the gym"));
  EXPECT_EQ(early.status, 403);

  auto token = h_.LinkToken("ada@example.org", "verify-email");
  ASSERT_FALSE(token.empty()) << "no verification mail";
  EXPECT_EQ(h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})").status, 200);
  EXPECT_EQ(h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})").status, 400)
      << "links are single-use";

  auto login = h_.Post(b, "/api/v1/auth/login",
                       LoginBody("ADA@example.org", "a long passphrase, 5 horses in the gym"));
  ASSERT_EQ(login.status, 200) << login.body;
  auto me = h_.Get(b, "/api/v1/me").Json();
  EXPECT_EQ(me["username"], "ada");
  EXPECT_EQ(me["email"], "ada@example.org");
  EXPECT_EQ(me["email_verified"], true);
}

// A new account starts in the language and time zone the sign-up page sent; bad ones are field
// errors and create nothing.

TEST_F(AccountsTest, SignUpTakesTheBrowsersLanguageAndTimeZone) {
  Browser b;
  auto bad = h_.Post(b, "/api/v1/auth/signup",
                     R"({"consent_policy_version":1,"email":"eve@example.org","username":"eve",)"
                     R"("password":"a long passphrase, 5 horses in the gym",)"
                     R"("locale":"fr","time_zone":"Mars Base"})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find(R"("field":"locale")"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find(R"("field":"time_zone")"), std::string::npos) << bad.body;
  EXPECT_TRUE(h_.LinkToken("eve@example.org", "verify-email").empty());

  auto reply = h_.Post(b, "/api/v1/auth/signup",
                       R"({"consent_policy_version":1,"email":"eve@example.org","username":"eve",)"
                       R"("password":"a long passphrase, 5 horses in the gym",)"
                       R"("locale":"de","time_zone":"Europe/Berlin"})");
  ASSERT_EQ(reply.status, 202) << reply.body;
  auto token = h_.LinkToken("eve@example.org", "verify-email");
  ASSERT_EQ(h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})").status, 200);
  ASSERT_EQ(
      h_.Post(b, "/api/v1/auth/login", LoginBody("eve", "a long passphrase, 5 horses in the gym"))
          .status,
      200);
  auto preferences = h_.Get(b, "/api/v1/me").Json()["preferences"].as_object();
  EXPECT_EQ(preferences["locale"], "de");
  EXPECT_EQ(preferences["time_zone"], "Europe/Berlin");
  EXPECT_EQ(preferences["weight_unit"], "kg");  // the rest keeps the defaults
}

TEST_F(AccountsTest, SignUpDoesNotRevealWhetherTheAddressExists) {
  h_.CreateUser("taken");
  Browser b;
  auto known = h_.Post(b, "/api/v1/auth/signup", SignupBody("newname", "taken@example.org"));
  auto unknown = h_.Post(b, "/api/v1/auth/signup", SignupBody("newname2", "fresh@example.org"));
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(known.status, unknown.status);
  EXPECT_EQ(known.Json()["message"], unknown.Json()["message"]);
  // The owner of the address learns about the attempt; no account was made.
  auto mails = h_.Mails();
  bool notice = false;
  for (const auto& m : mails) {
    notice = notice || (m.find("To: taken@example.org") != std::string::npos &&
                        m.find("already has one") != std::string::npos);
  }
  EXPECT_TRUE(notice);
  Browser admin;
  h_.CreateUser("root", true);
  h_.SignIn(admin, "root");
  auto users = h_.Get(admin, "/api/v1/admin/users?q=newname").Json()["items"].as_array();
  ASSERT_EQ(users.size(), 1u) << "only the sign-up with a fresh address made an account";
  EXPECT_EQ(users[0].as_object().at("username"), "newname2");
}

TEST_F(AccountsTest, ASignUpSentAgainGetsTheFirstAnswerAndChangesNothing) {
  Browser b;
  auto body = SignupBody("retried", "retried@example.org");
  ASSERT_EQ(h_.Post(b, "/api/v1/auth/signup", body).status, 202);
  auto mails_after_first = h_.Mails().size();
  // The answer was lost; the client sends the very same sign-up again.
  auto again = h_.Post(b, "/api/v1/auth/signup", body);
  EXPECT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(h_.Mails().size(), mails_after_first) << "no second verification mail";
  // Someone else picking the name (another password, or another address) is told it is taken.
  auto other_password = h_.Post(
      b, "/api/v1/auth/signup",
      SignupBody("retried", "retried@example.org", "another long passphrase, 7 rowing machines"));
  EXPECT_EQ(other_password.status, 409) << other_password.body;
  auto other_address = h_.Post(b, "/api/v1/auth/signup", SignupBody("retried", "else@example.org"));
  EXPECT_EQ(other_address.status, 409) << other_address.body;
  // Once the account is verified, the name is simply taken.
  auto token = h_.LinkToken("retried@example.org", "verify-email");
  ASSERT_EQ(h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})").status, 200);
  EXPECT_EQ(h_.Post(b, "/api/v1/auth/signup", body).status, 409);
  Browser admin;
  h_.CreateUser("root", true);
  h_.SignIn(admin, "root");
  auto users = h_.Get(admin, "/api/v1/admin/users?q=retried").Json()["items"].as_array();
  EXPECT_EQ(users.size(), 1u);
}

TEST_F(AccountsTest, PasswordRulesFollowAsvs) {
  Browser b;
  auto short_one =
      h_.Post(b, "/api/v1/auth/signup", SignupBody("shorty", "s@example.org", "short"));
  EXPECT_EQ(short_one.status, 422);
  EXPECT_NE(short_one.body.find("\"field\":\"password\""), std::string::npos);
  auto common = h_.Post(b, "/api/v1/auth/signup",
                        SignupBody("commoner", "c@example.org", "passwordpassword"));
  EXPECT_EQ(common.status, 422) << common.body;
  // 64 characters of anything, spaces and Unicode included, is fine: no composition rules.
  std::string long_one = "ein sehr langes Passwort mit Umlauten äöü und Leerzeichen 1234";
  auto ok = h_.Post(b, "/api/v1/auth/signup", SignupBody("longpass", "l@example.org", long_one));
  EXPECT_EQ(ok.status, 202) << ok.body;
}

TEST_F(AccountsTest, UsernameTakenIsReportedOnTheField) {
  h_.CreateUser("dup");
  Browser b;
  auto reply = h_.Post(b, "/api/v1/auth/signup", SignupBody("dup", "other@example.org"));
  EXPECT_EQ(reply.status, 409);
  EXPECT_NE(reply.body.find("\"field\":\"username\""), std::string::npos);
}

// ASVS 2.2.1: no more than 100 failed attempts per hour reach the password check.

TEST_F(AccountsTest, RegistrationModes) {
  h_.CreateUser("chief", true);
  Browser admin, visitor;
  h_.SignIn(admin, "chief");
  auto set = [&](const std::string& mode) {
    return h_.Call(admin, Method::kPut, "/api/v1/admin/settings",
                   R"({"registration":")" + mode + R"("})");
  };
  ASSERT_EQ(set("closed").status, 200);
  EXPECT_EQ(h_.Get(visitor, "/api/v1/meta").Json()["registration"], "closed");
  EXPECT_EQ(h_.Post(visitor, "/api/v1/auth/signup", SignupBody("nope", "nope@example.org")).status,
            403);

  ASSERT_EQ(set("invite_only").status, 200);
  EXPECT_EQ(
      h_.Post(visitor, "/api/v1/auth/signup", SignupBody("noinv", "noinv@example.org")).status,
      422);
  auto invite = h_.Post(admin, "/api/v1/admin/invites", "");
  ASSERT_EQ(invite.status, 201);
  std::string code(invite.Json()["code"].as_string());
  std::string with_code =
      R"({"consent_policy_version":1,"email":"inv@example.org","username":"invited","password":"a long passphrase, 5 horses in the gym","invite_code":")" +
      code + R"("})";
  EXPECT_EQ(h_.Post(visitor, "/api/v1/auth/signup", with_code).status, 202);
  std::string reuse =
      R"({"consent_policy_version":1,"email":"inv2@example.org","username":"invited2","password":"a long passphrase, 5 horses in the gym","invite_code":")" +
      code + R"("})";
  EXPECT_EQ(h_.Post(visitor, "/api/v1/auth/signup", reuse).status, 422) << "invites are single-use";

  ASSERT_EQ(set("approval").status, 200);
  Browser applicant;
  auto reply =
      h_.Post(applicant, "/api/v1/auth/signup", SignupBody("hopeful", "hopeful@example.org"));
  ASSERT_EQ(reply.status, 202);
  auto token = h_.LinkToken("hopeful@example.org", "verify-email");
  EXPECT_EQ(h_.Post(applicant, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})")
                .Json()["status"],
            "awaiting_approval");
  auto login = LoginBody("hopeful", "a long passphrase, 5 horses in the gym");
  EXPECT_EQ(h_.Post(applicant, "/api/v1/auth/login", login).status, 403);
  auto found = h_.Get(admin, "/api/v1/admin/users?q=hopeful").Json()["items"].as_array();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].as_object().at("status"), "pending_approval");
  std::string id(found[0].as_object().at("id").as_string());
  EXPECT_EQ(
      h_.Call(admin, Method::kPatch, "/api/v1/admin/users/" + id, R"({"status":"active"})").status,
      200);
  EXPECT_EQ(h_.Post(applicant, "/api/v1/auth/login", login).status, 200);
}

TEST_F(AccountsTest, PasswordResetEndsSessionsAndWorksOnce) {
  h_.CreateUser("forgetful");
  Browser old_device;
  h_.SignIn(old_device, "forgetful");
  Browser b;
  auto unknown = h_.Post(b, "/api/v1/auth/password-reset", R"({"email":"nobody@example.org"})");
  auto known = h_.Post(b, "/api/v1/auth/password-reset", R"({"email":"forgetful@example.org"})");
  EXPECT_EQ(unknown.status, 202);
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(unknown.body.substr(0, 40), known.body.substr(0, 40));
  auto token = h_.LinkToken("forgetful@example.org", "reset-password");
  ASSERT_FALSE(token.empty());
  std::string body = R"({"token":")" + token + R"(","password":"brand new passphrase 2026"})";
  EXPECT_EQ(h_.Post(b, "/api/v1/auth/password-reset/confirm", body).status, 204);
  EXPECT_EQ(h_.Post(b, "/api/v1/auth/password-reset/confirm", body).status, 400);
  EXPECT_EQ(h_.Get(old_device, "/api/v1/me").status, 401) << "sessions end with a reset";
  EXPECT_EQ(
      h_.Post(b, "/api/v1/auth/login", LoginBody("forgetful", AppHarness::PasswordOf("forgetful")))
          .status,
      401);
  EXPECT_EQ(
      h_.Post(b, "/api/v1/auth/login", LoginBody("forgetful", "brand new passphrase 2026")).status,
      200);
}

TEST_F(AccountsTest, ChangingTheEmailNeedsTheNewInbox) {
  h_.CreateUser("mover");
  Browser b;
  h_.SignIn(b, "mover");
  auto reply = h_.Post(b, "/api/v1/me/email",
                       R"({"new_email":"moved@example.org","password":")" +
                           AppHarness::PasswordOf("mover") + R"("})");
  ASSERT_EQ(reply.status, 202) << reply.body;
  EXPECT_EQ(h_.Get(b, "/api/v1/me").Json()["email"], "mover@example.org");
  auto token = h_.LinkToken("moved@example.org", "verify-email");
  ASSERT_FALSE(token.empty());
  auto confirmed = h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})");
  EXPECT_EQ(confirmed.Json()["status"], "email_changed");
  EXPECT_EQ(h_.Get(b, "/api/v1/me").Json()["email"], "moved@example.org");
  bool notice = false;
  for (const auto& m : h_.Mails()) {
    notice = notice || (m.find("To: mover@example.org") != std::string::npos &&
                        m.find("was just changed") != std::string::npos);
  }
  EXPECT_TRUE(notice) << "the old address is told";
}

}  // namespace
}  // namespace vigor
