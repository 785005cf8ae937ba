// Analytics reads: what a range may be, that a read costs the same number of statements however
// long the history, and the backfill of history from before the aggregates (both databases).
#include <gtest/gtest.h>

#include "features/stats/feature.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "stats_fixture.hpp"
#include "support/counting_database.hpp"

namespace vigor {
namespace {

using namespace stats_testing;  // NOLINT(google-build-using-namespace): the shared fixture

TEST_F(StatsTest, RangesAreChecked) {
  auto fields = [&](const std::string& target) {
    auto reply = h_.Get(owner_, "/api/v1/stats/" + target);
    EXPECT_EQ(reply.status, 422) << target << ": " << reply.body;
    return FieldsOf(reply);
  };
  using Fields = std::set<std::string>;
  for (const char* path : {"summary", "muscles", "calendar", "load", "body-weight"}) {
    std::string p(path);
    EXPECT_EQ(fields(p + "?from=2026-03-10&to=2026-03-01"), Fields{"from"}) << p;
    // 2015-12-25 to 2026-01-01: 7 days to 2016, then 10 years with 3 leap days (2016, 2020,
    // 2024) = 3,653, so 3,660 days apart and 3,661 days with both ends: one too many.
    EXPECT_EQ(fields(p + "?from=2015-12-25&to=2026-01-01"), Fields{"from"}) << p;
    EXPECT_EQ(fields(p + "?from=2026-02-30"), Fields{"from"}) << p;
    EXPECT_EQ(fields(p + "?to=yesterday"), Fields{"to"}) << p;
  }
  // 3,660 days with both ends is allowed.
  EXPECT_EQ(h_.Get(owner_, "/api/v1/stats/calendar?from=2015-12-26&to=2026-01-01").status, 200);
  // The default range of years: 12 years are more than 3,660 days, so the range is the 3,660
  // days up to 2026-06-30. 2016-06-30 to 2026-06-30 is 3,652 days (10 x 365 and the leap days
  // of 2020 and 2024), so it starts 3,659 - 3,652 = 7 days earlier, on 2016-06-23, and reaches
  // 11 calendar years, 2016 to 2026.
  auto years = h_.Get(owner_, "/api/v1/stats/summary?period=year&to=2026-06-30");
  ASSERT_EQ(years.status, 200) << years.body;
  EXPECT_EQ(years.Json()["from"], "2016-06-23");
  ASSERT_EQ(years.Json()["items"].as_array().size(), 11u);
  EXPECT_EQ(years.Json()["items"].as_array()[0].as_object().at("start"), "2016-01-01");
  EXPECT_EQ(fields("summary?period=day"), Fields{"period"});
  EXPECT_EQ(fields("summary?kind=yoga"), Fields{"kind"});
  EXPECT_EQ(fields("summary?sport=teleport"), Fields{"sport"});
}

TEST_F(StatsTest, ReadsCostTheSameWhateverTheHistory) {
  testing::CountingDatabase counting(*h_.app().database);
  features::stats::StatsService service(counting,
                                        h_.app().Get<features::stats::StatsFeature>().sources());
  platform::auth::Principal owner{.user_id = owner_id_};
  features::stats::RangeQuery year{.from = "2025-01-01", .to = "2025-12-31"};
  auto cost = [&] {
    std::vector<std::uint64_t> statements;
    counting.statements = 0;
    service.Summary(owner, "week", year, std::nullopt, std::nullopt);
    statements.push_back(counting.statements);
    counting.statements = 0;
    service.Calendar(owner, year);
    statements.push_back(counting.statements);
    counting.statements = 0;
    service.Load(owner, year);
    statements.push_back(counting.statements);
    return statements;
  };
  // Workouts every 9 days through 2025 (9 x 40 = 360 days): first 5, then 40.
  auto log_until = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      auto day = *core::ParseDay("2025-01-01") + std::chrono::days(9 * i);
      Log(owner_, Squats(Noon(day), OnePm(day), 6));
    }
  };
  log_until(0, 5);
  auto few = cost();
  log_until(5, 40);
  auto many = cost();
  EXPECT_EQ(few, many);
  // And they read what was logged: 40 sessions in the year's weeks.
  auto summary = service.Summary(owner, "week", year, std::nullopt, std::nullopt);
  std::int64_t sessions = 0;
  for (const auto& week : summary.items) sessions += week.sessions;
  EXPECT_EQ(sessions, 40);
}

TEST_F(StatsTest, DailyTotalsForGoals) {
  using features::stats::TotalMetric;
  using features::stats::TotalsFilter;
  // 10 March: squats (2 done sets, 1,000 kg, 60 minutes at 8 = load 480); 12 March: a 10 km run
  // of 50 minutes, unrated (load 0).
  Log(owner_, Squats("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", 8));
  Log(owner_, R"({"title":"Run","started_at":"2026-03-12T07:00:00Z",
    "cardio":{"sport":"run","distance_m":10000,"duration_s":3000}})");
  auto& stats = h_.app().Get<features::stats::StatsFeature>().service();
  core::DayRange march{*core::ParseDay("2026-03-01"), *core::ParseDay("2026-03-31")};
  auto daily = [&](TotalMetric metric, const TotalsFilter& filter) {
    return h_.app().database->ReadResult([&](platform::store::Session& s) {
      std::vector<std::pair<std::string, double>> values;
      for (const auto& [day, value] : stats.DailyTotals(s, owner_id_, metric, filter, march)) {
        values.emplace_back(core::FormatDay(day), value);
      }
      return values;
    });
  };
  using Values = std::vector<std::pair<std::string, double>>;
  EXPECT_EQ(daily(TotalMetric::kSessions, {}), (Values{{"2026-03-10", 1}, {"2026-03-12", 1}}));
  EXPECT_EQ(daily(TotalMetric::kDistanceM, {}), (Values{{"2026-03-12", 10000}}));
  EXPECT_EQ(daily(TotalMetric::kDistanceM, {.sport = "ride"}), Values{});
  EXPECT_EQ(daily(TotalMetric::kDurationS, {.kind = "cardio"}), (Values{{"2026-03-12", 3000}}));
  EXPECT_EQ(daily(TotalMetric::kLoad, {}), (Values{{"2026-03-10", 480}}));  // zeros left out
  EXPECT_EQ(daily(TotalMetric::kVolumeKg, {.exercise_id = "barbell-back-squat"}),
            (Values{{"2026-03-10", 1000}}));
  EXPECT_EQ(daily(TotalMetric::kSets, {.exercise_id = "barbell-bench-press"}), Values{});
  // Hamstrings are a secondary muscle of the squat: 2 sets count 1, 1,000 kg count 500.
  EXPECT_EQ(daily(TotalMetric::kMuscleSets, {.muscle = "hamstrings"}), (Values{{"2026-03-10", 1}}));
  EXPECT_EQ(daily(TotalMetric::kVolumeKg, {.muscle = "hamstrings"}), (Values{{"2026-03-10", 500}}));
  // The other user has none of it.
  auto theirs = h_.app().database->ReadResult([&](platform::store::Session& s) {
    return stats.DailyTotals(s, other_id_, TotalMetric::kSessions, {}, march).size();
  });
  EXPECT_EQ(theirs, 0u);
}

TEST_F(StatsTest, HistoryFromBeforeTheAggregatesIsBackfilled) {
  Log(owner_, Squats("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", 5));
  Log(owner_, Squats("2026-03-12T10:00:00Z", "2026-03-12T10:30:00Z", 4));
  Log(other_, Squats("2026-03-11T10:00:00Z", "2026-03-11T11:00:00Z", 5));
  // As if the workouts predated migration 0017: no aggregates, both users listed for backfill.
  h_.app().database->Write([&](platform::store::Session& s) {
    for (const char* table : {"stats_daily", "stats_daily_muscles", "stats_daily_exercises"}) {
      s.Execute(platform::store::Statement{"test.clear", std::string("DELETE FROM ") + table});
    }
    s.Execute(platform::store::Statement{
        "test.backfill",
        "INSERT INTO stats_backfill (user_id, after) SELECT DISTINCT user_id, '' FROM workouts"});
  });
  auto week = [&](Browser& b) {
    return Stats(b, "summary?from=2026-03-09&to=2026-03-15")["items"].as_array()[0].as_object();
  };
  EXPECT_EQ(week(owner_)["sessions"], 0);

  auto done = h_.app().housekeeping->RunOnce(std::chrono::system_clock::now());
  EXPECT_EQ(done["stats_backfill"], 3);  // workouts read
  auto mine = week(owner_);
  EXPECT_EQ(mine["sessions"], 2);
  EXPECT_EQ(mine["sets"], 4);
  EXPECT_DOUBLE_EQ(Num(mine["volume_kg"]), 2000);
  EXPECT_DOUBLE_EQ(Num(mine["load"]), 420);  // 5 x 60 + 4 x 30
  EXPECT_EQ(week(other_)["sessions"], 1);
  EXPECT_FALSE(Stats(owner_, "muscles?from=2026-03-09&to=2026-03-15")["items"].as_array().empty());
  // Nothing is left to do, and running again changes nothing.
  EXPECT_EQ(h_.app().housekeeping->RunOnce(std::chrono::system_clock::now())["stats_backfill"], 0);
  EXPECT_EQ(week(owner_)["sessions"], 2);
}

}  // namespace
}  // namespace vigor
