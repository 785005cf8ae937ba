#include "platform/backup/backup.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

#include "platform/crypto/random.hpp"
#include "platform/store/database.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/postgres_database.hpp"
#include "platform/store/schema_version.hpp"

namespace vigor::platform::backup {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "vigor-backup-";
constexpr std::string_view kManifestFile = "manifest.json";

// A new directory only this user can enter (mkdtemp makes it 0700).
fs::path MakePrivateDir(const fs::path& parent, const std::string& prefix) {
  std::string pattern = (parent / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw BackupError("cannot create a temporary directory in " + parent.string() + ": " +
                      std::strerror(errno));
  }
  return pattern;
}

// An empty file of mode 0600, whatever the umask: backups and their temporary files hold
// everything of every user.
void CreatePrivateFile(const fs::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw BackupError("cannot create " + path.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  ::close(fd);
}

void SyncFile(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Utc(std::chrono::sys_seconds t, const char* format) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  ::gmtime_r(&tt, &tm);
  char text[32];
  std::strftime(text, sizeof text, format, &tm);
  return text;
}

// "20261207T012345Z" -> the time, or nullopt.
std::optional<std::chrono::sys_seconds> ParseStamp(std::string_view s) {
  if (s.size() < 16 || s[8] != 'T' || s[15] != 'Z') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t n) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto y = number(0, 4), mo = number(4, 2), d = number(6, 2);
  auto h = number(9, 2), mi = number(11, 2), se = number(13, 2);
  if (!y || !mo || !d || !h || !mi || !se) return std::nullopt;
  std::chrono::year_month_day day{std::chrono::year(*y), std::chrono::month(*mo),
                                  std::chrono::day(*d)};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days(day) + std::chrono::hours(*h) + std::chrono::minutes(*mi) +
         std::chrono::seconds(*se);
}

struct ToolResult {
  int exit_code = -1;
  std::string errors;  // the tail of its standard error
};

// Runs a client tool of PostgreSQL (pg_dump, pg_restore, psql) without a shell, its standard
// error kept for the message when it fails.
ToolResult RunTool(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw BackupError("cannot start " + args[0]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    throw BackupError("cannot run " + args[0] + " (" + std::strerror(rc) +
                      "): install the PostgreSQL client tools (Debian: postgresql-client)");
  }
  ToolResult result;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.errors.append(buffer, static_cast<std::size_t>(n));
    if (result.errors.size() > 8192) result.errors.erase(0, result.errors.size() - 8192);
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  while (!result.errors.empty() && result.errors.back() == '\n') result.errors.pop_back();
  return result;
}

void RunToolOrThrow(const std::vector<std::string>& args, const std::string& what) {
  auto r = RunTool(args);
  if (r.exit_code != 0) {
    throw BackupError(what + " failed (" + args[0] + " exit " + std::to_string(r.exit_code) +
                      "): " + r.errors);
  }
}

// The same server and credentials, another database.
std::string UrlWithDatabase(const std::string& url, const std::string& database) {
  // By hand, not with Boost.URL: a libpq URL naming several hosts
  // (postgresql://vigor@db1:5432,db2:5432/vigor) is no RFC 3986 URI, and parse_uri refuses it.
  auto scheme = url.find("://");
  if (scheme == std::string::npos) throw BackupError("the database URL cannot be parsed");
  auto path = url.find_first_of("/?", scheme + 3);
  if (path == std::string::npos) return url + "/" + database;
  auto query = url.find('?', path);
  return url.substr(0, path) + "/" + database +
         (query == std::string::npos ? "" : url.substr(query));
}

// ---- SQLite ----------------------------------------------------------------------------------

struct SqliteHandle {
  sqlite3* db = nullptr;
  ~SqliteHandle() { sqlite3_close_v2(db); }
  void Exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::string text = error ? error : sqlite3_errmsg(db);
      sqlite3_free(error);
      throw BackupError(std::string("SQLite: ") + sql + ": " + text);
    }
  }
  std::vector<std::string> Column(const char* sql) {
    std::vector<std::string> values;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      throw BackupError(std::string("SQLite: ") + sql + ": " + sqlite3_errmsg(db));
    }
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) throw BackupError(std::string("SQLite: ") + sql + " failed");
    return values;
  }
};

SqliteHandle OpenSqlite(const fs::path& path, int flags) {
  SqliteHandle h;
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK) {
    throw BackupError("cannot open the SQLite database " + path.string() + ": " +
                      (h.db ? sqlite3_errmsg(h.db) : "out of memory"));
  }
  sqlite3_busy_timeout(h.db, 10000);
  return h;
}

// Copies the live database page by page with the online backup API. The read transaction held on
// the source connection pins one snapshot for the whole copy: every step reads the same version
// (a write committed by the server meanwhile lands in the WAL, is not seen, and does not restart
// the copy), and in WAL mode that reader blocks no writer.
void SnapshotSqlite(const fs::path& source, const fs::path& target) {
  if (!fs::exists(source)) throw BackupError("no database at " + source.string());
  auto src = OpenSqlite(source, SQLITE_OPEN_READWRITE);
  src.Exec("BEGIN");
  src.Column("SELECT count(*) FROM sqlite_schema");  // takes the snapshot now
  CreatePrivateFile(target);
  auto dst = OpenSqlite(target, SQLITE_OPEN_READWRITE);
  sqlite3_backup* copy = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (copy == nullptr) throw BackupError(std::string("SQLite backup: ") + sqlite3_errmsg(dst.db));
  int rc = SQLITE_OK;
  // Small steps, so a server sharing this process's CPU keeps answering.
  constexpr int kPagesPerStep = 1024;
  while ((rc = sqlite3_backup_step(copy, kPagesPerStep)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (rc != SQLITE_OK) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  sqlite3_backup_finish(copy);
  if (rc != SQLITE_DONE) {
    throw BackupError(std::string("SQLite backup failed: ") + sqlite3_errstr(rc));
  }
  src.Exec("COMMIT");
  // The copy carries the source's WAL mode in its header: back to a rollback journal, so the copy
  // is one self-contained file (the server switches a restored one to WAL when it opens it).
  dst.Exec("PRAGMA journal_mode=DELETE");
}

// integrity_check and foreign_key_check of a SQLite file; throws BackupError naming what fails.
std::string CheckSqlite(const fs::path& path, int expected_schema) {
  {
    auto db = OpenSqlite(path, SQLITE_OPEN_READWRITE);
    auto integrity = db.Column("PRAGMA integrity_check");
    if (integrity.size() != 1 || integrity.front() != "ok") {
      throw BackupError("the database in the backup fails PRAGMA integrity_check: " +
                        (integrity.empty() ? std::string("no answer") : integrity.front()));
    }
    auto foreign = db.Column("PRAGMA foreign_key_check");
    if (!foreign.empty()) {
      throw BackupError("the database in the backup fails PRAGMA foreign_key_check: " +
                        std::to_string(foreign.size()) + " rows point nowhere (first in table " +
                        foreign.front() + ")");
    }
  }
  int schema = store::PeekSqliteSchemaVersion(path).value_or(0);
  if (schema != expected_schema) {
    throw BackupError("the database in the backup is at schema version " + std::to_string(schema) +
                      ", its manifest says " + std::to_string(expected_schema));
  }
  return "integrity_check ok, foreign_key_check ok, schema version " + std::to_string(schema);
}

int PeekPostgres(const std::string& url) {
  try {
    return store::PeekPostgresSchemaVersion(url);
  } catch (const std::exception& e) {
    throw BackupError("cannot reach the PostgreSQL database " + store::RedactedUrl(url) + ": " +
                      e.what());
  }
}

Part SealPart(const BackupKey& key, const std::string& backup_id, const std::string& name,
              const fs::path& plain, const fs::path& dir, const std::string& file) {
  std::ifstream in(plain, std::ios::binary);
  if (!in) throw BackupError("cannot read " + plain.string());
  CreatePrivateFile(dir / file);
  std::uint64_t plain_size = 0;
  {
    std::ofstream out(dir / file, std::ios::binary | std::ios::trunc);
    plain_size = Seal(key, backup_id + "/" + name, in, out);
  }
  SyncFile(dir / file);
  auto digest = DigestFile(dir / file);
  return Part{.name = name,
              .file = file,
              .size = digest.size,
              .sha256 = digest.sha256,
              .plain_size = plain_size};
}

void MoveFile(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) {  // another file system
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write);
    fs::remove(from);
  }
}

}  // namespace

BackupEntry TakeBackup(const config::Config& config, const fs::path& to, const BackupKey& key,
                       const std::string& vigor_version) {
  if (!fs::exists(to)) {
    fs::create_directories(to);
    fs::permissions(to, fs::perms::owner_all);
  }
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::string id = std::string(kPrefix) + Utc(now, "%Y%m%dT%H%M%SZ");
  for (int n = 2; fs::exists(to / id); ++n) {
    id = std::string(kPrefix) + Utc(now, "%Y%m%dT%H%M%SZ") + "-" + std::to_string(n);
  }
  fs::path work = MakePrivateDir(to, "." + id + ".partial");
  try {
    Manifest m;
    m.id = id;
    m.created_at = Utc(now, "%Y-%m-%dT%H:%M:%SZ");
    m.vigor_version = vigor_version;
    m.database = config.postgresql() ? "postgresql" : "sqlite";
    m.key_id = key.id();
    fs::path plain = work / "database.plain";
    if (config.postgresql()) {
      m.schema_version = PeekPostgres(config.database_url);
      CreatePrivateFile(plain);
      // -Fc: pg_restore can check and restore it; -Z0: zstd compresses it better afterwards.
      // pg_dump reads everything in one repeatable-read snapshot while the server writes on.
      RunToolOrThrow({"pg_dump", "--format=custom", "--compress=0", "--no-password",
                      "--file=" + plain.string(), "--dbname=" + config.database_url},
                     "pg_dump");
    } else {
      SnapshotSqlite(config.database_path(), plain);
      m.schema_version = store::PeekSqliteSchemaVersion(plain).value_or(0);
    }
    m.parts.push_back(SealPart(key, id, "database", plain, work, "database.zst.enc"));
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(plain.string() + suffix);
    // The instance key opens sealed values (TOTP secrets, queued mail): without it a restored
    // instance could not. Copied as bytes, whatever its format.
    fs::path secret_key = config.secret_key_path();
    if (fs::exists(secret_key)) {
      m.parts.push_back(SealPart(key, id, "secret.key", secret_key, work, "secret.key.zst.enc"));
    }
    fs::path manifest = work / std::string(kManifestFile);
    CreatePrivateFile(manifest);
    {
      std::ofstream out(manifest, std::ios::binary | std::ios::trunc);
      out << ManifestJson(m, key);
      if (!out.flush()) throw BackupError("cannot write " + manifest.string());
    }
    SyncFile(manifest);
    fs::rename(work, to / id);
    SyncFile(to);
    return BackupEntry{to / id, now};
  } catch (...) {
    std::error_code ec;
    fs::remove_all(work, ec);
    throw;
  }
}

Unpacked::~Unpacked() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::optional<fs::path> Unpacked::secret_key() const {
  if (manifest.Find("secret.key") == nullptr) return std::nullopt;
  return dir_ / "secret.key";
}

std::unique_ptr<Unpacked> Unpack(const fs::path& backup, const BackupKey& key,
                                 const fs::path& scratch) {
  fs::path manifest_file = backup / std::string(kManifestFile);
  if (!fs::is_directory(backup)) throw BackupError("no backup at " + backup.string());
  if (!fs::exists(manifest_file)) {
    throw BackupError("not a Vigor backup: " + backup.string() + " has no manifest.json");
  }
  Manifest m = ParseManifest(ReadFile(manifest_file), key);
  if (m.database != "sqlite" && m.database != "postgresql") {
    throw BackupError("the backup's database kind '" + m.database + "' is unknown");
  }
  if (m.Find("database") == nullptr) throw BackupError("the backup has no database part");
  for (const auto& p : m.parts) {
    if (p.name != "database" && p.name != "secret.key") {
      throw BackupError("the backup has a part this Vigor does not know: " + p.name);
    }
  }
  // Sizes and checksums of the sealed files first: a copy cut short or damaged on the way is
  // named as such before any decryption.
  for (const auto& p : m.parts) {
    fs::path file = backup / p.file;
    if (!fs::exists(file)) throw BackupError("part " + p.name + " is missing (" + p.file + ")");
    auto digest = DigestFile(file);
    if (digest.size < p.size) {
      throw BackupError("part " + p.name + " is truncated: " + std::to_string(digest.size) +
                        " of " + std::to_string(p.size) + " bytes");
    }
    if (digest.size != p.size) {
      throw BackupError("part " + p.name + " is corrupted: " + std::to_string(digest.size) +
                        " bytes where the manifest says " + std::to_string(p.size));
    }
    if (digest.sha256 != p.sha256) {
      throw BackupError("part " + p.name +
                        " is corrupted: its SHA-256 checksum does not match the manifest");
    }
  }
  auto unpacked = std::make_unique<Unpacked>(MakePrivateDir(scratch, ".vigor-unpack"));
  unpacked->manifest = m;
  for (const auto& p : m.parts) {
    fs::path out_file = unpacked->dir() / p.name;
    CreatePrivateFile(out_file);
    std::ifstream in(backup / p.file, std::ios::binary);
    std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
    auto size = Open(key, m.id + "/" + p.name, in, out);
    if (size != p.plain_size) {
      throw BackupError("part " + p.name + " is corrupted: " + std::to_string(size) +
                        " bytes restored where the manifest says " + std::to_string(p.plain_size));
    }
  }
  return unpacked;
}

std::string VerifyBackup(const config::Config& config, const fs::path& backup,
                         const BackupKey& key) {
  fs::path scratch = fs::absolute(backup).parent_path();
  auto unpacked = Unpack(backup, key, scratch);
  const auto& m = unpacked->manifest;
  std::string checks;
  if (m.database == "sqlite") {
    checks = CheckSqlite(unpacked->database(), m.schema_version);
  } else {
    RunToolOrThrow({"pg_restore", "--list", unpacked->database().string()},
                   "reading the dump (pg_restore --list)");
    if (config.database_url.empty()) {
      checks = "pg_restore --list ok (no PostgreSQL configured to restore into)";
    } else {
      // A database of its own next to the configured one, dropped whatever happens.
      std::string name = "vigor_verify_" + crypto::Sha256Hex(crypto::RandomBytes(16)).substr(0, 12);
      RunToolOrThrow({"psql", "-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1",
                      "--dbname=" + config.database_url, "-c", "CREATE DATABASE " + name},
                     "creating a database for the drill");
      std::string url = UrlWithDatabase(config.database_url, name);
      try {
        RunToolOrThrow({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                        "--no-password", "--dbname=" + url, unpacked->database().string()},
                       "restoring into a temporary database (pg_restore)");
        int schema = PeekPostgres(url);
        if (schema != m.schema_version) {
          throw BackupError("the restored database is at schema version " + std::to_string(schema) +
                            ", the manifest says " + std::to_string(m.schema_version));
        }
        checks = "restored into a temporary database, schema version " + std::to_string(schema);
      } catch (...) {
        RunTool({"psql", "-X", "-q", "--no-password", "--dbname=" + config.database_url, "-c",
                 "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"});
        throw;
      }
      RunTool({"psql", "-X", "-q", "--no-password", "--dbname=" + config.database_url, "-c",
               "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"});
    }
  }
  return "backup " + m.id + " is good: " + m.database + " database, checksums and decryption ok, " +
         checks;
}

std::vector<std::string> RestoreBackup(const fs::path& backup, const BackupKey& key,
                                       const RestoreTarget& target) {
  std::vector<std::string> did;
  // The target first: refusing late would waste a long unpack.
  bool dir_has_files = fs::exists(target.data_dir) && !fs::is_empty(target.data_dir);
  if (target.database_url.empty() && dir_has_files && !target.replace) {
    throw BackupError("the data directory " + target.data_dir.string() +
                      " is not empty: restore into a new one, or give --force to replace it");
  }
  if (!target.database_url.empty() && !target.replace) {
    if (fs::exists(target.data_dir / "secret.key")) {
      throw BackupError("the data directory " + target.data_dir.string() +
                        " is not empty (it has a secret.key): restore into a new one, or give "
                        "--force to replace it");
    }
    int schema = PeekPostgres(target.database_url);
    if (schema > 0) {
      throw BackupError("the database " + store::RedactedUrl(target.database_url) +
                        " is not empty (schema version " + std::to_string(schema) +
                        "): restore into a new database, or give --force to replace it");
    }
  }
  fs::path parent = fs::absolute(target.data_dir).parent_path();
  fs::create_directories(parent);
  auto unpacked = Unpack(backup, key, parent);
  const auto& m = unpacked->manifest;
  if (m.database == "postgresql" && target.database_url.empty()) {
    throw BackupError(
        "this is a backup of a PostgreSQL database: give --database URL of an empty database");
  }
  if (m.database == "sqlite" && !target.database_url.empty()) {
    throw BackupError(
        "this is a backup of a SQLite database: restore it into a data directory (without "
        "--database), then move it with vigor migrate-data");
  }
  if (m.database == "sqlite") {
    std::string checks = CheckSqlite(unpacked->database(), m.schema_version);
    did.push_back("verified backup " + m.id + " (taken " + m.created_at + " by Vigor " +
                  m.vigor_version + "): checksums, decryption, " + checks);
  } else {
    RunToolOrThrow({"pg_restore", "--list", unpacked->database().string()},
                   "reading the dump (pg_restore --list)");
    did.push_back("verified backup " + m.id + " (taken " + m.created_at + " by Vigor " +
                  m.vigor_version + "): checksums, decryption, pg_restore --list");
  }

  const auto& migrations = store::EmbeddedMigrations(m.database);
  int newest = migrations.empty() ? 0 : migrations.back().version;
  if (m.schema_version > newest) {
    throw BackupError("the backup's database is at schema version " +
                      std::to_string(m.schema_version) + ", newer than this Vigor knows (" +
                      std::to_string(newest) + "): restore it with Vigor " + m.vigor_version +
                      " or newer");
  }

  // Everything checked: now the target.
  if (!fs::exists(target.data_dir)) {
    fs::create_directories(target.data_dir);
    fs::permissions(target.data_dir, fs::perms::owner_all);
  }
  if (m.database == "sqlite") {
    fs::path db = target.data_dir / "vigor.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    MoveFile(unpacked->database(), db);
    SyncFile(db);
    did.push_back("restored the database to " + db.string());
  } else {
    std::vector<std::string> args{"pg_restore",
                                  "--no-owner",
                                  "--no-privileges",
                                  "--exit-on-error",
                                  "--single-transaction",
                                  "--no-password",
                                  "--dbname=" + target.database_url};
    if (target.replace) {
      args.emplace_back("--clean");
      args.emplace_back("--if-exists");
    }
    args.push_back(unpacked->database().string());
    RunToolOrThrow(args, "restoring the database (pg_restore)");
    int schema = PeekPostgres(target.database_url);
    if (schema != m.schema_version) {
      throw BackupError("the restored database is at schema version " + std::to_string(schema) +
                        ", the manifest says " + std::to_string(m.schema_version));
    }
    did.push_back("restored the database into " + store::RedactedUrl(target.database_url) +
                  " (schema version " + std::to_string(schema) + ")");
  }
  if (auto secret = unpacked->secret_key()) {
    fs::path key_file = target.data_dir / "secret.key";
    fs::remove(key_file);
    MoveFile(*secret, key_file);
    fs::permissions(key_file, fs::perms::owner_read | fs::perms::owner_write);
    SyncFile(key_file);
    did.push_back("restored the instance key to " + key_file.string());
  }
  return did;
}

std::vector<BackupEntry> ListBackups(const fs::path& dir) {
  std::vector<BackupEntry> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with(kPrefix) || !entry.is_directory()) continue;
    if (!fs::exists(entry.path() / std::string(kManifestFile))) continue;
    auto taken = ParseStamp(std::string_view(name).substr(kPrefix.size()));
    if (taken) found.push_back(BackupEntry{entry.path(), *taken});
  }
  std::sort(found.begin(), found.end(), [](const BackupEntry& a, const BackupEntry& b) {
    return a.taken != b.taken ? a.taken < b.taken : a.dir < b.dir;
  });
  return found;
}

std::vector<BackupEntry> ApplyRetention(const fs::path& dir,
                                        const core::BackupRetention& retention) {
  auto backups = ListBackups(dir);
  std::vector<std::chrono::sys_seconds> taken;
  taken.reserve(backups.size());
  for (const auto& b : backups) taken.push_back(b.taken);
  auto keep = core::BackupsToKeep(taken, retention);
  std::vector<BackupEntry> removed;
  for (std::size_t i = 0; i < backups.size(); ++i) {
    if (keep[i]) continue;
    fs::remove_all(backups[i].dir);
    removed.push_back(backups[i]);
  }
  return removed;
}

}  // namespace vigor::platform::backup
