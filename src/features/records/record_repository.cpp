#include "features/records/record_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "platform/id.hpp"

namespace vigor::features::records {

namespace {
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_RECORD_COLUMNS                                                                    \
  "id, exercise_id, sport, kind, variant, reps, weight_kg, distance_m, value, previous_value, " \
  "workout_id, achieved_at, is_current"
// $2 exercise, $3 sport: one of them names the series' owner, the other is ''.
#define VIGOR_SERIES_OWNER "user_id = $1 AND exercise_id = $2 AND sport = $3"

constexpr Statement kBestsBefore{
    "personal_records.bests_before",
    "SELECT kind, variant, MAX(value) AS highest, MIN(value) AS lowest FROM personal_records "
    "WHERE " VIGOR_SERIES_OWNER " AND achieved_at < $4 GROUP BY kind, variant"};
constexpr Statement kDeleteSince{"personal_records.delete_since",
                                 "DELETE FROM personal_records WHERE " VIGOR_SERIES_OWNER
                                 " AND achieved_at >= $4"};
constexpr Statement kInsert{
    "personal_records.insert",
    "INSERT INTO personal_records (id, user_id, exercise_id, sport, kind, variant, reps, "
    "weight_kg, distance_m, value, previous_value, workout_id, achieved_at, is_current) "
    "VALUES ($4, $1, $2, $3, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0)"};
// The last of a series is the one no other row of the series follows in (achieved_at,
// workout_id) order, the order the progression was computed in.
constexpr Statement kMarkCurrent{
    "personal_records.mark_current",
    "UPDATE personal_records SET is_current = CASE WHEN EXISTS (SELECT 1 FROM personal_records n "
    "WHERE n.user_id = personal_records.user_id AND n.exercise_id = personal_records.exercise_id "
    "AND n.sport = personal_records.sport AND n.kind = personal_records.kind "
    "AND n.variant = personal_records.variant "
    "AND (n.achieved_at > personal_records.achieved_at OR (n.achieved_at = "
    "personal_records.achieved_at AND n.workout_id > personal_records.workout_id))) "
    "THEN 0 ELSE 1 END WHERE " VIGOR_SERIES_OWNER};
// $2 exercise_id or NULL, $3 sport or NULL, $4 the formula of the one_rep_max rows shown.
constexpr Statement kCurrent{
    "personal_records.current",
    "SELECT " VIGOR_RECORD_COLUMNS
    " FROM personal_records WHERE user_id = $1 AND is_current = 1 "
    "AND ($2 IS NULL OR exercise_id = $2) AND ($3 IS NULL OR sport = $3) "
    "AND (kind <> 'one_rep_max' OR variant = $4)",
    "SELECT " VIGOR_RECORD_COLUMNS
    " FROM personal_records WHERE user_id = $1 AND is_current = 1 "
    "AND ($2::text IS NULL OR exercise_id = $2) AND ($3::text IS NULL OR sport = $3) "
    "AND (kind <> 'one_rep_max' OR variant = $4)"};
constexpr Statement kHistory{
    "personal_records.history",
    "SELECT " VIGOR_RECORD_COLUMNS
    " FROM personal_records WHERE user_id = $1 "
    "AND ($2 IS NULL OR exercise_id = $2) AND ($3 IS NULL OR sport = $3) "
    "AND (kind <> 'one_rep_max' OR variant = $4) "
    "AND ($5 IS NULL OR achieved_at < $5 OR (achieved_at = $5 AND id < $6)) "
    "ORDER BY achieved_at DESC, id DESC LIMIT $7",
    "SELECT " VIGOR_RECORD_COLUMNS
    " FROM personal_records WHERE user_id = $1 "
    "AND ($2::text IS NULL OR exercise_id = $2) AND ($3::text IS NULL OR sport = $3) "
    "AND (kind <> 'one_rep_max' OR variant = $4) "
    "AND ($5::text IS NULL OR achieved_at < $5 OR (achieved_at = $5 AND id < $6::text)) "
    "ORDER BY achieved_at DESC, id DESC LIMIT $7"};
constexpr Statement kOfWorkout{"personal_records.of_workout",
                               "SELECT " VIGOR_RECORD_COLUMNS
                               " FROM personal_records WHERE user_id = $1 AND workout_id = $2 "
                               "AND (kind <> 'one_rep_max' OR variant = $3)"};

constexpr Statement kDeleteStats{"exercise_workout_stats.delete_of_workouts",
                                 "DELETE FROM exercise_workout_stats WHERE user_id = $1 "
                                 "AND workout_id IN (SELECT value FROM json_each($2))",
                                 "DELETE FROM exercise_workout_stats WHERE user_id = $1 "
                                 "AND workout_id IN (SELECT jsonb_array_elements_text($2::jsonb))"};
constexpr Statement kInsertStats{
    "exercise_workout_stats.insert",
    "INSERT INTO exercise_workout_stats (user_id, exercise_id, started_at, workout_id, day, "
    "one_rep_max_epley_kg, one_rep_max_brzycki_kg, heaviest_weight_kg, best_set_volume_kg, "
    "volume_kg, sets, reps) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"};
#define VIGOR_STATS_COLUMNS                                                                  \
  "workout_id, exercise_id, started_at, day, one_rep_max_epley_kg, one_rep_max_brzycki_kg, " \
  "heaviest_weight_kg, best_set_volume_kg, volume_kg, sets, reps"
constexpr Statement kStatsOf{
    "exercise_workout_stats.of_exercise",
    "SELECT " VIGOR_STATS_COLUMNS
    " FROM exercise_workout_stats WHERE user_id = $1 AND exercise_id = $2 "
    "AND ($3 IS NULL OR day >= $3) AND ($4 IS NULL OR day <= $4) ORDER BY started_at, workout_id",
    "SELECT " VIGOR_STATS_COLUMNS
    " FROM exercise_workout_stats WHERE user_id = $1 AND exercise_id = $2 "
    "AND ($3::text IS NULL OR day >= $3) AND ($4::text IS NULL OR day <= $4) "
    "ORDER BY started_at, workout_id"};
constexpr Statement kBestOneRepMax{
    "exercise_workout_stats.best_one_rep_max",
    "SELECT MAX(one_rep_max_epley_kg) AS epley, MAX(one_rep_max_brzycki_kg) AS brzycki "
    "FROM exercise_workout_stats WHERE user_id = $1 AND exercise_id = $2 "
    "AND started_at >= $3 AND started_at < $4"};

constexpr Statement kDeleteEfforts{
    "cardio_best_efforts.delete_of_workouts",
    "DELETE FROM cardio_best_efforts WHERE user_id = $1 "
    "AND workout_id IN (SELECT value FROM json_each($2))",
    "DELETE FROM cardio_best_efforts WHERE user_id = $1 "
    "AND workout_id IN (SELECT jsonb_array_elements_text($2::jsonb))"};
constexpr Statement kInsertEffort{
    "cardio_best_efforts.insert",
    "INSERT INTO cardio_best_efforts (user_id, sport, started_at, workout_id, distance_m, seconds) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kEffortsSince{"cardio_best_efforts.since",
                                  "SELECT workout_id, distance_m, seconds FROM cardio_best_efforts "
                                  "WHERE user_id = $1 AND sport = $2 AND started_at >= $3 "
                                  "ORDER BY started_at, workout_id, distance_m"};

#undef VIGOR_RECORD_COLUMNS
#undef VIGOR_SERIES_OWNER
#undef VIGOR_STATS_COLUMNS

std::optional<std::string> NonEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

PersonalRecord RecordFromRow(const Row& r) {
  return {.id = r.Text("id"),
          .kind = r.Text("kind"),
          .variant = r.Text("variant"),
          .exercise_id = NonEmpty(r.Text("exercise_id")),
          .sport = NonEmpty(r.Text("sport")),
          .reps = r.OptInt("reps"),
          .weight_kg = r.OptReal("weight_kg"),
          .distance_m = r.OptReal("distance_m"),
          .value = r.Real("value"),
          .workout_id = r.Text("workout_id"),
          .achieved_at = r.Text("achieved_at"),
          .previous_value = r.OptReal("previous_value"),
          .current = r.Bool("is_current")};
}

std::vector<PersonalRecord> Records(const std::vector<Row>& rows) {
  std::vector<PersonalRecord> records;
  records.reserve(rows.size());
  for (const auto& r : rows) records.push_back(RecordFromRow(r));
  return records;
}

std::string JsonList(const std::vector<std::string>& ids) {
  boost::json::array list;
  for (const auto& id : ids) list.emplace_back(id);
  return boost::json::serialize(list);
}

}  // namespace

core::RunningBests RecordRepository::BestsBefore(Session& s, const std::string& user_id,
                                                 const std::string& exercise_id,
                                                 const std::string& sport,
                                                 const std::string& before) {
  core::RunningBests bests;
  for (const auto& r : s.Query(kBestsBefore, user_id, exercise_id, sport, before)) {
    const std::string& kind = r.Text("kind");
    bests[{kind, r.Text("variant")}] =
        core::LowerIsBetter(kind) ? r.Real("lowest") : r.Real("highest");
  }
  return bests;
}

void RecordRepository::DeleteSince(Session& s, const std::string& user_id,
                                   const std::string& exercise_id, const std::string& sport,
                                   const std::string& from) {
  s.Execute(kDeleteSince, user_id, exercise_id, sport, from);
}

void RecordRepository::Insert(Session& s, const std::string& user_id,
                              const std::string& exercise_id, const std::string& sport,
                              const core::RecordEntry& e) {
  std::optional<std::int64_t> reps;
  if (e.reps) reps = *e.reps;
  s.Execute(kInsert, user_id, exercise_id, sport, platform::NewId(), e.kind, e.variant, reps,
            e.weight_kg, e.distance_m, e.value, e.previous_value, e.workout_id, e.achieved_at);
}

void RecordRepository::MarkCurrent(Session& s, const std::string& user_id,
                                   const std::string& exercise_id, const std::string& sport) {
  s.Execute(kMarkCurrent, user_id, exercise_id, sport);
}

std::vector<PersonalRecord> RecordRepository::Current(Session& s, const std::string& user_id,
                                                      const RecordFilter& filter,
                                                      const std::string& formula) {
  return Records(s.Query(kCurrent, user_id, filter.exercise_id, filter.sport, formula));
}

std::vector<PersonalRecord> RecordRepository::History(Session& s, const std::string& user_id,
                                                      const RecordFilter& filter,
                                                      const std::string& formula,
                                                      const std::optional<RecordCursor>& after,
                                                      int limit) {
  std::optional<std::string> after_at, after_id;
  if (after) {
    after_at = after->achieved_at;
    after_id = after->id;
  }
  return Records(s.Query(kHistory, user_id, filter.exercise_id, filter.sport, formula, after_at,
                         after_id, limit));
}

std::vector<PersonalRecord> RecordRepository::OfWorkout(Session& s, const std::string& user_id,
                                                        const std::string& workout_id,
                                                        const std::string& formula) {
  return Records(s.Query(kOfWorkout, user_id, workout_id, formula));
}

void RecordRepository::DeleteStatsOf(Session& s, const std::string& user_id,
                                     const std::vector<std::string>& workout_ids) {
  if (!workout_ids.empty()) s.Execute(kDeleteStats, user_id, JsonList(workout_ids));
}

void RecordRepository::InsertStats(Session& s, const std::string& user_id,
                                   const ExerciseWorkoutStats& stats) {
  s.Execute(kInsertStats, user_id, stats.exercise_id, stats.started_at, stats.workout_id, stats.day,
            stats.one_rep_max_epley_kg, stats.one_rep_max_brzycki_kg, stats.heaviest_weight_kg,
            stats.best_set_volume_kg, stats.volume_kg, stats.sets, stats.reps);
}

std::vector<ExerciseWorkoutStats> RecordRepository::StatsOf(Session& s, const std::string& user_id,
                                                            const std::string& exercise_id,
                                                            const ProgressRange& range) {
  std::vector<ExerciseWorkoutStats> stats;
  for (const auto& r : s.Query(kStatsOf, user_id, exercise_id, range.from, range.to)) {
    stats.push_back({.workout_id = r.Text("workout_id"),
                     .exercise_id = r.Text("exercise_id"),
                     .started_at = r.Text("started_at"),
                     .day = r.Text("day"),
                     .one_rep_max_epley_kg = r.OptReal("one_rep_max_epley_kg"),
                     .one_rep_max_brzycki_kg = r.OptReal("one_rep_max_brzycki_kg"),
                     .heaviest_weight_kg = r.OptReal("heaviest_weight_kg"),
                     .best_set_volume_kg = r.Real("best_set_volume_kg"),
                     .volume_kg = r.Real("volume_kg"),
                     .sets = r.Int("sets"),
                     .reps = r.Int("reps")});
  }
  return stats;
}

std::optional<double> RecordRepository::BestOneRepMax(Session& s, const std::string& user_id,
                                                      const std::string& exercise_id,
                                                      const std::string& formula,
                                                      const std::string& from,
                                                      const std::string& to) {
  auto row = s.QueryOne(kBestOneRepMax, user_id, exercise_id, from, to);
  if (!row) return std::nullopt;
  return formula == "brzycki" ? row->OptReal("brzycki") : row->OptReal("epley");
}

void RecordRepository::DeleteEffortsOf(Session& s, const std::string& user_id,
                                       const std::vector<std::string>& workout_ids) {
  if (!workout_ids.empty()) s.Execute(kDeleteEfforts, user_id, JsonList(workout_ids));
}

void RecordRepository::InsertEffort(Session& s, const std::string& user_id,
                                    const std::string& workout_id, const std::string& sport,
                                    const std::string& started_at, const core::BestEffort& effort) {
  s.Execute(kInsertEffort, user_id, sport, started_at, workout_id, effort.distance_m,
            effort.seconds);
}

std::vector<RecordRepository::WorkoutEffort> RecordRepository::EffortsSince(
    Session& s, const std::string& user_id, const std::string& sport, const std::string& from) {
  std::vector<WorkoutEffort> efforts;
  for (const auto& r : s.Query(kEffortsSince, user_id, sport, from)) {
    efforts.push_back({r.Text("workout_id"), {r.Real("distance_m"), r.Real("seconds")}});
  }
  return efforts;
}

}  // namespace vigor::features::records
