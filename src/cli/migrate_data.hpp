#pragma once

#include <string>
#include <vector>

namespace vigor::cli {

// `vigor migrate-data --from SOURCE --to TARGET [settings]`: moves a whole instance between a
// SQLite data directory and a PostgreSQL database (either way, or SQLite to SQLite), refusing a
// target that holds data, and verifies every table's row count and content digest. Returns the
// exit code (0 done and verified, 1 refused or failed, 2 bad usage).
int MigrateData(const std::vector<std::string>& args);

}  // namespace vigor::cli
