#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// RFC 6238 time-based one-time passwords as authenticator apps implement them: HMAC-SHA1,
// 6 digits, 30-second steps. Secrets here are raw bytes; encrypt them at rest with SecretBox.
namespace vigor::platform::crypto {

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpPeriodSeconds = 30;

// 20 random bytes: the HMAC-SHA1 block of entropy RFC 4226 recommends.
std::string NewTotpSecret();

// The time step a moment falls in (floor(unix_seconds / 30)).
std::int64_t TotpStep(std::int64_t unix_seconds);

// The 6-digit code (leading zeros kept) for the step containing `unix_seconds`. Throws
// std::invalid_argument for an empty secret (so does MatchTotp).
std::string TotpCode(std::string_view secret, std::int64_t unix_seconds);

// Checks `code` against the steps within `window` steps of now (clock drift on the phone) and
// returns the step it matched, so the caller can refuse a step already used (RFC 6238 section
// 5.2: a code is good once). Spaces are ignored ("123 456"); anything but exactly 6 digits is
// nullopt. Every candidate step is compared in constant time. Throws std::invalid_argument for a
// window outside 0..10.
std::optional<std::int64_t> MatchTotp(std::string_view secret, std::string_view code,
                                      std::int64_t unix_seconds, int window = 1);

// The otpauth:// URI authenticator apps scan from a QR code:
// otpauth://totp/Issuer:account?secret=BASE32&issuer=Issuer&algorithm=SHA1&digits=6&period=30
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace vigor::platform::crypto
