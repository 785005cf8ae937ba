// GET /api/v1/dashboard: the signed-in home in one read, composed of the stats, goals and
// records features' parts. Values are read at a fixed "now" through the service (the route uses
// the clock); the route itself is checked against the contract.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <string>

#include "app/feature_links.hpp"
#include "features/accounts/feature.hpp"
#include "features/dashboard/feature.hpp"
#include "features/goals/feature.hpp"
#include "features/records/feature.hpp"
#include "features/stats/feature.hpp"
#include "platform/http/json.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "support/counting_database.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

// A squat workout of one done set, rated `effort` and lasting an hour.
std::string Squat(const std::string& started_at, double weight_kg, int reps, int effort) {
  auto started = *platform::ParseRfc3339Ms(started_at);
  return R"({"title":"Squat","started_at":")" + started_at + R"(","ended_at":")" +
         platform::FormatUtcMs(started + 3'600'000) + R"(","perceived_effort":)" +
         std::to_string(effort) +
         R"(,"blocks":[{"exercise_id":"barbell-back-squat","sets":[{"reps":)" +
         std::to_string(reps) + R"(,"weight_kg":)" + std::to_string(weight_kg) + "}]}]}";
}

std::chrono::system_clock::time_point At(const char* rfc3339) {
  return std::chrono::system_clock::time_point{
      std::chrono::milliseconds{*platform::ParseRfc3339Ms(rfc3339)}};
}

class DashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("dana");
    h_.SignIn(dana_, "dana");
    user_id_ = std::string(h_.Get(dana_, "/api/v1/me").Json()["id"].as_string());
  }
  std::string Log(const std::string& body) {
    auto reply = h_.Post(dana_, "/api/v1/workouts", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(reply.Json()["id"].as_string()) : "";
  }
  features::dashboard::DashboardService& service() {
    return h_.app().Get<features::dashboard::DashboardFeature>().service();
  }

  AppHarness h_;
  Browser dana_;
  std::string user_id_;
};

TEST_F(DashboardTest, ShowsThisWeekAgainstLastGoalsRecordsCalendarAndLoad) {
  // Wednesday 4 March 2026: with weeks from Monday, this week is 2-8 March, last week 23 February
  // to 1 March.
  std::string last_week = Log(Squat("2026-02-25T07:30:00Z", 90, 5, 6));
  std::string this_week = Log(Squat("2026-03-02T07:30:00Z", 100, 5, 8));
  ASSERT_EQ(
      h_.Post(dana_, "/api/v1/goals", R"({"metric":"sessions","target":3,"period":"week"})").status,
      201);

  platform::auth::Principal dana{.user_id = user_id_};
  auto board = service().Get(dana, At("2026-03-04T12:00:00Z"));
  EXPECT_EQ(board["today"], "2026-03-04");
  EXPECT_EQ(board["week_start"], "monday");
  auto& now = board["this_week"].as_object();
  EXPECT_EQ(now["start"], "2026-03-02");
  EXPECT_EQ(now["end"], "2026-03-08");
  EXPECT_EQ(now["sessions"], 1);
  EXPECT_EQ(now["volume_kg"].to_number<double>(), 500);  // 100 kg x 5
  EXPECT_EQ(now["load"].to_number<double>(), 480);       // effort 8 x 60 minutes
  auto& before = board["last_week"].as_object();
  EXPECT_EQ(before["start"], "2026-02-23");
  EXPECT_EQ(before["volume_kg"].to_number<double>(), 450);  // 90 kg x 5
  EXPECT_EQ(before["load"].to_number<double>(), 360);       // 6 x 60

  auto& goals = board["goals"].as_array();
  ASSERT_EQ(goals.size(), 1u);
  EXPECT_EQ(goals[0].as_object().at("metric"), "sessions");

  // The newest record first: this week's squat (Epley 100 x (1 + 5/30) = 116.67 kg beat 105).
  auto& records = board["recent_records"].as_array();
  ASSERT_FALSE(records.empty());
  EXPECT_LE(records.size(), 5u);
  EXPECT_EQ(records[0].as_object().at("workout_id").as_string(), this_week);
  bool last_weeks_record = false;
  for (const auto& r : records) {
    last_weeks_record |= r.as_object().at("workout_id").as_string() == last_week;
  }
  EXPECT_TRUE(last_weeks_record) << boost::json::serialize(records);

  // 26 whole weeks ending with this one: from Monday 8 September 2025 (2 March - 25 x 7 days).
  auto& calendar = board["calendar"].as_object();
  EXPECT_EQ(calendar["from"], "2025-09-08");
  EXPECT_EQ(calendar["to"], "2026-03-04");
  auto& days = calendar["days"].as_array();
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].as_object().at("day"), "2026-02-25");
  EXPECT_EQ(days[1].as_object().at("day"), "2026-03-02");

  // 12 weeks of load, 84 days ending today.
  auto& load = board["load"].as_object();
  EXPECT_EQ(load["from"], "2025-12-11");
  EXPECT_EQ(load["items"].as_array().size(), 84u);

  // Through HTTP (today is the clock's, so only the shape): the contract check of the harness.
  auto reply = h_.Get(dana_, "/api/v1/dashboard");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Browser stranger;
  EXPECT_EQ(h_.Get(stranger, "/api/v1/dashboard").status, 401);
}

TEST_F(DashboardTest, WeeksStartOnTheUsersDay) {
  ASSERT_EQ(
      h_.Call(dana_, Method::kPatch, "/api/v1/me", R"({"preferences":{"week_start":"sunday"}})")
          .status,
      200);
  Log(Squat("2026-03-01T07:30:00Z", 100, 5, 8));  // a Sunday: this week when weeks start on it
  platform::auth::Principal dana{.user_id = user_id_};
  auto board = service().Get(dana, At("2026-03-04T12:00:00Z"));
  EXPECT_EQ(board["week_start"], "sunday");
  EXPECT_EQ(board["this_week"].as_object()["start"], "2026-03-01");
  EXPECT_EQ(board["this_week"].as_object()["sessions"], 1);
  EXPECT_EQ(board["last_week"].as_object()["sessions"], 0);
}

TEST_F(DashboardTest, CostsTheSameStatementsForFiveOrFortyWorkouts) {
  testing::CountingDatabase counting(*h_.app().database);
  auto& app = h_.app();
  features::dashboard::DashboardService counted(
      counting,
      app::DashboardSourcesOf(
          app.Get<features::stats::StatsFeature>().service(),
          app.Get<features::goals::GoalsFeature>().service(),
          app.Get<features::records::RecordsFeature>().service(),
          app::TrainingProfileOf(app.Get<features::accounts::AccountsFeature>().account())),
      platform::http::SerializeJson);
  ASSERT_EQ(
      h_.Post(dana_, "/api/v1/goals", R"({"metric":"distance","target":10000,"period":"week"})")
          .status,
      201);
  platform::auth::Principal dana{.user_id = user_id_};
  auto log = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      // One a day going back from 3 March, heavier each time: every workout sets records.
      auto day = std::chrono::sys_days{std::chrono::year{2026} / 3 / 3} - std::chrono::days{i};
      Log(Squat(core::FormatDay(day) + "T07:30:00Z", 60.0 + i, 5, 7));
    }
  };
  auto cost = [&] {
    counting.statements = 0;
    counted.Get(dana, At("2026-03-04T12:00:00Z"));
    return counting.statements;
  };
  log(0, 5);
  auto five = cost();
  log(5, 40);
  EXPECT_EQ(cost(), five);
}

TEST_F(DashboardTest, KeepsTheComposedHomeUntilSomethingItShowsChanges) {
  testing::CountingDatabase counting(*h_.app().database);
  auto& app = h_.app();
  features::dashboard::DashboardService counted(
      counting,
      app::DashboardSourcesOf(
          app.Get<features::stats::StatsFeature>().service(),
          app.Get<features::goals::GoalsFeature>().service(),
          app.Get<features::records::RecordsFeature>().service(),
          app::TrainingProfileOf(app.Get<features::accounts::AccountsFeature>().account())),
      platform::http::SerializeJson);
  platform::auth::Principal dana{.user_id = user_id_, .locale = "en"};
  auto now = At("2026-03-04T12:00:00Z");
  auto cost = [&](const platform::auth::Principal& who, std::chrono::system_clock::time_point at) {
    counting.statements = 0;
    auto home = counted.Body(who, at);
    return std::pair{counting.statements, boost::json::parse(home->body).as_object()};
  };
  Log(Squat("2026-03-02T07:30:00Z", 100, 5, 8));

  auto [first_cost, first] = cost(dana, now);
  EXPECT_EQ(first, boost::json::parse(platform::http::SerializeJson(counted.Get(dana, now))));
  EXPECT_EQ(first["this_week"].as_object()["sessions"], 1);
  auto [again_cost, again] = cost(dana, now);
  EXPECT_EQ(again, first);
  // The rev: what decides whether the kept home is still the one to show.
  EXPECT_EQ(again_cost, 1);
  EXPECT_GT(first_cost, again_cost);

  // A write moves the rev: the new workout is on the next read.
  Log(Squat("2026-03-03T07:30:00Z", 105, 5, 8));
  auto [after_write_cost, after_write] = cost(dana, now);
  EXPECT_EQ(after_write["this_week"].as_object()["sessions"], 2);
  EXPECT_GT(after_write_cost, 1);

  // The next day, another week start, another language: composed again.
  auto [next_week_cost, next_week] = cost(dana, At("2026-03-09T12:00:00Z"));
  EXPECT_EQ(next_week["today"], "2026-03-09");
  EXPECT_EQ(next_week["this_week"].as_object()["sessions"], 0);
  EXPECT_GT(next_week_cost, 1);
  ASSERT_EQ(
      h_.Call(dana_, Method::kPatch, "/api/v1/me", R"({"preferences":{"week_start":"sunday"}})")
          .status,
      200);
  auto [sunday_cost, sunday] = cost(dana, now);
  EXPECT_EQ(sunday["week_start"], "sunday");
  EXPECT_EQ(sunday["this_week"].as_object()["start"], "2026-03-01");
  EXPECT_GT(sunday_cost, 1);
  platform::auth::Principal dana_in_german = dana;
  dana_in_german.locale = "de";
  EXPECT_GT(cost(dana_in_german, now).first, 1);
  EXPECT_EQ(cost(dana_in_german, now).first, 1);
  // One entry per user: the German home replaced the English one.
  EXPECT_EQ(counted.cache().size(), 1U);
}

}  // namespace
}  // namespace vigor
