#include "features/nutrition/targets_model.hpp"

#include <algorithm>
#include <cmath>

#include "core/limits.hpp"
#include "core/nutrition_dri.hpp"

namespace vigor::features::nutrition {

using core::Nutrient;

std::string_view TargetsModeKey(TargetsMode mode) {
  return mode == TargetsMode::kComputed ? "computed" : "manual";
}

std::optional<TargetsMode> TargetsModeFromKey(std::string_view key) {
  if (key == "manual") return TargetsMode::kManual;
  if (key == "computed") return TargetsMode::kComputed;
  return std::nullopt;
}

std::string_view MicronutrientBasisKey(MicronutrientBasis basis) {
  switch (basis) {
    case MicronutrientBasis::kRda:
      return "rda";
    case MicronutrientBasis::kAi:
      return "ai";
    case MicronutrientBasis::kCustom:
      return "custom";
  }
  return "custom";
}

std::optional<double> ResolvedTargets::TargetOf(Nutrient nutrient) const {
  if (daily) {
    switch (nutrient) {
      case Nutrient::kEnergyKcal:
        return daily->energy_kcal;
      case Nutrient::kProteinG:
        return daily->protein_g;
      case Nutrient::kCarbohydrateG:
        return daily->carbohydrate_g;
      case Nutrient::kFatG:
        return daily->fat_g;
      default:
        break;
    }
  }
  for (const auto& m : micronutrients) {
    if (m.nutrient == nutrient) return m.amount;
  }
  return std::nullopt;
}

std::optional<double> ResolvedTargets::UpperLimitOf(Nutrient nutrient) const {
  for (const auto& m : micronutrients) {
    if (m.nutrient == nutrient) return m.upper_limit;
  }
  return std::nullopt;
}

namespace {

// The macros: the user's own where given, the rest from the default split.
struct Macros {
  double protein_g = 0;
  double carbohydrate_g = 0;
  double fat_g = 0;
};

Macros MacrosFor(const TargetsSettings& settings, const std::optional<core::MacroTargets>& split) {
  Macros macros;
  if (split) {
    macros = {split->protein_g, split->carbohydrate_g, split->fat_g};
  }
  if (settings.protein_g) macros.protein_g = *settings.protein_g;
  if (settings.carbohydrate_g) macros.carbohydrate_g = *settings.carbohydrate_g;
  if (settings.fat_g) macros.fat_g = *settings.fat_g;
  return macros;
}

// Targets are shown as whole kcal and grams: a target has no use for decimals.
DailyTargets Rounded(double energy_kcal, const Macros& macros, bool include_exercise_energy) {
  return {.energy_kcal = std::round(energy_kcal),
          .protein_g = std::round(macros.protein_g),
          .carbohydrate_g = std::round(macros.carbohydrate_g),
          .fat_g = std::round(macros.fat_g),
          .include_exercise_energy = include_exercise_energy};
}

}  // namespace

ResolvedTargets ResolveTargets(const std::optional<TargetsSettings>& settings,
                               const TargetsFacts& facts) {
  ResolvedTargets out;
  if (settings && settings->profile) {
    out.profile = *settings->profile;
    out.has_profile = true;
  }
  std::optional<double> age;
  if (facts.birth_year) age = static_cast<double>(facts.current_year - *facts.birth_year);

  if (!facts.birth_year) out.missing.emplace_back("birth_year");
  if (!out.has_profile || !out.profile.height_cm) out.missing.emplace_back("height_cm");
  if (!facts.weight_kg) out.missing.emplace_back("weight");
  if (!out.has_profile) out.missing.emplace_back("sex");

  // Reference intakes: for the user's age and sex, an adult's where unknown.
  double dri_age = age.value_or(kAdultDefaultAgeYears);
  core::Sex sex = out.profile.sex;
  if (core::limits::kDriAgeYears.Contains(dri_age)) {
    auto reference = core::DriForPerson(dri_age, sex);
    for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
      auto nutrient = static_cast<Nutrient>(i);
      std::optional<double> custom;
      if (settings) {
        for (const auto& [n, amount] : settings->micronutrients) {
          if (n == nutrient) custom = amount;
        }
      }
      const auto& dri = reference[i];
      std::optional<double> upper = dri ? core::FoodUpperLimit(*dri) : std::nullopt;
      if (custom) {
        out.micronutrients.push_back({nutrient, *custom, MicronutrientBasis::kCustom, upper});
      } else if (dri) {
        out.micronutrients.push_back({nutrient, dri->amount,
                                      dri->kind == core::IntakeKind::kRda ? MicronutrientBasis::kRda
                                                                          : MicronutrientBasis::kAi,
                                      upper});
      }
    }
  } else if (settings) {
    for (const auto& [n, amount] : settings->micronutrients) {
      out.micronutrients.push_back({n, amount, MicronutrientBasis::kCustom, std::nullopt});
    }
  }

  if (!settings) return out;
  out.mode = settings->mode;
  out.include_exercise_energy = settings->include_exercise_energy;

  if (settings->mode == TargetsMode::kManual) {
    if (!settings->energy_kcal) return out;  // refused on the way in
    double energy = *settings->energy_kcal;
    std::optional<core::MacroTargets> split;
    if (facts.weight_kg) {
      split = core::ComputeMacroTargets(energy, *facts.weight_kg);
    } else if (auto rda = core::Dri(
                   Nutrient::kProteinG,
                   core::limits::kDriAgeYears.Contains(dri_age) ? dri_age : kAdultDefaultAgeYears,
                   sex)) {
      // Without a weight, grams per kg cannot be worked out: the reference intake's grams a day.
      split = core::ComputeMacroTargets(energy, 1, rda->amount);
    }
    out.daily = Rounded(energy, MacrosFor(*settings, split), settings->include_exercise_energy);
    return out;
  }

  // Computed: needs the profile (refused on the way in without one), age, height and weight.
  if (!out.has_profile || !age || !out.profile.height_cm || !facts.weight_kg) return out;
  auto energy = core::ComputeEnergyTarget({.weight_kg = *facts.weight_kg,
                                           .height_cm = *out.profile.height_cm,
                                           .age_years = *age,
                                           .sex = out.profile.sex,
                                           .activity = out.profile.activity,
                                           .weekly_change_kg = out.profile.weekly_change_kg});
  if (!energy) return out;  // an age, weight or height the equation is not for
  auto split = core::ComputeMacroTargets(energy->target_kcal, *facts.weight_kg);
  Macros macros = MacrosFor(*settings, split);
  out.daily = Rounded(energy->target_kcal, macros, settings->include_exercise_energy);
  out.computed = EnergyExplanation{.weight_kg = *facts.weight_kg,
                                   .age_years = *age,
                                   .energy = *energy,
                                   .protein_g_per_kg = macros.protein_g / *facts.weight_kg};
  return out;
}

}  // namespace vigor::features::nutrition
