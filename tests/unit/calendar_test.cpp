#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::core {
namespace {

Day D(const char* text) { return *ParseDay(text); }

TEST(CalendarTest, DaysParseOnlyWhenTheyAreOnTheCalendar) {
  EXPECT_EQ(FormatDay(D("2024-02-29")), "2024-02-29");  // a leap year
  EXPECT_FALSE(ParseDay("2023-02-29"));
  EXPECT_FALSE(ParseDay("2026-3-02"));
  EXPECT_FALSE(ParseDay("2026-03-02T00:00"));
  EXPECT_FALSE(ParseDay("2026-13-01"));
  EXPECT_FALSE(ParseDay("+026-03-02"));
  // 1970-01-01 is day 0; 2000-03-01 is 11,017 days later (30 years of 365 days + 7 leap days
  // (72, 76, ... 96) = 10,957 to 2000-01-01, + 31 + 29 for January and February 2000).
  EXPECT_EQ(D("2000-03-01").time_since_epoch().count(), 11'017);
}

TEST(CalendarTest, AWeekStartsOnTheUsersDay) {
  // 2026-12-06 is a Sunday: 1 January 2026 was a Thursday and 6 December is 339 days later,
  // 339 = 48 weeks + 3 days, Thursday + 3 = Sunday.
  Day sunday = D("2026-12-06");
  EXPECT_EQ(PeriodContaining(sunday, Period::kWeek, WeekStart::kMonday),
            (DayRange{D("2026-11-30"), D("2026-12-06")}));
  EXPECT_EQ(PeriodContaining(sunday, Period::kWeek, WeekStart::kSunday),
            (DayRange{D("2026-12-06"), D("2026-12-12")}));
  EXPECT_EQ(PeriodContaining(sunday, Period::kWeek, WeekStart::kSaturday),
            (DayRange{D("2026-12-05"), D("2026-12-11")}));
  // Across a year's end: Thursday 2026-01-01's Monday week began in 2025.
  EXPECT_EQ(PeriodContaining(D("2026-01-01"), Period::kWeek, WeekStart::kMonday),
            (DayRange{D("2025-12-29"), D("2026-01-04")}));
  EXPECT_EQ(PeriodContaining(sunday, Period::kWeek, WeekStart::kMonday).days(), 7);
}

TEST(CalendarTest, MonthsAndYearsHaveTheirOwnLengths) {
  DayRange february = PeriodContaining(D("2024-02-10"), Period::kMonth, WeekStart::kMonday);
  EXPECT_EQ(february, (DayRange{D("2024-02-01"), D("2024-02-29")}));
  EXPECT_EQ(february.days(), 29);
  EXPECT_EQ(NextPeriod(february, Period::kMonth, WeekStart::kMonday),
            (DayRange{D("2024-03-01"), D("2024-03-31")}));
  EXPECT_EQ(PreviousPeriod(february, Period::kMonth, WeekStart::kMonday),
            (DayRange{D("2024-01-01"), D("2024-01-31")}));
  DayRange year = PeriodContaining(D("2026-07-15"), Period::kYear, WeekStart::kSunday);
  EXPECT_EQ(year, (DayRange{D("2026-01-01"), D("2026-12-31")}));
  EXPECT_EQ(year.days(), 365);
  DayRange week = PeriodContaining(D("2026-12-06"), Period::kWeek, WeekStart::kMonday);
  EXPECT_EQ(NextPeriod(week, Period::kWeek, WeekStart::kMonday),
            (DayRange{D("2026-12-07"), D("2026-12-13")}));
  EXPECT_TRUE(week.contains(D("2026-11-30")));
  EXPECT_FALSE(week.contains(D("2026-12-07")));
}

TEST(CalendarTest, NamesRoundTrip) {
  for (auto w : {WeekStart::kMonday, WeekStart::kSunday, WeekStart::kSaturday}) {
    EXPECT_EQ(ParseWeekStart(WeekStartName(w)), w);
  }
  for (auto p : {Period::kWeek, Period::kMonth, Period::kYear}) {
    EXPECT_EQ(ParsePeriod(PeriodName(p)), p);
  }
  EXPECT_FALSE(ParseWeekStart("friday"));
  EXPECT_FALSE(ParsePeriod("day"));
}

TEST(CalendarTest, AnInstantsLocalDayDependsOnTheZone) {
  // 23:30 UTC on 28 March 2026: Berlin is UTC+1 until 01:00 UTC on the 29th, so it is 00:30 on
  // the 29th there; New York is UTC-4 (daylight time since 8 March), 19:30 on the 28th.
  auto ms = *platform::ParseRfc3339Ms("2026-03-28T23:30:00Z");
  EXPECT_EQ(platform::LocalDayOf(ms, "Europe/Berlin"), D("2026-03-29"));
  EXPECT_EQ(platform::LocalDayOf(ms, "America/New_York"), D("2026-03-28"));
  EXPECT_EQ(platform::LocalDayOf(ms, "UTC"), D("2026-03-28"));
  EXPECT_FALSE(platform::LocalDayOf(ms, "Mars/Olympus"));
}

TEST(CalendarTest, ALocalDayStartsAtLocalMidnightAndMayLast23Hours) {
  // Berlin's 29 March 2026 starts at 00:00 CET = 23:00Z on the 28th; the 30th starts at 00:00
  // CEST = 22:00Z on the 29th: the clocks went forward, the day had 23 hours.
  auto start29 = platform::LocalDayStartMs(D("2026-03-29"), "Europe/Berlin");
  auto start30 = platform::LocalDayStartMs(D("2026-03-30"), "Europe/Berlin");
  ASSERT_TRUE(start29 && start30);
  EXPECT_EQ(platform::FormatUtcMs(*start29), "2026-03-28T23:00:00.000Z");
  EXPECT_EQ(platform::FormatUtcMs(*start30), "2026-03-29T22:00:00.000Z");
  EXPECT_EQ(*start30 - *start29, 23 * 3'600'000);
}

}  // namespace
}  // namespace vigor::core
