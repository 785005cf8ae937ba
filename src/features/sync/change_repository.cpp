#include "features/sync/change_repository.hpp"

#include <stdexcept>

namespace vigor::features::sync {

namespace {
using platform::store::Row;
using platform::store::Statement;

// One branch per table: that table's rows after $2, newest-last, at most $5 of them. $3, $4 and
// $6 switch the training tables, the measurements and the nutrition tables off for a token
// without their scope (a constant condition: both databases skip the branch without reading it).
#define VIGOR_CHANGES_OF(kind, table, allowed, alias)                                 \
  "SELECT * FROM (SELECT CAST('" kind                                                 \
  "' AS TEXT) AS kind, id, rev, "                                                     \
  "CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END AS deleted, updated_at FROM " table \
  " WHERE user_id = $1 AND rev > $2 AND " allowed " = 1 ORDER BY rev LIMIT $5) AS " alias

// One statement per page, the same text on both databases. Each table has an index on
// (user_id, rev) (migrations 0004, 0005, 0008, 0013, 0018, 0020), so each branch is an index range
// scan that stops after $5 rows, and the page merges at most 8 x $5 rows:
// - PostgreSQL 15 (EXPLAIN): Limit -> Merge Append (Sort Key: rev) -> per table Limit -> Index
//   Scan using <table>_user_rev, Index Cond: ((user_id = $1) AND (rev > $2)); a switched-off
//   branch is a Result with One-Time Filter: false.
// - SQLite 3.40 (EXPLAIN QUERY PLAN): MERGE (UNION ALL) of co-routines, each SEARCH <table>
//   USING INDEX <table>_user_rev (user_id=? AND rev>?), then a sort of its at most $5 rows.
// Without the LIMIT in each branch PostgreSQL read every row of the user after $2 and sorted
// them (no Merge Append over a flattened UNION ALL), which makes a first sync quadratic.
constexpr Statement kSince{"changes.since",
                           VIGOR_CHANGES_OF("workout", "workouts", "$3", "w")
                           " UNION ALL " VIGOR_CHANGES_OF("routine", "routines", "$3", "r")
                           " UNION ALL " VIGOR_CHANGES_OF("program", "programs", "$3", "p")
                           " UNION ALL " VIGOR_CHANGES_OF("exercise", "custom_exercises", "$3", "e")
                           " UNION ALL " VIGOR_CHANGES_OF("measurement", "measurements", "$4", "m")
                           " UNION ALL " VIGOR_CHANGES_OF("goal", "goals", "$3", "g")
                           " UNION ALL " VIGOR_CHANGES_OF("diary_item", "diary_items", "$6", "d")
                           " UNION ALL " VIGOR_CHANGES_OF("recipe", "recipes", "$6", "n")
                           " ORDER BY rev LIMIT $5"};

#undef VIGOR_CHANGES_OF

ChangeKind KindOf(const std::string& name) {
  if (name == "workout") return ChangeKind::kWorkout;
  if (name == "routine") return ChangeKind::kRoutine;
  if (name == "program") return ChangeKind::kProgram;
  if (name == "exercise") return ChangeKind::kExercise;
  if (name == "measurement") return ChangeKind::kMeasurement;
  if (name == "goal") return ChangeKind::kGoal;
  if (name == "diary_item") return ChangeKind::kDiaryItem;
  if (name == "recipe") return ChangeKind::kRecipe;
  throw std::logic_error("changes.since returned an unknown kind: " + name);
}

Change FromRow(const Row& r) {
  return {.kind = KindOf(r.Text("kind")),
          .id = r.Text("id"),
          .rev = r.Int("rev"),
          .deleted = r.Int("deleted") != 0,
          .updated_at = r.Text("updated_at")};
}

}  // namespace

const Statement& ChangesSinceStatement() { return kSince; }

std::vector<Change> ChangeRepository::Since(platform::store::Session& s, const std::string& user_id,
                                            std::int64_t since, const ChangeKinds& kinds,
                                            int limit) {
  std::vector<Change> changes;
  for (const auto& row :
       s.Query(kSince, user_id, since, kinds.training, kinds.body, limit, kinds.nutrition)) {
    changes.push_back(FromRow(row));
  }
  return changes;
}

}  // namespace vigor::features::sync
