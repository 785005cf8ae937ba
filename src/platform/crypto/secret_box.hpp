#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::platform::crypto {

// One key of the instance's keyring: a short id ("k1", "k2", ...) and 32 random bytes.
struct SecretKey {
  std::string id;
  std::string bytes;
};

// Authenticated encryption at rest for small secrets (TOTP secrets, webhook secrets, privacy-zone
// centres, health notes, queued mail bodies) under a keyring the operator holds outside the
// database: a stolen database file alone reveals none of them.
//
// The ring holds one or more keys, oldest first; the last one seals. A value names the key that
// sealed it ("v2.<key id>.<...>"), so after `vigor keys rotate` appends a key, values under the
// older keys still open while they are re-sealed. A ring read from a key file follows the file:
// it is re-read when it changed (checked at most once a second when sealing, and at once when a
// value names a key the ring does not hold), so every running server starts sealing under a new
// key within a second of the rotation adding it. Thread-safe.
class SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // A ring of one key with id "k1" (what a one-line key file holds). Throws std::invalid_argument
  // unless `key` is exactly kKeyBytes raw bytes.
  explicit SecretBox(std::string key);
  // A fixed ring, oldest first. Throws std::invalid_argument when it is empty, a key is not
  // kKeyBytes long, or an id is not 1 to 16 of [a-z0-9] or appears twice.
  explicit SecretBox(std::vector<SecretKey> keys);
  ~SecretBox();
  SecretBox(SecretBox&&) noexcept;
  SecretBox& operator=(SecretBox&&) noexcept;
  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;

  // Reads the ring from `key_file` and follows it. The file holds one key a line, "<id>
  // <base64url of 32 bytes>"; the first line may be a bare key (the one-key files of earlier
  // versions), which gets id "k1"; '#' starts a comment. When the file is absent, creates it
  // atomically with one new random key and mode 0600 (the directory must exist). Throws
  // std::runtime_error, naming the file and the fix, when it is not a regular file, is readable
  // by group or others, or does not hold a valid ring.
  static SecretBox LoadOrCreate(const std::filesystem::path& key_file);
  // A fixed ring from text (the VIGOR_SECRET_KEYS environment variable): "<id>:<base64url>"
  // entries separated by commas or white space, oldest first. `source` names it in errors.
  static SecretBox FromText(std::string_view text, std::string_view source);
  // Appends a new random key to `key_file` (rewritten atomically, mode 0600) and returns its id:
  // "k" and one more than the highest "k<n>" id in it. Running servers pick it up by themselves.
  static std::string AppendKey(const std::filesystem::path& key_file);

  // "v2.<key id>." + base64url(nonce || ciphertext+tag): XChaCha20-Poly1305 (IETF) under the
  // newest key, a fresh random 24-byte nonce each time, "v2.<key id>." bound as associated data
  // (a value moved to another key id does not open).
  std::string Seal(std::string_view plaintext) const;
  // Opens "v2." values under the key they name and "v1." values (XSalsa20-Poly1305, sealed
  // before keyrings) under any key of the ring. nullopt when `sealed` is malformed, was tampered
  // with, or names a key the ring does not hold.
  std::optional<std::string> Open(std::string_view sealed) const;
  // The id of the key that sealed `sealed` ("v2." values), "v1" for the old format, nullopt for
  // anything else. Reads only the prefix.
  static std::optional<std::string> KeyIdOf(std::string_view sealed);

  // Signs values the server hands out and must recognise later without storing them (the CSRF
  // token bound to a session, a device cookie): HMAC-SHA-256 of `message` under a key derived
  // from the newest key for `purpose` (HMAC-SHA-256 of "vigor mac " + purpose under the key), so
  // a MAC made for one purpose is worthless for another. base64url, 43 characters.
  std::string Mac(std::string_view purpose, std::string_view message) const;
  // Whether `mac` is Mac(purpose, message) under ANY key of the ring (constant time per key):
  // what a server handed out before a rotation stays valid until its key leaves the ring.
  bool MacMatches(std::string_view purpose, std::string_view message, std::string_view mac) const;

  // The ids of the ring, oldest first, after re-reading the key file if it changed; the last one
  // seals.
  std::vector<std::string> KeyIds() const;
  std::string CurrentKeyId() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vigor::platform::crypto
