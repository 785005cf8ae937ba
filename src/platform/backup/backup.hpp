#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/backup_retention.hpp"
#include "platform/backup/archive.hpp"
#include "platform/config/config.hpp"

// Backups of a whole instance (vigor backup, restore, backup verify, and the schedule inside
// vigor serve): an online snapshot of the database, the instance's key file, each sealed into a
// directory with a manifest. See docs/operations.md, "Backups and restore".
namespace vigor::platform::backup {

// A finished backup directory: <backup-dir>/vigor-backup-YYYYMMDDTHHMMSSZ[-N].
struct BackupEntry {
  std::filesystem::path dir;
  std::chrono::sys_seconds taken;
};

// Takes a backup of the configured instance (SQLite under data_dir, or the PostgreSQL of
// database_url) into a new directory under `to` while the server keeps running: SQLite's online
// backup API inside one read transaction (a consistent snapshot; writers are not blocked in WAL
// mode), or pg_dump (one consistent snapshot too). The directory appears under its final name
// only when complete.
BackupEntry TakeBackup(const config::Config& config, const std::filesystem::path& to,
                       const BackupKey& key, const std::string& vigor_version);

// What a verified backup holds, unpacked into a private temporary directory that is removed with
// this object: `database` (a SQLite file or a pg_dump archive) and `secret_key` (the key file's
// bytes; absent when the instance had none).
class Unpacked {
 public:
  explicit Unpacked(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~Unpacked();
  Unpacked(const Unpacked&) = delete;
  Unpacked& operator=(const Unpacked&) = delete;
  Manifest manifest;
  std::filesystem::path database() const { return dir_ / "database"; }
  std::optional<std::filesystem::path> secret_key() const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// Checks the manifest (format version, key, MAC), every part's size and SHA-256, then decrypts
// and decompresses every part into a new directory under `scratch`. Throws BackupError with the
// first problem found; nothing outside `scratch` is touched.
std::unique_ptr<Unpacked> Unpack(const std::filesystem::path& backup, const BackupKey& key,
                                 const std::filesystem::path& scratch);

// The restore drill: unpacks the backup and restores its database into a temporary place (a
// SQLite file; on PostgreSQL a temporary database next to the configured one, dropped
// afterwards), then runs the integrity checks. Returns a one-line summary; throws BackupError.
std::string VerifyBackup(const config::Config& config, const std::filesystem::path& backup,
                         const BackupKey& key);

struct RestoreTarget {
  std::filesystem::path data_dir;
  std::string database_url;  // empty: SQLite in data_dir
  bool replace = false;      // allow a non-empty target
};

// Verifies everything first (Unpack, then integrity of the database), and only then writes the
// target: the database (SQLite file, or pg_restore into the empty PostgreSQL database) and the
// key file as <data-dir>/secret.key. Returns what it did, one line each. Throws BackupError with
// nothing written when anything is wrong, including a non-empty target without `replace`.
std::vector<std::string> RestoreBackup(const std::filesystem::path& backup, const BackupKey& key,
                                       const RestoreTarget& target);

// The finished backups under `dir`, oldest first (unfinished or foreign entries are skipped).
std::vector<BackupEntry> ListBackups(const std::filesystem::path& dir);

// Deletes the backups the retention does not keep; returns them.
std::vector<BackupEntry> ApplyRetention(const std::filesystem::path& dir,
                                        const core::BackupRetention& retention);

}  // namespace vigor::platform::backup
