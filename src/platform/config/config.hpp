#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/obs/log.hpp"

namespace vigor::platform::config {

// Every setting Vigor reads, typed and defaulted. Loaded once at start (LoadConfig) from, in
// order of precedence: command-line flags, VIGOR_* environment variables, the config file.
struct Config {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::filesystem::path data_dir = "var";
  std::filesystem::path web_dir = "web/dist";
  std::string instance_name = "Vigor";
  std::string registration = "open";  // open | closed | invite_only | approval
  int io_threads = 2;
  bool shared_io_context = false;  // --io-model shared | per-thread
  int workers = 32;
  int read_workers = 0;  // 0: as many as the database's read connections
  // How long a resolved session or token is kept in memory (0: not at all). Writes in this
  // process invalidate it at once; this bounds what another process's writes leave unseen.
  int credential_cache_seconds = 5;
  // Reads whose route lately took less than this run on the I/O thread (0: never; -1: the
  // backend's default, InlineReadsBelowMicros()).
  int inline_reads_below_micros = -1;
  int db_readers = 4;
  // PostgreSQL connection URI (postgresql://USER@HOST:PORT/DB?sslmode=...). Empty: SQLite at
  // database_path() under data_dir.
  std::string database_url;
  int db_connections = 16;              // PostgreSQL pool size
  int db_statement_timeout_ms = 15000;  // PostgreSQL statement_timeout
  // A streaming replica of database_url for Database::ReadOnReplica (empty: none), and how long
  // such a read waits for it to catch up before reading from the primary.
  std::string database_replica_url;
  int db_replica_wait_ms = 50;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 60;
  int idle_timeout_seconds = 60;
  int write_timeout_seconds = 30;
  int shutdown_timeout_seconds = 30;
  // Server-Sent Events (GET /api/v1/events): caps on open streams, and the heartbeat.
  int event_streams_per_user = 8;
  int event_streams = 1000;
  int event_heartbeat_seconds = 20;
  obs::LogLevel log_level = obs::LogLevel::kInfo;
  bool access_log = true;
  bool conditional_gets = true;  // ETag and 304 on the API's JSON reads
  bool enable_write_probe = false;
  // Reverse proxies whose X-Forwarded-For is believed: addresses and CIDR networks, checked by
  // http::TrustedProxies::Parse. Empty: none.
  std::string trusted_proxies;
  std::string config_file;  // where the file settings came from, if any

  // The address users reach Vigor at (links in emails, CSRF origin). Empty: http://<listen>.
  std::string public_url;
  // TLS served directly (for those without a reverse proxy).
  std::filesystem::path tls_cert;
  std::filesystem::path tls_key;
  // Mail: with no SMTP URL, messages are written to <data-dir>/outbox/ instead.
  std::string smtp_url;
  std::string smtp_from = "vigor@localhost";
  std::string smtp_username;
  std::filesystem::path smtp_password_file;
  bool smtp_require_tls = false;
  // The key that seals secrets at rest (TOTP secrets, mail bodies). Empty: <data-dir>/secret.key.
  std::filesystem::path secret_key_file;
  // The keyring from VIGOR_SECRET_KEYS ("k1:<base64url>,k2:<base64url>", oldest first), used
  // instead of the key file when set. Environment only; never logged.
  std::string secret_keys;
  int session_idle_hours = 24 * 7;
  int session_absolute_hours = 24 * 30;
  // Argon2id cost (OWASP minimum: 19 MiB, 2 iterations) and how many hashes may run at once.
  int password_memory_kib = 19 * 1024;
  int password_iterations = 2;
  int password_concurrency = 2;
  // Where Open Food Facts exports for the admin's food import are read from. Empty:
  // <data-dir>/food-imports (created by the operator when first used).
  std::filesystem::path food_import_dir;
  // Webhooks (issue 14): whether apps may subscribe and deliver to loopback and private
  // addresses (off: such targets are refused against SSRF; on for a receiver on the operator's
  // own network, and for tests), and the first retry's delay (the next ones are 4, 20, 120 and
  // 720 times it: 30 s, 2 min, 10 min, 1 h, 6 h by default).
  bool webhooks_allow_private = false;
  int webhooks_retry_base_seconds = 30;
  // Issue 17, several instances: a background job's lease. The running instance renews it every
  // third of it; a job whose instance died is taken over by another within this many seconds.
  int job_lease_seconds = 30;
  // Backups (issue 15; docs/operations.md, "Backups and restore"). vigor serve takes them on a
  // schedule only when backup_dir is set: a copy on the same disk as the data is no backup, so
  // the operator chooses where they go. `vigor backup` without --to uses <data-dir>/backups.
  std::filesystem::path backup_dir;
  std::filesystem::path backup_key_file;  // empty: <data-dir>/backup.key
  int backup_interval_minutes = 24 * 60;
  int backup_keep_daily = 7;
  int backup_keep_weekly = 4;
  int backup_verify_interval_minutes = 24 * 60;  // the restore drill; 0: never on its own

  // 500 us on SQLite; 50 us on PostgreSQL, where a read of the database waits for the server over
  // the network (never under 50 us) and an I/O thread waiting with it was measured slower than the
  // hop to the read pool, while a read answered from memory (/me, a cached dashboard) gains a
  // third by skipping the hop (issue 16, bench/RESULTS.md).
  int InlineReadsBelowMicros() const {
    if (inline_reads_below_micros >= 0) return inline_reads_below_micros;
    return postgresql() ? 50 : 500;
  }
  std::filesystem::path database_path() const { return data_dir / "vigor.db"; }
  bool postgresql() const { return !database_url.empty(); }
  std::filesystem::path secret_key_path() const {
    return secret_key_file.empty() ? data_dir / "secret.key" : secret_key_file;
  }
  bool tls() const { return !tls_cert.empty(); }
  std::filesystem::path food_import_path() const {
    return food_import_dir.empty() ? data_dir / "food-imports" : food_import_dir;
  }
  std::string effective_public_url() const;
  std::filesystem::path backup_key_path() const {
    return backup_key_file.empty() ? data_dir / "backup.key" : backup_key_file;
  }
  std::filesystem::path backup_path() const {
    return backup_dir.empty() ? data_dir / "backups" : backup_dir;
  }
};

// Every bad setting found, one message each, so an operator fixes them in one go.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> problems)
      : std::runtime_error("invalid configuration"), problems_(std::move(problems)) {}
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

using EnvLookup = std::function<const char*(const char*)>;

// `args` are the flags after the subcommand. Throws ConfigError.
Config LoadConfig(const std::vector<std::string>& args, const EnvLookup& env);

// The settings, their environment names and defaults, for --help.
std::string SettingsHelp();

}  // namespace vigor::platform::config
