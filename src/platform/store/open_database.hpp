#pragma once

#include <memory>

#include "platform/config/config.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::store {

// The database the configuration names: PostgreSQL when --database is set, else SQLite under
// --data-dir. Applies pending migrations.
std::unique_ptr<Database> OpenDatabase(const config::Config& config, obs::Logger& logger);

// Applies pending migrations to the configured database and returns its schema version.
int MigrateDatabase(const config::Config& config, obs::Logger& logger);

}  // namespace vigor::platform::store
