#pragma once

#include <string>
#include <string_view>

namespace vigor::platform::crypto {

// Lower-case hex HMAC-SHA-256 of `message` under `key` (RFC 2104): how webhook deliveries are
// signed, so a receiver can check them with any standard library.
std::string HmacSha256Hex(std::string_view key, std::string_view message);

}  // namespace vigor::platform::crypto
