#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "features/stats/sources.hpp"

namespace vigor::features::stats {

// The aggregate rows of one user's local day, computed from that day's live workouts.
struct KindTotalsRow {
  std::string kind;   // strength | cardio
  std::string sport;  // "" for strength
  std::int64_t sessions = 0;
  double duration_s = 0;
  double distance_m = 0;
  double elevation_gain_m = 0;
  double volume_kg = 0;
  std::int64_t sets = 0;
  double load = 0;
};

struct MuscleRow {
  std::string muscle;
  double sets = 0;
  double volume_kg = 0;
};

struct ExerciseRow {
  std::string exercise_id;
  std::int64_t sessions = 0;
  std::int64_t sets = 0;
  double volume_kg = 0;
};

struct DayRows {
  std::vector<KindTotalsRow> totals;
  std::vector<MuscleRow> muscles;      // muscles with done sets
  std::vector<ExerciseRow> exercises;  // exercises in a block of a workout of the day
};

// An exercise's done sets count for each primary muscle fully and each secondary muscle half,
// and so does their volume. Rows come out in a stable order (by key).
DayRows AggregateDay(std::span<const SourceWorkout* const> workouts,
                     const std::unordered_map<std::string, ExerciseMuscles>& muscles);

}  // namespace vigor::features::stats
