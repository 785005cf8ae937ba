#pragma once

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/nutrients.hpp"
#include "core/nutrition_totals.hpp"
#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/targets_model.hpp"

// The nutrient day (every nutrient against its target and upper limit) and the week (energy and
// macros a day, how many days were on target), worked out from the diary's totals, the targets
// in force and the workouts' energy. Pure: the service reads, these compute.
namespace vigor::features::nutrition {

struct NutrientDayEntry {
  core::Nutrient nutrient = core::Nutrient::kEnergyKcal;
  double amount = 0;
  bool incomplete = false;
  std::optional<double> target;
  std::optional<double> share;
  std::optional<double> upper_limit;
  bool above_upper_limit = false;
};

// Every nutrient of the closed list, in its order.
std::vector<NutrientDayEntry> NutrientDayOf(const core::NutrientTotals& totals,
                                            const ResolvedTargets& targets);

// A day is on its energy target within this share of it either way.
inline constexpr double kEnergyOnTargetTolerance = 0.10;

struct NutritionWeekDay {
  core::Day day;
  int items = 0;
  double energy_kcal = 0;
  double protein_g = 0;
  double carbohydrate_g = 0;
  double fat_g = 0;
  double exercise_kcal = 0;
  std::optional<bool> energy_on_target;  // nullopt without a target or nothing logged
  std::optional<bool> protein_hit;       // nullopt without a target or nothing logged
};

struct NutritionWeek {
  core::DayRange days;
  std::vector<NutritionWeekDay> each_day;
  std::optional<DailyTargets> targets;
  int days_logged = 0;  // days with at least one diary item
  int energy_days_on_target = 0;
  int protein_days_hit = 0;
  DailyTargets average;  // over the days logged; 0 when none
};

// `days`' diary totals (days without items may be absent) and workouts' energy per day. A day's
// energy target is the daily one plus that day's exercise energy when the user counts it.
NutritionWeek NutritionWeekOf(core::DayRange days, std::span<const DayNutrition> eaten,
                              std::span<const std::pair<core::Day, double>> exercise,
                              const std::optional<DailyTargets>& targets);

}  // namespace vigor::features::nutrition
