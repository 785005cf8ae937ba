#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/nutrients.hpp"
#include "core/nutrition_energy.hpp"
#include "core/nutrition_sex.hpp"
#include "features/nutrition/food_lookup.hpp"

// A user's nutrition targets: what they set (TargetsSettings, stored), and what is in force once
// the profile, their birth year and latest weight are applied (ResolvedTargets, worked out on
// every read so that a weigh-in moves computed targets without a write).
namespace vigor::features::nutrition {

enum class TargetsMode { kManual, kComputed };
std::string_view TargetsModeKey(TargetsMode mode);
std::optional<TargetsMode> TargetsModeFromKey(std::string_view key);

struct NutritionProfile {
  core::Sex sex = core::Sex::kUnspecified;
  std::optional<double> height_cm;
  core::ActivityLevel activity = core::ActivityLevel::kSedentary;
  double weekly_change_kg = 0;
  bool operator==(const NutritionProfile&) const = default;
};

// What PUT /api/v1/nutrition/targets sets (the whole of it: a PUT replaces every part).
struct TargetsSettings {
  TargetsMode mode = TargetsMode::kManual;
  std::optional<double> energy_kcal;  // manual: required; computed: not used
  std::optional<double> protein_g;    // either mode: replaces the default split when given
  std::optional<double> carbohydrate_g;
  std::optional<double> fat_g;
  bool include_exercise_energy = false;
  std::optional<NutritionProfile> profile;  // computed: required
  // The user's own daily amounts, replacing the reference intakes; in enum order, each once.
  std::vector<std::pair<core::Nutrient, double>> micronutrients;
};

struct StoredTargets {
  TargetsSettings settings;
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 0;
};

// What resolving needs from other features: the birth year on /me, the latest body weight, and
// this year (completed years are not known from a birth year: age is this year minus it).
struct TargetsFacts {
  std::optional<std::int64_t> birth_year;
  std::optional<double> weight_kg;
  std::int64_t current_year = 0;
};

// The age reference intakes are looked up for when the birth year is unknown: an adult's (the
// 19-30 group; every adult group up to 50 has the same values but for a few: see data/dri).
inline constexpr double kAdultDefaultAgeYears = 30;

enum class MicronutrientBasis { kRda, kAi, kCustom };
std::string_view MicronutrientBasisKey(MicronutrientBasis basis);

struct MicronutrientTarget {
  core::Nutrient nutrient = core::Nutrient::kEnergyKcal;
  double amount = 0;
  MicronutrientBasis basis = MicronutrientBasis::kRda;
  std::optional<double> upper_limit;  // FoodUpperLimit of the reference intake, where one applies
};

struct EnergyExplanation {
  double weight_kg = 0;
  double age_years = 0;
  core::EnergyTarget energy;
  double protein_g_per_kg = 0;  // the daily protein target over the weight
};

// What is in force.
struct ResolvedTargets {
  std::optional<TargetsMode> mode;    // nullopt: nothing set ("none")
  std::optional<DailyTargets> daily;  // nullopt: none set, or computed and something missing
  bool include_exercise_energy = false;
  NutritionProfile profile;  // the stored one, or the defaults
  bool has_profile = false;
  std::vector<MicronutrientTarget> micronutrients;  // enum order: every nutrient with a target
  std::optional<EnergyExplanation> computed;
  std::vector<std::string> missing;  // birth_year, height_cm, weight, sex (the API's words)

  // The daily target of `nutrient` in force: the daily energy and macros where set, otherwise
  // the micronutrient target; nullopt without one.
  std::optional<double> TargetOf(core::Nutrient nutrient) const;
  // The food upper limit of `nutrient`, nullopt without one.
  std::optional<double> UpperLimitOf(core::Nutrient nutrient) const;
};

// Works out the targets in force. Computed energy is Mifflin-St Jeor x activity factor with the
// weekly goal and its floor (core/nutrition_energy.hpp); the macros are ComputeMacroTargets' split
// unless the user gave their own. A manual target without macros gets the same split, with the
// protein of the reference intake (RDA) for the user's age and sex when no weight is known.
ResolvedTargets ResolveTargets(const std::optional<TargetsSettings>& settings,
                               const TargetsFacts& facts);

}  // namespace vigor::features::nutrition
