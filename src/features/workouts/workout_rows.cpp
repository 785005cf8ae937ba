#include "features/workouts/workout_rows.hpp"

namespace vigor::features::workouts {

using platform::store::Row;

std::vector<std::string> SplitIds(const std::string& joined) {
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start < joined.size()) {
    auto end = joined.find(' ', start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) ids.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return ids;
}

WorkoutSet WorkoutSetFromRow(const Row& r) {
  WorkoutSet s;
  s.set_type = ParseSetType(r.Text("set_type")).value_or(SetType::kNormal);
  s.reps = r.OptInt("reps");
  s.weight_kg = r.OptReal("weight_kg");
  s.duration_s = r.OptReal("duration_s");
  s.distance_m = r.OptReal("distance_m");
  s.rpe = r.OptReal("rpe");
  s.rir = r.OptInt("rir");
  s.done = r.Bool("done");
  s.target_reps = r.OptInt("target_reps");
  s.target_weight_kg = r.OptReal("target_weight_kg");
  s.target_rir = r.OptInt("target_rir");
  s.notes = r.OptText("notes");
  return s;
}

WorkoutBlock WorkoutBlockFromRow(const Row& r) {
  WorkoutBlock block;
  block.exercise_id = r.Text("exercise_id");
  block.superset_group = r.OptInt("superset_group");
  block.rest_s = r.OptInt("rest_s");
  block.notes = r.OptText("notes");
  return block;
}

Cardio CardioFromRow(const Row& r) {
  Cardio c;
  c.sport = r.OptText("sport").value_or("other");
  c.distance_m = r.OptReal("distance_m");
  c.duration_s = r.OptReal("duration_s");
  c.moving_time_s = r.OptReal("moving_time_s");
  c.elevation_gain_m = r.OptReal("elevation_gain_m");
  c.avg_heart_rate = r.OptInt("avg_hr");
  c.max_heart_rate = r.OptInt("max_hr");
  c.calories_kcal = r.OptReal("calories_kcal");
  return c;
}

Totals TotalsFromRow(const Row& r) {
  Totals t;
  t.sets.sets = r.Int("total_sets");
  t.sets.reps = r.Int("total_reps");
  t.sets.volume_kg = r.Real("total_volume_kg");
  t.sets.exercises = r.Int("total_exercises");
  t.duration_s = r.OptReal("total_duration_s");
  return t;
}

WorkoutSummary WorkoutSummaryFromRow(const Row& r) {
  WorkoutSummary w;
  w.id = r.Text("id");
  w.title = r.Text("title");
  w.kind = ParseKind(r.Text("kind")).value_or(WorkoutKind::kStrength);
  w.started_at = r.Text("started_at");
  w.ended_at = r.OptText("ended_at");
  w.time_zone = r.OptText("time_zone");
  if (w.kind == WorkoutKind::kCardio) w.cardio = CardioFromRow(r);
  w.totals = TotalsFromRow(r);
  w.exercise_ids = SplitIds(r.Text("exercise_ids"));
  w.perceived_effort = r.OptInt("perceived_effort");
  w.visibility = r.Text("visibility");
  w.hidden_details = SplitIds(r.Text("hidden_details"));
  return w;
}

Workout WorkoutFromRow(const Row& r) {
  Workout w;
  w.id = r.Text("id");
  w.user_id = r.Text("user_id");
  w.kind = ParseKind(r.Text("kind")).value_or(WorkoutKind::kStrength);
  w.title = r.Text("title");
  w.started_at = r.Text("started_at");
  w.ended_at = r.OptText("ended_at");
  w.time_zone = r.OptText("time_zone");
  w.notes = r.OptText("notes");
  w.perceived_effort = r.OptInt("perceived_effort");
  w.routine_id = r.OptText("routine_id");
  if (w.kind == WorkoutKind::kCardio) w.cardio = CardioFromRow(r);
  w.totals = TotalsFromRow(r);
  w.input_hash = r.Text("input_hash");
  w.created_at = r.Text("created_at");
  w.updated_at = r.Text("updated_at");
  w.rev = r.Int("rev");
  w.visibility = r.Text("visibility");
  w.hidden_details = SplitIds(r.Text("hidden_details"));
  return w;
}

WorkoutHead WorkoutHeadFromRow(const Row& r) {
  return WorkoutHead{.id = r.Text("id"),
                     .rev = r.Int("rev"),
                     .input_hash = r.Text("input_hash"),
                     .deleted = r.Bool("deleted"),
                     .created_at = r.Text("created_at"),
                     .started_at = r.Text("started_at"),
                     .time_zone = r.OptText("time_zone"),
                     .kind = ParseKind(r.Text("kind")).value_or(WorkoutKind::kStrength),
                     .sport = r.OptText("sport"),
                     .exercise_ids = SplitIds(r.Text("exercise_ids")),
                     .visibility = r.Text("visibility"),
                     .hidden_details = SplitIds(r.Text("hidden_details"))};
}

}  // namespace vigor::features::workouts
