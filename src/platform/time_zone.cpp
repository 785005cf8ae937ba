#include "platform/time_zone.hpp"

#include <date/tz.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace vigor::platform {
namespace {

// Zone names are short ASCII paths; anything else is refused before the database is asked, so a
// name like "../etc/passwd" never reaches a file lookup.
bool HasZoneNameShape(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
  if (name.find("..") != std::string_view::npos) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '/' || c == '_' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

const date::time_zone* FindZone(std::string_view name) {
  if (!HasZoneNameShape(name)) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

}  // namespace

bool IsKnownTimeZone(std::string_view name) { return FindZone(name) != nullptr; }

std::optional<ResolvedLocalTime> ResolveLocalTime(std::int64_t local_ms, std::string_view zone) {
  const date::time_zone* tz = FindZone(zone);
  if (tz == nullptr) return std::nullopt;
  using Ms = std::chrono::milliseconds;
  date::local_time<Ms> local{Ms{local_ms}};
  date::local_info info = tz->get_info(date::floor<std::chrono::seconds>(local));
  auto at_offset = [&](std::chrono::seconds offset) {
    return (local.time_since_epoch() - offset).count();
  };
  switch (info.result) {
    case date::local_info::unique:
      return ResolvedLocalTime{at_offset(info.first.offset), LocalTimeFit::kUnique};
    case date::local_info::ambiguous:
      return ResolvedLocalTime{at_offset(info.first.offset), LocalTimeFit::kAmbiguous};
    case date::local_info::nonexistent:
    default:
      // `first` is the period before the jump: its offset moves the time forward by the gap.
      return ResolvedLocalTime{at_offset(info.first.offset), LocalTimeFit::kNonexistent};
  }
}

std::optional<std::int32_t> UtcOffsetSeconds(std::int64_t utc_ms, std::string_view zone) {
  const date::time_zone* tz = FindZone(zone);
  if (tz == nullptr) return std::nullopt;
  date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds{utc_ms}};
  auto info = tz->get_info(instant);
  return static_cast<std::int32_t>(info.offset.count());
}

std::optional<core::Day> LocalDayOf(std::int64_t utc_ms, std::string_view zone) {
  auto offset = UtcOffsetSeconds(utc_ms, zone);
  if (!offset) return std::nullopt;
  std::chrono::milliseconds local{utc_ms + std::int64_t{*offset} * 1000};
  return std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>{local});
}

std::optional<std::int64_t> LocalDayStartMs(core::Day day, std::string_view zone) {
  std::int64_t local_midnight_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count();
  auto resolved = ResolveLocalTime(local_midnight_ms, zone);
  if (!resolved) return std::nullopt;
  return resolved->utc_ms;
}

}  // namespace vigor::platform
