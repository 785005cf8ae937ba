#pragma once

#include <chrono>
#include <string>

namespace vigor::platform {

// RFC 3339 in UTC with milliseconds, e.g. 2026-11-25T03:10:00.123Z: the API's timestamp format.
std::string FormatRfc3339(std::chrono::system_clock::time_point time);
inline std::string NowRfc3339() { return FormatRfc3339(std::chrono::system_clock::now()); }
// The time `from_now` ahead (or behind, when negative), in the same format: expiries, cut-offs.
inline std::string Rfc3339FromNow(std::chrono::seconds from_now) {
  return FormatRfc3339(std::chrono::system_clock::now() + from_now);
}

}  // namespace vigor::platform
