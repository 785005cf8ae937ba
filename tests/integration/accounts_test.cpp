// Account journeys through the real application (in process): sign-in with and without a second
// factor, sessions, password changes, admin actions, preferences, and the mistakes peers made.
// Sign-up, verification and resets are in accounts_signup_test.cpp.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "accounts_fixture.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/totp.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

using namespace accounts_testing;

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST_F(AccountsTest, SessionCookieIsHttpOnlyAndLax) {
  h_.CreateUser("cookie");
  Browser b;
  auto reply =
      h_.Post(b, "/api/v1/auth/login", LoginBody("cookie", AppHarness::PasswordOf("cookie")));
  bool seen = false;
  for (const auto& f : reply.headers.fields()) {
    if (f.name == "Set-Cookie" && f.value.starts_with("vigor_session=")) {
      seen = true;
      EXPECT_NE(f.value.find("HttpOnly"), std::string::npos);
      EXPECT_NE(f.value.find("SameSite=Lax"), std::string::npos);
      EXPECT_NE(f.value.find("Path=/"), std::string::npos);
    }
  }
  EXPECT_TRUE(seen);
}

TEST_F(AccountsTest, LoginAnswersAlikeForUnknownAccountsAndWrongPasswords) {
  h_.CreateUser("real");
  Browser b;
  auto wrong = h_.Post(b, "/api/v1/auth/login", LoginBody("real", "not the password at all"));
  auto unknown = h_.Post(b, "/api/v1/auth/login", LoginBody("ghost", "not the password at all"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.Json()["detail"], unknown.Json()["detail"]);
}

TEST_F(AccountsTest, HundredBadLoginsAreThrottled) {
  h_.CreateUser("victim");
  int limited = 0;
  int retry_after = 0;
  for (int i = 0; i < 100; ++i) {
    Browser attacker;
    attacker.ip = "198.51.100." + std::to_string(i % 50);  // spread over addresses
    auto reply = h_.Post(attacker, "/api/v1/auth/login",
                         LoginBody("victim", "guess number " + std::to_string(i) + " xx"));
    if (reply.status == 429) {
      ++limited;
      retry_after = std::stoi(std::string(reply.headers.Get("Retry-After").value_or("0")));
    } else {
      EXPECT_EQ(reply.status, 401);
    }
  }
  Browser admin;
  h_.CreateUser("auditor", true);
  h_.SignIn(admin, "auditor");
  int checked = 0;
  std::string cursor;
  do {
    auto page = h_.Get(admin, "/api/v1/admin/audit-events?limit=100" +
                                  (cursor.empty() ? "" : "&cursor=" + cursor))
                    .Json();
    for (const auto& e : page["items"].as_array()) {
      checked += e.as_object().at("kind") == "login_failed";
    }
    cursor = page["next_cursor"].is_string() ? std::string(page["next_cursor"].as_string()) : "";
  } while (!cursor.empty());
  EXPECT_LE(checked, 11) << "attempts that reached the password check";
  EXPECT_GE(limited, 89);
  EXPECT_GT(retry_after, 0);
  // The owner, with the right password, is still refused until the bucket refills: that is the
  // price of the lockout, and it is told how long to wait.
  Browser owner;
  EXPECT_EQ(
      h_.Post(owner, "/api/v1/auth/login", LoginBody("victim", AppHarness::PasswordOf("victim")))
          .status,
      429);
  // Other users are not affected.
  h_.CreateUser("bystander");
  Browser other;
  h_.SignIn(other, "bystander");
}

TEST_F(AccountsTest, TwoFactorJourney) {
  h_.CreateUser("totp");
  Browser b;
  h_.SignIn(b, "totp");
  auto setup = h_.Post(b, "/api/v1/me/totp/setup",
                       R"({"password":")" + AppHarness::PasswordOf("totp") + R"("})");
  ASSERT_EQ(setup.status, 200) << setup.body;
  std::string base32(setup.Json()["secret"].as_string());
  EXPECT_NE(std::string(setup.Json()["otpauth_uri"].as_string()).find("otpauth://totp/"),
            std::string::npos);
  auto secret = platform::crypto::Base32Decode(base32);
  ASSERT_TRUE(secret);

  EXPECT_EQ(h_.Post(b, "/api/v1/me/totp/enable", R"({"code":"000000"})").status, 422);
  std::string old_session = b.cookies["vigor_session"];
  // The code of the previous time step, so the sign-in below can use the current one.
  std::string code = platform::crypto::TotpCode(*secret, Now() - 30);
  auto enabled = h_.Post(b, "/api/v1/me/totp/enable", R"({"code":")" + code + R"("})");
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  auto codes = enabled.Json()["recovery_codes"].as_array();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_NE(b.cookies["vigor_session"], old_session) << "the session is rotated";
  EXPECT_EQ(h_.Get(b, "/api/v1/me").Json()["totp_enabled"], true);

  Browser fresh;
  auto step1 =
      h_.Post(fresh, "/api/v1/auth/login", LoginBody("totp", AppHarness::PasswordOf("totp")));
  ASSERT_EQ(step1.status, 200);
  EXPECT_EQ(step1.Json()["status"], "totp_required");
  EXPECT_FALSE(fresh.cookies.contains("vigor_session"));
  std::string challenge(step1.Json()["challenge"].as_string());
  auto totp_body = [&](const std::string& c) {
    return R"({"challenge":")" + challenge + R"(","code":")" + c + R"("})";
  };
  EXPECT_EQ(h_.Post(fresh, "/api/v1/auth/login/totp", totp_body("123456")).status, 401);
  std::string now_code = platform::crypto::TotpCode(*secret, Now());
  auto signed_in = h_.Post(fresh, "/api/v1/auth/login/totp", totp_body(now_code));
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_EQ(h_.Get(fresh, "/api/v1/me").status, 200);

  // The same code cannot be used twice; a recovery code works once.
  Browser again;
  auto step2 =
      h_.Post(again, "/api/v1/auth/login", LoginBody("totp", AppHarness::PasswordOf("totp")));
  challenge = std::string(step2.Json()["challenge"].as_string());
  EXPECT_EQ(h_.Post(again, "/api/v1/auth/login/totp", totp_body(now_code)).status, 401);
  std::string recovery(codes[0].as_string());
  EXPECT_EQ(h_.Post(again, "/api/v1/auth/login/totp", totp_body(recovery)).status, 200);
  Browser third;
  auto step3 =
      h_.Post(third, "/api/v1/auth/login", LoginBody("totp", AppHarness::PasswordOf("totp")));
  challenge = std::string(step3.Json()["challenge"].as_string());
  EXPECT_EQ(h_.Post(third, "/api/v1/auth/login/totp", totp_body(recovery)).status, 401);

  // Turning it off needs the password and a code (step-up).
  std::string disable_code(codes[1].as_string());
  EXPECT_EQ(h_.Post(fresh, "/api/v1/me/totp/disable",
                    R"({"password":"wrong password!!","code":")" + disable_code + R"("})")
                .status,
            422);
  EXPECT_EQ(h_.Post(fresh, "/api/v1/me/totp/disable",
                    R"({"password":")" + AppHarness::PasswordOf("totp") + R"(","code":")" +
                        disable_code + R"("})")
                .status,
            204);
  EXPECT_EQ(h_.Get(fresh, "/api/v1/me").Json()["totp_enabled"], false);

  // Secrets at rest: neither the TOTP secret nor recovery codes are in the database file.
  auto db = ReadDatabaseFile();
  EXPECT_EQ(db.find(base32), std::string::npos);
  EXPECT_EQ(db.find(*secret), std::string::npos);
  EXPECT_EQ(db.find(recovery), std::string::npos);
}

TEST_F(AccountsTest, ChangingThePasswordRotatesThisSessionAndEndsOthers) {
  h_.CreateUser("changer");
  Browser laptop, phone;
  h_.SignIn(laptop, "changer");
  h_.SignIn(phone, "changer");
  Browser stolen = laptop;  // a copy of the cookie taken before the change
  auto reply = h_.Post(laptop, "/api/v1/me/password",
                       R"({"current_password":")" + AppHarness::PasswordOf("changer") +
                           R"(","new_password":"a different long passphrase"})");
  ASSERT_EQ(reply.status, 204) << reply.body;
  EXPECT_EQ(h_.Get(laptop, "/api/v1/me").status, 200);
  EXPECT_EQ(h_.Get(phone, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(stolen, "/api/v1/me").status, 401);
}

TEST_F(AccountsTest, DisablingAUserEndsTheirSessionsAndTokens) {
  std::string id = h_.CreateUser("rogue");
  h_.CreateUser("admin1", true);
  Browser rogue, admin;
  h_.SignIn(rogue, "rogue");
  h_.SignIn(admin, "admin1");
  auto token = h_.Post(rogue, "/api/v1/me/tokens", R"({"name":"t","scopes":["profile:read"]})");
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  ASSERT_EQ(h_.Get(api, "/api/v1/me").status, 200);
  auto disabled =
      h_.Call(admin, Method::kPatch, "/api/v1/admin/users/" + id, R"({"status":"disabled"})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.Json()["status"], "disabled");
  EXPECT_EQ(h_.Get(rogue, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(api, "/api/v1/me").status, 401);
  Browser retry;
  EXPECT_EQ(
      h_.Post(retry, "/api/v1/auth/login", LoginBody("rogue", AppHarness::PasswordOf("rogue")))
          .status,
      403);
  // An admin cannot lock themself out.
  auto self = h_.Get(admin, "/api/v1/me").Json();
  EXPECT_EQ(
      h_.Call(admin, Method::kPatch, "/api/v1/admin/users/" + std::string(self["id"].as_string()),
              R"({"role":"user"})")
          .status,
      409);
}

TEST_F(AccountsTest, CsrfAndOriginAreChecked) {
  h_.CreateUser("victim2");
  Browser b;
  h_.SignIn(b, "victim2");
  platform::http::Request forged;
  forged.method = Method::kPost;
  forged.target = "/api/v1/me/tokens";
  forged.headers.Add("Host", "vigor.test");
  forged.headers.Add("Content-Type", "application/json");
  forged.headers.Add("Cookie", "vigor_session=" + b.cookies["vigor_session"] +
                                   "; vigor_csrf=" + b.cookies["vigor_csrf"]);
  forged.body = R"({"name":"evil","scopes":["profile:read"]})";
  // Sent by hand (the harness would add the CSRF header), checked against the contract as the
  // harness checks its own: the refusals are documented answers of the route.
  auto send = [&] {
    auto response = h_.app().http->Handle(forged);
    testing::ExpectKeepsContract(testing::ExchangeOf(forged, response));
    return response;
  };
  EXPECT_EQ(send().status, 403) << "no CSRF header";
  forged.headers.Add("X-CSRF-Token", b.cookies["vigor_csrf"]);
  forged.headers.Add("Origin", "https://evil.example");
  EXPECT_EQ(send().status, 403) << "foreign origin";
  forged.headers.Set("Origin", "http://vigor.test");
  EXPECT_EQ(send().status, 201);
}

TEST_F(AccountsTest, ApiNeverSendsSecretsOrHiddenFields) {
  h_.CreateUser("private1");
  h_.CreateUser("overseer", true);
  Browser b, admin;
  h_.SignIn(b, "private1");
  h_.SignIn(admin, "overseer");
  std::set<std::string> keys;
  for (const auto& kv : h_.Get(b, "/api/v1/me").Json()) keys.insert(std::string(kv.key()));
  EXPECT_EQ(keys, (std::set<std::string>{"id", "username", "email", "role", "email_verified",
                                         "totp_enabled", "created_at", "preferences",
                                         "consent_required"}));
  auto listed = h_.Get(admin, "/api/v1/admin/users").body;
  for (const auto* secret : {"password_hash", "argon2", "totp_secret", "token_hash", "sealed"}) {
    EXPECT_EQ(listed.find(secret), std::string::npos) << secret;
  }
  auto tokens = h_.Post(b, "/api/v1/me/tokens", R"({"name":"once","scopes":["profile:read"]})");
  std::string secret(tokens.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(b, "/api/v1/me/tokens").body.find(secret), std::string::npos)
      << "a token is shown once";
}

TEST_F(AccountsTest, SecretsNeverReachTheLogsOrTheDatabase) {
  Browser b;
  SignUpAndVerify(b, "logged");
  auto login = h_.Post(b, "/api/v1/auth/login",
                       LoginBody("logged", "a long passphrase, 5 horses in the gym"));
  ASSERT_EQ(login.status, 200);
  auto token = h_.Post(b, "/api/v1/me/tokens", R"({"name":"t","scopes":["profile:read"]})");
  std::string pat(token.Json()["token"].as_string());
  h_.Post(b, "/api/v1/auth/password-reset", R"({"email":"logged@example.org"})");
  auto reset = h_.LinkToken("logged@example.org", "reset-password");
  auto verify = h_.LinkToken("logged@example.org", "verify-email");
  ASSERT_FALSE(reset.empty());

  auto log = h_.LogText();
  auto db = ReadDatabaseFile();
  for (const auto& secret : {b.cookies["vigor_session"], b.cookies["vigor_csrf"], pat, reset,
                             verify, std::string("a long passphrase, 5 horses in the gym")}) {
    ASSERT_FALSE(secret.empty());
    EXPECT_EQ(log.find(secret), std::string::npos) << "in the log: " << secret.substr(0, 6);
    EXPECT_EQ(db.find(secret), std::string::npos) << "in the database: " << secret.substr(0, 6);
  }
}

TEST_F(AccountsTest, TrainingPreferencesDefaultSetClearAndGoTogether) {
  h_.CreateUser("train1");
  Browser b;
  h_.SignIn(b, "train1");
  auto defaults = h_.Get(b, "/api/v1/me").Json()["preferences"].as_object();
  EXPECT_EQ(defaults["week_start"], "monday");
  EXPECT_EQ(defaults["one_rep_max_formula"], "epley");
  EXPECT_TRUE(defaults["birth_year"].is_null());
  EXPECT_TRUE(defaults["max_heart_rate"].is_null());
  EXPECT_TRUE(defaults["resting_heart_rate"].is_null());

  auto set = h_.Call(b, Method::kPatch, "/api/v1/me",
                     R"({"preferences":{"week_start":"sunday","one_rep_max_formula":"brzycki",)"
                     R"("birth_year":1990,"max_heart_rate":185,"resting_heart_rate":52}})");
  ASSERT_EQ(set.status, 200) << set.body;
  auto stored = h_.Get(b, "/api/v1/me").Json()["preferences"].as_object();
  EXPECT_EQ(stored["week_start"], "sunday");
  EXPECT_EQ(stored["one_rep_max_formula"], "brzycki");
  EXPECT_EQ(stored["birth_year"].to_number<std::int64_t>(), 1990);
  EXPECT_EQ(stored["max_heart_rate"].to_number<std::int64_t>(), 185);
  EXPECT_EQ(stored["resting_heart_rate"].to_number<std::int64_t>(), 52);

  // A resting heart rate at or above the maximum is refused, also against the stored maximum.
  auto above = h_.Call(b, Method::kPatch, "/api/v1/me",
                       R"({"preferences":{"resting_heart_rate":140,"max_heart_rate":140}})");
  ASSERT_EQ(above.status, 422) << above.body;
  EXPECT_EQ(testing::FieldsOf(above), (std::set<std::string>{"preferences.resting_heart_rate"}));
  ASSERT_EQ(
      h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"max_heart_rate":130}})").status,
      200);
  EXPECT_EQ(
      h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"resting_heart_rate":140}})")
          .status,
      422);
  for (const auto* body :
       {R"({"preferences":{"week_start":"friday"}})",
        R"({"preferences":{"one_rep_max_formula":"lombardi"}})",
        R"({"preferences":{"birth_year":1899}})", R"({"preferences":{"max_heart_rate":99}})",
        R"({"preferences":{"resting_heart_rate":"52"}})"}) {
    EXPECT_EQ(h_.Call(b, Method::kPatch, "/api/v1/me", body).status, 422) << body;
  }
  EXPECT_EQ(h_.Get(b, "/api/v1/me").Json()["preferences"].as_object()["resting_heart_rate"], 52)
      << "refused changes leave the stored value";

  // null forgets a value; members left out keep theirs.
  auto cleared = h_.Call(b, Method::kPatch, "/api/v1/me",
                         R"({"preferences":{"max_heart_rate":null,"birth_year":null}})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  auto after = cleared.Json()["preferences"].as_object();
  EXPECT_TRUE(after["max_heart_rate"].is_null());
  EXPECT_TRUE(after["birth_year"].is_null());
  EXPECT_EQ(after["resting_heart_rate"], 52);
  EXPECT_EQ(after["week_start"], "sunday");
}

TEST_F(AccountsTest, PreferencesHaveDefaultsChangeByPatchAndStayPerUser) {
  h_.CreateUser("prefs1");
  h_.CreateUser("prefs2");
  Browser b, other;
  h_.SignIn(b, "prefs1");
  h_.SignIn(other, "prefs2");
  auto defaults = h_.Get(b, "/api/v1/me").Json()["preferences"].as_object();
  EXPECT_EQ(defaults["weight_unit"], "kg");
  EXPECT_EQ(defaults["distance_unit"], "km");
  EXPECT_EQ(defaults["weight_increment"].to_number<double>(), 2.5);
  EXPECT_EQ(defaults["time_zone"], "UTC");
  EXPECT_EQ(defaults["locale"], "en");

  auto patched = h_.Call(b, Method::kPatch, "/api/v1/me",
                         R"({"preferences":{"weight_unit":"lb","distance_unit":"mi",)"
                         R"("weight_increment":5,"time_zone":"America/Argentina/Buenos_Aires"}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto prefs = patched.Json()["preferences"].as_object();
  EXPECT_EQ(prefs["weight_unit"], "lb");
  EXPECT_EQ(prefs["distance_unit"], "mi");
  EXPECT_EQ(prefs["weight_increment"].to_number<double>(), 5);
  EXPECT_EQ(prefs["time_zone"], "America/Argentina/Buenos_Aires");
  EXPECT_EQ(prefs["locale"], "en") << "members left out keep their value";
  EXPECT_EQ(patched.Json()["username"], "prefs1");
  auto again = h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})");
  ASSERT_EQ(again.status, 200) << again.body;
  auto stored = h_.Get(b, "/api/v1/me").Json()["preferences"].as_object();
  EXPECT_EQ(stored["locale"], "de");
  EXPECT_EQ(stored["weight_unit"], "lb");

  // Every bad member is named, and nothing changes.
  auto bad = h_.Call(b, Method::kPatch, "/api/v1/me",
                     R"({"preferences":{"weight_unit":"stone","distance_unit":"mi",)"
                     R"("weight_increment":0,"time_zone":"Mars/Olympus Mons","locale":"fr"}})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  auto problem = bad.Json();
  for (const auto& e : problem["errors"].as_array()) {
    fields.insert(std::string(e.as_object().at("field").as_string()));
  }
  EXPECT_EQ(fields,
            (std::set<std::string>{"preferences.weight_unit", "preferences.weight_increment",
                                   "preferences.time_zone", "preferences.locale"}));
  EXPECT_EQ(h_.Get(b, "/api/v1/me").Json()["preferences"].as_object()["distance_unit"], "mi");
  for (const auto* body :
       {R"({"preferences":{"weight_increment":50.5}})", R"({"preferences":{"time_zone":"Berlin"}})",
        R"({"preferences":{"time_zone":"Europe//Berlin"}})", R"({"preferences":{"colour":"red"}})",
        R"({"preferences":{"weight_unit":1}})", R"({"preferences":"kg"})", R"({})",
        R"({"preferences":{},"username":"renamed"})"}) {
    EXPECT_EQ(h_.Call(b, Method::kPatch, "/api/v1/me", body).status, 422) << body;
  }
  EXPECT_EQ(
      h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"time_zone":"UTC"}})").status,
      200);
  EXPECT_EQ(
      h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":{"weight_increment":50}})").status,
      200);

  // A token needs profile:write to change them; profile:read only reads.
  auto reader = h_.Post(b, "/api/v1/me/tokens", R"({"name":"r","scopes":["profile:read"]})");
  auto writer = h_.Post(b, "/api/v1/me/tokens", R"({"name":"w","scopes":["profile:write"]})");
  ASSERT_EQ(writer.status, 201) << writer.body;
  Browser read_token, write_token;
  read_token.bearer = std::string(reader.Json()["token"].as_string());
  write_token.bearer = std::string(writer.Json()["token"].as_string());
  EXPECT_EQ(h_.Call(read_token, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"en"}})")
                .status,
            403);
  auto by_token =
      h_.Call(write_token, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"en"}})");
  ASSERT_EQ(by_token.status, 200) << by_token.body;
  EXPECT_EQ(by_token.Json()["preferences"].as_object()["locale"], "en");

  auto untouched = h_.Get(other, "/api/v1/me").Json()["preferences"].as_object();
  EXPECT_EQ(untouched["weight_unit"], "kg");
  EXPECT_EQ(untouched["distance_unit"], "km");
  EXPECT_EQ(untouched["locale"], "en");
  EXPECT_EQ(untouched["time_zone"], "UTC");
}

}  // namespace
}  // namespace vigor
