#include "features/workouts/workout_repository.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <unordered_map>

#include "features/social/privacy_sql.hpp"
#include "features/workouts/workout_rows.hpp"
#include "platform/store/revisions.hpp"

namespace vigor::features::workouts {

namespace {
using platform::store::NextRevision;
using platform::store::Row;
using platform::store::Statement;
using platform::store::ToValue;
using platform::store::Value;

// What a history line needs (WorkoutSummaryFromRow); the full row (WorkoutFromRow) adds the rest.
#define VIGOR_WORKOUT_SUMMARY_COLUMNS                                                        \
  "id, title, kind, started_at, ended_at, time_zone, sport, distance_m, duration_s, "        \
  "moving_time_s, elevation_gain_m, avg_hr, max_hr, calories_kcal, total_sets, total_reps, " \
  "total_volume_kg, total_exercises, total_duration_s, exercise_ids, perceived_effort, "     \
  "visibility, hidden_details"
#define VIGOR_WORKOUT_COLUMNS   \
  VIGOR_WORKOUT_SUMMARY_COLUMNS \
  ", user_id, notes, routine_id, input_hash, created_at, updated_at, rev"
#define VIGOR_SET_COLUMNS                                                            \
  "set_type, reps, weight_kg, duration_s, distance_m, rpe, rir, done, target_reps, " \
  "target_weight_kg, target_rir, notes"

// rev ($29): the user's next change number (store/revisions.hpp), so a sync client can ask for
// the changes since a number.
constexpr Statement kInsert{
    "workouts.insert",
    "INSERT INTO workouts (id, user_id, title, kind, started_at, ended_at, time_zone, notes, "
    "perceived_effort, routine_id, sport, distance_m, duration_s, moving_time_s, "
    "elevation_gain_m, avg_hr, max_hr, calories_kcal, total_sets, total_reps, total_volume_kg, "
    "total_exercises, total_duration_s, input_hash, created_at, updated_at, exercise_ids, "
    "import_id, rev, visibility, hidden_details, has_notes) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, "
    "$20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32) "
    "ON CONFLICT (user_id, id) DO NOTHING RETURNING rev"};
// The parameters of kInsert up to $27 ($25, created_at, stays as it was), then the expected rev
// and the new one.
constexpr Statement kUpdate{
    "workouts.update",
    "UPDATE workouts SET title = $3, kind = $4, started_at = $5, ended_at = $6, time_zone = $7, "
    "notes = $8, perceived_effort = $9, routine_id = $10, sport = $11, distance_m = $12, "
    "duration_s = $13, moving_time_s = $14, elevation_gain_m = $15, avg_hr = $16, max_hr = $17, "
    "calories_kcal = $18, total_sets = $19, total_reps = $20, total_volume_kg = $21, "
    "total_exercises = $22, total_duration_s = $23, input_hash = $24, updated_at = $26, "
    "exercise_ids = $27, rev = $29, visibility = $30, hidden_details = $31, has_notes = $32 "
    "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL AND rev = $28 RETURNING rev",
    // PostgreSQL must know the type of every parameter, also of $25, which is not written:
    // created_at is NOT NULL, so COALESCE keeps it as it was.
    "UPDATE workouts SET title = $3, kind = $4, started_at = $5, ended_at = $6, time_zone = $7, "
    "notes = $8, perceived_effort = $9, routine_id = $10, sport = $11, distance_m = $12, "
    "duration_s = $13, moving_time_s = $14, elevation_gain_m = $15, avg_hr = $16, max_hr = $17, "
    "calories_kcal = $18, total_sets = $19, total_reps = $20, total_volume_kg = $21, "
    "total_exercises = $22, total_duration_s = $23, input_hash = $24, "
    "created_at = COALESCE(created_at, $25::text), updated_at = $26, exercise_ids = $27, "
    "rev = $29, visibility = $30, hidden_details = $31, has_notes = $32 "
    "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL AND rev = $28 RETURNING rev"};
// Blocks and sets are inserted up to kRowsPerInsert rows a statement. Every row of one
// statement shares the workout id ($1) and user id ($2); each row adds its own parameters.
constexpr std::size_t kRowsPerInsert = 32;

// The INSERT statements of 1 to kRowsPerInsert rows of one table, made once: the statement cache
// keeps each prepared, and Statement only views its SQL text.
class MultiRowInsert {
 public:
  // `row` is one row's tuple, "?" standing for each of its own parameters.
  MultiRowInsert(std::string_view name, std::string_view head, std::string_view row) : name_(name) {
    sqls_.reserve(kRowsPerInsert);
    std::string sql(head);
    std::size_t next = 3;  // $1 and $2 are shared
    for (std::size_t n = 1; n <= kRowsPerInsert; ++n) {
      sql += n == 1 ? " VALUES " : ", ";
      for (char c : row) {
        if (c == '?') {
          sql += '$' + std::to_string(next++);
        } else {
          sql += c;
        }
      }
      sqls_.push_back(sql);
    }
  }
  Statement For(std::size_t rows) const { return Statement{name_, sqls_.at(rows - 1)}; }

 private:
  std::string_view name_;
  std::vector<std::string> sqls_;
};

const MultiRowInsert& BlockInserts() {
  static const MultiRowInsert inserts(
      "workout_blocks.insert",
      "INSERT INTO workout_blocks (workout_id, user_id, position, exercise_id, superset_group, "
      "rest_s, notes)",
      "($1, $2, ?, ?, ?, ?, ?)");
  return inserts;
}

const MultiRowInsert& SetInserts() {
  static const MultiRowInsert inserts(
      "workout_sets.insert",
      "INSERT INTO workout_sets (workout_id, user_id, block_position, position, " VIGOR_SET_COLUMNS
      ")",
      "($1, $2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  return inserts;
}
constexpr Statement kDeleteSets{"workout_sets.delete_of_workout",
                                "DELETE FROM workout_sets WHERE workout_id = $1 AND user_id = $2"};
constexpr Statement kDeleteBlocks{
    "workout_blocks.delete_of_workout",
    "DELETE FROM workout_blocks WHERE workout_id = $1 AND user_id = $2"};
constexpr Statement kTombstone{"workouts.tombstone",
                               "UPDATE workouts SET deleted_at = $3, updated_at = $3, "
                               "rev = $4 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};
constexpr Statement kHead{
    "workouts.head",
    "SELECT id, rev, input_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 "
    "END AS deleted, created_at, started_at, time_zone, kind, sport, exercise_ids, visibility, "
    "hidden_details "
    "FROM workouts "
    "WHERE id = $1 AND user_id = $2"};
constexpr Statement kById{"workouts.by_id",
                          "SELECT " VIGOR_WORKOUT_COLUMNS
                          " FROM workouts WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};
constexpr Statement kBlocks{
    "workout_blocks.of_workout",
    "SELECT position, exercise_id, superset_group, rest_s, notes FROM workout_blocks "
    "WHERE workout_id = $1 AND user_id = $2 ORDER BY position"};
constexpr Statement kSets{"workout_sets.of_workout",
                          "SELECT block_position, " VIGOR_SET_COLUMNS
                          " FROM workout_sets WHERE workout_id = $1 AND user_id = $2 "
                          "ORDER BY block_position, position"};
constexpr Statement kExerciseIds{
    "workout_blocks.exercise_ids",
    "SELECT DISTINCT exercise_id FROM workout_blocks WHERE workout_id = $1 AND user_id = $2"};
// $6/$7: the cursor; the first page passes '~', which sorts after every timestamp. $9: a JSON
// array of exercise ids whose names match q (the workout has one of them among its blocks).
// SQLite's LIKE ignores the case of A-Z; PostgreSQL's ILIKE on a COLLATE "C" column does the same.
// Whether a listed workout (aliased w) has a note anywhere: its own, an exercise's or a set's
// (the history marks those). Each look-up is one primary-key range of that workout.
constexpr Statement kList{
    "workouts.list",
    "SELECT " VIGOR_WORKOUT_SUMMARY_COLUMNS
    ", has_notes"
    " FROM workouts w WHERE user_id = $1 AND deleted_at IS NULL "
    "AND ($2 IS NULL OR kind = $2) AND ($3 IS NULL OR started_at >= $3) "
    "AND ($4 IS NULL OR started_at <= $4) "
    "AND ($5 IS NULL OR title LIKE $5 ESCAPE '\\' OR notes LIKE $5 ESCAPE '\\' "
    "OR EXISTS (SELECT 1 FROM json_each($9) e "
    "WHERE instr(' ' || exercise_ids || ' ', ' ' || e.value || ' ') > 0)) "
    "AND (started_at, id) < ($6, $7) ORDER BY started_at DESC, id DESC LIMIT $8",
    "SELECT " VIGOR_WORKOUT_SUMMARY_COLUMNS
    ", has_notes"
    " FROM workouts w WHERE user_id = $1 AND deleted_at IS NULL "
    "AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR started_at >= $3) "
    "AND ($4::text IS NULL OR started_at <= $4) "
    "AND ($5::text IS NULL OR title ILIKE $5 ESCAPE '\\' OR notes ILIKE $5 ESCAPE '\\' "
    "OR EXISTS (SELECT 1 FROM jsonb_array_elements_text($9::jsonb) AS e(value) "
    "WHERE strpos(' ' || exercise_ids || ' ', ' ' || e.value || ' ') > 0)) "
    "AND (started_at, id) < ($6::text, $7::text) ORDER BY started_at DESC, id DESC LIMIT $8"};
constexpr Statement kLastWorkoutWith{
    "workouts.last_with_exercise",
    "SELECT w.id, w.started_at FROM workout_blocks b "
    "JOIN workouts w ON w.user_id = b.user_id AND w.id = b.workout_id "
    "WHERE b.user_id = $1 AND b.exercise_id = $2 AND w.user_id = $1 AND w.deleted_at IS NULL "
    "ORDER BY w.started_at DESC, w.id DESC LIMIT 1"};
constexpr Statement kSetsOfExercise{
    "workout_sets.of_exercise_in_workout",
    "SELECT s.set_type, s.reps, s.weight_kg, s.duration_s, s.distance_m, s.rpe, s.rir, s.done, "
    "s.target_reps, s.target_weight_kg, s.target_rir, s.notes FROM workout_sets s "
    "JOIN workout_blocks b "
    "ON b.user_id = s.user_id AND b.workout_id = s.workout_id AND b.position = s.block_position "
    "WHERE s.workout_id = $1 AND s.user_id = $2 AND b.exercise_id = $3 "
    "ORDER BY s.block_position, s.position"};
// Served by workout_blocks_exercise (user_id, exercise_id), then each block's sets by key.
constexpr Statement kBestOfExercise{
    "workout_sets.best_of_exercise",
    "SELECT MAX(s.weight_kg) AS best_weight_kg, MAX(s.reps) AS best_reps FROM workout_blocks b "
    "JOIN workouts w ON w.user_id = b.user_id AND w.id = b.workout_id "
    "JOIN workout_sets s ON s.user_id = b.user_id AND s.workout_id = b.workout_id "
    "AND s.block_position = b.position "
    "WHERE b.user_id = $1 AND b.exercise_id = $2 AND w.user_id = $1 AND s.user_id = $1 "
    "AND w.deleted_at IS NULL AND s.done = 1"};
constexpr Statement kDeleteKeysBefore{
    "workout_idempotency_keys.delete_before",
    "DELETE FROM workout_idempotency_keys WHERE (user_id, key) IN (SELECT user_id, key FROM "
    "workout_idempotency_keys WHERE created_at < $1 LIMIT $2)"};
constexpr Statement kFindKey{"workout_idempotency_keys.find",
                             "SELECT request_hash, workout_id FROM workout_idempotency_keys WHERE "
                             "user_id = $1 AND key = $2"};
constexpr Statement kInsertKey{
    "workout_idempotency_keys.insert",
    "INSERT INTO workout_idempotency_keys (user_id, key, request_hash, workout_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5)"};

// One user's live workouts as another user ($1; NULL: anonymous) may see them: the privacy
// fragment decides, newest first from the cursor ($3/$4), served by workouts_user_started.
constexpr Statement kListVisibleTo{
    "workouts.list_visible_to",
    "SELECT " VIGOR_WORKOUT_SUMMARY_COLUMNS
    " FROM workouts w WHERE w.user_id = $2 AND w.deleted_at IS NULL "
    "AND (w.started_at, w.id) < ($3, $4) AND " VIGOR_PRIVACY_VISIBLE_TO(
        "$1", "w.user_id", "w.visibility", "'workout'",
        "w.id") " ORDER BY w.started_at DESC, w.id DESC LIMIT $5",
    "SELECT " VIGOR_WORKOUT_SUMMARY_COLUMNS
    " FROM workouts w WHERE w.user_id = $2 AND w.deleted_at IS NULL "
    "AND (w.started_at, w.id) < ($3::text, $4::text) AND " VIGOR_PRIVACY_VISIBLE_TO(
        "$1::text", "w.user_id", "w.visibility", "'workout'",
        "w.id") " ORDER BY w.started_at DESC, w.id DESC LIMIT $5"};
// The next workouts a bulk change of visibility looks at: live, not yet of visibility $2,
// started in [$3, $4) (UTC texts), of sport $5 when given, after the keyset ($6, $7), oldest
// first.
constexpr Statement kVisibilityCandidates{
    "workouts.visibility_candidates",
    "SELECT id, rev, input_hash, 0 AS deleted, created_at, started_at, time_zone, kind, sport, "
    "exercise_ids, visibility, hidden_details FROM workouts WHERE user_id = $1 "
    "AND deleted_at IS NULL AND visibility <> $2 AND started_at >= $3 AND started_at < $4 "
    "AND ($5 IS NULL OR sport = $5) AND (started_at, id) > ($6, $7) "
    "ORDER BY started_at, id LIMIT $8",
    "SELECT id, rev, input_hash, 0 AS deleted, created_at, started_at, time_zone, kind, sport, "
    "exercise_ids, visibility, hidden_details FROM workouts WHERE user_id = $1 "
    "AND deleted_at IS NULL AND visibility <> $2 AND started_at >= $3 AND started_at < $4 "
    "AND ($5::text IS NULL OR sport = $5) AND (started_at, id) > ($6::text, $7::text) "
    "ORDER BY started_at, id LIMIT $8"};
// A bulk change of visibility: one workout at a time, a new rev only when it changes.
constexpr Statement kSetVisibility{
    "workouts.set_visibility",
    "UPDATE workouts SET visibility = $3, updated_at = $4, rev = $5 "
    "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL AND visibility <> $3"};

#undef VIGOR_WORKOUT_SUMMARY_COLUMNS
#undef VIGOR_WORKOUT_COLUMNS
#undef VIGOR_SET_COLUMNS

// The distinct exercise ids of the blocks, in order, separated by spaces (ids hold none).
std::string JoinedExerciseIds(const std::vector<WorkoutBlock>& blocks) {
  std::string joined;
  std::vector<std::string_view> seen;
  for (const auto& b : blocks) {
    if (std::find(seen.begin(), seen.end(), b.exercise_id) != seen.end()) continue;
    seen.push_back(b.exercise_id);
    if (!joined.empty()) joined.push_back(' ');
    joined += b.exercise_id;
  }
  return joined;
}

// Names separated by spaces (hidden details; names hold none).
std::string JoinedNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) {
    if (!joined.empty()) joined.push_back(' ');
    joined += name;
  }
  return joined;
}

std::vector<Value> HeadParams(const Workout& w) {
  const Cardio* c = w.cardio ? &*w.cardio : nullptr;
  auto opt = [c](auto member) { return c ? ToValue(c->*member) : Value(nullptr); };
  return {ToValue(w.id),
          ToValue(w.user_id),
          ToValue(w.title),
          ToValue(KindName(w.kind)),
          ToValue(w.started_at),
          ToValue(w.ended_at),
          ToValue(w.time_zone),
          ToValue(w.notes),
          ToValue(w.perceived_effort),
          ToValue(w.routine_id),
          c ? ToValue(c->sport) : Value(nullptr),
          opt(&Cardio::distance_m),
          opt(&Cardio::duration_s),
          opt(&Cardio::moving_time_s),
          opt(&Cardio::elevation_gain_m),
          opt(&Cardio::avg_heart_rate),
          opt(&Cardio::max_heart_rate),
          opt(&Cardio::calories_kcal),
          ToValue(w.totals.sets.sets),
          ToValue(w.totals.sets.reps),
          ToValue(w.totals.sets.volume_kg),
          ToValue(w.totals.sets.exercises),
          ToValue(w.totals.duration_s),
          ToValue(w.input_hash),
          ToValue(w.created_at),
          ToValue(w.updated_at),
          ToValue(JoinedExerciseIds(w.blocks))};
}

IdempotencyRecord IdempotencyRecordFromRow(const Row& r) {
  return IdempotencyRecord{.request_hash = r.Text("request_hash"),
                           .workout_id = r.Text("workout_id")};
}

// A note on the workout, one of its exercises or sets: the list's marker, stored with the
// workout (column has_notes, migration 0039).
bool HasNotes(const Workout& w) {
  auto noted = [](const std::optional<std::string>& notes) { return notes && !notes->empty(); };
  if (noted(w.notes)) return true;
  for (const auto& block : w.blocks) {
    if (noted(block.notes)) return true;
    for (const auto& set : block.sets) {
      if (noted(set.notes)) return true;
    }
  }
  return false;
}

// "%text%" for LIKE, with the wildcards of `text` itself escaped.
std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

}  // namespace

std::optional<std::int64_t> WorkoutRepository::Insert(Session& s, const Workout& w) {
  auto params = HeadParams(w);
  params.push_back(ToValue(w.import_id));
  params.push_back(ToValue(NextRevision(s, w.user_id)));
  params.push_back(ToValue(w.visibility));
  params.push_back(ToValue(JoinedNames(w.hidden_details)));
  params.push_back(ToValue(HasNotes(w)));
  auto rows = s.QueryParams(kInsert, params);
  if (rows.empty()) return std::nullopt;
  InsertChildren(s, w);
  return rows.front().Int("rev");
}

std::optional<std::int64_t> WorkoutRepository::Replace(Session& s, const Workout& w,
                                                       std::int64_t expected_rev) {
  auto params = HeadParams(w);
  params.push_back(ToValue(expected_rev));
  params.push_back(ToValue(NextRevision(s, w.user_id)));
  params.push_back(ToValue(w.visibility));
  params.push_back(ToValue(JoinedNames(w.hidden_details)));
  params.push_back(ToValue(HasNotes(w)));
  auto rows = s.QueryParams(kUpdate, params);
  if (rows.empty()) return std::nullopt;
  s.Execute(kDeleteSets, w.id, w.user_id);
  s.Execute(kDeleteBlocks, w.id, w.user_id);
  InsertChildren(s, w);
  return rows.front().Int("rev");
}

void WorkoutRepository::InsertChildren(Session& s, const Workout& w) {
  // Many rows a statement: SQLite's cost per statement (binding, opening the table, the
  // statement journal of the savepoint) is larger than its cost per row, and an import writes
  // hundreds of thousands of sets. Blocks go first: each set's foreign key names its block.
  std::vector<Value> params;
  for (std::size_t first = 0; first < w.blocks.size(); first += kRowsPerInsert) {
    std::size_t count = std::min(kRowsPerInsert, w.blocks.size() - first);
    params.clear();
    params.push_back(ToValue(w.id));
    params.push_back(ToValue(w.user_id));
    for (std::size_t b = first; b < first + count; ++b) {
      const auto& block = w.blocks[b];
      params.push_back(ToValue(static_cast<std::int64_t>(b)));
      params.push_back(ToValue(block.exercise_id));
      params.push_back(ToValue(block.superset_group));
      params.push_back(ToValue(block.rest_s));
      params.push_back(ToValue(block.notes));
    }
    s.ExecuteParams(BlockInserts().For(count), params);
  }
  params.clear();
  std::size_t rows = 0;
  auto flush = [&] {
    if (rows == 0) return;
    s.ExecuteParams(SetInserts().For(rows), params);
    params.clear();
    rows = 0;
  };
  for (std::size_t b = 0; b < w.blocks.size(); ++b) {
    const auto& sets = w.blocks[b].sets;
    for (std::size_t i = 0; i < sets.size(); ++i) {
      if (rows == 0) {
        params.push_back(ToValue(w.id));
        params.push_back(ToValue(w.user_id));
      }
      const auto& set = sets[i];
      params.push_back(ToValue(static_cast<std::int64_t>(b)));
      params.push_back(ToValue(static_cast<std::int64_t>(i)));
      params.push_back(ToValue(SetTypeName(set.set_type)));
      params.push_back(ToValue(set.reps));
      params.push_back(ToValue(set.weight_kg));
      params.push_back(ToValue(set.duration_s));
      params.push_back(ToValue(set.distance_m));
      params.push_back(ToValue(set.rpe));
      params.push_back(ToValue(set.rir));
      params.push_back(ToValue(set.done));
      params.push_back(ToValue(set.target_reps));
      params.push_back(ToValue(set.target_weight_kg));
      params.push_back(ToValue(set.target_rir));
      params.push_back(ToValue(set.notes));
      if (++rows == kRowsPerInsert) flush();
    }
  }
  flush();
}

bool WorkoutRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                                  const std::string& now) {
  if (s.Execute(kTombstone, id, user_id, now, NextRevision(s, user_id)) != 1) return false;
  s.Execute(kDeleteSets, id, user_id);
  s.Execute(kDeleteBlocks, id, user_id);
  return true;
}

std::optional<WorkoutHead> WorkoutRepository::FindHead(Session& s, const std::string& user_id,
                                                       const std::string& id) {
  auto row = s.QueryOne(kHead, id, user_id);
  if (!row) return std::nullopt;
  return WorkoutHeadFromRow(*row);
}

std::optional<Workout> WorkoutRepository::Find(Session& s, const std::string& user_id,
                                               const std::string& id) {
  auto row = s.QueryOne(kById, id, user_id);
  if (!row) return std::nullopt;
  Workout w = WorkoutFromRow(*row);
  for (const auto& b : s.Query(kBlocks, id, user_id)) w.blocks.push_back(WorkoutBlockFromRow(b));
  for (const auto& r : s.Query(kSets, id, user_id)) {
    auto position = static_cast<std::size_t>(r.Int("block_position"));
    if (position < w.blocks.size()) w.blocks[position].sets.push_back(WorkoutSetFromRow(r));
  }
  return w;
}

std::vector<std::string> WorkoutRepository::ExerciseIds(Session& s, const std::string& user_id,
                                                        const std::string& workout_id) {
  std::vector<std::string> ids;
  for (const auto& r : s.Query(kExerciseIds, workout_id, user_id))
    ids.push_back(r.Text("exercise_id"));
  return ids;
}

std::vector<WorkoutSummary> WorkoutRepository::List(Session& s, const std::string& user_id,
                                                    const WorkoutFilter& filter,
                                                    const std::vector<std::string>& q_exercise_ids,
                                                    const std::optional<WorkoutCursor>& after,
                                                    int limit) {
  boost::json::array ids;
  for (const auto& id : q_exercise_ids) ids.emplace_back(id);
  std::optional<std::string> kind;
  if (filter.kind) kind = std::string(KindName(*filter.kind));
  std::optional<std::string> pattern;
  if (filter.q && !filter.q->empty()) pattern = ContainsPattern(*filter.q);
  std::vector<WorkoutSummary> items;
  for (const auto& r :
       s.Query(kList, user_id, kind, filter.from, filter.to, pattern,
               after ? after->started_at : std::string("~"), after ? after->id : std::string(),
               limit, boost::json::serialize(ids))) {
    items.push_back(WorkoutSummaryFromRow(r));
    items.back().has_notes = r.Bool("has_notes");
  }
  return items;
}

std::vector<WorkoutSummary> WorkoutRepository::ListVisibleTo(
    Session& s, const std::string& owner_id, const std::optional<std::string>& viewer_id,
    const std::optional<WorkoutCursor>& after, int limit) {
  std::vector<WorkoutSummary> items;
  for (const auto& r :
       s.Query(kListVisibleTo, viewer_id, owner_id, after ? after->started_at : std::string("~"),
               after ? after->id : std::string(), limit)) {
    items.push_back(WorkoutSummaryFromRow(r));
  }
  return items;
}

std::vector<WorkoutHead> WorkoutRepository::VisibilityCandidates(
    Session& s, const std::string& user_id, const std::string& visibility,
    const std::string& started_from, const std::string& started_before,
    const std::optional<std::string>& sport, const WorkoutCursor& after, int limit) {
  std::vector<WorkoutHead> heads;
  for (const auto& r : s.Query(kVisibilityCandidates, user_id, visibility, started_from,
                               started_before, sport, after.started_at, after.id, limit)) {
    heads.push_back(WorkoutHeadFromRow(r));
  }
  return heads;
}

bool WorkoutRepository::SetVisibility(Session& s, const std::string& user_id, const std::string& id,
                                      const std::string& visibility, const std::string& now) {
  return s.Execute(kSetVisibility, id, user_id, visibility, now, NextRevision(s, user_id)) == 1;
}

LastSets WorkoutRepository::FindLastSets(Session& s, const std::string& user_id,
                                         const std::string& exercise_id) {
  LastSets last;
  auto latest = s.QueryOne(kLastWorkoutWith, user_id, exercise_id);
  if (!latest) return last;
  last.workout_id = latest->Text("id");
  last.started_at = latest->Text("started_at");
  for (const auto& r : s.Query(kSetsOfExercise, *last.workout_id, user_id, exercise_id)) {
    last.items.push_back(WorkoutSetFromRow(r));
  }
  if (auto best = s.QueryOne(kBestOfExercise, user_id, exercise_id)) {
    last.best_weight_kg = best->OptReal("best_weight_kg");
    last.best_reps = best->OptInt("best_reps");
  }
  return last;
}

std::optional<IdempotencyRecord> WorkoutRepository::FindIdempotencyKey(Session& s,
                                                                       const std::string& user_id,
                                                                       const std::string& key) {
  auto row = s.QueryOne(kFindKey, user_id, key);
  if (!row) return std::nullopt;
  return IdempotencyRecordFromRow(*row);
}

void WorkoutRepository::InsertIdempotencyKey(Session& s, const std::string& user_id,
                                             const std::string& key,
                                             const IdempotencyRecord& record,
                                             const std::string& now) {
  s.Execute(kInsertKey, user_id, key, record.request_hash, record.workout_id, now);
}

std::int64_t WorkoutRepository::DeleteIdempotencyKeysBefore(Session& s, const std::string& cutoff,
                                                            int limit) {
  return s.Execute(kDeleteKeysBefore, cutoff, limit);
}

}  // namespace vigor::features::workouts
