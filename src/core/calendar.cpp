#include "core/calendar.hpp"

#include <charconv>

namespace vigor::core {

namespace {

using std::chrono::days;
using std::chrono::month;
using std::chrono::months;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::years;

bool ReadNumber(std::string_view text, int& value) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

weekday FirstDayOf(WeekStart week_start) {
  switch (week_start) {
    case WeekStart::kSunday:
      return std::chrono::Sunday;
    case WeekStart::kSaturday:
      return std::chrono::Saturday;
    case WeekStart::kMonday:
      break;
  }
  return std::chrono::Monday;
}

}  // namespace

std::optional<Day> ParseDay(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadNumber(text.substr(0, 4), y) ||
      !ReadNumber(text.substr(5, 2), m) || !ReadNumber(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  year_month_day date{year{y}, month{static_cast<unsigned>(m)},
                      std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return Day{date};
}

std::string FormatDay(Day day) {
  year_month_day date{day};
  char text[16];
  int y = static_cast<int>(date.year());
  auto m = static_cast<unsigned>(date.month());
  auto d = static_cast<unsigned>(date.day());
  // Years outside 0-9999 do not occur in stored data (dates are checked on the way in).
  text[0] = static_cast<char>('0' + (y / 1000) % 10);
  text[1] = static_cast<char>('0' + (y / 100) % 10);
  text[2] = static_cast<char>('0' + (y / 10) % 10);
  text[3] = static_cast<char>('0' + y % 10);
  text[4] = '-';
  text[5] = static_cast<char>('0' + m / 10);
  text[6] = static_cast<char>('0' + m % 10);
  text[7] = '-';
  text[8] = static_cast<char>('0' + d / 10);
  text[9] = static_cast<char>('0' + d % 10);
  return std::string(text, 10);
}

std::optional<WeekStart> ParseWeekStart(std::string_view text) {
  if (text == "monday") return WeekStart::kMonday;
  if (text == "sunday") return WeekStart::kSunday;
  if (text == "saturday") return WeekStart::kSaturday;
  return std::nullopt;
}

std::string_view WeekStartName(WeekStart week_start) {
  switch (week_start) {
    case WeekStart::kSunday:
      return "sunday";
    case WeekStart::kSaturday:
      return "saturday";
    case WeekStart::kMonday:
      break;
  }
  return "monday";
}

std::optional<Period> ParsePeriod(std::string_view text) {
  if (text == "week") return Period::kWeek;
  if (text == "month") return Period::kMonth;
  if (text == "year") return Period::kYear;
  return std::nullopt;
}

std::string_view PeriodName(Period period) {
  switch (period) {
    case Period::kMonth:
      return "month";
    case Period::kYear:
      return "year";
    case Period::kWeek:
      break;
  }
  return "week";
}

DayRange PeriodContaining(Day day, Period period, WeekStart week_start) {
  year_month_day date{day};
  switch (period) {
    case Period::kWeek: {
      // weekday difference is taken modulo 7: the days since the last week start (0 to 6).
      days back = weekday{day} - FirstDayOf(week_start);
      Day first = day - back;
      return {first, first + days{6}};
    }
    case Period::kMonth: {
      Day first{date.year() / date.month() / 1};
      Day last{date.year() / date.month() / std::chrono::last};
      return {first, last};
    }
    case Period::kYear:
      break;
  }
  return {Day{date.year() / std::chrono::January / 1},
          Day{date.year() / std::chrono::December / 31}};
}

DayRange NextPeriod(const DayRange& range, Period period, WeekStart week_start) {
  return PeriodContaining(range.last + days{1}, period, week_start);
}

DayRange PreviousPeriod(const DayRange& range, Period period, WeekStart week_start) {
  return PeriodContaining(range.first - days{1}, period, week_start);
}

}  // namespace vigor::core
