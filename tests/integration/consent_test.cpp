// Consent to the processing of health data (issue 15) through the real application on both
// databases: sign-up requires it for the current privacy policy version and writes nothing
// without it; a new version published by the admin asks every user again; deleting the account
// withdraws it; admin actions on a user are in the user's own account activity; and no admin
// route shows a user's private data (the walk covers every admin GET route the server has).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <set>
#include <string>
#include <vector>

#include "platform/http/router.hpp"
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
using Fields = std::set<std::string>;

constexpr Statement kUsersNamed{"test.consent.users_named",
                                "SELECT COUNT(*) AS n FROM users WHERE username = $1"};
constexpr Statement kConsentsOf{
    "test.consent.consents_of",
    "SELECT c.policy_version AS version, c.withdrawn_at AS withdrawn_at FROM consents c "
    "JOIN users u ON u.id = c.user_id WHERE u.username = $1 ORDER BY c.id"};
constexpr Statement kConsentCount{"test.consent.count", "SELECT COUNT(*) AS n FROM consents"};

constexpr const char* kPassword = "a long passphrase, 5 horses in the gym";

std::string SignupBody(const std::string& username, const std::string& consent_field) {
  return R"({"email":")" + username + R"(@example.org","username":")" + username +
         R"(","password":")" + kPassword + "\"" + consent_field + "}";
}

std::vector<std::string> KindsOf(const testing::Reply& reply) {
  std::vector<std::string> kinds;
  auto json = reply.Json();
  for (const auto& e : json.at("items").as_array()) {
    kinds.emplace_back(e.as_object().at("kind").as_string());
  }
  return kinds;
}

bool Has(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

class ConsentTest : public ::testing::Test {
 protected:
  ConsentTest() {
    admin_id_ = h_.CreateUser("boss", /*admin=*/true);
    h_.SignIn(admin_, "boss");
  }

  std::int64_t Count(const Statement& statement, const std::string& arg = {}) {
    return h_.app().database->ReadResult([&](Session& s) {
      return arg.empty() ? s.QueryOne(statement)->Int("n") : s.QueryOne(statement, arg)->Int("n");
    });
  }
  // (version, withdrawn) of each consent the user gave, oldest first.
  std::vector<std::pair<std::int64_t, bool>> ConsentsOf(const std::string& username) {
    return h_.app().database->ReadResult([&](Session& s) {
      std::vector<std::pair<std::int64_t, bool>> out;
      for (const auto& row : s.Query(kConsentsOf, username)) {
        out.emplace_back(row.Int("version"), row.OptText("withdrawn_at").has_value());
      }
      return out;
    });
  }
  // Signs up through the API with consent to `version`, confirms the address and signs in.
  void SignUp(Browser& b, const std::string& username, int version) {
    auto reply =
        h_.Post(b, "/api/v1/auth/signup",
                SignupBody(username, ",\"consent_policy_version\":" + std::to_string(version)));
    ASSERT_EQ(reply.status, 202) << reply.body;
    auto token = h_.LinkToken(username + "@example.org", "verify-email");
    ASSERT_EQ(h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})").status,
              200);
    auto login = h_.Post(b, "/api/v1/auth/login",
                         R"({"login":")" + username + R"(","password":")" + kPassword + R"("})");
    ASSERT_EQ(login.status, 200) << login.body;
    last_login_ = login.Json();
  }
  bool ConsentRequired(Browser& b) {
    auto me = h_.Get(b, "/api/v1/me");
    EXPECT_EQ(me.status, 200) << me.body;
    return me.Json().at("consent_required").as_bool();
  }
  testing::Reply Publish(const std::string& text) {
    return h_.Post(admin_, "/api/v1/admin/privacy-policies", R"({"text":")" + text + R"("})");
  }

  AppHarness h_;
  Browser admin_;
  std::string admin_id_;
  boost::json::object last_login_;
};

TEST_F(ConsentTest, SignUpWithoutConsentIsRefusedAndWritesNothing) {
  Browser b;
  auto without = h_.Post(b, "/api/v1/auth/signup", SignupBody("nobox", ""));
  EXPECT_EQ(without.status, 422) << without.body;
  EXPECT_EQ(FieldsOf(without), Fields{"consent_policy_version"});
  auto zero =
      h_.Post(b, "/api/v1/auth/signup", SignupBody("nobox", R"(,"consent_policy_version":0)"));
  EXPECT_EQ(zero.status, 422) << zero.body;
  EXPECT_EQ(FieldsOf(zero), Fields{"consent_policy_version"});
  // Consent to a version that is no longer the current one (the form was open while the admin
  // published a new one): refused the same way, inside the transaction.
  ASSERT_EQ(Publish("Version two").status, 201);
  auto stale =
      h_.Post(b, "/api/v1/auth/signup", SignupBody("nobox", R"(,"consent_policy_version":1)"));
  EXPECT_EQ(stale.status, 422) << stale.body;
  EXPECT_EQ(FieldsOf(stale), Fields{"consent_policy_version"});

  EXPECT_EQ(Count(kUsersNamed, "nobox"), 0);
  EXPECT_EQ(Count(kConsentCount), 0);
  EXPECT_TRUE(h_.LinkToken("nobox@example.org", "verify-email").empty()) << "no mail either";
}

TEST_F(ConsentTest, SignUpRecordsTheConsentWithTheCurrentVersion) {
  Browser b;
  auto policy = h_.Get(b, "/api/v1/privacy-policy");
  ASSERT_EQ(policy.status, 200) << policy.body;
  EXPECT_EQ(policy.Json().at("version").as_int64(), 1) << "Vigor ships version 1";
  EXPECT_NE(std::string(policy.Json().at("text").as_string()).find("health data"),
            std::string::npos);

  SignUp(b, "ada", 1);
  EXPECT_EQ(ConsentsOf("ada"), (std::vector<std::pair<std::int64_t, bool>>{{1, false}}));
  EXPECT_FALSE(last_login_.at("user").as_object().at("consent_required").as_bool());
  EXPECT_FALSE(ConsentRequired(b));
  auto status = h_.Get(b, "/api/v1/me/consents");
  ASSERT_EQ(status.status, 200) << status.body;
  auto items = status.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].as_object().at("purpose"), "health_data");
  EXPECT_EQ(items[0].as_object().at("policy_version").as_int64(), 1);
  EXPECT_TRUE(items[0].as_object().at("withdrawn_at").is_null());
  EXPECT_TRUE(Has(KindsOf(h_.Get(b, "/api/v1/me/audit-events")), "consent_given"));
}

TEST_F(ConsentTest, ANewPolicyVersionAsksAgainUntilTheUserConsents) {
  Browser b;
  SignUp(b, "grace", 1);
  ASSERT_FALSE(ConsentRequired(b));

  auto published = Publish("# Privacy\\n\\nWe now also keep heart rates.");
  ASSERT_EQ(published.status, 201) << published.body;
  EXPECT_EQ(published.Json().at("version").as_int64(), 2);
  Browser visitor;
  auto current = h_.Get(visitor, "/api/v1/privacy-policy").Json();
  EXPECT_EQ(current.at("version").as_int64(), 2);
  EXPECT_EQ(current.at("text"), "# Privacy\n\nWe now also keep heart rates.");
  // The admin's publication is audited, naming the version.
  auto admin_log = h_.Get(admin_, "/api/v1/admin/audit-events").Json();
  const auto& newest = admin_log.at("items").as_array()[0].as_object();
  EXPECT_EQ(newest.at("kind"), "privacy_policy_published");
  EXPECT_EQ(newest.at("detail"), "privacy policy version 2");
  EXPECT_EQ(newest.at("actor_id"), boost::json::value(admin_id_));

  EXPECT_TRUE(ConsentRequired(b));
  auto status = h_.Get(b, "/api/v1/me/consents").Json();
  EXPECT_TRUE(status.at("required").as_bool());
  EXPECT_EQ(status.at("current_policy").as_object().at("version").as_int64(), 2);
  // Consenting to the old version again does not count.
  auto old = h_.Post(b, "/api/v1/me/consents", R"({"policy_version":1})");
  EXPECT_EQ(old.status, 422) << old.body;
  EXPECT_EQ(FieldsOf(old), Fields{"policy_version"});
  EXPECT_TRUE(ConsentRequired(b));

  auto given = h_.Post(b, "/api/v1/me/consents", R"({"policy_version":2})");
  ASSERT_EQ(given.status, 201) << given.body;
  EXPECT_FALSE(given.Json().at("required").as_bool());
  EXPECT_FALSE(ConsentRequired(b));
  // Twice is once.
  ASSERT_EQ(h_.Post(b, "/api/v1/me/consents", R"({"policy_version":2})").status, 201);
  EXPECT_EQ(ConsentsOf("grace"),
            (std::vector<std::pair<std::int64_t, bool>>{{1, false}, {2, false}}));
  // An empty text is not a policy.
  auto empty = Publish("  ");
  EXPECT_EQ(empty.status, 422) << empty.body;
  EXPECT_EQ(FieldsOf(empty), Fields{"text"});
  EXPECT_FALSE(ConsentRequired(b));
}

TEST_F(ConsentTest, UsersTheOperatorCreatedAreAskedAtTheirFirstVisit) {
  h_.CreateUser("console");
  Browser b;
  auto login =
      h_.Post(b, "/api/v1/auth/login",
              R"({"login":"console","password":")" + AppHarness::PasswordOf("console") + R"("})");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_TRUE(login.Json().at("user").as_object().at("consent_required").as_bool());
  EXPECT_TRUE(ConsentRequired(b));
  EXPECT_TRUE(h_.Get(b, "/api/v1/me/consents").Json().at("items").as_array().empty());
  ASSERT_EQ(h_.Post(b, "/api/v1/me/consents", R"({"policy_version":1})").status, 201);
  EXPECT_FALSE(ConsentRequired(b));
  // The first admin too (also created at the console).
  EXPECT_TRUE(ConsentRequired(admin_));
}

TEST_F(ConsentTest, DeletingTheAccountWithdrawsTheConsent) {
  Browser b;
  SignUp(b, "leaving", 1);
  auto deleted = h_.Call(b, Method::kDelete, "/api/v1/me",
                         std::string(R"({"password":")") + kPassword + R"("})");
  ASSERT_EQ(deleted.status, 202) << deleted.body;
  EXPECT_EQ(ConsentsOf("leaving"), (std::vector<std::pair<std::int64_t, bool>>{{1, true}}));
  // Signing in within the grace period keeps the account, which is then asked again.
  Browser again;
  auto login = h_.Post(again, "/api/v1/auth/login",
                       std::string(R"({"login":"leaving","password":")") + kPassword + R"("})");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_TRUE(login.Json().at("user").as_object().at("consent_required").as_bool());
  auto status = h_.Get(again, "/api/v1/me/consents").Json();
  EXPECT_TRUE(status.at("required").as_bool());
  EXPECT_FALSE(status.at("items").as_array()[0].as_object().at("withdrawn_at").is_null());
  auto kinds = KindsOf(h_.Get(again, "/api/v1/me/audit-events"));
  EXPECT_TRUE(Has(kinds, "consent_withdrawn"));
  EXPECT_TRUE(Has(kinds, "erasure_cancelled"));
}

TEST_F(ConsentTest, EveryAdminActionOnAUserIsInTheirAccountActivity) {
  std::string user_id = h_.CreateUser("watched");
  auto patch = [&](const std::string& body) {
    auto reply = h_.Call(admin_, Method::kPatch, "/api/v1/admin/users/" + user_id, body);
    ASSERT_EQ(reply.status, 200) << reply.body;
  };
  patch(R"({"role":"moderator"})");
  patch(R"({"status":"disabled"})");
  patch(R"({"status":"active"})");
  ASSERT_EQ(h_.Post(admin_, "/api/v1/admin/users/" + user_id + "/password-reset", "").status, 204);
  // The forced reset removed the password: the user chooses a new one from the mailed link.
  auto token = h_.LinkToken("watched@example.org", "reset-password");
  ASSERT_FALSE(token.empty());
  Browser b;
  ASSERT_EQ(h_.Post(b, "/api/v1/auth/password-reset/confirm",
                    R"({"token":")" + token + R"(","password":")" + kPassword + R"("})")
                .status,
            204);
  ASSERT_EQ(h_.Post(b, "/api/v1/auth/login",
                    R"({"login":"watched","password":")" + std::string(kPassword) + R"("})")
                .status,
            200);
  auto events = h_.Get(b, "/api/v1/me/audit-events");
  ASSERT_EQ(events.status, 200) << events.body;
  std::vector<std::string> by_admin;
  auto json = events.Json();
  for (const auto& e : json.at("items").as_array()) {
    const auto& o = e.as_object();
    if (o.at("actor_id") != boost::json::value(admin_id_)) continue;
    by_admin.emplace_back(o.at("kind").as_string());
    // The admin's address is theirs, not the user's to see.
    EXPECT_TRUE(o.at("ip").is_null()) << boost::json::serialize(o);
  }
  // Newest first.
  EXPECT_EQ(by_admin, (std::vector<std::string>{"password_reset_forced", "account_enabled",
                                                "account_disabled", "role_changed"}))
      << events.body;
}

// What someone else did to the account shows without their address, and a report without the
// reporter: the reported user learns that they were reported, not by whom.
TEST_F(ConsentTest, AccountActivityKeepsOthersAddressesAndReportersToThemselves) {
  h_.CreateUser("reported");
  h_.CreateUser("reporter");
  Browser reported;
  Browser reporter;
  reporter.ip = "198.51.100.9";
  h_.SignIn(reported, "reported");
  h_.SignIn(reporter, "reporter");
  ASSERT_EQ(
      h_.Post(reporter, "/api/v1/reports", R"({"kind":"user","id":"reported","reason":"spam"})")
          .status,
      201);
  auto events = h_.Get(reported, "/api/v1/me/audit-events");
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_EQ(events.body.find("198.51.100.9"), std::string::npos) << events.body;
  bool seen = false;
  auto json = events.Json();
  for (const auto& e : json.at("items").as_array()) {
    const auto& o = e.as_object();
    if (o.at("kind") != "moderation_report") continue;
    seen = true;
    EXPECT_TRUE(o.at("actor_id").is_null()) << boost::json::serialize(o);
    EXPECT_TRUE(o.at("ip").is_null()) << boost::json::serialize(o);
  }
  EXPECT_TRUE(seen) << events.body;
  // The admin's log keeps both, for the moderators' work.
  EXPECT_NE(h_.Get(admin_, "/api/v1/admin/audit-events").body.find("198.51.100.9"),
            std::string::npos);
}

TEST_F(ConsentTest, NoAdminRouteShowsAUsersPrivateData) {
  // A user with private data of every kind, each holding a marker no admin page may show.
  const std::string marker = "zqprivatemarker";
  h_.CreateUser("private_person");
  Browser b;
  h_.SignIn(b, "private_person");
  std::string user_id(h_.Get(b, "/api/v1/me").Json().at("id").as_string());
  auto workout =
      h_.Post(b, "/api/v1/workouts",
              R"({"title":")" + marker + R"( squats","notes":")" + marker +
                  R"( knee pain","started_at":"2026-03-02T07:30:00Z","blocks":[{"exercise_id":)"
                  R"("barbell-back-squat","sets":[{"reps":5,"weight_kg":123.45}]}]})");
  ASSERT_EQ(workout.status, 201) << workout.body;
  auto measurement = h_.Call(b, Method::kPut, "/api/v1/measurements",
                             R"({"kind":"weight","day":"2026-03-02","value":87.65})");
  ASSERT_EQ(measurement.status, 200) << measurement.body;
  auto food = h_.Post(b, "/api/v1/foods",
                      R"({"name":")" + marker + R"( bar","per_100g":{"energy_kcal":432}})");
  ASSERT_EQ(food.status, 201) << food.body;
  std::string food_id(food.Json().at("id").as_string());
  auto diary =
      h_.Post(b, "/api/v1/diary/2026-03-02/items",
              R"({"items":[{"meal":"breakfast","food_id":")" + food_id + R"(","grams":77}]})");
  ASSERT_EQ(diary.status, 201) << diary.body;
  auto goal = h_.Post(b, "/api/v1/goals", R"({"metric":"sessions","target":3,"period":"week"})");
  ASSERT_EQ(goal.status, 201) << goal.body;
  std::vector<std::string> secrets = {marker, "123.45", "87.65", "knee pain"};
  // The test would find them if they were shown: the user's own reads do.
  std::string workout_id(workout.Json().at("id").as_string());
  std::string own = h_.Get(b, "/api/v1/workouts/" + workout_id).body +
                    h_.Get(b, "/api/v1/measurements?kind=weight").body;
  for (const auto& secret : secrets) {
    EXPECT_NE(own.find(secret), std::string::npos) << secret;
  }

  int walked = 0;
  for (const auto& route : h_.app().http->router().routes()) {
    const auto& path = route.spec.path;
    if (route.spec.method != Method::kGet || !path.starts_with("/api/v1/admin/")) continue;
    // Every path parameter names the user (the routes about a user) or is simply not found.
    std::string target = path;
    for (auto open = target.find('{'); open != std::string::npos; open = target.find('{')) {
      target.replace(open, target.find('}', open) - open + 1, user_id);
    }
    for (const auto& query : {std::string(), std::string("?q=private")}) {
      auto reply = h_.Get(admin_, target + query);
      ++walked;
      for (const auto& secret : secrets) {
        EXPECT_EQ(reply.body.find(secret), std::string::npos)
            << "GET " << target << query << " shows " << secret << ": " << reply.body;
      }
    }
  }
  EXPECT_GE(walked, 2 * 8) << "the admin GET routes were walked";
  // The admin's user page shows the account, nothing else of the user.
  auto page = h_.Get(admin_, "/api/v1/admin/users/" + user_id).Json();
  std::set<std::string> keys;
  for (const auto& kv : page) keys.insert(std::string(kv.key()));
  EXPECT_EQ(keys, (std::set<std::string>{"id", "username", "email", "role", "email_verified",
                                         "totp_enabled", "created_at", "status", "last_login_at"}));
}

}  // namespace
}  // namespace vigor
