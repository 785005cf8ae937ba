#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "features/accounts/training_profile.hpp"
#include "features/nutrition/food_lookup.hpp"

namespace vigor::features::nutrition {

// What targets read of other features, in the caller's transaction; the composition root
// connects them (app/feature_links.cpp NutritionSourcesOf).
struct TargetsSources {
  // Birth year, time zone and week start (accounts).
  accounts::TrainingProfileLookup profile;
  // The user's latest body weight in kg on or before `day` (body measurements); nullopt when none.
  std::function<std::optional<double>(Session&, const std::string& user_id, core::Day day)>
      body_weight_kg;
  // The energy of the user's workouts per local day (workouts; app::ExerciseEnergyOf).
  ExerciseEnergy exercise_energy;
};

}  // namespace vigor::features::nutrition
