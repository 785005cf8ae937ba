#pragma once

#include <string>
#include <string_view>

namespace vigor::platform {

// A new UUIDv7 (RFC 9562) as text: time-ordered, so ids sort by creation and index well.
std::string NewId();

// True for the canonical text form of a UUID (lowercase hex, 8-4-4-4-12).
bool IsUuid(std::string_view text);

}  // namespace vigor::platform
