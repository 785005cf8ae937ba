// Analytics through the real application (in process), on both databases: the daily aggregates
// follow every workout write (logging, editing, deleting, importing and its undo), and the
// /api/v1/stats/... reads add them up in the user's zone and weeks. Expected values are worked
// out by hand in each test. Speed and range limits: stats_reads_test.cpp.
#include <gtest/gtest.h>

#include "platform/jobs/job_queue.hpp"
#include "stats_fixture.hpp"

namespace vigor {
namespace {

using namespace stats_testing;  // NOLINT(google-build-using-namespace): the shared fixture

TEST_F(StatsTest, WeeksFollowTheUsersZoneAndWeekStart) {
  Preferences(owner_, R"({"time_zone":"Europe/Berlin","week_start":"sunday"})");
  // 2026-03-02 is a Monday (1 January 2026 was a Thursday, 2 March is 60 days later: 8 weeks and
  // 4 days), so 7 March is a Saturday and 8 March a Sunday. 23:30Z on Saturday 7 March is 00:30
  // on Sunday 8 March in Berlin (UTC+1 in winter): the first day of a Sunday week. One hour at
  // effort 8: load 8 x 60 = 480; two done sets of 5 x 100 kg: 1,000 kg.
  Log(owner_, Squats("2026-03-07T23:30:00Z", "2026-03-08T00:30:00Z", 8));
  // A run on Tuesday 10 March: 10 km, 50 minutes, 120 m of climbing, effort 6: load 300.
  Log(owner_, R"({"title":"Run","started_at":"2026-03-10T17:00:00Z","time_zone":"Europe/Berlin",
    "perceived_effort":6,"cardio":{"sport":"run","distance_m":10000,"duration_s":3000,
    "elevation_gain_m":120}})");

  auto weeks = Stats(owner_, "summary?period=week&from=2026-03-01&to=2026-03-14");
  EXPECT_EQ(weeks["period"], "week");
  EXPECT_EQ(weeks["week_start"], "sunday");
  EXPECT_EQ(weeks["from"], "2026-03-01");
  EXPECT_EQ(weeks["to"], "2026-03-14");
  auto items = weeks["items"].as_array();
  ASSERT_EQ(items.size(), 2u);
  auto first = items[0].as_object();  // Sunday 1 March - Saturday 7 March: nothing in Berlin
  EXPECT_EQ(first["start"], "2026-03-01");
  EXPECT_EQ(first["end"], "2026-03-07");
  EXPECT_EQ(first["sessions"], 0);
  auto second = items[1].as_object();
  EXPECT_EQ(second["start"], "2026-03-08");
  EXPECT_EQ(second["end"], "2026-03-14");
  EXPECT_EQ(second["sessions"], 2);
  EXPECT_DOUBLE_EQ(Num(second["duration_s"]), 6600);  // 3,600 + 3,000
  EXPECT_DOUBLE_EQ(Num(second["distance_m"]), 10000);
  EXPECT_DOUBLE_EQ(Num(second["elevation_gain_m"]), 120);
  EXPECT_DOUBLE_EQ(Num(second["volume_kg"]), 1000);
  EXPECT_EQ(second["sets"], 2);
  EXPECT_DOUBLE_EQ(Num(second["load"]), 780);  // 480 + 300

  // Only cardio, or only runs: the run alone. Rides: nothing.
  for (const char* filter : {"kind=cardio", "sport=run"}) {
    auto week =
        Stats(owner_, std::string("summary?from=2026-03-08&to=2026-03-14&") + filter)["items"]
            .as_array()[0]
            .as_object();
    EXPECT_EQ(week["sessions"], 1) << filter;
    EXPECT_DOUBLE_EQ(Num(week["load"]), 300) << filter;
    EXPECT_DOUBLE_EQ(Num(week["volume_kg"]), 0) << filter;
  }
  EXPECT_EQ(Stats(owner_, "summary?from=2026-03-08&to=2026-03-14&sport=ride")["items"]
                .as_array()[0]
                .as_object()["sessions"],
            0);

  // A month holds both; with Monday weeks the squats fall into the week of 2-8 March.
  auto month =
      Stats(owner_, "summary?period=month&from=2026-03-05&to=2026-03-20")["items"].as_array();
  ASSERT_EQ(month.size(), 1u);
  EXPECT_EQ(month[0].as_object()["start"], "2026-03-01");
  EXPECT_EQ(month[0].as_object()["end"], "2026-03-31");
  EXPECT_EQ(month[0].as_object()["sessions"], 2);
  Preferences(owner_, R"({"week_start":"monday"})");
  auto monday = Stats(owner_, "summary?from=2026-03-02&to=2026-03-08")["items"].as_array();
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0].as_object()["sessions"], 1);
  EXPECT_DOUBLE_EQ(Num(monday[0].as_object()["load"]), 480);
}

TEST_F(StatsTest, AWorkoutsOwnZoneBeatsTheProfiles) {
  Preferences(owner_, R"({"time_zone":"Europe/Berlin"})");
  // 03:00Z on 11 March 2026 is 04:00 on the 11th in Berlin but 23:00 on the 10th in New York
  // (daylight saving time began there on Sunday 8 March: UTC-4).
  Log(owner_, Squats("2026-03-11T03:00:00Z", "2026-03-11T04:00:00Z", 8, "America/New_York"));
  auto days = Stats(owner_, "calendar?from=2026-03-09&to=2026-03-12")["days"].as_array();
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].as_object()["day"], "2026-03-10");
}

TEST_F(StatsTest, SecondaryMusclesCountHalf) {
  // The catalogue: back squat works quads and glutes (primary) and adductors, hamstrings and
  // lower back (secondary); bench press chest (primary), front delts and triceps (secondary).
  Log(owner_, R"({"title":"Mixed","started_at":"2026-03-10T10:00:00Z","blocks":[
    {"exercise_id":"barbell-back-squat","sets":[{"reps":5,"weight_kg":100},
      {"reps":5,"weight_kg":100},{"reps":5,"weight_kg":100,"done":false}]},
    {"exercise_id":"barbell-bench-press","sets":[{"reps":8,"weight_kg":60}]}]})");
  auto muscles = Stats(owner_, "muscles?from=2026-03-09&to=2026-03-15");
  EXPECT_EQ(muscles["from"], "2026-03-09");
  // Squat: 2 done sets, 1,000 kg; half of each for its secondary muscles. Bench: 1 set of
  // 8 x 60 = 480 kg; half for its secondary muscles. Most sets first, then by name.
  std::vector<std::tuple<std::string, double, double>> expected{
      {"glutes", 2, 1000},       {"quads", 2, 1000},     {"adductors", 1, 500},
      {"chest", 1, 480},         {"hamstrings", 1, 500}, {"lower_back", 1, 500},
      {"front_delts", 0.5, 240}, {"triceps", 0.5, 240}};
  auto items = muscles["items"].as_array();
  ASSERT_EQ(items.size(), expected.size()) << boost::json::serialize(items);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    auto item = items[i].as_object();
    EXPECT_EQ(item["muscle"].as_string(), std::get<0>(expected[i])) << i;
    EXPECT_DOUBLE_EQ(Num(item["sets"]), std::get<1>(expected[i])) << i;
    EXPECT_DOUBLE_EQ(Num(item["volume_kg"]), std::get<2>(expected[i])) << i;
  }
  // Another week has none.
  EXPECT_TRUE(Stats(owner_, "muscles?from=2026-03-16&to=2026-03-22")["items"].as_array().empty());
}

TEST_F(StatsTest, EditingMovesTotalsAndDeletingRemovesThem) {
  auto created = h_.Post(owner_, "/api/v1/workouts",
                         Squats("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", 5));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id(created.Json()["id"].as_string());
  std::string etag(created.headers.Get("ETag").value_or(""));
  auto days = [&] {
    std::vector<std::string> out;
    auto calendar = Stats(owner_, "calendar?from=2026-03-09&to=2026-03-15");
    for (const auto& d : calendar["days"].as_array())
      out.emplace_back(d.as_object().at("day").as_string());
    return out;
  };
  EXPECT_EQ(days(), std::vector<std::string>{"2026-03-10"});

  Headers if_match;
  if_match.Add("If-Match", etag);
  auto moved = h_.Call(owner_, Method::kPut, "/api/v1/workouts/" + id,
                       Squats("2026-03-12T10:00:00Z", "2026-03-12T10:30:00Z", 5), if_match);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(days(), std::vector<std::string>{"2026-03-12"});
  auto day =
      Stats(owner_, "calendar?from=2026-03-09&to=2026-03-15")["days"].as_array()[0].as_object();
  EXPECT_EQ(day["sessions"], 1);
  EXPECT_DOUBLE_EQ(Num(day["duration_s"]), 1800);  // half an hour now
  EXPECT_DOUBLE_EQ(Num(day["load"]), 150);         // 5 x 30

  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + id).status, 204);
  EXPECT_TRUE(days().empty());
  auto week =
      Stats(owner_, "summary?from=2026-03-09&to=2026-03-15")["items"].as_array()[0].as_object();
  EXPECT_EQ(week["sessions"], 0);
  EXPECT_DOUBLE_EQ(Num(week["volume_kg"]), 0);
  EXPECT_TRUE(Stats(owner_, "muscles?from=2026-03-09&to=2026-03-15")["items"].as_array().empty());
}

TEST_F(StatsTest, AnImportAndItsUndo) {
  // Strong's CSV: two workouts, 1 January 2024 (a Monday) and 3 January, local times read in the
  // profile zone (UTC). Volume 2 x 5 x 100 + 3 x 110 = 1,330 kg in 3 sets.
  std::string csv =
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
      "Workout Notes,RPE\n"
      "2024-01-01 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,\n"
      "2024-01-01 18:00:00,Legs,1h,Squat (Barbell),2,100,5,0,0,,,\n"
      "2024-01-03 18:00:00,Legs,1h,Squat (Barbell),1,110,3,0,0,,,\n";
  auto upload = h_.Call(owner_, Method::kPost, "/api/v1/imports?format=strong_csv", csv,
                        testing::ContentType("text/csv"));
  ASSERT_EQ(upload.status, 202) << upload.body;
  std::string id(upload.Json()["id"].as_string());
  h_.app().jobs->DrainForTests();
  ASSERT_EQ(h_.Get(owner_, "/api/v1/imports/" + id).Json()["status"], "succeeded");

  auto week =
      Stats(owner_, "summary?from=2024-01-01&to=2024-01-07")["items"].as_array()[0].as_object();
  EXPECT_EQ(week["sessions"], 2);
  EXPECT_EQ(week["sets"], 3);
  EXPECT_DOUBLE_EQ(Num(week["volume_kg"]), 1330);
  auto days = Stats(owner_, "calendar?from=2024-01-01&to=2024-01-07")["days"].as_array();
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].as_object()["day"], "2024-01-01");
  EXPECT_EQ(days[1].as_object()["day"], "2024-01-03");
  auto quads = Stats(owner_, "muscles?from=2024-01-01&to=2024-01-07")["items"].as_array();
  ASSERT_FALSE(quads.empty());
  EXPECT_DOUBLE_EQ(Num(quads[0].as_object()["sets"]), 3);

  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/imports/" + id).status, 204);
  week = Stats(owner_, "summary?from=2024-01-01&to=2024-01-07")["items"].as_array()[0].as_object();
  EXPECT_EQ(week["sessions"], 0);
  EXPECT_TRUE(Stats(owner_, "calendar?from=2024-01-01&to=2024-01-07")["days"].as_array().empty());
}

TEST_F(StatsTest, CalendarDaysAndStreaks) {
  // Relative to today (UTC, the default zone): 40, 15, 8, 2 and 1 days ago. Days: yesterday and
  // the day before make the current run (today has nothing yet, so it still counts): 2, also the
  // longest. Weeks: 15, 8 and 1 days ago are 7 days apart, so in three weeks in a row; 2 days
  // ago lies between 8 and 1 days ago, in one of theirs; 1 day ago is in this week or the last,
  // so the run is current: 3. 40 days ago is 25 days before the 15: a week apart at least.
  auto today = TodayUtc();
  std::string yesterdays;
  for (int back : {40, 15, 8, 2, 1}) {
    auto day = today - std::chrono::days(back);
    yesterdays = Log(owner_, Session(Noon(day), OnePm(day), 5));  // 60 minutes at 5: load 300
  }
  auto calendar = Stats(owner_, "calendar?from=" + core::FormatDay(today - std::chrono::days(20)));
  EXPECT_EQ(calendar["to"].as_string(), core::FormatDay(today));
  auto days = calendar["days"].as_array();
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days[0].as_object()["day"].as_string(), core::FormatDay(today - std::chrono::days(15)));
  EXPECT_EQ(days[3].as_object()["day"].as_string(), core::FormatDay(today - std::chrono::days(1)));
  EXPECT_EQ(days[3].as_object()["sessions"], 1);
  EXPECT_DOUBLE_EQ(Num(days[3].as_object()["duration_s"]), 3600);
  EXPECT_DOUBLE_EQ(Num(days[3].as_object()["load"]), 300);
  auto streaks = calendar["streaks"].as_object();
  EXPECT_EQ(streaks["current_days"], 2);
  EXPECT_EQ(streaks["longest_days"], 2);
  EXPECT_EQ(streaks["current_weeks"], 3);
  EXPECT_EQ(streaks["longest_weeks"], 3);

  // Training today makes it 3 days. The default range is the last 365 days: all six days.
  Log(owner_,
      Session(core::FormatDay(today) + "T00:00:01Z", core::FormatDay(today) + "T00:10:01Z", 5));
  calendar = Stats(owner_, "calendar");
  EXPECT_EQ(calendar["from"].as_string(), core::FormatDay(today - std::chrono::days(364)));
  EXPECT_EQ(calendar["days"].as_array().size(), 6u);
  EXPECT_EQ(calendar["streaks"].as_object()["current_days"], 3);
  EXPECT_EQ(calendar["streaks"].as_object()["longest_days"], 3);
  // Without yesterday's workout, today and the day before yesterday are runs of 1.
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + yesterdays).status, 204);
  calendar = Stats(owner_, "calendar");
  EXPECT_EQ(calendar["streaks"].as_object()["current_days"], 1);
  EXPECT_EQ(calendar["streaks"].as_object()["longest_days"], 1);

  // Another user sees nothing of it.
  auto theirs = Stats(other_, "calendar");
  EXPECT_TRUE(theirs["days"].as_array().empty());
  EXPECT_EQ(theirs["streaks"].as_object()["longest_days"], 0);
  auto their_week = Stats(other_, "summary");
  EXPECT_EQ(their_week["items"].as_array().size(), 12u);  // the default: 12 weeks
  for (const auto& item : their_week["items"].as_array()) {
    EXPECT_EQ(item.as_object().at("sessions"), 0);
  }
}

TEST_F(StatsTest, LoadFitnessFatigueAndForm) {
  // 5 January 2026: 60 minutes at effort 7 = 420; 7 January: 14 minutes at 6 = 84. Nothing
  // before, so the averages start from 0.
  Log(owner_, Session("2026-01-05T12:00:00Z", "2026-01-05T13:00:00Z", 7));
  Log(owner_, Session("2026-01-07T12:00:00Z", "2026-01-07T12:14:00Z", 6));
  auto load = Stats(owner_, "load?from=2026-01-04&to=2026-01-07");
  auto items = load["items"].as_array();
  ASSERT_EQ(items.size(), 4u);
  auto day0 = items[0].as_object();  // 4 January: nothing yet
  EXPECT_EQ(day0["day"], "2026-01-04");
  EXPECT_DOUBLE_EQ(Num(day0["load"]), 0);
  EXPECT_EQ(day0["ratio"], nullptr);
  auto day1 = items[1].as_object();
  EXPECT_DOUBLE_EQ(Num(day1["load"]), 420);
  EXPECT_DOUBLE_EQ(Num(day1["acute"]), 60);    // 420 / 7
  EXPECT_DOUBLE_EQ(Num(day1["chronic"]), 15);  // 420 / 28
  EXPECT_DOUBLE_EQ(Num(day1["ratio"]), 4);
  EXPECT_NEAR(Num(day1["fitness"]), 10, 1e-9);  // 420 / 42
  EXPECT_NEAR(Num(day1["fatigue"]), 60, 1e-9);  // 420 / 7
  EXPECT_NEAR(Num(day1["form"]), -50, 1e-9);
  auto day2 = items[2].as_object();  // rest: 10 x 41/42 and 60 x 6/7
  EXPECT_NEAR(Num(day2["fitness"]), 9.7619048, 1e-6);
  EXPECT_NEAR(Num(day2["fatigue"]), 51.4285714, 1e-6);
  auto day3 = items[3].as_object();
  // fitness 9.7619048 + (84 - 9.7619048) / 42 = 11.5294785; fatigue 51.4285714 + (84 -
  // 51.4285714) / 7 = 56.0816327; form -44.5521542; acute 504 / 7 = 72; chronic 504 / 28 = 18.
  EXPECT_DOUBLE_EQ(Num(day3["load"]), 84);
  EXPECT_DOUBLE_EQ(Num(day3["acute"]), 72);
  EXPECT_DOUBLE_EQ(Num(day3["chronic"]), 18);
  EXPECT_DOUBLE_EQ(Num(day3["ratio"]), 4);
  EXPECT_NEAR(Num(day3["fitness"]), 11.5294785, 1e-6);
  EXPECT_NEAR(Num(day3["fatigue"]), 56.0816327, 1e-6);
  EXPECT_NEAR(Num(day3["form"]), -44.5521542, 1e-6);
  // A later range still carries the history: 8 January, fitness 11.5294785 x 41/42 = 11.2549671.
  auto later = Stats(owner_, "load?from=2026-01-08&to=2026-01-08")["items"].as_array();
  ASSERT_EQ(later.size(), 1u);
  EXPECT_NEAR(Num(later[0].as_object()["fitness"]), 11.2549671, 1e-6);
  EXPECT_DOUBLE_EQ(Num(later[0].as_object()["acute"]), 72);  // 5-8 January are in its 7 days
}

TEST_F(StatsTest, BodyWeightTrend) {
  for (auto [day, kg] : {std::pair{"2026-03-01", 80}, {"2026-03-02", 81}, {"2026-03-10", 79}}) {
    auto reply = h_.Call(owner_, Method::kPut, "/api/v1/measurements",
                         std::string(R"({"kind":"weight","day":")") + day + R"(","value":)" +
                             std::to_string(kg) + "}");
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  // 80; 80 + 0.1 x (81 - 80) = 80.1; the week without weigh-ins carries it: 80.1 + 0.1 x (79 -
  // 80.1) = 79.99.
  auto trend = Stats(owner_, "body-weight?from=2026-03-01&to=2026-03-31")["items"].as_array();
  ASSERT_EQ(trend.size(), 3u);
  EXPECT_EQ(trend[0].as_object()["day"], "2026-03-01");
  EXPECT_DOUBLE_EQ(Num(trend[0].as_object()["trend_kg"]), 80);
  EXPECT_NEAR(Num(trend[1].as_object()["trend_kg"]), 80.1, 1e-9);
  EXPECT_DOUBLE_EQ(Num(trend[2].as_object()["weight_kg"]), 79);
  EXPECT_NEAR(Num(trend[2].as_object()["trend_kg"]), 79.99, 1e-9);
  // A range that starts later still starts the trend from the earlier weigh-ins.
  auto later = Stats(owner_, "body-weight?from=2026-03-02&to=2026-03-31")["items"].as_array();
  ASSERT_EQ(later.size(), 2u);
  EXPECT_NEAR(Num(later[0].as_object()["trend_kg"]), 80.1, 1e-9);
  EXPECT_TRUE(
      Stats(other_, "body-weight?from=2026-03-01&to=2026-03-31")["items"].as_array().empty());
}

}  // namespace
}  // namespace vigor
