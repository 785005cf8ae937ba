#include "platform/time_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace vigor::platform {

namespace {

// Reads exactly `n` digits at `pos`; -1 when they are not all digits.
int Digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

bool ValidDate(int y, int m, int d) {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  auto ymd = std::chrono::year(y) / std::chrono::month(static_cast<unsigned>(m)) /
             std::chrono::day(static_cast<unsigned>(d));
  return ymd.ok();
}

}  // namespace

std::optional<std::int64_t> ParseRfc3339Ms(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
  if (!ValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  std::size_t pos = 19;
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    int scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      millis += (text[pos] - '0') * scale;  // digits past milliseconds are dropped
      scale /= 10;
      ++pos;
    }
    if (pos == start || pos - start > 9) return std::nullopt;
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int oh = Digits(text, pos + 1, 2), om = Digits(text, pos + 4, 2);
    if (oh < 0 || om < 0 || pos + 3 >= text.size() || text[pos + 3] != ':' || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  using namespace std::chrono;
  auto days = sys_days(
      year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)));
  auto t = days + hours(hour) + minutes(minute) + seconds(second) + milliseconds(millis) -
           minutes(offset_minutes);
  return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

std::string FormatUtcMs(std::int64_t ms) {
  // In milliseconds throughout: system_clock counts nanoseconds, which overflow (undefined
  // behaviour, and a wrong date) outside 1677-2262, while clients may send any year from 1.
  using namespace std::chrono;
  constexpr std::int64_t kFirst = -62'135'596'800'000;  // 0001-01-01T00:00:00.000Z
  constexpr std::int64_t kLast = 253'402'300'799'999;   // 9999-12-31T23:59:59.999Z
  sys_time<milliseconds> time{milliseconds(std::clamp(ms, kFirst, kLast))};
  auto day = floor<days>(time);
  year_month_day date(day);
  hh_mm_ss<milliseconds> clock(time - day);
  char buffer[64];  // 24 characters for years 1 to 9999; room for what GCC cannot rule out
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
      static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
      static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  return buffer;
}

bool IsCalendarDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  return year >= 0 && month >= 0 && day >= 0 && ValidDate(year, month, day);
}

}  // namespace vigor::platform
