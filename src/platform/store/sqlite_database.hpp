#pragma once

#include <filesystem>
#include <memory>

#include "platform/store/database.hpp"

namespace vigor::platform::obs {
class Logger;
}

namespace vigor::platform::store {

struct SqliteOptions {
  std::filesystem::path path;
  int readers = 4;
  int busy_timeout_ms = 5000;
  // Most write transactions committed together in one group commit.
  int max_batch = 256;
};

// SQLite in WAL mode with synchronous=FULL: an acknowledged write survives a crash of the process
// or the machine. One writer thread owns the only write connection and applies concurrent write
// transactions in one SQLite transaction (group commit), each in its own savepoint, so one fsync
// serves many requests and a failing request's changes are rolled back alone. Reads use a pool of
// read-only connections, each in a snapshot transaction.
class SqliteDatabase final : public Database {
 public:
  // Opens (creating if needed) the database and applies pending migrations.
  SqliteDatabase(SqliteOptions options, obs::Logger& logger);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  std::string_view dialect() const override { return "sqlite"; }
  void Read(const std::function<void(Session&)>& work) override;
  void Write(const std::function<void(Session&)>& work) override;
  int SchemaVersion() override;
  PoolStats Stats() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Applies pending migrations to the database at `path` and returns the schema version.
int MigrateSqlite(const std::filesystem::path& path, obs::Logger& logger);

}  // namespace vigor::platform::store
