#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Days, weeks, months and years on the calendar, for progress figures: a weekly goal, a streak,
// a summary per month. Pure: which local day an instant falls on needs the tz database and lives
// in platform/time_zone.hpp (LocalDayOf).
namespace vigor::core {

// A calendar day (proleptic Gregorian), as days since 1970-01-01. Local days of a user are held
// in this type too: the zone was applied when the day was found.
using Day = std::chrono::sys_days;

// "2026-03-02" -> that day; nullopt for anything else (2026-02-30, 2026-3-2, trailing text).
std::optional<Day> ParseDay(std::string_view text);
std::string FormatDay(Day day);

// The day a user's weeks start on (preferences.week_start).
enum class WeekStart { kMonday, kSunday, kSaturday };
std::optional<WeekStart> ParseWeekStart(std::string_view text);
std::string_view WeekStartName(WeekStart week_start);

enum class Period { kWeek, kMonth, kYear };
std::optional<Period> ParsePeriod(std::string_view text);
std::string_view PeriodName(Period period);

// Days from `first` to `last`, both included.
struct DayRange {
  Day first;
  Day last;

  int days() const { return static_cast<int>((last - first).count()) + 1; }
  bool contains(Day day) const { return day >= first && day <= last; }
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

// The week, month or year that `day` is in; weeks start on `week_start`.
DayRange PeriodContaining(Day day, Period period, WeekStart week_start);
// The period right after / right before `range` (a range PeriodContaining gave).
DayRange NextPeriod(const DayRange& range, Period period, WeekStart week_start);
DayRange PreviousPeriod(const DayRange& range, Period period, WeekStart week_start);

}  // namespace vigor::core
