#include "core/nutrition_energy.hpp"

#include <algorithm>
#include <cmath>

#include "core/limits.hpp"

namespace vigor::core {

namespace {

constexpr double kMaleConstant = 5;
constexpr double kFemaleConstant = -161;
constexpr double kDaysPerWeek = 7;

constexpr ActivityLevel kActivityLevels[] = {ActivityLevel::kSedentary, ActivityLevel::kLight,
                                             ActivityLevel::kModerate, ActivityLevel::kActive,
                                             ActivityLevel::kVeryActive};

}  // namespace

double MifflinStJeorBmrKcal(double weight_kg, double height_cm, double age_years, Sex sex) {
  double base = 10 * weight_kg + 6.25 * height_cm - 5 * age_years;
  switch (sex) {
    case Sex::kMale:
      return base + kMaleConstant;
    case Sex::kFemale:
      return base + kFemaleConstant;
    case Sex::kUnspecified:
      break;
  }
  return base + (kMaleConstant + kFemaleConstant) / 2;
}

double ActivityFactor(ActivityLevel level) {
  switch (level) {
    case ActivityLevel::kSedentary:
      return 1.2;
    case ActivityLevel::kLight:
      return 1.375;
    case ActivityLevel::kModerate:
      return 1.55;
    case ActivityLevel::kActive:
      return 1.725;
    case ActivityLevel::kVeryActive:
      return 1.9;
  }
  return 1.2;
}

std::string_view ActivityLevelKey(ActivityLevel level) {
  switch (level) {
    case ActivityLevel::kSedentary:
      return "sedentary";
    case ActivityLevel::kLight:
      return "light";
    case ActivityLevel::kModerate:
      return "moderate";
    case ActivityLevel::kActive:
      return "active";
    case ActivityLevel::kVeryActive:
      return "very_active";
  }
  return "sedentary";
}

std::optional<ActivityLevel> ActivityLevelFromKey(std::string_view key) {
  for (ActivityLevel level : kActivityLevels) {
    if (ActivityLevelKey(level) == key) return level;
  }
  return std::nullopt;
}

double EnergyFloorKcal(Sex sex) { return sex == Sex::kFemale ? 1'200 : 1'500; }

std::optional<EnergyTarget> ComputeEnergyTarget(const EnergyProfile& profile) {
  // Contains() is false for NaN, so no separate finiteness check is needed.
  if (!limits::kBodyWeightKg.Contains(profile.weight_kg) || profile.weight_kg <= 0 ||
      !limits::kBodyHeightCm.Contains(profile.height_cm) ||
      !limits::kEnergyTargetAgeYears.Contains(profile.age_years) ||
      !limits::kWeeklyWeightChangeKg.Contains(profile.weekly_change_kg)) {
    return std::nullopt;
  }
  EnergyTarget target;
  target.bmr_kcal =
      MifflinStJeorBmrKcal(profile.weight_kg, profile.height_cm, profile.age_years, profile.sex);
  target.activity_factor = ActivityFactor(profile.activity);
  target.tdee_kcal = target.bmr_kcal * target.activity_factor;
  target.daily_adjustment_kcal = profile.weekly_change_kg * kKcalPerKgBodyWeight / kDaysPerWeek;
  target.unfloored_kcal = target.tdee_kcal + target.daily_adjustment_kcal;
  target.floor_kcal = EnergyFloorKcal(profile.sex);
  target.target_kcal = target.unfloored_kcal;
  if (target.daily_adjustment_kcal < 0) {
    double lowest = std::min(target.floor_kcal, target.tdee_kcal);
    if (target.unfloored_kcal < lowest) {
      target.target_kcal = lowest;
      target.floor_applied = true;
    }
  }
  return target;
}

std::optional<MacroTargets> ComputeMacroTargets(double energy_kcal, double weight_kg,
                                                double protein_g_per_kg, double fat_energy_share) {
  if (!(energy_kcal > 0) || !std::isfinite(energy_kcal) || !(weight_kg > 0) ||
      !std::isfinite(weight_kg) || !(protein_g_per_kg >= 0) || !std::isfinite(protein_g_per_kg) ||
      !(fat_energy_share >= 0) || !(fat_energy_share <= 1 - kMaxProteinEnergyShare)) {
    return std::nullopt;
  }
  MacroTargets macros;
  double protein_kcal = protein_g_per_kg * weight_kg * kKcalPerGProtein;
  double max_protein_kcal = energy_kcal * kMaxProteinEnergyShare;
  if (protein_kcal > max_protein_kcal) {
    protein_kcal = max_protein_kcal;
    macros.protein_capped = true;
  }
  double fat_kcal = energy_kcal * fat_energy_share;
  macros.protein_g = protein_kcal / kKcalPerGProtein;
  macros.fat_g = fat_kcal / kKcalPerGFat;
  macros.carbohydrate_g = (energy_kcal - protein_kcal - fat_kcal) / kKcalPerGCarbohydrate;
  return macros;
}

}  // namespace vigor::core
