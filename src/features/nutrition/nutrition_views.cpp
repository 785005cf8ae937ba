#include "features/nutrition/nutrition_views.hpp"

#include <cmath>

namespace vigor::features::nutrition {

using core::Nutrient;

std::vector<NutrientDayEntry> NutrientDayOf(const core::NutrientTotals& totals,
                                            const ResolvedTargets& targets) {
  std::vector<NutrientDayEntry> entries;
  entries.reserve(core::kNutrientCount);
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    auto nutrient = static_cast<Nutrient>(i);
    NutrientDayEntry e;
    e.nutrient = nutrient;
    e.amount = totals.Amount(nutrient);
    e.incomplete = totals.Incomplete(nutrient);
    e.target = targets.TargetOf(nutrient);
    e.upper_limit = targets.UpperLimitOf(nutrient);
    auto progress = core::CompareToTarget(e.amount, e.target, e.upper_limit);
    e.share = progress.share_of_target;
    e.above_upper_limit = progress.above_upper_limit;
    entries.push_back(e);
  }
  return entries;
}

NutritionWeek NutritionWeekOf(core::DayRange days, std::span<const DayNutrition> eaten,
                              std::span<const std::pair<core::Day, double>> exercise,
                              const std::optional<DailyTargets>& targets) {
  NutritionWeek week;
  week.days = days;
  week.targets = targets;
  DailyTargets sum;
  for (auto day = days.first; day <= days.last; day += std::chrono::days(1)) {
    NutritionWeekDay d;
    d.day = day;
    for (const auto& e : eaten) {
      if (e.day != day) continue;
      d.items += e.items;
      d.energy_kcal += e.totals.Amount(Nutrient::kEnergyKcal);
      d.protein_g += e.totals.Amount(Nutrient::kProteinG);
      d.carbohydrate_g += e.totals.Amount(Nutrient::kCarbohydrateG);
      d.fat_g += e.totals.Amount(Nutrient::kFatG);
    }
    for (const auto& [exercise_day, kcal] : exercise) {
      if (exercise_day == day) d.exercise_kcal += kcal;
    }
    if (d.items > 0) {
      ++week.days_logged;
      sum.energy_kcal += d.energy_kcal;
      sum.protein_g += d.protein_g;
      sum.carbohydrate_g += d.carbohydrate_g;
      sum.fat_g += d.fat_g;
      if (targets) {
        double energy_target =
            targets->energy_kcal + (targets->include_exercise_energy ? d.exercise_kcal : 0);
        d.energy_on_target =
            std::abs(d.energy_kcal - energy_target) <= kEnergyOnTargetTolerance * energy_target;
        d.protein_hit = d.protein_g >= targets->protein_g;
        if (*d.energy_on_target) ++week.energy_days_on_target;
        if (*d.protein_hit) ++week.protein_days_hit;
      }
    }
    week.each_day.push_back(d);
  }
  if (week.days_logged > 0) {
    double n = week.days_logged;
    week.average = {.energy_kcal = sum.energy_kcal / n,
                    .protein_g = sum.protein_g / n,
                    .carbohydrate_g = sum.carbohydrate_g / n,
                    .fat_g = sum.fat_g / n};
  }
  return week;
}

}  // namespace vigor::features::nutrition
