#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

// The parts of a Vigor backup: the backup key, the sealed (zstd-compressed, then encrypted) part
// streams, and the manifest that lists them. libsodium and zstd stay behind this interface.
namespace vigor::platform::backup {

// Anything wrong with a backup or its key, in words for the operator ("part database is
// truncated: 1000 of 4096 bytes").
class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kFormatVersion = 1;

// The operator's backup key: 32 random bytes, kept in a file as base64url text (like secret.key),
// mode 0600. Backups are sealed under keys derived from it.
class BackupKey {
 public:
  // Reads the key file; throws BackupError when it is missing, not 0600 or not a key.
  static BackupKey Load(const std::filesystem::path& file);
  // Reads it, or creates it (0600, new random key) when there is no such file.
  static BackupKey LoadOrCreate(const std::filesystem::path& file);
  explicit BackupKey(const std::array<unsigned char, 32>& bytes);
  ~BackupKey();
  BackupKey(const BackupKey&) = default;
  BackupKey& operator=(const BackupKey&) = default;

  // A public fingerprint (16 hex characters), written into each manifest: it tells "wrong key"
  // apart from "damaged backup" and reveals nothing of the key.
  const std::string& id() const { return id_; }
  // Subkeys: one encrypts parts, one authenticates manifests.
  std::array<unsigned char, 32> Subkey(std::uint64_t which) const;

 private:
  std::array<unsigned char, 32> bytes_;
  std::string id_;
};

inline constexpr std::uint64_t kPartSubkey = 1;
inline constexpr std::uint64_t kManifestSubkey = 2;

// Compresses `in` with zstd and encrypts it as a libsodium secretstream
// (XChaCha20-Poly1305), chunk by chunk. `label` (backup id and part name) is authenticated with
// every chunk, so a part cannot be swapped for another backup's or another part's. Returns the
// number of plaintext bytes read.
std::uint64_t Seal(const BackupKey& key, const std::string& label, std::istream& in,
                   std::ostream& out);
// The inverse. Throws BackupError naming `label` when the stream is truncated (no final chunk),
// has bytes after its end, fails authentication (damaged, or another key) or does not
// decompress.
std::uint64_t Open(const BackupKey& key, const std::string& label, std::istream& in,
                   std::ostream& out);

struct Part {
  std::string name;        // "database", "secret.key"
  std::string file;        // the sealed file's name inside the backup directory
  std::uint64_t size = 0;  // of the sealed file
  std::string sha256;      // of the sealed file, lower-case hex
  std::uint64_t plain_size = 0;
  friend bool operator==(const Part&, const Part&) = default;
};

struct Manifest {
  int format_version = kFormatVersion;
  std::string id;          // "vigor-backup-20261207T012345Z", also the directory's name
  std::string created_at;  // RFC 3339 UTC: when the snapshot was started
  std::string vigor_version;
  std::string database;  // "sqlite" | "postgresql"
  int schema_version = 0;
  std::string key_id;
  std::vector<Part> parts;
  friend bool operator==(const Manifest&, const Manifest&) = default;

  const Part* Find(std::string_view name) const {
    for (const auto& p : parts) {
      if (p.name == name) return &p;
    }
    return nullptr;
  }
};

// manifest.json: the fields above plus a MAC under the backup key, so an altered manifest (a
// changed checksum or schema version) is refused like an altered part.
std::string ManifestJson(const Manifest& manifest, const BackupKey& key);
// Checks in the order that gives the clearest message: JSON, format and version, key id, MAC.
Manifest ParseManifest(const std::string& text, const BackupKey& key);

// SHA-256 (hex) and size of a file, read in chunks.
struct FileDigest {
  std::uint64_t size = 0;
  std::string sha256;
};
FileDigest DigestFile(const std::filesystem::path& file);

}  // namespace vigor::platform::backup
