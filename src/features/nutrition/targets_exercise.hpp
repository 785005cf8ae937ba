#pragma once

#include <optional>
#include <string>

// The energy a workout adds to the day's budget when the user counts exercise energy.
namespace vigor::features::nutrition {

// What the energy of a workout is worked out from (app::ExerciseEnergyOf reads it from workouts).
struct ExerciseWorkout {
  bool cardio = false;
  std::string sport;  // cardio: the API's sport key
  std::optional<double> duration_s;
  std::optional<double> distance_m;     // cardio
  std::optional<double> calories_kcal;  // cardio: measured (a device's file), when present
};

// A cardio workout's measured calories when it has them; otherwise its MET (CardioMet by sport
// and average speed; strength: StrengthMet moderate) x body weight x duration, net of the resting
// 1 MET (core/nutrition_met.hpp ExerciseEnergyBasis::kNet): the daily target's activity factor
// already counts resting energy for every hour of the day. nullopt when it cannot be told (no
// weight or duration, the sport "other").
std::optional<double> WorkoutExerciseKcal(const ExerciseWorkout& workout,
                                          std::optional<double> weight_kg);

}  // namespace vigor::features::nutrition
