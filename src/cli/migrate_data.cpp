#include "cli/migrate_data.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/data_migration.hpp"
#include "platform/config/config.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/open_database.hpp"
#include "platform/store/postgres_database.hpp"
#include "platform/store/schema_version.hpp"

namespace vigor::cli {

namespace {

namespace fs = std::filesystem;
namespace dm = app::data_migration;
using platform::config::Config;

constexpr std::string_view kUsage =
    "usage: vigor migrate-data --from SOURCE --to TARGET [--batch-rows N] [--secret-key-file "
    "FILE] [settings]\n"
    "  SOURCE, TARGET: a SQLite data directory (as --data-dir takes) or a postgresql:// URL\n";

// One side of the move: a SQLite data directory or a PostgreSQL database.
struct Location {
  std::string text;  // as the operator wrote it
  bool postgresql = false;

  fs::path data_dir() const { return fs::path(text); }
  // For messages: the URL without its password.
  std::string Display() const {
    return postgresql ? platform::store::RedactedUrl(text) : "SQLite data directory " + text;
  }
  std::string_view dialect() const { return postgresql ? "postgresql" : "sqlite"; }

  // The settings that open this side; everything else as the operator gave it.
  Config ConfigFrom(Config config) const {
    if (postgresql) {
      config.database_url = text;
    } else {
      config.database_url.clear();
      config.data_dir = text;
    }
    return config;
  }
};

Location ParseLocation(const std::string& text) {
  bool url = text.starts_with("postgresql://") || text.starts_with("postgres://");
  return Location{text, url};
}

bool SamePlace(const Location& a, const Location& b) {
  if (a.postgresql != b.postgresql) return false;
  if (a.postgresql) return a.text == b.text;
  std::error_code ec;
  return fs::weakly_canonical(a.data_dir(), ec) == fs::weakly_canonical(b.data_dir(), ec);
}

int NewestVersion(std::string_view dialect) {
  const auto& migrations = platform::store::EmbeddedMigrations(dialect);
  return migrations.empty() ? 0 : migrations.back().version;
}

std::optional<std::string> ReadKeyFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

void CopyKeyFile(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
}

std::string Pad(std::string text, std::size_t width, bool right = false) {
  if (text.size() >= width) return text;
  std::string fill(width - text.size(), ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

int MigrateData(const std::vector<std::string>& args) {
  std::string from_text;
  std::string to_text;
  int batch_rows = 500;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if ((a == "--from" || a == "--to" || a == "--batch-rows") && i + 1 < args.size()) {
      const auto& v = args[++i];
      if (a == "--from") from_text = v;
      if (a == "--to") to_text = v;
      if (a == "--batch-rows") {
        char* end = nullptr;
        long n = std::strtol(v.c_str(), &end, 10);
        if (end == v.c_str() || *end != '\0' || n < 1 || n > 100000) {
          std::cerr << "vigor migrate-data: --batch-rows takes a number from 1 to 100000\n";
          return 2;
        }
        batch_rows = static_cast<int>(n);
      }
    } else if (a == "--data-dir" || a == "--database") {
      std::cerr << "vigor migrate-data: name the two sides with --from and --to, not " << a << "\n"
                << kUsage;
      return 2;
    } else {
      rest.push_back(a);
    }
  }
  if (from_text.empty() || to_text.empty()) {
    std::cerr << "vigor migrate-data: --from and --to are required\n" << kUsage;
    return 2;
  }
  Config base;
  try {
    base = platform::config::LoadConfig(rest, [](const char* name) { return std::getenv(name); });
  } catch (const platform::config::ConfigError& e) {
    std::cerr << "vigor migrate-data: invalid settings:\n";
    for (const auto& problem : e.problems()) std::cerr << "  " << problem << "\n";
    return 2;
  }
  Location from = ParseLocation(from_text);
  Location to = ParseLocation(to_text);
  if (SamePlace(from, to)) {
    std::cerr << "vigor migrate-data: --from and --to name the same database\n";
    return 2;
  }

  // The source must be exactly at this binary's schema: migrating it here would change the
  // operator's source behind their back, and an older binary cannot read a newer schema.
  // The command prints its own report; the store logs only what goes wrong.
  platform::obs::Logger logger(std::max(base.log_level, platform::obs::LogLevel::kWarn));
  int newest = NewestVersion(from.dialect());
  {
    std::optional<int> version;
    std::string where =
        from.postgresql ? "--database " + from.Display() : "--data-dir " + from.text;
    try {
      version =
          from.postgresql
              ? platform::store::PeekPostgresSchemaVersion(from.text)
              : platform::store::PeekSqliteSchemaVersion(from.ConfigFrom(base).database_path());
    } catch (const std::exception& e) {
      std::cerr << "vigor migrate-data: " << e.what() << "\n";
      return 1;
    }
    if (!version) {
      std::cerr << "vigor migrate-data: no Vigor database at "
                << from.ConfigFrom(base).database_path().string() << "\n";
      return 1;
    }
    if (*version == 0) {
      std::cerr << "vigor migrate-data: " << from.Display() << " holds no Vigor database\n";
      return 1;
    }
    if (*version != newest) {
      std::cerr << "vigor migrate-data: the source is at schema version " << *version
                << ", this Vigor's is " << newest << ". "
                << (*version < newest ? "Run 'vigor migrate " + where + "' on it first.\n"
                                      : std::string("Use the Vigor release that wrote it.\n"));
      return 1;
    }
  }

  // The key sealing TOTP secrets and queued mails travels with a data directory: without it the
  // target could not open them.
  std::optional<fs::path> key_file;
  if (!base.secret_key_file.empty()) {
    key_file = base.secret_key_file;
  } else if (!from.postgresql && fs::exists(from.data_dir() / "secret.key")) {
    key_file = from.data_dir() / "secret.key";
  }
  std::optional<std::string> key;
  if (key_file) {
    key = ReadKeyFile(*key_file);
    if (!key) {
      std::cerr << "vigor migrate-data: cannot read the secret key " << key_file->string() << "\n";
      return 1;
    }
  }
  if (!to.postgresql && key) {
    auto existing = ReadKeyFile(to.data_dir() / "secret.key");
    if (existing && *existing != *key) {
      std::cerr << "vigor migrate-data: " << (to.data_dir() / "secret.key").string()
                << " holds another key than " << key_file->string()
                << "; remove it (the target must be a new instance)\n";
      return 1;
    }
  }

  std::cout << "vigor migrate-data: from " << from.Display() << "\n"
            << "                    to   " << to.Display() << std::endl;
  std::unique_ptr<platform::store::Database> target;
  std::unique_ptr<platform::store::Database> source;
  std::vector<dm::Table> tables;
  try {
    target = platform::store::OpenDatabase(to.ConfigFrom(base), logger);
    source = platform::store::OpenDatabase(from.ConfigFrom(base), logger);
    int source_version = source->SchemaVersion();
    int target_version = target->SchemaVersion();
    if (source_version != newest || target_version != NewestVersion(to.dialect())) {
      std::cerr << "vigor migrate-data: the source is at schema version " << source_version
                << " and the target at " << target_version << "; this Vigor's is " << newest
                << ". Run 'vigor migrate' with this Vigor on the source first.\n";
      return 1;
    }
    if (source_version != target_version) {
      std::cerr << "vigor migrate-data: this Vigor's " << from.dialect() << " schema (version "
                << source_version << ") and " << to.dialect() << " schema (version "
                << target_version << ") differ: it cannot move data between them\n";
      return 1;
    }
    auto source_tables = dm::ReadSchema(*source);
    tables = dm::ReadSchema(*target);
    auto differences = dm::CompareSchemas(source_tables, tables);
    if (!differences.empty()) {
      std::cerr << "vigor migrate-data: the two schemas differ:\n";
      for (const auto& d : differences) std::cerr << "  " << d << "\n";
      return 1;
    }
    auto non_empty = dm::NonEmptyTables(*target, tables);
    if (!non_empty.empty()) {
      std::cerr << "vigor migrate-data: the target is not empty (rows in";
      for (const auto& t : non_empty) std::cerr << " " << t;
      std::cerr << "); migrate into a new, empty database\n";
      return 1;
    }
    std::cout << "schema version " << source_version << ", " << tables.size()
              << " tables; copying in batches of " << batch_rows << " rows" << std::endl;

    auto started = std::chrono::steady_clock::now();
    dm::CopyOptions options;
    options.batch_rows = batch_rows;
    options.on_table = [](const dm::Table& table, std::int64_t rows,
                          std::chrono::milliseconds took) {
      std::cout << "  copied " << Pad(table.name, 28) << Pad(std::to_string(rows), 9, true)
                << " rows " << Pad(std::to_string(took.count()), 7, true) << " ms" << std::endl;
    };
    std::int64_t copied = dm::CopyTables(*source, *target, tables, options);
    auto copy_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - started)
                       .count();
    std::cout << "copied " << copied << " rows in " << copy_ms << " ms" << std::endl;

    if (!to.postgresql && key) CopyKeyFile(*key_file, to.data_dir() / "secret.key");

    // Verification: both sides counted and digested the same way, each in its own snapshot.
    auto verify_started = std::chrono::steady_clock::now();
    auto source_digests = dm::DigestTables(*source, tables, batch_rows);
    auto target_digests = dm::DigestTables(*target, tables, batch_rows);
    auto verify_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - verify_started)
                         .count();
    std::cout << "\n"
              << Pad("table", 28) << Pad("source rows", 12, true) << Pad("target rows", 12, true)
              << "  content (SHA-256)\n";
    int mismatches = 0;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const auto& s = source_digests[i];
      const auto& t = target_digests[i];
      bool same = s.rows == t.rows && s.sha256_hex == t.sha256_hex;
      if (!same) ++mismatches;
      std::cout << Pad(s.table, 28) << Pad(std::to_string(s.rows), 12, true)
                << Pad(std::to_string(t.rows), 12, true) << "  "
                << (same ? "same " + s.sha256_hex.substr(0, 16)
                         : "DIFFERENT " + s.sha256_hex.substr(0, 16) + " / " +
                               t.sha256_hex.substr(0, 16))
                << "\n";
    }
    std::cout << "verified in " << verify_ms << " ms" << std::endl;
    if (mismatches > 0) {
      std::cerr << "vigor migrate-data: " << mismatches
                << " table(s) differ between source and target (was the source in use? stop "
                   "Vigor on it, empty the target and run again)\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "vigor migrate-data: " << e.what() << "\n";
    if (target) {
      std::cerr << "The target may hold part of the data now: empty it before trying again.\n";
    }
    return 1;
  }

  std::cout << "\nall " << tables.size() << " tables match." << std::endl;
  fs::path target_key = to.data_dir() / "secret.key";
  if (key && !to.postgresql) {
    std::cout << "copied the secret key " << key_file->string() << " to " << target_key.string()
              << "\n";
  } else if (key) {
    std::cout << "Keep the secret key " << key_file->string()
              << ": it seals the TOTP secrets and queued mails now in PostgreSQL. Start Vigor "
                 "with --database "
              << to.Display() << " --secret-key-file " << key_file->string() << "\n";
  } else if (!from.postgresql) {
    std::cout << "The source had no secret.key, so nothing in it was sealed.\n";
  } else if (to.postgresql) {
    std::cout << "Start Vigor on the target with the --secret-key-file the source ran with.\n";
  } else {
    std::cout << "No --secret-key-file given: copy the key the source ran with to "
              << target_key.string()
              << " before starting Vigor, or its TOTP secrets and queued mails cannot be "
                 "opened.\n";
  }
  return 0;
}

}  // namespace vigor::cli
