// The pace and projection math of goals, against figures worked out by hand in the comments.
#include "core/goal_projection.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

Day D(const char* text) { return *ParseDay(text); }

const DayRange kNovember{D("2026-11-01"), D("2026-11-30")};  // 30 days

TEST(GoalProjectionTest, APaceBehindTheTargetProjectsADayAfterThePeriod) {
  // 150 km in the first 10 days is 15 km a day; 500 km take 500 / 15 = 33.3 -> 34 days, so the
  // 34th day of the period: 1 November + 33 days = 4 December. By 30 November: 15 x 30 = 450 km.
  auto p = ProjectLinearPace(150'000, 500'000, kNovember, D("2026-11-10"));
  EXPECT_EQ(p.on_track, false);
  EXPECT_EQ(p.projected_date, D("2026-12-04"));
  EXPECT_DOUBLE_EQ(*p.value_at_end, 450'000);
}

TEST(GoalProjectionTest, APaceAheadOfTheTargetIsOnTrack) {
  // 200 km in 10 days: 20 km a day, 500 km after 25 days: 25 November; 600 km by the 30th.
  auto p = ProjectLinearPace(200'000, 500'000, kNovember, D("2026-11-10"));
  EXPECT_EQ(p.on_track, true);
  EXPECT_EQ(p.projected_date, D("2026-11-25"));
  EXPECT_DOUBLE_EQ(*p.value_at_end, 600'000);
  // 250 km in 10 days: exactly 20 days, the 20th day (not the 21st from rounding noise).
  EXPECT_EQ(ProjectLinearPace(250'000, 500'000, kNovember, D("2026-11-10")).projected_date,
            D("2026-11-20"));
  // Three sessions by Wednesday (day 3 of a week from Monday) of four: 4 x 3 / 3 = 4 days,
  // Thursday.
  DayRange week{D("2026-11-30"), D("2026-12-06")};
  EXPECT_EQ(ProjectLinearPace(3, 4, week, D("2026-12-02")).projected_date, D("2026-12-03"));
}

TEST(GoalProjectionTest, NoPaceWithoutAValueOrBeforeThePeriod) {
  EXPECT_EQ(ProjectLinearPace(0, 500, kNovember, D("2026-11-10")), Projection{});
  EXPECT_EQ(ProjectLinearPace(0, 500, kNovember, D("2026-10-31")), Projection{});
  // Reached: on track, nothing left to project.
  EXPECT_EQ(ProjectLinearPace(500, 500, kNovember, D("2026-11-10")).on_track, true);
  EXPECT_FALSE(ProjectLinearPace(500, 500, kNovember, D("2026-11-10")).projected_date);
  // After the period the figures are final: 450 of 500 was missed.
  auto over = ProjectLinearPace(450, 500, kNovember, D("2026-12-02"));
  EXPECT_EQ(over.on_track, false);
  EXPECT_DOUBLE_EQ(*over.value_at_end, 450);
}

TEST(GoalProjectionTest, BodyValuesFollowTheLeastSquaresLine) {
  // x = 0, 7, 14 (days since 1 November), y = 84, 83, 82: mean x 7, mean y 83,
  // Sxy = (-7)(1) + 0 + (7)(-1) = -14, Sxx = 49 + 0 + 49 = 98, slope -1/7 kg a day,
  // intercept 83 - (-1/7)(7) = 84. 80 kg where 84 - x/7 = 80: x = 28, 1 + 28 = 29 November.
  // On the 30th (x = 29): 84 - 29/7 = 79.857 kg.
  DayValue points[] = {{D("2026-11-01"), 84}, {D("2026-11-08"), 83}, {D("2026-11-15"), 82}};
  auto p = ProjectTrend(points, 80, true, false, kNovember, D("2026-11-15"));
  EXPECT_EQ(p.on_track, true);
  EXPECT_EQ(p.projected_date, D("2026-11-29"));
  EXPECT_NEAR(*p.value_at_end, 84 - 29.0 / 7, 1e-9);
}

TEST(GoalProjectionTest, ASlowTrendReachesTheTargetAfterThePeriod) {
  // 84 -> 83.5 in 14 days: slope -0.5/14, 4 kg to go take 4 x 28 = 112 days from 1 November:
  // 30 days of November, 31 of December, 31 of January make 92 -> 1 February is day 92, and
  // day 112 is 21 February 2027.
  DayValue points[] = {{D("2026-11-01"), 84}, {D("2026-11-15"), 83.5}};
  auto p = ProjectTrend(points, 80, true, false, kNovember, D("2026-11-15"));
  EXPECT_EQ(p.on_track, false);
  EXPECT_EQ(p.projected_date, D("2027-02-21"));
}

TEST(GoalProjectionTest, ATrendAwayFromTheTargetOrASinglePointHasNoDate) {
  DayValue away[] = {{D("2026-11-01"), 84}, {D("2026-11-08"), 85}};
  auto p = ProjectTrend(away, 80, true, false, kNovember, D("2026-11-10"));
  EXPECT_EQ(p.on_track, false);
  EXPECT_FALSE(p.projected_date);
  DayValue one[] = {{D("2026-11-01"), 84}};
  EXPECT_EQ(ProjectTrend(one, 80, true, false, kNovember, D("2026-11-10")), Projection{});
  // Gaining: 60 -> 61 in 10 days reaches 62 on day 20, 21 November.
  DayValue up[] = {{D("2026-11-01"), 60}, {D("2026-11-11"), 61}};
  EXPECT_EQ(ProjectTrend(up, 62, false, false, kNovember, D("2026-11-11")).projected_date,
            D("2026-11-21"));
}

TEST(GoalProjectionTest, AStreakCountsWholeWeeksEndingNowOrLastWeek) {
  int counting[] = {2, 0, 1, 1, 1};  // the last three weeks, this one included
  EXPECT_EQ(CurrentStreak(counting, 1).weeks, 3);
  EXPECT_TRUE(CurrentStreak(counting, 1).current_week_counts);
  int pending[] = {1, 1, 0};  // this week not yet: the run of the two weeks before stands
  EXPECT_EQ(CurrentStreak(pending, 1).weeks, 2);
  EXPECT_FALSE(CurrentStreak(pending, 1).current_week_counts);
  int two_needed[] = {2, 2, 1};
  EXPECT_EQ(CurrentStreak(two_needed, 2).weeks, 2);
  EXPECT_EQ(CurrentStreak(two_needed, 3).weeks, 0);
}

TEST(GoalProjectionTest, AStreakIsReachedAtTheEndOfTheWeekThatCompletesIt) {
  DayRange week{D("2026-11-30"), D("2026-12-06")};
  DayRange year{D("2026-01-01"), D("2026-12-31")};
  // 3 weeks counting this one, 5 wanted: two more weeks after this one, 6 + 14 = 20 December.
  auto p = ProjectStreak({3, true}, 5, week, year);
  EXPECT_EQ(p.projected_date, D("2026-12-20"));
  EXPECT_EQ(p.on_track, true);
  // 2 weeks up to last week, 5 wanted: this week and two more, also 20 December.
  EXPECT_EQ(ProjectStreak({2, false}, 5, week, year).projected_date, D("2026-12-20"));
  // 8 wanted: 5 more weeks after this one, 6 December + 35 days = 10 January, after the year.
  auto late = ProjectStreak({3, true}, 8, week, year);
  EXPECT_EQ(late.projected_date, D("2027-01-10"));
  EXPECT_EQ(late.on_track, false);
}

TEST(GoalProjectionTest, FractionsCountFromZeroOrFromTheFirstValue) {
  EXPECT_DOUBLE_EQ(FractionFromZero(15, 20), 0.75);
  EXPECT_DOUBLE_EQ(FractionFromZero(30, 20), 1.5);
  // 84 -> 82 of the way 84 -> 80: 2 of 4 kg.
  EXPECT_DOUBLE_EQ(FractionFromFirst(84, 82, 80, true), 0.5);
  EXPECT_DOUBLE_EQ(FractionFromFirst(84, 85, 80, true), 0);
  // 30 -> 33 cm of the way 30 -> 36.
  EXPECT_DOUBLE_EQ(FractionFromFirst(30, 33, 36, false), 0.5);
  EXPECT_DOUBLE_EQ(FractionFromFirst(79, 79, 80, true), 1);
}

}  // namespace
}  // namespace vigor::core
