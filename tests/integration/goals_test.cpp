// Goals through the real application on both databases: set, read, list, change with If-Match,
// archive, delete; field errors of each metric's rules (nothing stored); retries with the
// client's id and Idempotency-Key; another user's goal is not found; progress from workouts and
// measurements logged now, the goal.reached event written in the workout's transaction, and the
// history of finished periods.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>

#include "core/calendar.hpp"
#include "platform/events/outbox.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

Headers With(std::initializer_list<std::pair<std::string, std::string>> fields) {
  Headers headers;
  for (const auto& [name, value] : fields) headers.Add(name, value);
  return headers;
}

std::string ETagOf(const Reply& reply) {
  return std::string(reply.headers.Get("ETag").value_or(""));
}

// Today in UTC (the users' zone here) and an instant of it no later than now.
core::Day Today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}
std::string EarlierToday() {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  std::int64_t day_start =
      std::chrono::duration_cast<std::chrono::milliseconds>(Today().time_since_epoch()).count();
  return platform::FormatUtcMs(std::max(day_start, now - 60'000));
}

std::string RunWorkout(double metres) {
  return R"({"title": "Run", "started_at": ")" + EarlierToday() +
         R"(", "cardio": {"sport": "run", "distance_m": )" + std::to_string(metres) +
         R"(, "duration_s": 1800}})";
}

std::string Squat(double kg, int reps) {
  return R"({"title": "Legs", "started_at": ")" + EarlierToday() +
         R"(", "blocks": [{"exercise_id": "barbell-back-squat", "sets": [{"reps": )" +
         std::to_string(reps) + R"(, "weight_kg": )" + std::to_string(kg) +
         R"(, "done": true}]}]})";
}

constexpr const char* kWeeklyRun =
    R"({"metric": "distance", "target": 20000, "period": "week", "sport": "run"})";

class GoalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  Reply Post(Browser& b, const std::string& body, const Headers& extra = {}) {
    return h_.Call(b, Method::kPost, "/api/v1/goals", body, extra);
  }
  std::int64_t CountGoals() {
    std::int64_t n = 0;
    h_.app().database->Read([&](Session& s) {
      n = s.QueryOne(Statement{"test.count_goals", "SELECT COUNT(*) AS n FROM goals"})->Int("n");
    });
    return n;
  }
  std::vector<platform::events::Event> Events() {
    std::vector<platform::events::Event> events;
    h_.app().database->Read(
        [&](Session& s) { events = h_.app().event_outbox->After(s, owner_id_, 0, 100); });
    return events;
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
};

TEST_F(GoalsTest, SetReadListChangeArchiveDelete) {
  auto created = Post(owner_, kWeeklyRun);
  ASSERT_EQ(created.status, 201) << created.body;
  auto g = created.Json();
  std::string id(g["id"].as_string());
  EXPECT_EQ(g["title"], "Distance per week");
  EXPECT_EQ(g["metric"], "distance");
  EXPECT_EQ(g["direction"], "increase");
  EXPECT_EQ(g["start_date"], nullptr);
  EXPECT_EQ(ETagOf(created), "\"g-" + std::to_string(g["rev"].as_int64()) + "\"");
  auto progress = g["progress"].as_object();
  EXPECT_EQ(progress["value"].to_number<double>(), 0);
  EXPECT_EQ(progress["unit"], "m");
  EXPECT_EQ(progress["reached"], false);
  EXPECT_EQ(progress["on_track"], nullptr) << "no pace without a value";

  auto read = h_.Get(owner_, "/api/v1/goals/" + id);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(ETagOf(read), ETagOf(created));
  EXPECT_EQ(h_.Get(owner_, "/api/v1/goals").Json()["items"].as_array().size(), 1u);

  // A change needs If-Match: none is 428, a stale one 412, the current one works.
  std::string changed =
      R"({"title": "Run more", "metric": "distance", "target": 30000, "period": "month"})";
  EXPECT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/goals/" + id, changed).status, 428);
  EXPECT_EQ(
      h_.Call(owner_, Method::kPut, "/api/v1/goals/" + id, changed, With({{"If-Match", "\"g-0\""}}))
          .status,
      412);
  auto put = h_.Call(owner_, Method::kPut, "/api/v1/goals/" + id, changed,
                     With({{"If-Match", ETagOf(created)}}));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["title"], "Run more");
  EXPECT_EQ(put.Json()["period"], "month");
  EXPECT_GT(put.Json()["rev"].as_int64(), g["rev"].as_int64());
  EXPECT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/goals/" + id, changed,
                    With({{"If-Match", ETagOf(created)}}))
                .status,
            412);

  // Archived goals leave the default list.
  std::string archived =
      R"({"title": "Run more", "metric": "distance", "target": 30000, "period": "month",
          "archived": true})";
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/goals/" + id, archived,
                    With({{"If-Match", ETagOf(put)}}))
                .status,
            200);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/goals").Json()["items"].as_array().size(), 0u);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/goals?status=archived").Json()["items"].as_array().size(), 1u);

  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/goals/" + id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/goals/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/goals/" + id).status, 404);
  EXPECT_EQ(CountGoals(), 1) << "a tombstone stays for the change feed";
}

TEST_F(GoalsTest, EachMetricsRulesAreFieldErrorsAndNothingIsStored) {
  auto fields = [&](const std::string& body) { return FieldsOf(Post(owner_, body)); };
  using Fields = std::set<std::string>;
  EXPECT_EQ(fields(R"({"metric": "one_rep_max", "target": 100, "period": "month"})"),
            Fields{"exercise_id"});
  EXPECT_EQ(fields(R"({"metric": "weight_for_reps", "target": 100, "period": "month"})"),
            (Fields{"exercise_id", "reps"}));
  EXPECT_EQ(fields(R"({"metric": "muscle_sets", "target": 10, "period": "week"})"),
            Fields{"muscle"});
  EXPECT_EQ(fields(R"({"metric": "measurement", "target": 40, "period": "month"})"),
            Fields{"measurement_kind"});
  EXPECT_EQ(fields(R"({"metric": "distance", "target": 1000, "period": "once"})"),
            Fields{"deadline"});
  EXPECT_EQ(fields(R"({"metric": "distance", "target": 1000, "period": "once",
                       "start_date": "2030-05-02", "deadline": "2030-05-01"})"),
            Fields{"deadline"});
  EXPECT_EQ(fields(R"({"metric": "distance", "target": 1000, "period": "week",
                       "direction": "decrease"})"),
            Fields{"direction"});
  EXPECT_EQ(fields(R"({"metric": "one_rep_max", "target": 100, "period": "month",
                       "exercise_id": "no-such-lift"})"),
            Fields{"exercise_id"});
  EXPECT_EQ(fields(R"({"metric": "steps", "target": 0, "period": "fortnight",
                       "sport": "chess", "muscle": "heart", "reps": 13, "colour": "red"})"),
            (Fields{"metric", "target", "period", "sport", "muscle", "reps", "colour"}));
  auto unknown = Post(owner_, R"({"metric": "one_rep_max", "target": 100, "period": "month",
                                  "exercise_id": "no-such-lift"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(CountGoals(), 0);
  // The preview checks as a create does.
  EXPECT_EQ(FieldsOf(h_.Post(owner_, "/api/v1/goals/preview",
                             R"({"metric": "one_rep_max", "target": 100, "period": "month"})")),
            Fields{"exercise_id"});
}

TEST_F(GoalsTest, RetriesWithTheClientsIdOrAKeyGiveTheSameGoal) {
  std::string body = R"({"id": "0190f5d2-7c1e-7000-8000-000000000001", "metric": "sessions",
                         "target": 3, "period": "week"})";
  auto first = Post(owner_, body);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Post(owner_, body);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["id"], first.Json()["id"]);
  EXPECT_EQ(Post(owner_, R"({"id": "0190f5d2-7c1e-7000-8000-000000000001", "metric": "sessions",
                             "target": 4, "period": "week"})")
                .status,
            409);
  // Ids are per user: another user may use the same one.
  EXPECT_EQ(Post(other_, body).status, 201);

  auto keyed = Post(owner_, kWeeklyRun, With({{"Idempotency-Key", "k-1"}}));
  ASSERT_EQ(keyed.status, 201);
  auto retried = Post(owner_, kWeeklyRun, With({{"Idempotency-Key", "k-1"}}));
  EXPECT_EQ(retried.status, 200);
  EXPECT_EQ(retried.Json()["id"], keyed.Json()["id"]);
  EXPECT_EQ(Post(owner_, R"({"metric": "sessions", "target": 9, "period": "week"})",
                 With({{"Idempotency-Key", "k-1"}}))
                .status,
            409);
  EXPECT_EQ(CountGoals(), 3);
}

TEST_F(GoalsTest, AnotherUsersGoalIsNotFound) {
  auto created = Post(owner_, kWeeklyRun);
  std::string id(created.Json()["id"].as_string());
  EXPECT_EQ(h_.Get(other_, "/api/v1/goals/" + id).status, 404);
  EXPECT_EQ(h_.Get(other_, "/api/v1/goals/" + id + "/history").status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kPut, "/api/v1/goals/" + id, kWeeklyRun,
                    With({{"If-Match", ETagOf(created)}}))
                .status,
            404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/goals/" + id).status, 404);
  EXPECT_EQ(h_.Get(other_, "/api/v1/goals").Json()["items"].as_array().size(), 0u);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/goals/" + id).status, 200);
}

TEST_F(GoalsTest, LoggedRunsCountAndReachingTheGoalWritesOneEvent) {
  auto created = Post(owner_, kWeeklyRun);
  std::string id(created.Json()["id"].as_string());
  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", RunWorkout(12'000)).status, 201);
  auto progress = h_.Get(owner_, "/api/v1/goals/" + id).Json()["progress"].as_object();
  EXPECT_EQ(progress["value"].to_number<double>(), 12'000);
  EXPECT_DOUBLE_EQ(progress["fraction"].to_number<double>(), 0.6);  // 12 of 20 km
  EXPECT_EQ(progress["reached"], false);
  EXPECT_TRUE(Events().empty());
  // A 30 km ride is not a run: the goal stays at 12 km.
  std::string ride = RunWorkout(30'000);
  ride.replace(ride.find("\"run\""), 5, "\"ride\"");
  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", ride).status, 201);
  EXPECT_EQ(
      h_.Get(owner_, "/api/v1/goals/" + id).Json()["progress"].at("value").to_number<double>(),
      12'000);
  EXPECT_TRUE(Events().empty());

  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", RunWorkout(9'000)).status, 201);
  progress = h_.Get(owner_, "/api/v1/goals/" + id).Json()["progress"].as_object();
  EXPECT_EQ(progress["value"].to_number<double>(), 21'000);
  EXPECT_EQ(progress["reached"], true);
  EXPECT_TRUE(progress["reached_at"].is_string());
  EXPECT_EQ(progress["explanation"], "Reached: 21 km of 20 km.");
  auto events = Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "goal.reached");
  auto payload = boost::json::parse(events[0].payload).as_object();
  EXPECT_TRUE(testing::OpenApiContract::Vigor()
                  .schemas()
                  .Validate("/components/schemas/GoalReachedEvent", payload)
                  .empty())
      << events[0].payload;
  EXPECT_EQ(payload["goal_id"].as_string(), id);
  EXPECT_EQ(payload["value"].to_number<double>(), 21'000);
  EXPECT_EQ(payload["target"].to_number<double>(), 20'000);
  EXPECT_EQ(payload["unit"], "m");
  EXPECT_EQ(payload["reached_at"], progress["reached_at"]);

  // Reaching it again in the same period sends nothing new.
  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", RunWorkout(1'000)).status, 201);
  EXPECT_EQ(Events().size(), 1u);
}

TEST_F(GoalsTest, LiftsAndBodyValuesShowTheirProgress) {
  auto lift = Post(owner_, R"({"metric": "one_rep_max", "target": 120, "period": "month",
                               "exercise_id": "barbell-back-squat"})");
  ASSERT_EQ(lift.status, 201) << lift.body;
  std::string lift_id(lift.Json()["id"].as_string());
  // 100 kg x 5 by Epley: 100 x (1 + 5/30) = 116.67 kg, short of 120.
  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", Squat(100, 5)).status, 201);
  auto p = h_.Get(owner_, "/api/v1/goals/" + lift_id).Json()["progress"].as_object();
  EXPECT_NEAR(p["value"].to_number<double>(), 116.6667, 1e-3);
  EXPECT_EQ(p["reached"], false);
  // 110 kg x 3: 110 x 1.1 = 121 kg.
  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", Squat(110, 3)).status, 201);
  p = h_.Get(owner_, "/api/v1/goals/" + lift_id).Json()["progress"].as_object();
  EXPECT_NEAR(p["value"].to_number<double>(), 121, 1e-9);
  EXPECT_EQ(p["reached"], true);
  EXPECT_EQ(Events().size(), 1u);

  // Weight for 5 reps: the heaviest set of at least 5 is the 100 kg one.
  auto five = Post(owner_, R"({"metric": "weight_for_reps", "target": 105, "period": "year",
                               "exercise_id": "barbell-back-squat", "reps": 5})");
  ASSERT_EQ(five.status, 201) << five.body;
  EXPECT_EQ(five.Json()["progress"].at("value").to_number<double>(), 100);

  // Body weight down to 80 from 84 (yesterday) to 82 (today): half way, latest 82.
  std::string yesterday = core::FormatDay(Today() - std::chrono::days(1));
  std::string today = core::FormatDay(Today());
  auto put_weight = [&](const std::string& day, double kg) {
    return h_.Call(
        owner_, Method::kPut, "/api/v1/measurements",
        R"({"kind": "weight", "day": ")" + day + R"(", "value": )" + std::to_string(kg) + "}");
  };
  ASSERT_LT(put_weight(yesterday, 84).status, 300);
  auto body = Post(owner_, R"({"metric": "body_weight", "target": 80, "direction": "decrease",
                               "period": "once", "deadline": "2099-12-31"})");
  ASSERT_EQ(body.status, 201) << body.body;
  std::string body_id(body.Json()["id"].as_string());
  EXPECT_EQ(body.Json()["start_date"].as_string(), today);
  ASSERT_LT(put_weight(today, 82).status, 300);
  p = h_.Get(owner_, "/api/v1/goals/" + body_id).Json()["progress"].as_object();
  EXPECT_EQ(p["value"].to_number<double>(), 82);
  EXPECT_DOUBLE_EQ(p["fraction"].to_number<double>(), 0.5);
  EXPECT_EQ(p["unit"], "kg");
  EXPECT_EQ(p["reached"], false);
}

TEST_F(GoalsTest, PreviewShowsProgressWithoutStoringAndHistoryStartsEmpty) {
  ASSERT_EQ(h_.Post(owner_, "/api/v1/workouts", RunWorkout(5'000)).status, 201);
  auto preview = h_.Post(owner_, "/api/v1/goals/preview", kWeeklyRun);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.Json()["value"].to_number<double>(), 5'000);
  EXPECT_EQ(CountGoals(), 0);

  auto created = Post(owner_, kWeeklyRun);
  std::string id(created.Json()["id"].as_string());
  auto history = h_.Get(owner_, "/api/v1/goals/" + id + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.Json()["items"].as_array().size(), 0u) << "no period has finished yet";
}

// A goal set three weeks ago has three finished weeks once read: written then, newest first.
TEST_F(GoalsTest, FinishedPeriodsAreWrittenToTheHistory) {
  auto created = Post(owner_, R"({"metric": "sessions", "target": 1, "period": "week"})");
  std::string id(created.Json()["id"].as_string());
  // Monday weeks: move the goal's mark back to the end of the week three weeks ago.
  auto this_week = core::PeriodContaining(Today(), core::Period::kWeek, core::WeekStart::kMonday);
  core::Day three_back = this_week.last - std::chrono::days(21);
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.goal_mark", "UPDATE goals SET history_next_end = $1 WHERE id = $2"},
              core::FormatDay(three_back), id);
  });
  auto items = h_.Get(owner_, "/api/v1/goals/" + id + "/history").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("period_end").as_string(),
            core::FormatDay(this_week.first - std::chrono::days(1)));
  EXPECT_EQ(items[2].at("period_end").as_string(), core::FormatDay(three_back));
  EXPECT_EQ(items[2].at("reached"), false);
  EXPECT_EQ(items[2].at("value").to_number<double>(), 0);
  // Read again: nothing more is written.
  EXPECT_EQ(h_.Get(owner_, "/api/v1/goals/" + id + "/history").Json()["items"].as_array().size(),
            3u);

  // Housekeeping writes them too, without a read: a second goal two weeks behind.
  auto second = Post(owner_, R"({"metric": "sessions", "target": 2, "period": "week"})");
  std::string second_id(second.Json()["id"].as_string());
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.goal_mark", "UPDATE goals SET history_next_end = $1 WHERE id = $2"},
              core::FormatDay(three_back + std::chrono::days(7)), second_id);
  });
  auto ran = h_.app().housekeeping->RunOnce(std::chrono::system_clock::now());
  EXPECT_EQ(ran["goal_history"], 1);
  EXPECT_EQ(h_.app().housekeeping->RunOnce(std::chrono::system_clock::now())["goal_history"], 0);
  std::int64_t rows = 0;
  h_.app().database->Read([&](Session& s) {
    rows = s.QueryOne(Statement{"test.count_history",
                                "SELECT COUNT(*) AS n FROM goal_history WHERE goal_id = $1"},
                      second_id)
               ->Int("n");
  });
  EXPECT_EQ(rows, 2);
}

// A token that may read workouts but not body values sees no value in a body goal.
TEST_F(GoalsTest, BodyValuesNeedBodyRead) {
  ASSERT_LT(
      h_.Call(owner_, Method::kPut, "/api/v1/measurements",
              R"({"kind": "weight", "day": ")" + core::FormatDay(Today()) + R"(", "value": 82})")
          .status,
      300);
  auto created = Post(owner_, R"({"metric": "body_weight", "target": 80, "direction": "decrease",
                                  "period": "month"})");
  std::string id(created.Json()["id"].as_string());
  EXPECT_EQ(created.Json()["progress"].at("value").to_number<double>(), 82);
  auto token_reply =
      h_.Post(owner_, "/api/v1/me/tokens", R"({"name": "watch", "scopes": ["workouts:read"]})");
  ASSERT_EQ(token_reply.status, 201) << token_reply.body;
  Browser token;
  token.bearer = std::string(token_reply.Json()["token"].as_string());
  auto read = h_.Get(token, "/api/v1/goals/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["progress"].at("value"), nullptr);
}

// Goals travel in the change feed like routines: set, then deleted (a tombstone).
TEST_F(GoalsTest, TheChangeFeedCarriesGoalsAndTheirDeletion) {
  auto created = Post(owner_, kWeeklyRun);
  std::string id(created.Json()["id"].as_string());
  auto items = h_.Get(owner_, "/api/v1/changes?since=0").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("kind"), "goal");
  EXPECT_EQ(items[0].at("id").as_string(), id);
  EXPECT_EQ(items[0].at("deleted"), false);
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/goals/" + id).status, 204);
  items = h_.Get(owner_, "/api/v1/changes?since=0").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("deleted"), true);
  EXPECT_GT(items[0].at("rev").as_int64(), created.Json()["rev"].as_int64());
}

}  // namespace
}  // namespace vigor
