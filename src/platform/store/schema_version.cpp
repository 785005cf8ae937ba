#include "platform/store/schema_version.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>

#include "platform/store/database.hpp"
#include "platform/store/postgres_database.hpp"

namespace vigor::platform::store {

std::optional<int> PeekSqliteSchemaVersion(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  struct Close {
    sqlite3* db;
    ~Close() { sqlite3_close_v2(db); }
  } close{db};
  if (rc != SQLITE_OK) {
    throw StorageUnavailable("cannot open database " + path.string() + ": " +
                             (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  rc = sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", -1, &stmt,
                          nullptr);
  if (rc != SQLITE_OK) {
    // No schema_migrations table: SQLite refuses to prepare a query of a missing table.
    std::string message = sqlite3_errmsg(db);
    if (message.find("no such table") != std::string::npos) return 0;
    throw StorageUnavailable("cannot read the schema version of " + path.string() + ": " + message);
  }
  rc = sqlite3_step(stmt);
  int version = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    throw StorageUnavailable("cannot read the schema version of " + path.string() + ": " +
                             sqlite3_errstr(rc));
  }
  return version;
}

int PeekPostgresSchemaVersion(const std::string& url) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw StorageUnavailable("cannot connect to PostgreSQL at " + RedactedUrl(url) + ": " +
                             PQerrorMessage(conn.get()));
  }
  auto query = [&](const char* sql) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQntuples(result.get()) != 1) {
      throw StorageUnavailable("cannot read the schema version at " + RedactedUrl(url) + ": " +
                               PQerrorMessage(conn.get()));
    }
    return std::string(PQgetvalue(result.get(), 0, 0));
  };
  // to_regclass: NULL rather than an error when the table does not exist.
  if (query("SELECT to_regclass('schema_migrations') IS NOT NULL") != "t") return 0;
  return std::stoi(query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
}

}  // namespace vigor::platform::store
