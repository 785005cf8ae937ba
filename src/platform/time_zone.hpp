#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/calendar.hpp"

// IANA time zones from the operating system's tz database (Debian's tzdata, read through Howard
// Hinnant's date/tz with USE_OS_TZDB): GCC 12's <chrono> has no zone support.
namespace vigor::platform {

// Whether `name` is a zone the tz database knows ("Europe/Berlin", "UTC"); "Mars/Olympus" is not.
bool IsKnownTimeZone(std::string_view name);

// How a wall-clock time maps onto the zone's timeline.
enum class LocalTimeFit {
  kUnique,       // one instant
  kAmbiguous,    // the clocks went back and it happened twice: the earlier instant is chosen
  kNonexistent,  // the clocks went forward over it: read with the offset before the jump,
                 // so 02:30 on a spring-forward night becomes 03:30 local (as Java and Python do)
};

struct ResolvedLocalTime {
  std::int64_t utc_ms = 0;
  LocalTimeFit fit = LocalTimeFit::kUnique;
};

// The instant of a wall-clock time in a zone. `local_ms` is the wall-clock reading counted as
// milliseconds since 1970-01-01T00:00 of that clock (a naive date-time); nullopt when the zone
// is unknown.
std::optional<ResolvedLocalTime> ResolveLocalTime(std::int64_t local_ms, std::string_view zone);

// The zone's offset from UTC at an instant, in seconds (+3600 for Berlin in winter); nullopt when
// the zone is unknown.
std::optional<std::int32_t> UtcOffsetSeconds(std::int64_t utc_ms, std::string_view zone);

// The local calendar day an instant falls on in a zone (a workout at 23:30Z is on the next day in
// Berlin); nullopt when the zone is unknown.
std::optional<core::Day> LocalDayOf(std::int64_t utc_ms, std::string_view zone);
// The instant a local day begins in a zone (midnight, or the first instant after a
// spring-forward gap that swallowed it); nullopt when the zone is unknown. A day runs from its
// start to the next day's start: 23 or 25 hours on the nights clocks change.
std::optional<std::int64_t> LocalDayStartMs(core::Day day, std::string_view zone);

}  // namespace vigor::platform
