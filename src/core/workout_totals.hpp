#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

// What a workout adds up to, computed once when it is written so that history lists and
// dashboards never read its sets again.
namespace vigor::core {

// A set as far as the totals go.
struct SetFigures {
  bool done = false;
  std::optional<std::int64_t> reps;
  std::optional<double> weight_kg;
};

// A block: one exercise and its sets, in order.
struct BlockFigures {
  std::string exercise_id;
  std::vector<SetFigures> sets;
};

struct WorkoutTotals {
  std::int64_t sets = 0;       // sets marked done
  std::int64_t reps = 0;       // reps of done sets
  double volume_kg = 0;        // sum of weight x reps of done sets, rounded to grams
  std::int64_t exercises = 0;  // distinct exercises with at least one done set
  bool operator==(const WorkoutTotals&) const = default;
};

// Only done sets count. A set without reps adds none; a set without weight (bodyweight, timed)
// adds its reps but no volume. The same exercise in two blocks counts once.
WorkoutTotals ComputeTotals(std::span<const BlockFigures> blocks);

// How long a workout took, in seconds: the cardio summary's duration when it has one, else the
// span from start to end; nullopt when neither is known.
std::optional<double> WorkoutDurationSeconds(std::optional<double> cardio_duration_s,
                                             std::int64_t started_ms,
                                             std::optional<std::int64_t> ended_ms);

}  // namespace vigor::core
