// The workout log's aggregate reads, for analytics (stats) and records: many workouts, or the
// sets of one exercise across them, in a few statements. The log's own reads and writes are in
// workout_repository.cpp.
#include <unordered_map>

#include "features/workouts/workout_repository.hpp"
#include "features/workouts/workout_rows.hpp"

namespace vigor::features::workouts {

using platform::store::Statement;

// ---- for the aggregates of analytics (stats) ------------------------------------------------

namespace {

// The workouts of FindStartedIn; the blocks and sets statements select the same ones ($1-$4).
#define VIGOR_STARTED_IN                                                                    \
  "SELECT id FROM workouts WHERE user_id = $1 AND deleted_at IS NULL AND started_at >= $2 " \
  "AND started_at < $3 ORDER BY started_at, id LIMIT $4"
constexpr Statement kStartedIn{
    "workouts.started_in",
    "SELECT id, title, kind, started_at, ended_at, time_zone, sport, distance_m, duration_s, "
    "moving_time_s, elevation_gain_m, avg_hr, max_hr, calories_kcal, total_sets, total_reps, "
    "total_volume_kg, total_exercises, total_duration_s, exercise_ids, perceived_effort, "
    "user_id, notes, routine_id, input_hash, created_at, updated_at, rev, visibility, "
    "hidden_details FROM workouts "
    "WHERE user_id = $1 AND deleted_at IS NULL AND started_at >= $2 AND started_at < $3 "
    "ORDER BY started_at, id LIMIT $4"};
constexpr Statement kBlocksStartedIn{
    "workout_blocks.started_in",
    "SELECT workout_id, position, exercise_id, superset_group, rest_s, notes FROM workout_blocks "
    "WHERE user_id = $1 AND workout_id IN (" VIGOR_STARTED_IN ") ORDER BY workout_id, position"};
constexpr Statement kSetsStartedIn{
    "workout_sets.started_in",
    "SELECT workout_id, block_position, set_type, reps, weight_kg, duration_s, distance_m, rpe, "
    "rir, done, target_reps, target_weight_kg, target_rir, notes FROM workout_sets "
    "WHERE user_id = $1 AND workout_id IN (" VIGOR_STARTED_IN
    ") "
    "ORDER BY workout_id, block_position, position"};
#undef VIGOR_STARTED_IN

}  // namespace

std::vector<Workout> WorkoutRepository::FindStartedIn(Session& s, const std::string& user_id,
                                                      const std::string& from,
                                                      const std::string& to, int limit) {
  std::vector<Workout> workouts;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& r : s.Query(kStartedIn, user_id, from, to, limit)) {
    index.emplace(r.Text("id"), workouts.size());
    workouts.push_back(WorkoutFromRow(r));
  }
  if (workouts.empty()) return workouts;
  for (const auto& r : s.Query(kBlocksStartedIn, user_id, from, to, limit)) {
    auto found = index.find(r.Text("workout_id"));
    if (found != index.end()) workouts[found->second].blocks.push_back(WorkoutBlockFromRow(r));
  }
  for (const auto& r : s.Query(kSetsStartedIn, user_id, from, to, limit)) {
    auto found = index.find(r.Text("workout_id"));
    if (found == index.end()) continue;
    auto& blocks = workouts[found->second].blocks;
    auto position = static_cast<std::size_t>(r.Int("block_position"));
    if (position < blocks.size()) blocks[position].sets.push_back(WorkoutSetFromRow(r));
  }
  return workouts;
}

// ---- for records (issue 11) -----------------------------------------------------------------

namespace {
constexpr Statement kSetsOfExerciseBetween{
    "workout_sets.of_exercise_between",
    "SELECT w.id AS workout_id, w.started_at, w.time_zone, s.set_type, s.reps, s.weight_kg, "
    "s.done FROM workout_blocks b "
    "JOIN workouts w ON w.user_id = b.user_id AND w.id = b.workout_id "
    "JOIN workout_sets s ON s.user_id = b.user_id AND s.workout_id = b.workout_id "
    "AND s.block_position = b.position "
    "WHERE b.user_id = $1 AND b.exercise_id = $2 AND w.deleted_at IS NULL "
    "AND w.started_at >= $3 AND ($4 IS NULL OR w.started_at < $4) "
    "ORDER BY w.started_at, w.id, b.position, s.position",
    "SELECT w.id AS workout_id, w.started_at, w.time_zone, s.set_type, s.reps, s.weight_kg, "
    "s.done FROM workout_blocks b "
    "JOIN workouts w ON w.user_id = b.user_id AND w.id = b.workout_id "
    "JOIN workout_sets s ON s.user_id = b.user_id AND s.workout_id = b.workout_id "
    "AND s.block_position = b.position "
    "WHERE b.user_id = $1 AND b.exercise_id = $2 AND w.deleted_at IS NULL "
    "AND w.started_at >= $3 AND ($4::text IS NULL OR w.started_at < $4) "
    "ORDER BY w.started_at, w.id, b.position, s.position"};
constexpr Statement kCardioOfSport{
    "workouts.cardio_of_sport_since",
    "SELECT id AS workout_id, started_at, distance_m, duration_s, elevation_gain_m FROM workouts "
    "WHERE user_id = $1 AND kind = 'cardio' AND sport = $2 AND deleted_at IS NULL "
    "AND started_at >= $3 ORDER BY started_at, id"};
}  // namespace

std::vector<WorkoutRepository::ExerciseSetRow> WorkoutRepository::SetsOfExercise(
    Session& s, const std::string& user_id, const std::string& exercise_id, const std::string& from,
    const std::optional<std::string>& to) {
  std::vector<ExerciseSetRow> sets;
  for (const auto& r : s.Query(kSetsOfExerciseBetween, user_id, exercise_id, from, to)) {
    sets.push_back({.workout_id = r.Text("workout_id"),
                    .started_at = r.Text("started_at"),
                    .time_zone = r.OptText("time_zone"),
                    .set_type = ParseSetType(r.Text("set_type")).value_or(SetType::kNormal),
                    .reps = r.OptInt("reps"),
                    .weight_kg = r.OptReal("weight_kg"),
                    .done = r.Bool("done")});
  }
  return sets;
}

std::vector<WorkoutRepository::CardioRow> WorkoutRepository::CardioOfSport(
    Session& s, const std::string& user_id, const std::string& sport, const std::string& from) {
  std::vector<CardioRow> rows;
  for (const auto& r : s.Query(kCardioOfSport, user_id, sport, from)) {
    rows.push_back({.workout_id = r.Text("workout_id"),
                    .started_at = r.Text("started_at"),
                    .distance_m = r.OptReal("distance_m"),
                    .duration_s = r.OptReal("duration_s"),
                    .elevation_gain_m = r.OptReal("elevation_gain_m")});
  }
  return rows;
}

}  // namespace vigor::features::workouts
