#include "features/workouts/workout_changes.hpp"

#include <algorithm>

namespace vigor::features::workouts {

WorkoutFacts FactsOf(const Workout& workout) {
  WorkoutFacts facts{.started_at = workout.started_at,
                     .time_zone = workout.time_zone,
                     .kind = workout.kind,
                     .sport = std::nullopt,
                     .exercise_ids = {},
                     .visibility = workout.visibility};
  if (workout.cardio) facts.sport = workout.cardio->sport;
  for (const auto& block : workout.blocks) {
    if (std::find(facts.exercise_ids.begin(), facts.exercise_ids.end(), block.exercise_id) ==
        facts.exercise_ids.end()) {
      facts.exercise_ids.push_back(block.exercise_id);
    }
  }
  return facts;
}

WorkoutFacts FactsOf(const WorkoutHead& head) {
  return WorkoutFacts{.started_at = head.started_at,
                      .time_zone = head.time_zone,
                      .kind = head.kind,
                      .sport = head.sport,
                      .exercise_ids = head.exercise_ids,
                      .visibility = head.visibility};
}

}  // namespace vigor::features::workouts
