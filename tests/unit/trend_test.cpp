#include "core/trend.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vigor::core {
namespace {

Day D(const char* text) { return *ParseDay(text); }

TEST(TrendTest, TheFirstWeighInStartsTheTrend) {
  std::vector<WeighIn> weigh_ins{
      {D("2026-03-01"), 80}, {D("2026-03-02"), 81}, {D("2026-03-10"), 79}};
  auto points = WeightTrend(weigh_ins);
  ASSERT_EQ(points.size(), 3u);
  EXPECT_DOUBLE_EQ(points[0].trend_kg, 80);
  // 80 + 0.1 x (81 - 80) = 80.1
  EXPECT_NEAR(points[1].trend_kg, 80.1, 1e-9);
  // Eight days without a weigh-in carry 80.1: 80.1 + 0.1 x (79 - 80.1) = 80.1 - 0.11 = 79.99
  EXPECT_NEAR(points[2].trend_kg, 79.99, 1e-9);
  EXPECT_DOUBLE_EQ(points[2].weight_kg, 79);
  EXPECT_EQ(points[2].day, D("2026-03-10"));
}

TEST(TrendTest, NoWeighInsNoPoints) { EXPECT_TRUE(WeightTrend({}).empty()); }

// 2026-12-06 is a Sunday (see calendar_test); weeks from Monday 2026-11-30.
TEST(StreaksTest, DaysInARowAndTheLongestRun) {
  std::vector<Day> days{D("2026-11-20"), D("2026-11-21"), D("2026-11-22"),
                        D("2026-11-23"), D("2026-12-04"), D("2026-12-05")};
  auto s = ComputeStreaks(days, D("2026-12-06"), WeekStart::kMonday);
  // Today (6th) has nothing yet: the run 4th-5th still counts, 2 days. Longest: 20th-23rd, 4.
  EXPECT_EQ(s.current_days, 2);
  EXPECT_EQ(s.longest_days, 4);
  // Weeks (Monday starts): 16-22 Nov (20, 21, 22), 23-29 Nov (23), 30 Nov-6 Dec (4, 5): three
  // weeks in a row, the current one included.
  EXPECT_EQ(s.current_weeks, 3);
  EXPECT_EQ(s.longest_weeks, 3);
}

TEST(StreaksTest, AGapBreaksTheCurrentRun) {
  std::vector<Day> days{D("2026-11-20"), D("2026-12-04")};
  // Today is the 6th: the 5th has nothing, so no current day streak.
  auto s = ComputeStreaks(days, D("2026-12-06"), WeekStart::kMonday);
  EXPECT_EQ(s.current_days, 0);
  EXPECT_EQ(s.longest_days, 1);
  // Weeks: 16-22 Nov and 30 Nov-6 Dec; 23-29 Nov is empty: current 1, longest 1.
  EXPECT_EQ(s.current_weeks, 1);
  EXPECT_EQ(s.longest_weeks, 1);
}

TEST(StreaksTest, LastWeekStillCountsWhileThisWeekIsEmpty) {
  // Sunday weeks: 2026-11-29 (Sun) - 12-05 (Sat), and 12-06 (Sun) starts a new week today.
  std::vector<Day> days{D("2026-11-24"), D("2026-12-01")};
  auto s = ComputeStreaks(days, D("2026-12-06"), WeekStart::kSunday);
  // 24 Nov is in 22-28 Nov, 1 Dec in 29 Nov-5 Dec: two weeks in a row ending last week.
  EXPECT_EQ(s.current_weeks, 2);
  // With Monday weeks: 23-29 Nov and 30 Nov-6 Dec, the second being this week: also 2.
  EXPECT_EQ(ComputeStreaks(days, D("2026-12-06"), WeekStart::kMonday).current_weeks, 2);
  // A week later (13 Dec, Sunday weeks) this week 13-19 and last week 6-12 are empty: 0.
  EXPECT_EQ(ComputeStreaks(days, D("2026-12-13"), WeekStart::kSunday).current_weeks, 0);
}

TEST(StreaksTest, FutureDaysDoNotCount) {
  std::vector<Day> days{D("2026-12-06"), D("2026-12-07")};
  auto s = ComputeStreaks(days, D("2026-12-06"), WeekStart::kMonday);
  EXPECT_EQ(s.current_days, 1);
  EXPECT_EQ(s.longest_days, 1);
}

TEST(StreaksTest, KeptAsOfTheLastDayAndReadLater) {
  // As of the last training day, Friday 2026-12-04: a run of 3 days (2nd-4th), 2 Monday weeks.
  Streaks kept{.current_days = 3, .longest_days = 5, .current_weeks = 2, .longest_weeks = 4};
  Day last = D("2026-12-04");
  // Saturday the 5th: yesterday counts, the week is the same.
  EXPECT_EQ(StreaksAsOf(kept, last, D("2026-12-05"), WeekStart::kMonday), kept);
  // Sunday the 6th: the 5th had nothing, the day run is over; the week (30 Nov-6 Dec) goes on.
  Streaks sunday{.current_days = 0, .longest_days = 5, .current_weeks = 2, .longest_weeks = 4};
  EXPECT_EQ(StreaksAsOf(kept, last, D("2026-12-06"), WeekStart::kMonday), sunday);
  // Sunday the 13th: the week of the 4th was last week, so the week run still counts.
  EXPECT_EQ(StreaksAsOf(kept, last, D("2026-12-13"), WeekStart::kMonday).current_weeks, 2);
  // Monday the 14th: 7-13 December had nothing: over.
  EXPECT_EQ(StreaksAsOf(kept, last, D("2026-12-14"), WeekStart::kMonday).current_weeks, 0);
  // With Sunday weeks, Sunday the 13th starts a new week after the empty 6-12: over already.
  EXPECT_EQ(StreaksAsOf(kept, last, D("2026-12-13"), WeekStart::kSunday).current_weeks, 0);
}

TEST(StreaksTest, ANewerTrainingDayExtendsTheKeptStreaks) {
  // As of Friday 2026-12-04: a run of 3 days (2nd-4th), 2 Monday weeks, longest 5 days, 4 weeks.
  Streaks kept{.current_days = 3, .longest_days = 5, .current_weeks = 2, .longest_weeks = 4};
  Day last = D("2026-12-04");
  // Saturday the 5th: 4 days in a row; the same week.
  EXPECT_EQ(
      ExtendStreaks(kept, last, D("2026-12-05"), WeekStart::kMonday),
      (Streaks{.current_days = 4, .longest_days = 5, .current_weeks = 2, .longest_weeks = 4}));
  // Monday the 7th: the 6th was empty, a new day run of 1; the next week, 3 weeks in a row.
  EXPECT_EQ(
      ExtendStreaks(kept, last, D("2026-12-07"), WeekStart::kMonday),
      (Streaks{.current_days = 1, .longest_days = 5, .current_weeks = 3, .longest_weeks = 4}));
  // Monday the 14th: the week of 7-13 December had nothing: a new week run of 1.
  EXPECT_EQ(ExtendStreaks(kept, last, D("2026-12-14"), WeekStart::kMonday).current_weeks, 1);
}

TEST(StreaksTest, ExtendingDayByDayAgreesWithComputingFromAllDays) {
  // Every prefix of a history with gaps of 1 to 9 days: growing the kept streaks one day at a
  // time must give what reading all the days gives, for each week start.
  std::vector<Day> days{D("2026-01-01")};
  for (int i = 1; i < 120; ++i) days.push_back(days.back() + std::chrono::days(1 + (i * 7) % 9));
  for (auto week_start : {WeekStart::kMonday, WeekStart::kSunday, WeekStart::kSaturday}) {
    Streaks kept = ComputeStreaks(std::span(days.data(), 1), days[0], week_start);
    for (std::size_t i = 1; i < days.size(); ++i) {
      kept = ExtendStreaks(kept, days[i - 1], days[i], week_start);
      ASSERT_EQ(kept, ComputeStreaks(std::span(days.data(), i + 1), days[i], week_start))
          << "after " << FormatDay(days[i]);
    }
  }
}

}  // namespace
}  // namespace vigor::core
