#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features/sync/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::sync {

// Reads the rev, id and tombstone of the user's rows in the tables that carry the per-user change
// sequence (design.md, "Data model conventions"). It reads other features' tables, but only those
// columns, which every user-owned table has by convention; it never writes.
class ChangeRepository {
 public:
  // The user's rows with rev > `since` of the `kinds` allowed, ascending by rev, at most `limit`,
  // in one statement.
  std::vector<Change> Since(platform::store::Session& s, const std::string& user_id,
                            std::int64_t since, const ChangeKinds& kinds, int limit);
};

// The statement Since runs, for the test that reads both databases' plans of it.
const platform::store::Statement& ChangesSinceStatement();

}  // namespace vigor::features::sync
