#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "platform/store/open_database.hpp"

namespace vigor::testing {

namespace {

// The fixture's server: "postgresql://postgres@127.0.0.1:PORT/postgres".
std::string AdminUrl() {
  const char* dir = std::getenv("VIGOR_TEST_POSTGRES_DIR");
  if (dir == nullptr || *dir == '\0') {
    throw std::runtime_error("VIGOR_TEST_POSTGRES_DIR is not set");
  }
  std::ifstream in(std::filesystem::path(dir) / "server" / "url");
  std::string url;
  if (!std::getline(in, url) || url.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL test server in ") + dir +
                             " (ctest starts it with the postgres.start fixture; by hand: "
                             "tests/support/pg_fixture start DIR path/to/vigor)");
  }
  return url;
}

std::string WithDatabase(const std::string& url, const std::string& name) {
  return url.substr(0, url.rfind('/') + 1) + name;
}

}  // namespace

bool OnPostgres() {
  const char* dir = std::getenv("VIGOR_TEST_POSTGRES_DIR");
  return dir != nullptr && *dir != '\0';
}

void ScratchPostgres::Admin(const std::string& sql) {
  std::string url = AdminUrl();
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the test PostgreSQL: " + message);
  }
  PGresult* result = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
  std::string message = ok ? "" : PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

ScratchPostgres::ScratchPostgres() {
  static std::atomic<int> counter{0};
  name_ = "vigor_t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  Admin("CREATE DATABASE " + name_ + " TEMPLATE vigor_template");
  url_ = WithDatabase(AdminUrl(), name_);
}

ScratchPostgres::~ScratchPostgres() {
  try {
    Admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // The fixture's server is thrown away after the run anyway.
  }
}

void UseTestBackend(platform::config::Config& config, std::unique_ptr<ScratchPostgres>& holder) {
  if (!OnPostgres()) return;
  holder = std::make_unique<ScratchPostgres>();
  config.database_url = holder->url();
  config.db_connections = 8;
}

std::unique_ptr<platform::store::Database> OpenTestDatabase(
    const std::filesystem::path& dir, platform::obs::Logger& logger,
    std::unique_ptr<ScratchPostgres>& holder) {
  platform::config::Config config;
  config.data_dir = dir;
  config.db_readers = 2;
  UseTestBackend(config, holder);
  return platform::store::OpenDatabase(config, logger);
}

}  // namespace vigor::testing
