#include "platform/store/open_database.hpp"

#include "platform/store/postgres_database.hpp"
#include "platform/store/sqlite_database.hpp"

namespace vigor::platform::store {

std::unique_ptr<Database> OpenDatabase(const config::Config& config, obs::Logger& logger) {
  if (config.postgresql()) {
    return std::make_unique<PostgresDatabase>(
        PostgresOptions{.url = config.database_url,
                        .replica_url = config.database_replica_url,
                        .replica_wait = std::chrono::milliseconds(config.db_replica_wait_ms),
                        .connections = config.db_connections,
                        .statement_timeout_ms = config.db_statement_timeout_ms},
        logger);
  }
  return std::make_unique<SqliteDatabase>(
      SqliteOptions{.path = config.database_path(), .readers = config.db_readers}, logger);
}

int MigrateDatabase(const config::Config& config, obs::Logger& logger) {
  if (config.postgresql()) return MigratePostgres(config.database_url, logger);
  return MigrateSqlite(config.database_path(), logger);
}

}  // namespace vigor::platform::store
