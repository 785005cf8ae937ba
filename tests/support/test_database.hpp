#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "platform/config/config.hpp"
#include "platform/store/database.hpp"

namespace vigor::testing {

// The database backend this test process runs on. ctest runs every integration test twice: as
// "sqlite.*" and as "postgresql.*", the latter with VIGOR_TEST_POSTGRES_DIR naming the folder of
// the throw-away PostgreSQL its fixture started (tests/support/pg_fixture).
bool OnPostgres();

// A fresh, migrated and empty PostgreSQL database for one test, copied from the template the
// fixture migrated; dropped (with any connection left) when the object goes away.
class ScratchPostgres {
 public:
  ScratchPostgres();
  ~ScratchPostgres();
  ScratchPostgres(const ScratchPostgres&) = delete;
  ScratchPostgres& operator=(const ScratchPostgres&) = delete;

  const std::string& url() const { return url_; }
  // Runs SQL with no result on the server's maintenance database (for tests that need it).
  static void Admin(const std::string& sql);

 private:
  std::string name_;
  std::string url_;
};

// Points `config` at this process's backend: SQLite under config.data_dir, or a scratch
// PostgreSQL database that `holder` keeps alive.
void UseTestBackend(platform::config::Config& config, std::unique_ptr<ScratchPostgres>& holder);

// A Database on this process's backend, for storage contract tests.
std::unique_ptr<platform::store::Database> OpenTestDatabase(
    const std::filesystem::path& dir, platform::obs::Logger& logger,
    std::unique_ptr<ScratchPostgres>& holder);

}  // namespace vigor::testing
