#include "core/workout_totals.hpp"

#include <cmath>
#include <set>

namespace vigor::core {

WorkoutTotals ComputeTotals(std::span<const BlockFigures> blocks) {
  WorkoutTotals totals;
  std::set<std::string> exercises;
  double volume = 0;
  for (const auto& block : blocks) {
    for (const auto& set : block.sets) {
      if (!set.done) continue;
      ++totals.sets;
      exercises.insert(block.exercise_id);
      std::int64_t reps = set.reps.value_or(0);
      totals.reps += reps;
      volume += set.weight_kg.value_or(0) * static_cast<double>(reps);
    }
  }
  totals.exercises = static_cast<std::int64_t>(exercises.size());
  // 22.68 kg x 10 is 226.79999999999998 in binary; nobody lifts less than a gram.
  totals.volume_kg = std::round(volume * 1000) / 1000;
  return totals;
}

std::optional<double> WorkoutDurationSeconds(std::optional<double> cardio_duration_s,
                                             std::int64_t started_ms,
                                             std::optional<std::int64_t> ended_ms) {
  if (cardio_duration_s) return cardio_duration_s;
  if (!ended_ms) return std::nullopt;
  return static_cast<double>(*ended_ms - started_ms) / 1000.0;
}

}  // namespace vigor::core
