// Deleting an account (GDPR Art. 17) through the real application on both databases: DELETE
// /api/v1/me signs the user out everywhere and hides them at once, signing in within the grace
// period cancels, and after it housekeeping erases the user. The erasure is checked by walking
// the schema: every column of every table (listed from the database itself, so a table added
// later is covered without touching this test) is searched for the user's id, username and
// email, and a second user's data must be untouched.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "features/oauth/grant_events.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"
#include "support/oauth_clients.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using Clock = std::chrono::system_clock;
using namespace std::chrono_literals;

// Distinctive, so that a match anywhere is a reference to this user and nothing else.
constexpr const char* kDoomed = "zq_doomed_user";
constexpr const char* kKeeper = "keeper";

constexpr Statement kSqliteTables{
    "test.erasure.sqlite_tables",
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "ORDER BY name"};
constexpr Statement kSqliteColumns{"test.erasure.sqlite_columns",
                                   "SELECT name FROM pragma_table_info($1) ORDER BY cid"};
constexpr Statement kPostgresTables{
    "test.erasure.pg_tables",
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = "
    "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"};
constexpr Statement kPostgresColumns{
    "test.erasure.pg_columns",
    "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = "
    "current_schema() AND table_name = $1 ORDER BY ordinal_position"};

constexpr Statement kShareItem{"test.erasure.share",
                               "UPDATE feed_items SET visibility = 'public' WHERE owner_id = $1"};
constexpr Statement kItemOf{"test.erasure.item_of",
                            "SELECT id FROM feed_items WHERE owner_id = $1 AND kind = 'workout' "
                            "ORDER BY id LIMIT 1"};
constexpr Statement kPending{"test.erasure.pending",
                             "SELECT COUNT(*) AS n FROM account_erasures WHERE user_id = $1"};
constexpr Statement kUserExists{"test.erasure.user_exists",
                                "SELECT COUNT(*) AS n FROM users WHERE id = $1"};

std::string IdOf(const testing::Reply& reply) {
  return std::string(reply.Json().at("id").as_string());
}

class ErasureTest : public ::testing::Test {
 protected:
  ErasureTest() {
    doomed_id_ = h_.CreateUser(kDoomed);
    keeper_id_ = h_.CreateUser(kKeeper);
    h_.CreateUser("boss", /*admin=*/true);
    h_.SignIn(doomed_, kDoomed);
    h_.SignIn(keeper_, kKeeper);
    h_.SignIn(admin_, "boss");
  }

  std::string Password() const { return AppHarness::PasswordOf(kDoomed); }
  testing::Reply DeleteMe(Browser& b, const std::string& body) {
    return h_.Call(b, Method::kDelete, "/api/v1/me", body);
  }
  testing::Reply DeleteDoomed() {
    return DeleteMe(doomed_, R"({"password":")" + Password() + R"("})");
  }
  std::int64_t Count(const Statement& statement, const std::string& arg) {
    return h_.app().database->ReadResult(
        [&](Session& s) { return s.QueryOne(statement, arg)->Int("n"); });
  }
  // Whether one mail to the doomed user holds every one of `parts`.
  bool AnyMailHas(const std::vector<std::string>& parts) {
    for (const auto& mail : h_.Mails()) {
      if (mail.find(std::string("To: ") + kDoomed + "@example.org") == std::string::npos) continue;
      bool all = true;
      for (const auto& part : parts) all = all && mail.find(part) != std::string::npos;
      if (all) return true;
    }
    return false;
  }
  std::string ItemOf(const std::string& owner_id) {
    return h_.app().database->ReadResult(
        [&](Session& s) { return s.QueryOne(kItemOf, owner_id)->Text("id"); });
  }
  void RunHousekeeping(Clock::duration from_now) {
    h_.app().housekeeping->RunOnce(Clock::now() + from_now);
  }

  // Every "table.column: value" whose text holds the user's id, username or email (the email
  // and username case-insensitively), in any row of any table the database has.
  std::vector<std::string> References(const std::string& id, const std::string& username,
                                      const std::string& email) {
    std::vector<std::string> found;
    h_.app().database->Read([&](Session& s) {
      bool postgres = h_.app().database->dialect() == "postgresql";
      for (const auto& table : s.Query(postgres ? kPostgresTables : kSqliteTables)) {
        std::string name = table.Text("name");
        for (const auto& column : s.Query(postgres ? kPostgresColumns : kSqliteColumns, name)) {
          std::string col = column.Text("name");
          // Identifiers come from the catalogue itself; quoted in case one is a keyword.
          std::string text = "CAST(\"" + col + "\" AS TEXT)";
          std::string statement_name = "test.erasure.scan." + name + "." + col;
          std::string sql = "SELECT " + text + " AS v FROM \"" + name + "\" WHERE " + text +
                            " LIKE '%' || $1 || '%' OR lower(" + text + ") LIKE '%' || $2 || '%' " +
                            "OR lower(" + text + ") LIKE '%' || $3 || '%'";
          Statement scan{statement_name, sql};
          for (const auto& row : s.Query(scan, id, username, email)) {
            found.push_back(name + "." + col + ": " + row.Text("v"));
          }
        }
      }
    });
    return found;
  }

  // What the keeper owns that has nothing to do with the doomed user, through the API.
  std::map<std::string, std::size_t> KeeperListings() {
    std::map<std::string, std::size_t> sizes;
    for (const char* path :
         {"/api/v1/workouts", "/api/v1/routines", "/api/v1/goals",
          "/api/v1/measurements?kind=weight", "/api/v1/recipes", "/api/v1/me/tokens"}) {
      auto reply = h_.Get(keeper_, path);
      EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
      sizes[path] = reply.Json().at("items").as_array().size();
    }
    return sizes;
  }

  AppHarness h_;
  Browser doomed_, keeper_, admin_, anonymous_;
  std::string doomed_id_, keeper_id_;
};

constexpr const char* kWorkoutBody =
    R"({"title":"Squats","started_at":"2026-03-02T07:30:00Z","blocks":[{"exercise_id":)"
    R"("barbell-back-squat","sets":[{"reps":5,"weight_kg":100},{"reps":5,"weight_kg":105}]}]})";
constexpr const char* kRoutineBody =
    R"({"name":"Legs","items":[{"exercise_id":"barbell-back-squat","target_sets":5}]})";
constexpr const char* kGpxBody =
    R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>)"
    R"(<trkpt lat="46.5" lon="6.6"><time>2026-03-01T07:00:00Z</time></trkpt>)"
    R"(<trkpt lat="46.5001" lon="6.6"><time>2026-03-01T07:00:05Z</time></trkpt>)"
    R"(</trkseg></trk></gpx>)";

TEST_F(ErasureTest, AfterTheGracePeriodNoRowAnywhereReferencesTheUser) {
  // ---- The keeper's own data, which must survive untouched.
  ASSERT_EQ(h_.Post(keeper_, "/api/v1/workouts", kWorkoutBody).status, 201);
  ASSERT_EQ(h_.Post(keeper_, "/api/v1/routines", kRoutineBody).status, 201);
  ASSERT_EQ(h_.Post(keeper_, "/api/v1/goals", R"({"metric":"sessions","target":3,"period":"week"})")
                .status,
            201);
  ASSERT_EQ(h_.Call(keeper_, Method::kPut, "/api/v1/measurements",
                    R"({"kind":"weight","day":"2026-03-02","value":70})")
                .status,
            200);
  ASSERT_EQ(
      h_.Post(keeper_, "/api/v1/me/tokens", R"({"name":"k","scopes":["profile:read"]})").status,
      201);

  // ---- A rich account for the doomed user.
  auto workout = h_.Post(doomed_, "/api/v1/workouts", kWorkoutBody);
  ASSERT_EQ(workout.status, 201) << workout.body;
  auto routine = h_.Post(doomed_, "/api/v1/routines", kRoutineBody);
  ASSERT_EQ(routine.status, 201) << routine.body;
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/programs",
                    R"({"name":"Plan","routines":[{"routine_id":")" + IdOf(routine) +
                        R"(","label":"Day A"}]})")
                .status,
            201);
  ASSERT_EQ(h_.Call(doomed_, Method::kPut, "/api/v1/measurements",
                    R"({"kind":"weight","day":"2026-03-02","value":80})")
                .status,
            200);
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/goals", R"({"metric":"sessions","target":3,"period":"week"})")
                .status,
            201);
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/foods",
                    R"({"name":"My bar","barcode":"96385074","per_100g":{"energy_kcal":500}})")
                .status,
            201);
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/diary/2026-03-02/items",
                    R"({"items":[{"meal":"breakfast","food_id":"usda-01123","grams":50}]})")
                .status,
            201);
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/recipes",
                    R"({"name":"Eggs","servings":1,"ingredients":[{"food_id":"usda-01123",)"
                    R"("grams":100}]})")
                .status,
            201);
  auto import = h_.Call(doomed_, Method::kPost, "/api/v1/imports?format=gpx", kGpxBody,
                        ContentType("application/gpx+xml"));
  ASSERT_EQ(import.status, 202) << import.body;
  h_.app().jobs->DrainForTests();
  ASSERT_EQ(
      h_.Post(doomed_, "/api/v1/me/tokens", R"({"name":"watch","scopes":["profile:read"]})").status,
      201);
  // Follows in both directions.
  ASSERT_EQ(
      h_.Call(doomed_, Method::kPut, std::string("/api/v1/users/") + kKeeper + "/follow").status,
      200);
  ASSERT_EQ(
      h_.Call(keeper_, Method::kPut, std::string("/api/v1/users/") + kDoomed + "/follow").status,
      200);
  // Comments and kudos each way on public workouts (a notification for each).
  h_.app().database->Write([&](Session& s) {
    s.Execute(kShareItem, keeper_id_);
    s.Execute(kShareItem, doomed_id_);
  });
  std::string keeper_item = ItemOf(keeper_id_);
  std::string doomed_item = ItemOf(doomed_id_);
  ASSERT_EQ(
      h_.Post(doomed_, "/api/v1/feed-items/" + keeper_item + "/comments", R"({"body":"Strong!"})")
          .status,
      201);
  ASSERT_EQ(h_.Call(doomed_, Method::kPut, "/api/v1/feed-items/" + keeper_item + "/kudos").status,
            200);
  ASSERT_EQ(h_.Post(keeper_, "/api/v1/feed-items/" + doomed_item + "/comments",
                    std::string(R"({"body":"Well done @)") + kDoomed + R"("})")
                .status,
            201);
  ASSERT_EQ(h_.Call(keeper_, Method::kPut, "/api/v1/feed-items/" + doomed_item + "/kudos").status,
            200);
  // A public club with a post, which the keeper joined; a challenge.
  auto club = h_.Post(doomed_, "/api/v1/clubs", R"({"name":"Doomed club","access":"public"})");
  ASSERT_EQ(club.status, 201) << club.body;
  ASSERT_EQ(h_.Call(keeper_, Method::kPut, "/api/v1/clubs/" + IdOf(club) + "/membership").status,
            200);
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/clubs/" + IdOf(club) + "/posts", R"({"body":"Hi"})").status,
            201);
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/challenges",
                    R"({"title":"March","metric":"distance","starts_on":"2026-03-01",)"
                    R"("ends_on":"2027-02-28","time_zone":"UTC","access":"public"})")
                .status,
            201);
  // A report made and one received.
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/reports",
                    std::string(R"({"kind":"user","id":")") + kKeeper + R"(","reason":"spam"})")
                .status,
            201);
  ASSERT_EQ(h_.Post(keeper_, "/api/v1/reports",
                    std::string(R"({"kind":"user","id":")") + kDoomed + R"(","reason":"spam"})")
                .status,
            201);
  // An admin action on the user (audited, shown to them).
  ASSERT_EQ(
      h_.Call(admin_, Method::kPatch, "/api/v1/admin/users/" + doomed_id_, R"({"role":"user"})")
          .status,
      200);
  // Consent to the privacy policy (issue 15 lane consent).
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/me/consents", R"({"policy_version":1})").status, 201);
  std::string email = std::string(kDoomed) + "@example.org";
  ASSERT_FALSE(References(doomed_id_, kDoomed, email).empty()) << "the walk finds the user";
  auto keeper_before = KeeperListings();

  // ---- Delete: hidden at once, erased only after the grace period.
  auto deleted = DeleteDoomed();
  ASSERT_EQ(deleted.status, 202) << deleted.body;
  RunHousekeeping(6 * 24h);
  EXPECT_EQ(Count(kUserExists, doomed_id_), 1) << "inside the grace period of 7 days";
  RunHousekeeping(7 * 24h + 1h);
  EXPECT_EQ(Count(kUserExists, doomed_id_), 0);

  auto left = References(doomed_id_, kDoomed, email);
  EXPECT_TRUE(left.empty()) << [&] {
    std::string all;
    for (const auto& l : left) all += l + "\n";
    return all;
  }();
  // Housekeeping a week ahead ended the keeper's idle session too.
  h_.SignIn(keeper_, kKeeper);
  EXPECT_EQ(KeeperListings(), keeper_before);
  // The keeper's own comment on the doomed user's workout went with the workout; the keeper's
  // own workout keeps its feed item, without the doomed user's comment and kudos.
  auto comments = h_.Get(keeper_, "/api/v1/feed-items/" + keeper_item + "/comments");
  ASSERT_EQ(comments.status, 200) << comments.body;
  EXPECT_TRUE(comments.Json().at("items").as_array().empty()) << comments.body;
}

TEST_F(ErasureTest, DeletingSignsOutEverywhereAndHidesTheUserAtOnce) {
  auto token = h_.Post(doomed_, "/api/v1/me/tokens", R"({"name":"t","scopes":["profile:read"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  Browser phone;
  h_.SignIn(phone, kDoomed);
  auto workout = h_.Post(doomed_, "/api/v1/workouts", kWorkoutBody);
  ASSERT_EQ(workout.status, 201) << workout.body;
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.erasure.public",
                        "UPDATE workouts SET visibility = 'public' "
                        "WHERE user_id = $1"},
              doomed_id_);
  });
  // A comment of theirs on the keeper's public workout, and a post in the keeper's club.
  ASSERT_EQ(h_.Post(keeper_, "/api/v1/workouts", kWorkoutBody).status, 201);
  h_.app().database->Write([&](Session& s) { s.Execute(kShareItem, keeper_id_); });
  std::string comments = "/api/v1/feed-items/" + ItemOf(keeper_id_) + "/comments";
  ASSERT_EQ(h_.Post(doomed_, comments, R"({"body":"Strong!"})").status, 201);
  auto club = h_.Post(keeper_, "/api/v1/clubs", R"({"name":"Keepers","access":"public"})");
  ASSERT_EQ(club.status, 201) << club.body;
  std::string posts = "/api/v1/clubs/" + IdOf(club) + "/posts";
  ASSERT_EQ(h_.Call(doomed_, Method::kPut, "/api/v1/clubs/" + IdOf(club) + "/membership").status,
            200);
  ASSERT_EQ(h_.Post(doomed_, posts, R"({"body":"Hello"})").status, 201);
  ASSERT_EQ(h_.Get(keeper_, comments).Json().at("items").as_array().size(), 1u);
  ASSERT_EQ(h_.Get(keeper_, posts).Json().at("items").as_array().size(), 1u);
  std::string profile = std::string("/api/v1/users/") + kDoomed;
  std::string their_workout = profile + "/workouts/" + IdOf(workout);
  ASSERT_EQ(h_.Get(keeper_, profile).status, 200);
  ASSERT_EQ(h_.Get(keeper_, their_workout).status, 200);
  ASSERT_EQ(h_.Get(anonymous_, their_workout).status, 200);

  auto before = platform::FormatRfc3339(Clock::now() + 7 * 24h);
  auto deleted = DeleteDoomed();
  auto after = platform::FormatRfc3339(Clock::now() + 7 * 24h);
  ASSERT_EQ(deleted.status, 202) << deleted.body;
  // erase_after is 7 days (the default) from the moment of the request (RFC 3339 UTC text,
  // whose order is time order).
  std::string erase_after(deleted.Json().at("erase_after").as_string());
  EXPECT_LE(before, erase_after);
  EXPECT_LE(erase_after, after);

  EXPECT_EQ(h_.Get(doomed_, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(phone, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(api, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(keeper_, profile).status, 404);
  EXPECT_EQ(h_.Get(keeper_, their_workout).status, 404);
  EXPECT_EQ(h_.Get(anonymous_, their_workout).status, 404);
  EXPECT_EQ(h_.Get(keeper_, comments).Json().at("items").as_array().size(), 0u);
  EXPECT_EQ(h_.Get(keeper_, posts).Json().at("items").as_array().size(), 0u);
  // Mails written in one second have no order among them: look for it among all.
  EXPECT_TRUE(AnyMailHas({erase_after, "Sign in before then"}));
}

// The apps the user authorised hear of it (their webhooks send "app.deauthorized"): the grants
// are revoked through the OAuth feature, not deleted behind its back.
TEST_F(ErasureTest, DeletingEndsTheUsersAppGrantsAndTellsTheApps) {
  auto client =
      testing::InsertOAuthClient(h_, keeper_id_, "Keeper's app", false, {"https://app.example/cb"});
  const std::string grant_id = "grant-of-the-doomed";
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.erasure.grant",
                        "INSERT INTO oauth_grants (id, client_id, user_id, scopes, created_at) "
                        "VALUES ($1, $2, $3, 'profile:read', '2026-03-01T00:00:00.000Z')"},
              grant_id, client.row_id, doomed_id_);
  });
  std::vector<features::oauth::GrantRevoked> heard;
  h_.app().grant_events->Add(
      [&heard](Session&, const features::oauth::GrantRevoked& g) { heard.push_back(g); });

  ASSERT_EQ(DeleteDoomed().status, 202);

  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].user_id, doomed_id_);
  EXPECT_EQ(heard[0].client_id, client.row_id);
  EXPECT_EQ(heard[0].grant_id, grant_id);
  EXPECT_EQ(heard[0].reason, "account_deleted");
  h_.app().database->Read([&](Session& s) {
    auto row = s.QueryOne(
        Statement{"test.erasure.grant_state", "SELECT revoked_at FROM oauth_grants WHERE id = $1"},
        grant_id);
    ASSERT_TRUE(row.has_value());
    EXPECT_TRUE(row->OptText("revoked_at").has_value());
  });
}

TEST_F(ErasureTest, SigningInWithinTheGracePeriodCancels) {
  ASSERT_EQ(DeleteDoomed().status, 202);
  ASSERT_EQ(Count(kPending, doomed_id_), 1);
  Browser again;
  auto login =
      h_.Post(again, "/api/v1/auth/login",
              std::string(R"({"login":")") + kDoomed + R"(","password":")" + Password() + R"("})");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.Json().at("erasure_cancelled"), true);
  EXPECT_EQ(Count(kPending, doomed_id_), 0);
  EXPECT_EQ(h_.Get(keeper_, std::string("/api/v1/users/") + kDoomed).status, 200);
  auto audit = h_.Get(again, "/api/v1/me/audit-events");
  EXPECT_NE(audit.body.find("erasure_cancelled"), std::string::npos) << audit.body;
  RunHousekeeping(30 * 24h);
  EXPECT_EQ(Count(kUserExists, doomed_id_), 1);
  EXPECT_TRUE(AnyMailHas({"your account is not deleted"}));
}

TEST_F(ErasureTest, AWrongPasswordRefusesAndChangesNothing) {
  auto refused = DeleteMe(doomed_, R"({"password":"not the password"})");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(testing::FieldsOf(refused), std::set<std::string>{"password"});
  EXPECT_EQ(Count(kPending, doomed_id_), 0);
  EXPECT_EQ(h_.Get(doomed_, "/api/v1/me").status, 200);
  EXPECT_EQ(DeleteMe(doomed_, "{}").status, 422);
  EXPECT_EQ(Count(kPending, doomed_id_), 0);
}

TEST_F(ErasureTest, ATokenCannotDeleteTheAccount) {
  auto token = h_.Post(doomed_, "/api/v1/me/tokens", R"({"name":"t","scopes":["profile:write"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  EXPECT_EQ(DeleteMe(api, R"({"password":")" + Password() + R"("})").status, 403);
  EXPECT_EQ(Count(kPending, doomed_id_), 0);
}

TEST_F(ErasureTest, TheAdminSetsTheGracePeriodAndZeroErasesAtTheNextRun) {
  auto settings = h_.Get(admin_, "/api/v1/admin/settings");
  ASSERT_EQ(settings.status, 200) << settings.body;
  EXPECT_EQ(settings.Json().at("erasure_grace_days"), 7);
  EXPECT_EQ(h_.Call(admin_, Method::kPut, "/api/v1/admin/settings", R"({"erasure_grace_days":-1})")
                .status,
            422);
  auto changed =
      h_.Call(admin_, Method::kPut, "/api/v1/admin/settings", R"({"erasure_grace_days":0})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("erasure_grace_days"), 0);
  ASSERT_EQ(DeleteDoomed().status, 202);
  RunHousekeeping(1s);
  EXPECT_EQ(Count(kUserExists, doomed_id_), 0);
}

TEST_F(ErasureTest, AnAdminsDeletionErasesTheSameWay) {
  ASSERT_EQ(h_.Post(doomed_, "/api/v1/workouts", kWorkoutBody).status, 201);
  ASSERT_EQ(
      h_.Call(doomed_, Method::kPut, std::string("/api/v1/users/") + kKeeper + "/follow").status,
      200);
  ASSERT_EQ(
      h_.Call(admin_, Method::kPatch, "/api/v1/admin/users/" + doomed_id_, R"({"role":"user"})")
          .status,
      200);
  std::string email = std::string(kDoomed) + "@example.org";
  ASSERT_FALSE(References(doomed_id_, kDoomed, email).empty());
  ASSERT_EQ(h_.Call(admin_, Method::kDelete, "/api/v1/admin/users/" + doomed_id_).status, 204);
  auto left = References(doomed_id_, kDoomed, email);
  EXPECT_TRUE(left.empty()) << (left.empty() ? "" : left.front());
  // The admin's action stays in the log, naming nobody.
  auto events = h_.Get(admin_, "/api/v1/admin/audit-events");
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_NE(events.body.find("account_deleted"), std::string::npos) << events.body;
}

}  // namespace
}  // namespace vigor
