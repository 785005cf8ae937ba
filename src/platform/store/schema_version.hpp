#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace vigor::platform::store {

// The schema version of the SQLite database at `path`, read without changing anything (no
// migration, no journal mode switch): what an operator's tool checks before it decides to touch
// a database. nullopt when there is no database file; 0 when it has no migrations.
std::optional<int> PeekSqliteSchemaVersion(const std::filesystem::path& path);

// The same for the PostgreSQL database at `url` (a libpq URI): 0 when it has no migrations.
// Throws StorageUnavailable when it cannot connect.
int PeekPostgresSchemaVersion(const std::string& url);

}  // namespace vigor::platform::store
