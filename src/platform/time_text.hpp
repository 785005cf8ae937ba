#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Reading the timestamps and days clients send. Everything is stored as RFC 3339 UTC with
// milliseconds (platform::FormatRfc3339), so text order is time order and SQL compares text.
namespace vigor::platform {

// Milliseconds since the epoch for an RFC 3339 date-time with a zone ("Z" or "+02:00"); nullopt
// when it is not one or names an impossible date.
std::optional<std::int64_t> ParseRfc3339Ms(std::string_view text);

// The stored form of a millisecond instant, e.g. 2026-11-25T03:10:00.123Z. Instants before year 1
// or after 9999 (which ParseRfc3339Ms never gives) are written as the first or last of that range.
std::string FormatUtcMs(std::int64_t ms);

// A calendar day as YYYY-MM-DD.
bool IsCalendarDay(std::string_view text);

}  // namespace vigor::platform
