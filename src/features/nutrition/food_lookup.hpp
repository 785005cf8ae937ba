#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/nutrients.hpp"
#include "core/nutrition_totals.hpp"
#include "features/nutrition/catalog.hpp"
#include "platform/store/database.hpp"

// What the parts of nutrition know of each other: foods (the catalogue, the user's own, the
// shared imported products), the diary and recipes, and targets. Each part is built by its own
// files; the composition root (app/build_app.cpp) connects them with these functions, all of
// which run in the caller's transaction.
namespace vigor::features::nutrition {

using Session = platform::store::Session;

// A food a user may log or put in a recipe, whatever its source.
struct LoggableFood {
  std::string id;      // "usda-01123", a custom food's or shared product's id, "recipe-ID"
  std::string source;  // usda | custom | off | recipe (the API's FoodSource)
  std::string name;
  std::optional<std::string> brand;
  std::optional<std::string> barcode;
  std::optional<std::string> food_group;
  bool owned = false;  // the user's to change (custom foods, recipes)
  std::vector<Portion> portions;
  core::NutrientAmounts per_100g;
};

// The food with this id that `user_id` may use, or nullopt (unknown, or someone else's).
using FoodLookup = std::function<std::optional<LoggableFood>(Session&, const std::string& user_id,
                                                             const std::string& food_id)>;

// Tells the foods part that the user logged a food at `at_ms` (ms since the epoch), for the
// recent and frequent lists and for search's boost.
using FoodUseRecorder = std::function<void(Session&, const std::string& user_id,
                                           const std::string& food_id, std::int64_t at_ms)>;

// The user's recipes (as foods) whose names match a search: what search adds to its results.
using RecipeFoodSearch = std::function<std::vector<LoggableFood>(
    Session&, const std::string& user_id, std::string_view query, std::size_t limit)>;

// What the user ate on each day of a range that has diary items or water (other days absent).
struct DayNutrition {
  core::Day day;
  core::NutrientTotals totals;
  double water_ml = 0;
  int items = 0;
};
using DiaryTotals = std::function<std::vector<DayNutrition>(Session&, const std::string& user_id,
                                                            core::DayRange days)>;

// The user's daily targets as the diary shows them (DailyTargets), and whether workouts' energy
// counts in the day's budget; nullopt without targets.
struct DailyTargets {
  double energy_kcal = 0;
  double protein_g = 0;
  double carbohydrate_g = 0;
  double fat_g = 0;
  bool include_exercise_energy = false;
};
using TargetsLookup =
    std::function<std::optional<DailyTargets>(Session&, const std::string& user_id)>;

// The energy of the user's workouts on each day of a range (MET x body weight x duration, or a
// file's measured calories), for days that have any.
using ExerciseEnergy = std::function<std::vector<std::pair<core::Day, double>>(
    Session&, const std::string& user_id, core::DayRange days)>;

}  // namespace vigor::features::nutrition
