#pragma once

#include <optional>
#include <string_view>

#include "core/nutrition_sex.hpp"

// Daily energy and macronutrient targets from a profile, with every step kept so that the web
// app can show how the numbers came about.
namespace vigor::core {

// Basal metabolic rate in kcal/day by Mifflin, St Jeor et al. (1990), "A new predictive equation
// for resting energy expenditure in healthy individuals", Am J Clin Nutr 51(2):241-247:
//   men    10 * kg + 6.25 * cm - 5 * years + 5
//   women  10 * kg + 6.25 * cm - 5 * years - 161
// For kUnspecified this returns the mean of the two (10 * kg + 6.25 * cm - 5 * years - 78): it is
// never more than 83 kcal from either, where picking one would be up to 166 kcal off.
// No range checks (see ComputeEnergyTarget for those).
double MifflinStJeorBmrKcal(double weight_kg, double height_cm, double age_years, Sex sex);

// Physical activity level: total daily energy expenditure = BMR x factor. These are the
// multipliers most calculators apply to Mifflin-St Jeor (passed down from the Harris-Benedict
// calculators; a convention, not a measurement), chosen by how the user describes their week.
enum class ActivityLevel {
  kSedentary,   // 1.2: desk job, little or no exercise
  kLight,       // 1.375: light exercise 1-3 days a week
  kModerate,    // 1.55: moderate exercise 3-5 days a week
  kActive,      // 1.725: hard exercise 6-7 days a week
  kVeryActive,  // 1.9: hard daily exercise and a physical job
};
double ActivityFactor(ActivityLevel level);
// "sedentary", "light", "moderate", "active", "very_active" (the API's words).
std::string_view ActivityLevelKey(ActivityLevel level);
std::optional<ActivityLevel> ActivityLevelFromKey(std::string_view key);

// A kilogram of body weight gained or lost is taken as 7,700 kcal (the usual 3,500 kcal per pound,
// 3,500 / 0.45359 = 7,716, rounded as most references do), spread evenly over the 7 days of a week.
inline constexpr double kKcalPerKgBodyWeight = 7'700;

// The least a weight-loss target goes: 1,200 kcal/day for women and 1,500 for men. This is a
// convention most calculators and clinical handouts share rather than one authority's number; it
// sits at or near the top of the low-calorie diets the US National Heart, Lung, and Blood Institute
// recommends for weight loss (NHLBI 1998, "Clinical Guidelines on the Identification, Evaluation,
// and Treatment of Overweight and Obesity in Adults", and its 2000 Practical Guide: about
// 1,000-1,200 kcal/day for women and 1,200-1,600 for men), so a target at the floor is still one
// such a diet allows. Not "never below BMR": that rule has no such source and would leave small,
// sedentary people almost no deficit. kUnspecified: 1,500, the higher one (a floor is for safety).
double EnergyFloorKcal(Sex sex);

struct EnergyProfile {
  double weight_kg = 0;
  double height_cm = 0;
  double age_years = 0;
  Sex sex = Sex::kUnspecified;
  ActivityLevel activity = ActivityLevel::kSedentary;
  double weekly_change_kg = 0;  // negative: lose weight
};

// Each step of the energy target, for "how we computed this".
struct EnergyTarget {
  double bmr_kcal = 0;               // MifflinStJeorBmrKcal
  double activity_factor = 0;        // ActivityFactor
  double tdee_kcal = 0;              // bmr_kcal * activity_factor: maintenance
  double daily_adjustment_kcal = 0;  // weekly_change_kg * 7,700 / 7 (negative: a deficit)
  double unfloored_kcal = 0;         // tdee_kcal + daily_adjustment_kcal
  double floor_kcal = 0;             // EnergyFloorKcal(sex)
  bool floor_applied = false;        // the target was raised from unfloored_kcal
  double target_kcal = 0;            // what to eat a day
};

// The daily energy target: BMR x activity factor + the weekly goal's daily share, but a deficit
// never takes the target below the floor. When maintenance itself is below the floor (a small,
// sedentary person), a deficit leaves the target at maintenance, never above it (the floor guards
// against too much deficit; it does not tell anyone to gain weight). A surplus is never floored.
// nullopt when the weight is outside limits::kBodyWeightKg (or 0), the height outside
// kBodyHeightCm, the age outside kEnergyTargetAgeYears or the goal outside kWeeklyWeightChangeKg.
std::optional<EnergyTarget> ComputeEnergyTarget(const EnergyProfile& profile);

// Default macronutrient split (documented choices, all editable by the user):
// - protein 1.6 g per kg body weight (the ISSN position stand, Jäger et al. 2017: 1.4-2.0 g/kg for
//   exercising people; 1.6 g/kg is where Morton et al. 2018's meta-analysis saw gains plateau),
//   but at most 35 % of energy (the top of the IOM's Acceptable Macronutrient Distribution Range);
// - fat 30 % of energy (inside the AMDR of 20-35 %);
// - carbohydrate the rest (at least 35 % of energy given the two caps above).
// Energy per gram: 4 kcal protein, 4 carbohydrate, 9 fat (Atwater factors).
inline constexpr double kDefaultProteinGPerKg = 1.6;
inline constexpr double kMaxProteinEnergyShare = 0.35;
inline constexpr double kDefaultFatEnergyShare = 0.30;
inline constexpr double kKcalPerGProtein = 4;
inline constexpr double kKcalPerGCarbohydrate = 4;
inline constexpr double kKcalPerGFat = 9;

struct MacroTargets {
  double protein_g = 0;
  double fat_g = 0;
  double carbohydrate_g = 0;
  bool protein_capped = false;  // 1.6 g/kg was more than 35 % of energy
};

// Macros for `energy_kcal` a day (> 0) and body weight (> 0); nullopt otherwise.
std::optional<MacroTargets> ComputeMacroTargets(double energy_kcal, double weight_kg,
                                                double protein_g_per_kg = kDefaultProteinGPerKg,
                                                double fat_energy_share = kDefaultFatEnergyShare);

}  // namespace vigor::core
