#include "platform/crypto/random.hpp"

#include <sodium.h>

#include <stdexcept>

namespace vigor::platform::crypto {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// The value of a base32 character (either case), or -1.
int Base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

}  // namespace

void EnsureSodium() {
  // A function-local static is initialised exactly once even when threads race here, and
  // sodium_init itself is safe to call again (it returns 1).
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string RandomBytes(std::size_t n) {
  EnsureSodium();
  std::string out(n, '\0');
  if (n > 0) randombytes_buf(out.data(), n);
  return out;
}

std::string RandomToken(std::size_t bytes) { return Base64UrlEncode(RandomBytes(bytes)); }

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, Bytes(data), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::array<unsigned char, 32> Sha256(std::string_view data) {
  static_assert(crypto_hash_sha256_BYTES == 32);
  EnsureSodium();
  std::array<unsigned char, 32> digest{};
  crypto_hash_sha256(digest.data(), Bytes(data), data.size());
  return digest;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  EnsureSodium();
  // The lengths of what is compared here (codes, token hashes) are public, so returning early on
  // a length mismatch leaks nothing.
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Base64UrlEncode(std::string_view data) {
  EnsureSodium();
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(data.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(data), data.size(), kVariant);
  out.resize(out.size() - 1);  // the encoded length counts the terminating NUL
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  EnsureSodium();
  std::string out(text.size() * 3 / 4 + 1, '\0');
  std::size_t out_len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &out_len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  // libsodium stops at the first character outside the alphabet; the whole input must be used.
  if (end != text.data() + text.size()) return std::nullopt;
  out.resize(out_len);
  return out;
}

std::string Base32Encode(std::string_view data) {
  std::string out;
  out.reserve((data.size() * 8 + 4) / 5);
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char byte : data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  bool padding = false;
  for (char c : text) {
    if (c == ' ') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    int value = Base32Value(c);
    if (value < 0 || padding) return std::nullopt;  // padding only at the end
    buffer = ((buffer << 5) | static_cast<unsigned>(value)) & 0xFFF;
    bits += 5;
    ++symbols;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  // 8 symbols carry 5 bytes; a final group of 1, 3 or 6 symbols cannot come from any input.
  switch (symbols % 8) {
    case 1:
    case 3:
    case 6:
      return std::nullopt;
    default:
      break;
  }
  if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

}  // namespace vigor::platform::crypto
