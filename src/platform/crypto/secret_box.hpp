#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vigor::platform::crypto {

// Authenticated encryption at rest for small secrets (TOTP secrets, integration tokens, queued
// mail bodies) with libsodium's crypto_secretbox (XSalsa20-Poly1305) and a key the operator holds
// outside the database: a stolen database file alone reveals none of them. Thread-safe (const).
class SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // Throws std::invalid_argument unless `key` is exactly kKeyBytes raw bytes.
  explicit SecretBox(std::string key);
  ~SecretBox();
  SecretBox(const SecretBox&) = default;
  SecretBox& operator=(const SecretBox&) = default;
  SecretBox(SecretBox&&) = default;
  SecretBox& operator=(SecretBox&&) = default;

  // Reads the key from `key_file` (base64url of 32 bytes, one line). When the file is absent,
  // creates it atomically with a new random key and mode 0600 (the directory must exist). Throws
  // std::runtime_error, naming the file and the fix, when it is not a regular file, is readable
  // by group or others, or does not hold a 32-byte key.
  static SecretBox LoadOrCreate(const std::filesystem::path& key_file);

  // "v1." + base64url(nonce || ciphertext+tag), with a fresh random 24-byte nonce each time. The
  // version prefix leaves room to rotate keys or algorithms later.
  std::string Seal(std::string_view plaintext) const;
  // nullopt when `sealed` is malformed, was tampered with, or was sealed with another key.
  std::optional<std::string> Open(std::string_view sealed) const;

  // Signs values the server hands out and must recognise later without storing them (the CSRF
  // token bound to a session, a device cookie): HMAC-SHA-256 of `message` under a key derived
  // from this one for `purpose` (HMAC-SHA-256 of "vigor mac " + purpose under the instance key),
  // so a MAC made for one purpose is worthless for another. base64url, 43 characters. Every
  // instance sharing the key file computes the same MAC. Compare with ConstantTimeEquals.
  std::string Mac(std::string_view purpose, std::string_view message) const;

 private:
  std::string key_;
};

}  // namespace vigor::platform::crypto
