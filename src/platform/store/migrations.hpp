#pragma once

#include <string_view>
#include <vector>

namespace vigor::platform::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The migrations compiled into this binary for a dialect ("sqlite", later "postgres"), oldest
// first. Generated from migrations/<dialect>/NNNN_name.sql by cmake/embed_migrations.cmake.
const std::vector<Migration>& EmbeddedMigrations(std::string_view dialect);

}  // namespace vigor::platform::store
