// Moderation through the real application on both databases: reports on a kind registered here
// (items "item-N" of one owner, seen through the privacy policy), the moderators' queue and
// decisions, the reported user's decisions and their one appeal, suspension until it ends (tokens
// refused; sign-ins and sessions restricted to the decisions and the appeal, every other route
// refused; the decision mailed), the reporters' rate limit, and the staff-only routes.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "features/accounts/auth_middleware.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/privacy_policy.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/totp.hpp"
#include "platform/image/image.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using features::moderation::ReportedContent;
using features::notifications::Notification;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

// Remembers what the moderation feature told users.
class RecordingNotifier final : public features::notifications::Notifier {
 public:
  void Notify(Session&, const Notification& n) override { sent.push_back(n); }
  std::vector<Notification> sent;
};

std::string ReportBody(const std::string& id, const std::string& reason = "spam") {
  return R"({"kind":"test_item","id":")" + id + R"(","reason":")" + reason +
         R"(","details":"buy pills"})";
}

class ModerationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    reporter_id_ = h_.CreateUser("reporter");
    h_.CreateUser("stranger");
    moderator_id_ = h_.CreateUser("moderator");
    h_.CreateUser("admin", /*admin=*/true);
    h_.SignIn(owner_, "owner");
    h_.SignIn(reporter_, "reporter");
    h_.SignIn(stranger_, "stranger");
    h_.SignIn(admin_, "admin");
    auto promoted = h_.Call(admin_, Method::kPatch, "/api/v1/admin/users/" + moderator_id_,
                            R"({"role":"moderator"})");
    ASSERT_EQ(promoted.status, 200) << promoted.body;
    h_.SignIn(moderator_, "moderator");
    h_.app().notifier->Connect(notifier_);
    // The test's own kind: "item-..." ids of the owner, public unless a moderator hid them;
    // anything else does not exist.
    h_.app().reportable->Add(
        "test_item",
        [this](Session& s, const std::string& viewer, std::string_view,
               std::string_view id) -> std::optional<ReportedContent> {
          if (!id.starts_with("item-")) return std::nullopt;
          if (!policy_.MaySee(s, viewer, owner_id_, core::privacy::Visibility::kPublic, "test_item",
                              id)) {
            return std::nullopt;
          }
          return ReportedContent{.owner_id = owner_id_, .excerpt = "Item " + std::string(id)};
        });
  }

  Reply Report(Browser& b, const std::string& id) {
    return h_.Post(b, "/api/v1/reports", ReportBody(id));
  }
  // Whether `viewer` may see the owner's item, as every read path decides it.
  bool Sees(const std::string& viewer, const std::string& item) {
    bool sees = false;
    h_.app().database->Read([&](Session& s) {
      sees = policy_.MaySee(s, viewer, owner_id_, core::privacy::Visibility::kPublic, "test_item",
                            item);
    });
    return sees;
  }
  std::int64_t AuditCount(const std::string& kind, const std::string& user_id,
                          const std::string& actor_id) {
    std::int64_t n = 0;
    h_.app().database->Read([&](Session& s) {
      n = s.QueryOne(Statement{"test.count_audit",
                               "SELECT COUNT(*) AS n FROM audit_events WHERE kind = $1 AND "
                               "user_id = $2 AND actor_id = $3"},
                     kind, user_id, actor_id)
              ->Int("n");
    });
    return n;
  }
  boost::json::array Items(const Reply& reply) {
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json()["items"].as_array();
  }
  std::string DecideFirstOpen(const std::string& body) {
    auto queue = Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports"));
    EXPECT_FALSE(queue.empty());
    if (queue.empty()) return "";
    std::string report_id(queue[0].as_object().at("id").as_string());
    auto decided =
        h_.Post(moderator_, "/api/v1/admin/moderation/reports/" + report_id + "/decision", body);
    EXPECT_EQ(decided.status, 201) << decided.body;
    return std::string(decided.Json()["id"].as_string());
  }

  AppHarness h_;
  features::social::PrivacyPolicy policy_;
  RecordingNotifier notifier_;
  Browser owner_, reporter_, stranger_, moderator_, admin_;
  std::string owner_id_, reporter_id_, moderator_id_;
};

TEST_F(ModerationTest, ReportHideAppealReverseTheWholeWay) {
  auto first = Report(reporter_, "item-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["kind"], "test_item");
  EXPECT_EQ(first.Json()["item_id"], "item-1");
  EXPECT_EQ(first.Json()["reason"], "spam");
  EXPECT_EQ(first.Json()["state"], "open");
  // A repeat answers the open report; a second reporter adds one to the item's count.
  auto again = Report(reporter_, "item-1");
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["id"], first.Json()["id"]);
  ASSERT_EQ(Report(stranger_, "item-1").status, 201);

  auto queue = Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports?state=open"));
  ASSERT_EQ(queue.size(), 2u);
  auto oldest = queue[0].as_object();
  EXPECT_EQ(oldest.at("id"), first.Json()["id"]);
  EXPECT_EQ(oldest.at("excerpt"), "Item item-1");
  EXPECT_EQ(oldest.at("reports_on_item"), 2);
  EXPECT_EQ(oldest.at("owner").as_object().at("username"), "owner");
  EXPECT_EQ(oldest.at("reporter").as_object().at("username"), "reporter");
  EXPECT_EQ(oldest.at("details"), "buy pills");

  ASSERT_TRUE(Sees(reporter_id_, "item-1"));
  std::string decision_id = DecideFirstOpen(R"({"action":"hide","note":"Spam link"})");
  // Both reports are decided; the item is gone for everyone but its owner.
  EXPECT_TRUE(Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports")).empty());
  EXPECT_EQ(Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports?state=decided")).size(), 2u);
  EXPECT_FALSE(Sees(reporter_id_, "item-1"));
  EXPECT_TRUE(Sees(owner_id_, "item-1"));
  EXPECT_EQ(Report(stranger_, "item-1").status, 404);
  EXPECT_EQ(AuditCount("moderation_hide", owner_id_, moderator_id_), 1);
  ASSERT_EQ(notifier_.sent.size(), 1u);
  EXPECT_EQ(notifier_.sent[0].recipient_id, owner_id_);
  EXPECT_EQ(notifier_.sent[0].kind, "moderation");
  EXPECT_EQ(notifier_.sent[0].subject_id, decision_id);

  // The owner sees what was decided, with the note and the excerpt; the reporter does not.
  auto mine = Items(h_.Get(owner_, "/api/v1/me/moderation-decisions"));
  ASSERT_EQ(mine.size(), 1u);
  auto decision = mine[0].as_object();
  EXPECT_EQ(std::string(decision.at("id").as_string()), decision_id);
  EXPECT_EQ(decision.at("action"), "hide");
  EXPECT_EQ(decision.at("note"), "Spam link");
  EXPECT_EQ(decision.at("excerpt"), "Item item-1");
  EXPECT_TRUE(decision.at("appeal").is_null());
  EXPECT_TRUE(Items(h_.Get(reporter_, "/api/v1/me/moderation-decisions")).empty());

  // One appeal, and only by the owner.
  std::string appeal_path = "/api/v1/me/moderation-decisions/" + decision_id + "/appeal";
  EXPECT_EQ(h_.Post(reporter_, appeal_path, R"({"text":"mine"})").status, 404);
  auto appeal = h_.Post(owner_, appeal_path, R"({"text":"It was a joke"})");
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  EXPECT_EQ(appeal.Json()["state"], "pending");
  EXPECT_EQ(h_.Post(owner_, appeal_path, R"({"text":"Again"})").status, 409);

  auto appeals = Items(h_.Get(moderator_, "/api/v1/admin/moderation/appeals"));
  ASSERT_EQ(appeals.size(), 1u);
  EXPECT_EQ(appeals[0].as_object().at("text"), "It was a joke");
  EXPECT_EQ(appeals[0].as_object().at("user").as_object().at("username"), "owner");
  std::string appeal_id(appeal.Json()["id"].as_string());
  auto reversed = h_.Post(moderator_, "/api/v1/admin/moderation/appeals/" + appeal_id + "/decision",
                          R"({"outcome":"reversed","note":"Fair enough"})");
  ASSERT_EQ(reversed.status, 200) << reversed.body;
  EXPECT_EQ(reversed.Json()["state"], "reversed");
  EXPECT_EQ(h_.Post(moderator_, "/api/v1/admin/moderation/appeals/" + appeal_id + "/decision",
                    R"({"outcome":"upheld"})")
                .status,
            409);

  EXPECT_TRUE(Sees(reporter_id_, "item-1"));
  EXPECT_TRUE(Items(h_.Get(moderator_, "/api/v1/admin/moderation/appeals")).empty());
  EXPECT_EQ(Items(h_.Get(moderator_, "/api/v1/admin/moderation/appeals?state=decided")).size(), 1u);
  auto after = Items(h_.Get(owner_, "/api/v1/me/moderation-decisions"))[0].as_object();
  EXPECT_FALSE(after.at("reversed_at").is_null());
  EXPECT_EQ(after.at("appeal").as_object().at("state"), "reversed");
  EXPECT_EQ(after.at("appeal").as_object().at("outcome_note"), "Fair enough");
  EXPECT_EQ(AuditCount("moderation_appeal", owner_id_, owner_id_), 1);
  EXPECT_EQ(AuditCount("moderation_appeal_reversed", owner_id_, moderator_id_), 1);
  ASSERT_EQ(notifier_.sent.size(), 2u);
  EXPECT_EQ(notifier_.sent[1].excerpt, "appeal_reversed");
}

// A hidden profile is what was reported: others see only the username (no name, bio or
// avatar); its owner still sees it whole.
TEST_F(ModerationTest, AHiddenProfileShowsOthersOnlyItsUsername) {
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/me/profile",
                    R"({"display_name":"Buy Pills Here","bio":"cheap pills at example.org"})")
                .status,
            200);
  platform::image::RgbImage red{.width = 8, .height = 8, .pixels = std::string(8 * 8 * 3, '\x7f')};
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/me/avatar", platform::image::EncodeJpeg(red),
                    testing::ContentType("image/jpeg"))
                .status,
            200);
  auto before = h_.Get(stranger_, "/api/v1/users/owner");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json()["display_name"], "Buy Pills Here");
  EXPECT_EQ(h_.Get(stranger_, "/api/v1/users/owner/avatar").status, 200);

  ASSERT_EQ(h_.Post(reporter_, "/api/v1/reports",
                    R"({"kind":"user","id":"owner","reason":"spam","details":"pills"})")
                .status,
            201);
  DecideFirstOpen(R"({"action":"hide","note":"Spam profile"})");

  auto hidden = h_.Get(stranger_, "/api/v1/users/owner");
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_EQ(hidden.Json()["username"], "owner");
  EXPECT_EQ(hidden.body.find("Pills"), std::string::npos) << hidden.body;
  EXPECT_EQ(hidden.body.find("pills"), std::string::npos) << hidden.body;
  EXPECT_EQ(h_.Get(stranger_, "/api/v1/users/owner/avatar").status, 404);
  auto own = h_.Get(owner_, "/api/v1/users/owner");
  EXPECT_EQ(own.Json()["display_name"], "Buy Pills Here");
  EXPECT_EQ(h_.Get(owner_, "/api/v1/users/owner/avatar").status, 200);
}

TEST_F(ModerationTest, SuspensionRefusesTokensAndRestrictsSessionsUntilItEnds) {
  auto token = h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"t","scopes":["social:read"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  ASSERT_EQ(h_.Get(api, "/api/v1/me/moderation-decisions").status, 200);

  ASSERT_EQ(Report(reporter_, "item-1").status, 201);
  std::string decision_id = DecideFirstOpen(R"({"action":"suspend","days":3})");
  auto decision = Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports?state=decided"));
  ASSERT_EQ(decision.size(), 1u);
  std::string until;
  h_.app().database->Read([&](Session& s) {
    until = s.QueryOne(Statement{"test.suspended_until",
                                 "SELECT suspended_until FROM moderation_decisions WHERE id = $1"},
                       decision_id)
                ->Text("suspended_until");
  });
  // The end is three days from now.
  std::string in_three_days =
      platform::FormatRfc3339(std::chrono::system_clock::now() + std::chrono::hours(72));
  EXPECT_EQ(until.substr(0, 13), in_three_days.substr(0, 13));  // the same hour

  // The session the owner had is restricted: who they are answers (with the end), the rest 403
  // with the end in the detail.
  auto me = h_.Get(owner_, "/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["suspended_until"], until.c_str());
  auto refused = h_.Get(owner_, "/api/v1/me/sessions");
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.Json()["code"], "account_suspended");
  EXPECT_NE(std::string(refused.Json()["detail"].as_string()).find(until.substr(0, 10)),
            std::string::npos);
  // A token is refused everywhere, even on the routes a session may still use.
  auto by_token = h_.Get(api, "/api/v1/me/moderation-decisions");
  EXPECT_EQ(by_token.status, 403);
  EXPECT_EQ(by_token.Json()["code"], "account_suspended");
  // Signing in again works and says so.
  Browser fresh;
  auto login =
      h_.Post(fresh, "/api/v1/auth/login",
              R"({"login":"owner","password":")" + AppHarness::PasswordOf("owner") + "\"}");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.Json()["status"], "signed_in");
  EXPECT_EQ(login.Json()["suspended_until"], until.c_str());
  EXPECT_EQ(h_.Get(fresh, "/api/v1/me/sessions").Json()["code"], "account_suspended");
  EXPECT_EQ(AuditCount("moderation_suspend", owner_id_, moderator_id_), 1);

  // Once it ends, everything works again, on the same sessions and token.
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.end_suspension",
                        "UPDATE suspensions SET ends_at = '2020-01-01T00:00:00Z'"});
  });
  auto after = h_.Get(owner_, "/api/v1/me");
  ASSERT_EQ(after.status, 200);
  EXPECT_FALSE(after.Json().contains("suspended_until"));
  EXPECT_EQ(h_.Get(owner_, "/api/v1/me/sessions").status, 200);
  EXPECT_EQ(h_.Get(fresh, "/api/v1/me/sessions").status, 200);
  EXPECT_EQ(h_.Get(api, "/api/v1/me/moderation-decisions").status, 200);
  EXPECT_EQ(h_.Post(fresh, "/api/v1/auth/logout", "").status, 204);
  auto relogin =
      h_.Post(fresh, "/api/v1/auth/login",
              R"({"login":"owner","password":")" + AppHarness::PasswordOf("owner") + "\"}");
  ASSERT_EQ(relogin.status, 200);
  EXPECT_FALSE(relogin.Json().contains("suspended_until"));
}

TEST_F(ModerationTest, ASuspendedUserSignsInReadsTheDecisionAppealsOnceAndIsReinstated) {
  ASSERT_EQ(Report(reporter_, "item-1").status, 201);
  std::string decision_id = DecideFirstOpen(R"({"action":"suspend","days":30,"note":"Spam"})");

  // The decision reaches the owner by mail: what, until when, and how to contest it.
  std::string mail;
  for (const auto& m : h_.Mails()) {
    if (m.find("To: owner@example.org") != std::string::npos) mail = m;
  }
  ASSERT_FALSE(mail.empty()) << "no mail to the suspended user";
  std::string until_day =
      platform::FormatRfc3339(std::chrono::system_clock::now() + std::chrono::hours(24 * 30))
          .substr(0, 10);
  EXPECT_NE(mail.find("suspended until " + until_day), std::string::npos) << mail;
  EXPECT_NE(mail.find("The moderator's note: Spam"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Reason of the report: spam"), std::string::npos) << mail;
  EXPECT_NE(mail.find("/login"), std::string::npos) << mail;
  EXPECT_NE(mail.find("appeal against it once"), std::string::npos) << mail;

  Browser suspended;
  auto login =
      h_.Post(suspended, "/api/v1/auth/login",
              R"({"login":"owner","password":")" + AppHarness::PasswordOf("owner") + "\"}");
  ASSERT_EQ(login.status, 200) << login.body;
  ASSERT_TRUE(login.Json().contains("suspended_until"));
  EXPECT_EQ(std::string(login.Json()["suspended_until"].as_string()).substr(0, 10), until_day);
  EXPECT_EQ(h_.Get(suspended, "/api/v1/workouts").status, 403);

  auto mine = Items(h_.Get(suspended, "/api/v1/me/moderation-decisions"));
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].as_object().at("id"), decision_id.c_str());
  EXPECT_EQ(mine[0].as_object().at("action"), "suspend");
  std::string appeal_path = "/api/v1/me/moderation-decisions/" + decision_id + "/appeal";
  auto appeal = h_.Post(suspended, appeal_path, R"({"text":"It was not spam"})");
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  auto twice = h_.Post(suspended, appeal_path, R"({"text":"Please"})");
  EXPECT_EQ(twice.status, 409) << twice.body;

  ASSERT_EQ(Items(h_.Get(moderator_, "/api/v1/admin/moderation/appeals")).size(), 1u);
  std::string appeal_id(appeal.Json()["id"].as_string());
  auto reversed = h_.Post(moderator_, "/api/v1/admin/moderation/appeals/" + appeal_id + "/decision",
                          R"({"outcome":"reversed"})");
  ASSERT_EQ(reversed.status, 200) << reversed.body;
  // The same session works normally again.
  EXPECT_EQ(h_.Get(suspended, "/api/v1/workouts").status, 200);
  EXPECT_FALSE(h_.Get(suspended, "/api/v1/me").Json().contains("suspended_until"));
  EXPECT_EQ(h_.Post(suspended, "/api/v1/auth/logout", "").status, 204);
}

TEST_F(ModerationTest, WithTwoFactorTheSecondStepGivesTheRestrictedSession) {
  auto now = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  auto setup = h_.Post(owner_, "/api/v1/me/totp/setup",
                       R"({"password":")" + AppHarness::PasswordOf("owner") + R"("})");
  ASSERT_EQ(setup.status, 200) << setup.body;
  auto secret = platform::crypto::Base32Decode(std::string(setup.Json()["secret"].as_string()));
  ASSERT_TRUE(secret);
  // The previous step's code, so that the sign-in below can use the current one.
  ASSERT_EQ(h_.Post(owner_, "/api/v1/me/totp/enable",
                    R"({"code":")" + platform::crypto::TotpCode(*secret, now() - 30) + R"("})")
                .status,
            200);
  ASSERT_EQ(Report(reporter_, "item-1").status, 201);
  DecideFirstOpen(R"({"action":"suspend","days":3})");

  Browser fresh;
  auto step1 =
      h_.Post(fresh, "/api/v1/auth/login",
              R"({"login":"owner","password":")" + AppHarness::PasswordOf("owner") + "\"}");
  ASSERT_EQ(step1.status, 200) << step1.body;
  EXPECT_EQ(step1.Json()["status"], "totp_required");
  EXPECT_FALSE(step1.Json().contains("suspended_until"));  // not before the second factor
  auto step2 = h_.Post(fresh, "/api/v1/auth/login/totp",
                       R"({"challenge":")" + std::string(step1.Json()["challenge"].as_string()) +
                           R"(","code":")" + platform::crypto::TotpCode(*secret, now()) + R"("})");
  ASSERT_EQ(step2.status, 200) << step2.body;
  EXPECT_TRUE(step2.Json().contains("suspended_until"));
  EXPECT_EQ(h_.Get(fresh, "/api/v1/me/moderation-decisions").status, 200);
  EXPECT_EQ(h_.Get(fresh, "/api/v1/me/sessions").Json()["code"], "account_suspended");
}

// The restriction is deny by default: walking every route as a suspended session, only the
// allow-list answers anything but 403 account_suspended (public routes need no session).
TEST_F(ModerationTest, ASuspendedSessionReachesOnlyTheAllowList) {
  ASSERT_EQ(Report(reporter_, "item-1").status, 201);
  DecideFirstOpen(R"({"action":"suspend","days":3})");
  std::set<std::pair<Method, std::string>> routes, answered;
  for (const auto& route : h_.app().http->router().routes()) {
    routes.insert({route.spec.method, route.spec.path});
    if (route.spec.access == platform::http::Access::kPublic) continue;
    // Signing out ends the session: walked last.
    if (route.spec.path == "/api/v1/auth/logout") continue;
    std::string target;
    for (std::size_t i = 0; i < route.spec.path.size(); ++i) {
      if (route.spec.path[i] == '{') {
        target += "x";
        i = route.spec.path.find('}', i);
      } else {
        target += route.spec.path[i];
      }
    }
    bool takes_body = route.spec.method == Method::kPost || route.spec.method == Method::kPut ||
                      route.spec.method == Method::kPatch;
    auto reply = h_.Call(owner_, route.spec.method, target, takes_body ? "{}" : "");
    std::string name = std::string(platform::http::MethodName(route.spec.method)) + " " + target;
    bool refused = reply.status == 403 && reply.body.find("account_suspended") != std::string::npos;
    if (features::accounts::OpenWhileSuspended(route.spec)) {
      EXPECT_FALSE(refused) << name << " should stay open";
      EXPECT_NE(reply.status, 401) << name;
      answered.insert({route.spec.method, route.spec.path});
    } else {
      EXPECT_TRUE(refused) << name << " answered " << reply.status << " " << reply.body;
    }
  }
  // The allow-list names real routes, exactly these (a renamed route would fail here).
  std::set<std::pair<Method, std::string>> expected{
      {Method::kGet, "/api/v1/me"},
      {Method::kGet, "/api/v1/me/moderation-decisions"},
      {Method::kPost, "/api/v1/me/moderation-decisions/{id}/appeal"},
  };
  EXPECT_EQ(answered, expected);
  for (const auto& open : features::accounts::RoutesOpenWhileSuspended()) {
    EXPECT_TRUE(routes.contains({open.method, std::string(open.path)})) << open.path;
  }
  EXPECT_EQ(h_.Post(owner_, "/api/v1/auth/logout", "").status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/me").status, 401);
}

TEST_F(ModerationTest, AReversedSuspensionIsLifted) {
  ASSERT_EQ(Report(reporter_, "item-1").status, 201);
  std::string decision_id = DecideFirstOpen(R"({"action":"suspend","days":30})");
  ASSERT_EQ(h_.Get(owner_, "/api/v1/me/sessions").status, 403);
  // An appeal taken by the operator (by mail, say) and entered for them; a moderator reverses.
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.appeal",
                        "INSERT INTO moderation_appeals (id, decision_id, user_id, text, state, "
                        "created_at) VALUES ('appeal-1', $1, $2, 'Please', 'pending', "
                        "'2026-01-01T00:00:00Z')"},
              decision_id, owner_id_);
  });
  auto reversed = h_.Post(moderator_, "/api/v1/admin/moderation/appeals/appeal-1/decision",
                          R"({"outcome":"reversed"})");
  ASSERT_EQ(reversed.status, 200) << reversed.body;
  EXPECT_EQ(h_.Get(owner_, "/api/v1/me/sessions").status, 200);
}

TEST_F(ModerationTest, WarningsAndUpheldAppealsChangeNothingElse) {
  ASSERT_EQ(Report(reporter_, "item-2").status, 201);
  std::string decision_id = DecideFirstOpen(R"({"action":"warn","note":"Be nice"})");
  EXPECT_TRUE(Sees(reporter_id_, "item-2"));
  EXPECT_EQ(h_.Get(owner_, "/api/v1/me").status, 200);
  auto appeal = h_.Post(owner_, "/api/v1/me/moderation-decisions/" + decision_id + "/appeal",
                        R"({"text":"I was nice"})");
  ASSERT_EQ(appeal.status, 201);
  std::string appeal_id(appeal.Json()["id"].as_string());
  auto upheld = h_.Post(moderator_, "/api/v1/admin/moderation/appeals/" + appeal_id + "/decision",
                        R"({"outcome":"upheld","note":"No"})");
  ASSERT_EQ(upheld.status, 200) << upheld.body;
  auto mine = Items(h_.Get(owner_, "/api/v1/me/moderation-decisions"))[0].as_object();
  EXPECT_EQ(mine.at("action"), "warn");
  EXPECT_TRUE(mine.at("reversed_at").is_null());
  EXPECT_EQ(mine.at("appeal").as_object().at("state"), "upheld");
  EXPECT_EQ(AuditCount("moderation_warn", owner_id_, moderator_id_), 1);
  EXPECT_EQ(AuditCount("moderation_appeal_upheld", owner_id_, moderator_id_), 1);
}

TEST_F(ModerationTest, ADismissalIsNotShownToTheOwner) {
  ASSERT_EQ(Report(reporter_, "item-3").status, 201);
  DecideFirstOpen(R"({"action":"dismiss"})");
  EXPECT_TRUE(Items(h_.Get(owner_, "/api/v1/me/moderation-decisions")).empty());
  EXPECT_TRUE(notifier_.sent.empty());
  EXPECT_EQ(AuditCount("moderation_dismiss", owner_id_, moderator_id_), 1);
  // Decided: the same reporter may report it again.
  EXPECT_EQ(Report(reporter_, "item-3").status, 201);
}

TEST_F(ModerationTest, RefusedReportsAndDecisions) {
  EXPECT_EQ(Report(reporter_, "nothing-here").status, 404);
  EXPECT_EQ(Report(owner_, "item-1").status, 403);
  auto unknown =
      h_.Post(reporter_, "/api/v1/reports", R"({"kind":"spaceship","id":"x","reason":"spam"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(FieldsOf(unknown), std::set<std::string>{"kind"});
  auto bad_reason = h_.Post(reporter_, "/api/v1/reports", ReportBody("item-1", "boring"));
  EXPECT_EQ(bad_reason.status, 422);
  EXPECT_EQ(FieldsOf(bad_reason), std::set<std::string>{"reason"});

  ASSERT_EQ(Report(reporter_, "item-1").status, 201);
  auto queue = Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports"));
  ASSERT_EQ(queue.size(), 1u);
  std::string path = "/api/v1/admin/moderation/reports/" +
                     std::string(queue[0].as_object().at("id").as_string()) + "/decision";
  auto no_days = h_.Post(moderator_, path, R"({"action":"suspend"})");
  EXPECT_EQ(no_days.status, 422);
  EXPECT_EQ(FieldsOf(no_days), std::set<std::string>{"days"});
  EXPECT_EQ(FieldsOf(h_.Post(moderator_, path, R"({"action":"suspend","days":366})")),
            std::set<std::string>{"days"});
  EXPECT_EQ(FieldsOf(h_.Post(moderator_, path, R"({"action":"ban"})")),
            std::set<std::string>{"action"});
  EXPECT_EQ(h_.Post(moderator_, "/api/v1/admin/moderation/reports/nope/decision",
                    R"({"action":"dismiss"})")
                .status,
            404);
  ASSERT_EQ(h_.Post(moderator_, path, R"({"action":"warn"})").status, 201);
  EXPECT_EQ(h_.Post(admin_, path, R"({"action":"hide"})").status, 409);
  EXPECT_EQ(
      h_.Post(owner_, "/api/v1/me/moderation-decisions/nope/appeal", R"({"text":"x"})").status,
      404);
  EXPECT_EQ(h_.Post(moderator_, "/api/v1/admin/moderation/appeals/nope/decision",
                    R"({"outcome":"upheld"})")
                .status,
            404);
}

TEST_F(ModerationTest, AModeratorCannotDecideAboutThemselves) {
  // The moderator owns this kind's items.
  h_.app().reportable->Add("mod_item",
                           [this](Session&, const std::string&, std::string_view,
                                  std::string_view) -> std::optional<ReportedContent> {
                             return ReportedContent{.owner_id = moderator_id_,
                                                    .excerpt = "Moderator's post"};
                           });
  ASSERT_EQ(
      h_.Post(reporter_, "/api/v1/reports", R"({"kind":"mod_item","id":"m","reason":"other"})")
          .status,
      201);
  auto queue = Items(h_.Get(moderator_, "/api/v1/admin/moderation/reports"));
  ASSERT_EQ(queue.size(), 1u);
  std::string path = "/api/v1/admin/moderation/reports/" +
                     std::string(queue[0].as_object().at("id").as_string()) + "/decision";
  EXPECT_EQ(h_.Post(moderator_, path, R"({"action":"dismiss"})").status, 403);
  EXPECT_EQ(h_.Post(admin_, path, R"({"action":"dismiss"})").status, 201);
}

TEST_F(ModerationTest, ReportsAreRateLimited) {
  // 10 at once (core/limits.hpp), then one every three minutes.
  for (int i = 1; i <= 10; ++i) {
    ASSERT_EQ(Report(reporter_, "item-" + std::to_string(i)).status, 201) << i;
  }
  auto refused = Report(reporter_, "item-11");
  EXPECT_EQ(refused.status, 429) << refused.body;
  EXPECT_TRUE(refused.headers.Get("Retry-After").has_value());
  // Another reporter has a budget of their own.
  EXPECT_EQ(Report(stranger_, "item-11").status, 201);
}

TEST_F(ModerationTest, OnlyStaffReachTheQueueAndOnlyFromTheWebApp) {
  for (auto* b : {&owner_, &reporter_}) {
    EXPECT_EQ(h_.Get(*b, "/api/v1/admin/moderation/reports").status, 403);
    EXPECT_EQ(h_.Get(*b, "/api/v1/admin/moderation/appeals").status, 403);
    EXPECT_EQ(h_.Post(*b, "/api/v1/admin/moderation/reports/x/decision", R"({"action":"dismiss"})")
                  .status,
              403);
    EXPECT_EQ(h_.Post(*b, "/api/v1/admin/moderation/appeals/x/decision", R"({"outcome":"upheld"})")
                  .status,
              403);
  }
  EXPECT_EQ(h_.Get(moderator_, "/api/v1/admin/moderation/reports").status, 200);
  EXPECT_EQ(h_.Get(admin_, "/api/v1/admin/moderation/appeals?state=decided").status, 200);
  EXPECT_EQ(h_.Get(moderator_, "/api/v1/admin/moderation/reports?state=maybe").status, 422);
  auto token = h_.Post(moderator_, "/api/v1/me/tokens",
                       R"({"name":"t","scopes":["social:read","social:write"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(api, "/api/v1/admin/moderation/reports").status, 403);
}

}  // namespace
}  // namespace vigor
