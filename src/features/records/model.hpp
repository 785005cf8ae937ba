#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Personal records, a lift's progress and heart-rate zones (issue 11). Values are SI (kg, m, s);
// timestamps RFC 3339 UTC as the workouts have them.
namespace vigor::features::records {

// One record as the API shows it (PersonalRecord in api/openapi.yaml).
struct PersonalRecord {
  std::string id;
  std::string kind;  // core::record_kind
  std::string variant;
  std::optional<std::string> exercise_id;  // strength
  std::optional<std::string> sport;        // cardio
  std::optional<std::int64_t> reps;
  std::optional<double> weight_kg;
  std::optional<double> distance_m;
  double value = 0;
  std::string workout_id;
  std::string achieved_at;
  std::optional<double> previous_value;
  bool current = false;
};

// kg, s or m: what `value` of a kind is in.
std::string_view UnitOf(std::string_view kind);

struct RecordFilter {
  std::optional<std::string> exercise_id;
  std::optional<std::string> sport;
};

struct RecordCursor {
  std::string achieved_at;
  std::string id;
};

struct RecordPage {
  std::vector<PersonalRecord> items;
  std::optional<std::string> next_cursor;
};

// A workout's figures for one exercise: a point of the progress chart.
struct ExerciseWorkoutStats {
  std::string workout_id;
  std::string exercise_id;
  std::string started_at;
  std::string day;  // local
  std::optional<double> one_rep_max_epley_kg;
  std::optional<double> one_rep_max_brzycki_kg;
  std::optional<double> heaviest_weight_kg;
  double best_set_volume_kg = 0;
  double volume_kg = 0;
  std::int64_t sets = 0;
  std::int64_t reps = 0;
};

struct ProgressPoint {
  std::string workout_id;
  std::string started_at;
  std::string day;
  std::optional<double> one_rep_max_kg;  // the user's formula
  std::optional<double> heaviest_weight_kg;
  double best_set_volume_kg = 0;
  double volume_kg = 0;
  std::int64_t sets = 0;
  std::int64_t reps = 0;
};

struct RepMax {
  std::int64_t reps = 0;
  double weight_kg = 0;
  std::string workout_id;
  std::string achieved_at;
};

struct ExerciseProgress {
  std::string exercise_id;
  std::string formula;  // epley | brzycki
  std::vector<ProgressPoint> points;
  std::vector<RepMax> rep_maxes;
};

struct ProgressRange {
  std::optional<std::string> from;  // local days, inclusive
  std::optional<std::string> to;
};

}  // namespace vigor::features::records
