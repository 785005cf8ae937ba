#include "features/nutrition/targets_exercise.hpp"

#include "core/nutrition_met.hpp"

namespace vigor::features::nutrition {

std::optional<double> WorkoutExerciseKcal(const ExerciseWorkout& workout,
                                          std::optional<double> weight_kg) {
  if (workout.cardio && workout.calories_kcal && *workout.calories_kcal >= 0) {
    return *workout.calories_kcal;
  }
  if (!weight_kg || !workout.duration_s || *workout.duration_s <= 0) return std::nullopt;
  double met = 0;
  if (workout.cardio) {
    std::optional<double> speed;
    if (workout.distance_m && *workout.distance_m > 0) {
      speed = *workout.distance_m / *workout.duration_s;
    }
    auto value = core::CardioMet(workout.sport, speed);
    if (!value) return std::nullopt;
    met = value->met;
  } else {
    met = core::StrengthMet(core::StrengthEffort::kModerate).met;
  }
  return core::ExerciseEnergyKcal(met, *weight_kg, *workout.duration_s,
                                  core::ExerciseEnergyBasis::kNet);
}

}  // namespace vigor::features::nutrition
