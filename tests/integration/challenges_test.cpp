// Challenges through the real application on both databases: every route and verb; the
// leaderboard following a member's workouts as they are logged, edited and deleted; the sport
// filter; the time-zone boundary of the last and the first day; invite-only challenges hidden
// from strangers; the board cut by the privacy policy (private workouts, the member's choice to
// show them, blocks); the end-of-challenge housekeeping; and the privacy matrix row of
// challenge.leaderboard.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <map>
#include <set>

#include "core/calendar.hpp"
#include "features/challenges/feature.hpp"
#include "features/notifications/notifier.hpp"
#include "features/workouts/feature.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "support/privacy_matrix.hpp"

namespace vigor {
namespace {

using core::privacy::Visibility;
using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

template <class F>
F& FeatureOf(AppHarness& h) {
  for (auto& feature : h.app().features) {
    if (auto* found = dynamic_cast<F*>(feature.get())) return *found;
  }
  throw std::logic_error("feature not installed");
}

core::Day Today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

// A moment of today (UTC) no later than now.
std::string EarlierToday() {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  std::int64_t day_start =
      std::chrono::duration_cast<std::chrono::milliseconds>(Today().time_since_epoch()).count();
  return platform::FormatUtcMs(std::max(day_start, now - 60'000));
}

std::string ChallengeBody(const std::string& title, const std::string& metric,
                          const std::string& extra = "") {
  auto from = core::FormatDay(Today() - std::chrono::days(1));
  auto to = core::FormatDay(Today() + std::chrono::days(1));
  return R"({"title":")" + title + R"(","metric":")" + metric + R"(","starts_on":")" + from +
         R"(","ends_on":")" + to + R"(","time_zone":"UTC")" + extra + "}";
}

std::string CardioBody(const std::string& started_at, const std::string& sport, double metres) {
  return R"({"title":"Out","started_at":")" + started_at + R"(","cardio":{"sport":")" + sport +
         R"(","distance_m":)" + std::to_string(metres) + R"(,"duration_s":1800}})";
}

constexpr Statement kFollow{"test.challenges.follow",
                            "INSERT INTO follows (follower_id, followee_id, state, created_at, "
                            "approved_at) VALUES ($1, $2, 'approved', $3, $3)"};
constexpr Statement kBlock{
    "test.challenges.block",
    "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3)"};

// What the visibility lane's writes report when a workout's visibility changes (on this branch
// workouts carry none of their own): the same workout, before and after, with `visibility`.
void SetVisibility(AppHarness& h, const std::string& user_id, const std::string& workout_id,
                   const std::string& started_at, const std::optional<std::string>& sport,
                   Visibility visibility) {
  namespace workouts = features::workouts;
  workouts::WorkoutFacts facts{
      .started_at = started_at,
      .time_zone = std::nullopt,
      .kind = sport ? workouts::WorkoutKind::kCardio : workouts::WorkoutKind::kStrength,
      .sport = sport,
      .exercise_ids = {},
      .visibility = std::string(core::privacy::VisibilityName(visibility))};
  workouts::WorkoutChange change{
      .user_id = user_id, .workout_id = workout_id, .before = facts, .after = facts};
  auto& changes = FeatureOf<workouts::WorkoutsFeature>(h).changes();
  h.app().database->Write(
      [&](Session& s) { changes.Notify(s, std::span<const workouts::WorkoutChange>(&change, 1)); });
}

// Notifications as the notifications feature would get them (it is another lane's).
struct RecordingNotifier final : features::notifications::Notifier {
  std::vector<features::notifications::Notification> sent;
  void Notify(Session&, const features::notifications::Notification& n) override {
    sent.push_back(n);
  }
};

// username -> value on the board as `who` sees it (absent: not on the board).
std::map<std::string, double> BoardOf(AppHarness& h, Browser& who, const std::string& id) {
  auto reply = h.Get(who, "/api/v1/challenges/" + id + "/leaderboard");
  EXPECT_EQ(reply.status, 200) << reply.body;
  std::map<std::string, double> values;
  if (reply.status != 200) return values;
  auto body = reply.Json();
  for (const auto& item : body["items"].as_array()) {
    const auto& row = item.as_object();
    values[std::string(row.at("member").as_object().at("username").as_string())] =
        row.at("value").to_number<double>();
  }
  return values;
}

class ChallengesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alice_id_ = h_.CreateUser("alice");
    bob_id_ = h_.CreateUser("bob");
    carol_id_ = h_.CreateUser("carol");
    h_.SignIn(alice_, "alice");
    h_.SignIn(bob_, "bob");
    h_.SignIn(carol_, "carol");
  }

  std::string Create(Browser& who, const std::string& body) {
    auto reply = h_.Post(who, "/api/v1/challenges", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    if (reply.status != 201) return "";
    return std::string(reply.Json()["id"].as_string());
  }
  Reply Join(Browser& who, const std::string& id, bool count_private = false) {
    return h_.Call(who, Method::kPut, "/api/v1/challenges/" + id + "/membership",
                   count_private ? R"({"count_private":true})" : R"({"count_private":false})");
  }
  std::string Log(Browser& who, const std::string& body) {
    auto reply = h_.Post(who, "/api/v1/workouts", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    if (reply.status != 201) return "";
    return std::string(reply.Json()["id"].as_string());
  }
  std::string Now() {
    return platform::FormatUtcMs(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  }

  AppHarness h_;
  Browser alice_, bob_, carol_;
  std::string alice_id_, bob_id_, carol_id_;
};

TEST_F(ChallengesTest, EveryRouteAndVerb) {
  auto created = h_.Post(alice_, "/api/v1/challenges",
                         ChallengeBody("March miles", "distance",
                                       R"(,"sport":"run","target":100000,"description":"Go")"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto c = created.Json();
  std::string id(c["id"].as_string());
  EXPECT_EQ(c["title"], "March miles");
  EXPECT_EQ(c["metric"], "distance");
  EXPECT_EQ(c["sport"], "run");
  EXPECT_EQ(c["status"], "active");
  EXPECT_EQ(c["access"], "public");
  EXPECT_EQ(c["member_count"].as_int64(), 0);
  EXPECT_EQ(c["creator"].as_object()["username"], "alice");
  // The first day's start and the day after the last, in UTC here.
  EXPECT_EQ(c["starts_at"].as_string(),
            core::FormatDay(Today() - std::chrono::days(1)) + "T00:00:00.000Z");
  EXPECT_EQ(c["ends_at"].as_string(),
            core::FormatDay(Today() + std::chrono::days(2)) + "T00:00:00.000Z");

  auto list = h_.Get(bob_, "/api/v1/challenges?status=active");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].as_array().size(), 1u);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges?status=ended").Json()["items"].as_array().size(), 0u);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges?mine=true").Json()["items"].as_array().size(), 0u);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges?status=soon").status, 422);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges?club_id=nope").Json()["items"].as_array().size(), 0u);

  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges/" + id).status, 200);
  Browser anonymous;
  EXPECT_EQ(h_.Get(anonymous, "/api/v1/challenges/" + id).status, 200);

  EXPECT_EQ(h_.Call(bob_, Method::kPatch, "/api/v1/challenges/" + id, R"({"title":"Mine"})").status,
            403);
  auto patched =
      h_.Call(alice_, Method::kPatch, "/api/v1/challenges/" + id, R"({"title":"April miles"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["title"], "April miles");

  auto joined = Join(bob_, id, true);
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_EQ(joined.Json()["count_private"], true);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges?mine=true").Json()["items"].as_array().size(), 1u);
  auto seen = h_.Get(bob_, "/api/v1/challenges/" + id).Json();
  EXPECT_EQ(seen["joined"], true);
  EXPECT_EQ(seen["member_count"].as_int64(), 1);

  auto invited = h_.Post(bob_, "/api/v1/challenges/" + id + "/invites", R"({"username":"carol"})");
  EXPECT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(
      h_.Post(bob_, "/api/v1/challenges/" + id + "/invites", R"({"username":"carol"})").status,
      200);
  EXPECT_EQ(
      h_.Post(bob_, "/api/v1/challenges/" + id + "/invites", R"({"username":"nobody"})").status,
      404);
  // Carol is no member: she may not invite.
  EXPECT_EQ(
      h_.Post(carol_, "/api/v1/challenges/" + id + "/invites", R"({"username":"alice"})").status,
      403);

  auto board = h_.Get(bob_, "/api/v1/challenges/" + id + "/leaderboard");
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.Json()["items"].as_array().size(), 1u);
  EXPECT_EQ(board.Json()["own_progress"].to_number<double>(), 0.0);

  EXPECT_EQ(h_.Call(bob_, Method::kDelete, "/api/v1/challenges/" + id + "/membership").status, 204);
  EXPECT_EQ(h_.Call(bob_, Method::kDelete, "/api/v1/challenges/" + id + "/membership").status, 404);
  EXPECT_EQ(h_.Call(bob_, Method::kDelete, "/api/v1/challenges/" + id).status, 403);
  EXPECT_EQ(h_.Call(alice_, Method::kDelete, "/api/v1/challenges/" + id).status, 204);
  EXPECT_EQ(h_.Get(alice_, "/api/v1/challenges/" + id).status, 404);
}

TEST_F(ChallengesTest, InvalidChallengesAreRefusedFieldByField) {
  auto bad = h_.Post(alice_, "/api/v1/challenges",
                     R"({"title":" ","metric":"speed","sport":"fly","starts_on":"2026-03-10",)"
                     R"("ends_on":"2026-03-01","time_zone":"Mars/Olympus","access":"secret"})");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(testing::FieldsOf(bad),
            (std::set<std::string>{"title", "metric", "sport", "time_zone", "access"}));
  auto backwards = h_.Post(alice_, "/api/v1/challenges",
                           R"({"title":"T","metric":"time","starts_on":"2026-03-10",)"
                           R"("ends_on":"2026-03-01","time_zone":"UTC"})");
  ASSERT_EQ(backwards.status, 422);
  EXPECT_EQ(testing::FieldsOf(backwards), (std::set<std::string>{"ends_on"}));
  // A club that does not exist has no admins: a challenge for it cannot be made.
  auto club =
      h_.Post(alice_, "/api/v1/challenges", ChallengeBody("Club", "time", R"(,"club_id":"c1")"));
  ASSERT_EQ(club.status, 422);
  EXPECT_EQ(testing::FieldsOf(club), (std::set<std::string>{"club_id"}));
}

// ACCEPTANCE: a challenge leaderboard changes when a member's qualifying workout is edited or
// deleted.
TEST_F(ChallengesTest, TheBoardFollowsAMembersWorkoutsAsTheyAreLoggedEditedAndDeleted) {
  auto id = Create(alice_, ChallengeBody("Run", "distance", R"(,"sport":"run")"));
  ASSERT_EQ(Join(bob_, id, /*count_private=*/true).status, 200);
  ASSERT_EQ(Join(alice_, id).status, 200);
  // Alice follows Bob: his workouts are hers to see whatever visibility they default to.
  h_.app().database->Write([&](Session& s) { s.Execute(kFollow, alice_id_, bob_id_, Now()); });

  auto started = EarlierToday();
  auto logged = h_.Post(bob_, "/api/v1/workouts", CardioBody(started, "run", 5000));
  ASSERT_EQ(logged.status, 201) << logged.body;
  std::string workout(logged.Json()["id"].as_string());
  EXPECT_EQ(BoardOf(h_, alice_, id)["bob"], 5000);

  Headers if_match;
  if_match.Add("If-Match", std::string(logged.headers.Get("ETag").value_or("")));
  auto edited = h_.Call(bob_, Method::kPut, "/api/v1/workouts/" + workout,
                        CardioBody(started, "run", 8000), if_match);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(BoardOf(h_, alice_, id)["bob"], 8000);
  auto board = h_.Get(bob_, "/api/v1/challenges/" + id + "/leaderboard").Json();
  EXPECT_EQ(board["own_progress"].to_number<double>(), 8000);
  EXPECT_EQ(board["own_rank"].as_int64(), 1);
  // A second member with nothing yet ranks second.
  EXPECT_EQ(board["items"].as_array().size(), 2u);
  EXPECT_EQ(board["items"].as_array()[1].as_object().at("rank").as_int64(), 2);

  // Edited into a ride: it no longer counts.
  Headers if_match2;
  if_match2.Add("If-Match", std::string(edited.headers.Get("ETag").value_or("")));
  auto ride = h_.Call(bob_, Method::kPut, "/api/v1/workouts/" + workout,
                      CardioBody(started, "ride", 8000), if_match2);
  ASSERT_EQ(ride.status, 200) << ride.body;
  EXPECT_EQ(BoardOf(h_, alice_, id)["bob"], 0);

  auto second = Log(bob_, CardioBody(started, "run", 3000));
  EXPECT_EQ(BoardOf(h_, alice_, id)["bob"], 3000);
  EXPECT_EQ(h_.Call(bob_, Method::kDelete, "/api/v1/workouts/" + second).status, 204);
  EXPECT_EQ(BoardOf(h_, alice_, id)["bob"], 0);
}

TEST_F(ChallengesTest, OnlyTheChallengesSportCountsAndWorkoutsLoggedBeforeJoiningCount) {
  auto started = EarlierToday();
  Log(bob_, CardioBody(started, "run", 3000));
  Log(bob_, CardioBody(started, "ride", 10000));
  Log(bob_,
      R"({"title":"Legs","started_at":")" + started +
          R"(","blocks":[{"exercise_id":"barbell-back-squat","sets":[{"reps":5,"weight_kg":100}]}]})");
  auto runs = Create(alice_, ChallengeBody("Runs", "distance", R"(,"sport":"run")"));
  auto any = Create(alice_, ChallengeBody("Sessions", "sessions"));
  auto volume = Create(alice_, ChallengeBody("Volume", "volume"));
  // Joining counts what was logged in the challenge's days already.
  auto joined = Join(bob_, runs);
  ASSERT_EQ(joined.status, 200);
  EXPECT_EQ(joined.Json()["progress"].to_number<double>(), 3000);
  EXPECT_EQ(Join(bob_, any).Json()["progress"].to_number<double>(), 3);
  EXPECT_EQ(Join(bob_, volume).Json()["progress"].to_number<double>(), 500);
  // And so does what comes later.
  Log(bob_, CardioBody(started, "run", 2000));
  Log(bob_, CardioBody(started, "swim", 1000));
  EXPECT_EQ(BoardOf(h_, bob_, runs)["bob"], 5000);
  EXPECT_EQ(BoardOf(h_, bob_, any)["bob"], 5);
}

// Berlin is UTC+1 in March (before the clocks change on the 29th): 23:30 local on the last day is
// 22:30Z, 00:30 local on the next day is 23:30Z of the same UTC day; 00:30 local on the first day
// is 23:30Z of the day before.
TEST_F(ChallengesTest, AWorkoutCountsByItsStartInTheChallengesZone) {
  auto id = Create(alice_, ChallengeBody("Berlin", "sessions"));
  ASSERT_EQ(Join(bob_, id).status, 200);
  auto patched = h_.Call(alice_, Method::kPatch, "/api/v1/challenges/" + id,
                         R"({"starts_on":"2026-03-01","ends_on":"2026-03-10",)"
                         R"("time_zone":"Europe/Berlin"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["starts_at"].as_string(), "2026-02-28T23:00:00.000Z");
  EXPECT_EQ(patched.Json()["ends_at"].as_string(), "2026-03-10T23:00:00.000Z");
  Log(bob_, CardioBody("2026-03-10T22:30:00Z", "run", 1000));  // 23:30 on the 10th: counts
  EXPECT_EQ(BoardOf(h_, bob_, id)["bob"], 1);
  Log(bob_, CardioBody("2026-03-10T23:30:00Z", "run", 1000));  // 00:30 on the 11th: does not
  EXPECT_EQ(BoardOf(h_, bob_, id)["bob"], 1);
  Log(bob_, CardioBody("2026-02-28T23:30:00Z", "run", 1000));  // 00:30 on the 1st: counts
  Log(bob_, CardioBody("2026-02-28T22:30:00Z", "run", 1000));  // 23:30 on Feb 28: does not
  EXPECT_EQ(BoardOf(h_, bob_, id)["bob"], 2);
  // Counting again after a change of zone: in UTC, 22:30Z and 23:30Z of the 10th count, and
  // neither of Feb 28.
  auto utc = h_.Call(alice_, Method::kPatch, "/api/v1/challenges/" + id, R"({"time_zone":"UTC"})");
  ASSERT_EQ(utc.status, 200) << utc.body;
  EXPECT_EQ(BoardOf(h_, bob_, id)["bob"], 2);
  EXPECT_EQ(utc.Json()["status"], "ended");
  // Over: nobody joins any more.
  EXPECT_EQ(Join(carol_, id).status, 409);
}

TEST_F(ChallengesTest, AnInviteOnlyChallengeIsHiddenFromStrangers) {
  auto id = Create(alice_, ChallengeBody("Secret", "time", R"(,"access":"invite")"));
  Browser anonymous;
  for (Browser* who : {&bob_, &carol_, &anonymous}) {
    EXPECT_EQ(h_.Get(*who, "/api/v1/challenges/" + id).status, 404);
    EXPECT_EQ(h_.Get(*who, "/api/v1/challenges/" + id + "/leaderboard").status, 404);
  }
  EXPECT_EQ(h_.Get(carol_, "/api/v1/challenges").Json()["items"].as_array().size(), 0u);
  EXPECT_EQ(Join(carol_, id).status, 404);
  EXPECT_EQ(
      h_.Post(carol_, "/api/v1/challenges/" + id + "/invites", R"({"username":"bob"})").status,
      404);
  EXPECT_EQ(h_.Call(carol_, Method::kPatch, "/api/v1/challenges/" + id, R"({"title":"x"})").status,
            404);

  ASSERT_EQ(
      h_.Post(alice_, "/api/v1/challenges/" + id + "/invites", R"({"username":"bob"})").status,
      201);
  auto seen = h_.Get(bob_, "/api/v1/challenges/" + id);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.Json()["invited"], true);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/challenges").Json()["items"].as_array().size(), 1u);
  EXPECT_EQ(h_.Get(carol_, "/api/v1/challenges/" + id).status, 404);
  ASSERT_EQ(Join(bob_, id).status, 200);
  // A member invites too.
  EXPECT_EQ(
      h_.Post(bob_, "/api/v1/challenges/" + id + "/invites", R"({"username":"carol"})").status,
      201);
  EXPECT_EQ(h_.Get(carol_, "/api/v1/challenges/" + id).status, 200);
}

TEST_F(ChallengesTest, TheBoardShowsEachMembersWorkoutsAsThePolicyAndTheirChoiceAllow) {
  auto id = Create(alice_, ChallengeBody("Miles", "distance"));
  ASSERT_EQ(Join(bob_, id).status, 200);
  auto started = EarlierToday();
  auto workout = Log(bob_, CardioBody(started, "run", 4000));
  SetVisibility(h_, bob_id_, workout, started, "run", Visibility::kPrivate);
  // Private: his own progress only.
  EXPECT_EQ(BoardOf(h_, bob_, id)["bob"], 4000);
  EXPECT_EQ(BoardOf(h_, carol_, id)["bob"], 0);
  // He lets the board show his private workouts.
  ASSERT_EQ(Join(bob_, id, true).status, 200);
  EXPECT_EQ(BoardOf(h_, carol_, id)["bob"], 4000);
  ASSERT_EQ(Join(bob_, id, false).status, 200);
  // Followers-only: a follower sees it, a stranger does not.
  SetVisibility(h_, bob_id_, workout, started, "run", Visibility::kFollowers);
  h_.app().database->Write([&](Session& s) { s.Execute(kFollow, alice_id_, bob_id_, Now()); });
  EXPECT_EQ(BoardOf(h_, alice_, id)["bob"], 4000);
  EXPECT_EQ(BoardOf(h_, carol_, id)["bob"], 0);
  // Public: everyone; but not on the board of someone he blocked.
  SetVisibility(h_, bob_id_, workout, started, "run", Visibility::kPublic);
  EXPECT_EQ(BoardOf(h_, carol_, id)["bob"], 4000);
  h_.app().database->Write([&](Session& s) { s.Execute(kBlock, bob_id_, carol_id_, Now()); });
  EXPECT_FALSE(BoardOf(h_, carol_, id).contains("bob"));
}

TEST_F(ChallengesTest, MembersAreToldOnceWhenAChallengeEnds) {
  RecordingNotifier notifier;
  h_.app().notifier->Connect(notifier);
  auto id = Create(alice_, ChallengeBody("Short", "sessions"));
  ASSERT_EQ(Join(bob_, id).status, 200);
  ASSERT_EQ(Join(carol_, id).status, 200);
  auto& service = FeatureOf<features::challenges::ChallengesFeature>(h_).service();
  auto soon = std::chrono::system_clock::now();
  auto later = soon + std::chrono::days(3);  // after the day after tomorrow's start
  std::int64_t told_now = 0, told_later = 0, told_again = 0;
  h_.app().database->Write([&](Session& s) { told_now = service.AnnounceEnded(s, soon, 10); });
  h_.app().database->Write([&](Session& s) { told_later = service.AnnounceEnded(s, later, 10); });
  h_.app().database->Write([&](Session& s) { told_again = service.AnnounceEnded(s, later, 10); });
  EXPECT_EQ(told_now, 0);
  EXPECT_EQ(told_later, 1);
  EXPECT_EQ(told_again, 0);
  ASSERT_EQ(notifier.sent.size(), 2u);
  std::set<std::string> recipients;
  for (const auto& n : notifier.sent) {
    recipients.insert(n.recipient_id);
    EXPECT_EQ(n.kind, "challenge");
    EXPECT_FALSE(n.actor_id.has_value());
    EXPECT_EQ(n.subject_kind, "challenge");
    EXPECT_EQ(n.subject_id, id);
    EXPECT_EQ(n.excerpt, "Short");
  }
  EXPECT_EQ(recipients, (std::set<std::string>{bob_id_, carol_id_}));
}

TEST_F(ChallengesTest, TheInvitedUserIsToldOnce) {
  RecordingNotifier notifier;
  h_.app().notifier->Connect(notifier);
  auto id = Create(alice_, ChallengeBody("Secret", "time", R"(,"access":"invite")"));
  auto path = "/api/v1/challenges/" + id + "/invites";
  ASSERT_EQ(h_.Post(alice_, path, R"({"username":"bob"})").status, 201);
  ASSERT_EQ(h_.Post(alice_, path, R"({"username":"bob"})").status, 200);
  ASSERT_EQ(notifier.sent.size(), 1u);
  EXPECT_EQ(notifier.sent[0].recipient_id, bob_id_);
  EXPECT_EQ(notifier.sent[0].kind, "challenge");
  EXPECT_EQ(notifier.sent[0].actor_id, alice_id_);
  EXPECT_EQ(notifier.sent[0].subject_id, id);
  // Someone who blocked the inviter cannot be invited by them: not found, as for nobody.
  h_.app().database->Write([&](Session& s) { s.Execute(kBlock, carol_id_, alice_id_, Now()); });
  EXPECT_EQ(h_.Post(alice_, path, R"({"username":"carol"})").status, 404);
  EXPECT_EQ(notifier.sent.size(), 1u);
}

TEST_F(ChallengesTest, JoinsAndInvitesAreRateLimited) {
  auto id = Create(alice_, ChallengeBody("Busy", "sessions"));
  // 30 joins an hour (core/limits.hpp): the 31st is refused.
  for (int i = 0; i < 30; ++i) ASSERT_EQ(Join(bob_, id, i % 2 == 0).status, 200) << i;
  EXPECT_EQ(Join(bob_, id).status, 429);
  EXPECT_EQ(Join(carol_, id).status, 200);  // per user
  // 60 invites an hour.
  auto path = "/api/v1/challenges/" + id + "/invites";
  for (int i = 0; i < 60; ++i) {
    ASSERT_EQ(h_.Post(alice_, path, R"({"username":"carol"})").status, 200) << i;
  }
  EXPECT_EQ(h_.Post(alice_, path, R"({"username":"carol"})").status, 429);
}

// The privacy matrix row: the owner joins a public challenge (private workouts not shown) and
// logs a qualifying workout with the given visibility; the viewer sees it when the owner's value
// on the viewer's board includes it.
const testing::RegisterPrivacyReadPath kLeaderboardRow{{
    .name = "challenge.leaderboard",
    .make_item =
        [](testing::PrivacyWorld& world, Visibility visibility) {
          auto& h = world.harness();
          auto created =
              h.Post(world.owner(), "/api/v1/challenges", ChallengeBody("Row", "sessions"));
          EXPECT_EQ(created.status, 201) << created.body;
          std::string id(created.Json()["id"].as_string());
          auto joined =
              h.Call(world.owner(), Method::kPut, "/api/v1/challenges/" + id + "/membership",
                     R"({"count_private":false})");
          EXPECT_EQ(joined.status, 200) << joined.body;
          auto started = EarlierToday();
          auto logged = h.Post(world.owner(), "/api/v1/workouts", CardioBody(started, "run", 1000));
          EXPECT_EQ(logged.status, 201) << logged.body;
          SetVisibility(h, world.owner_id(), std::string(logged.Json()["id"].as_string()), started,
                        "run", visibility);
          return id;
        },
    .viewer_sees =
        [](testing::PrivacyWorld& world, testing::ViewerKind viewer, const std::string& id) {
          auto reply =
              world.harness().Get(world.Of(viewer), "/api/v1/challenges/" + id + "/leaderboard");
          if (reply.status != 200) return false;
          auto body = reply.Json();
          for (const auto& item : body["items"].as_array()) {
            const auto& row = item.as_object();
            if (row.at("member").as_object().at("username") == testing::PrivacyWorld::kOwnerName) {
              return row.at("value").to_number<double>() > 0;
            }
          }
          return false;
        },
}};

// Club challenges, answered by the clubs feature: its admins make them, its active members join
// them, and nobody else does either (a plain member may not make one; a pending request is no
// membership).
TEST_F(ChallengesTest, AClubsAdminsMakeItsChallengesAndOnlyItsMembersJoinThem) {
  auto club = h_.Post(alice_, "/api/v1/clubs", R"({"name":"Runners","access":"public"})");
  ASSERT_EQ(club.status, 201) << club.body;
  std::string club_id(club.Json()["id"].as_string());
  ASSERT_EQ(h_.Call(bob_, Method::kPut, "/api/v1/clubs/" + club_id + "/membership", "").status,
            200);
  // Carol asks to join a private club and is still waiting.
  auto closed = h_.Post(alice_, "/api/v1/clubs", R"({"name":"Closed","access":"private"})");
  ASSERT_EQ(closed.status, 201) << closed.body;
  std::string closed_id(closed.Json()["id"].as_string());
  ASSERT_EQ(h_.Call(carol_, Method::kPut, "/api/v1/clubs/" + closed_id + "/membership", "").status,
            200);

  // Bob is a member, not an admin: he may not make one.
  auto by_member = h_.Post(bob_, "/api/v1/challenges",
                           ChallengeBody("Bob's", "distance", R"(,"club_id":")" + club_id + "\""));
  ASSERT_EQ(by_member.status, 422) << by_member.body;
  EXPECT_EQ(testing::FieldsOf(by_member), (std::set<std::string>{"club_id"}));

  auto id =
      Create(alice_, ChallengeBody("Club miles", "distance", R"(,"club_id":")" + club_id + "\""));
  ASSERT_FALSE(id.empty());
  auto listed = h_.Get(bob_, "/api/v1/challenges?club_id=" + club_id);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json()["items"].as_array().size(), 1u);
  EXPECT_EQ(listed.Json()["items"].as_array()[0].as_object().at("id").as_string(), id);

  EXPECT_EQ(Join(bob_, id).status, 200);
  EXPECT_EQ(Join(carol_, id).status, 403);
  auto pending = Create(
      alice_, ChallengeBody("Closed miles", "distance", R"(,"club_id":")" + closed_id + "\""));
  ASSERT_FALSE(pending.empty());
  EXPECT_EQ(Join(carol_, pending).status, 403);
  EXPECT_EQ(Join(bob_, pending).status, 403);
  auto board = BoardOf(h_, alice_, id);
  EXPECT_EQ(board.count("bob"), 1u);
  EXPECT_EQ(board.count("carol"), 0u);
}

}  // namespace
}  // namespace vigor
