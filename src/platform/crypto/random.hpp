#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// Randomness, hashing and encodings shared by the security code. Every function is thread-safe.
namespace vigor::platform::crypto {

// Initialises libsodium once, from whichever thread comes first; every function of
// platform/crypto calls it, so callers never need to. Throws std::runtime_error when libsodium
// cannot start (no usable entropy source), because nothing secure can be done then.
void EnsureSodium();

// `n` bytes from the operating system's CSPRNG.
std::string RandomBytes(std::size_t n);

// `bytes` random bytes as base64url without padding: 32 bytes give 43 characters, safe in URLs,
// cookies and file names.
std::string RandomToken(std::size_t bytes = 32);

// Lower-case hex SHA-256: how opaque tokens are stored, so a database leak yields no usable token.
std::string Sha256Hex(std::string_view data);
// The 32 bytes of SHA-256.
std::array<unsigned char, 32> Sha256(std::string_view data);

// Compares in time that depends only on the lengths, never on where the first difference is.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// RFC 4648 section 5 (URL- and file-name-safe alphabet), no padding.
std::string Base64UrlEncode(std::string_view data);
// Strict inverse of Base64UrlEncode: nullopt on padding, whitespace, other alphabets or
// non-canonical trailing bits.
std::optional<std::string> Base64UrlDecode(std::string_view text);

// RFC 4648 section 6 (A-Z, 2-7), no padding: the form authenticator apps expect.
std::string Base32Encode(std::string_view data);
// Accepts what people paste: any case, spaces anywhere, optional trailing '=' padding. nullopt on
// other characters, an impossible length or non-zero trailing bits.
std::optional<std::string> Base32Decode(std::string_view text);

}  // namespace vigor::platform::crypto
