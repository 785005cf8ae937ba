#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "core/nutrients.hpp"
#include "core/nutrition_sex.hpp"

// The Dietary Reference Intakes of the US/Canadian Food and Nutrition Board (National Academies)
// for people aged 1 and over: what to aim for each day and, where one exists, the upper marker.
// The values are data/dri/dri.tsv (its header names the source tables and edition), compiled by
// scripts/gen-dri into nutrition_dri_data.cpp.
namespace vigor::core {

enum class IntakeKind {
  kRda,  // Recommended Dietary Allowance: meets the needs of 97-98 % of healthy people
  kAi,   // Adequate Intake: where the evidence does not allow an RDA
};

enum class UpperLimitBasis {
  kNone,                // no upper marker
  kTotalIntake,         // Tolerable Upper Intake Level on food, water and supplements
  kSupplementsOnly,     // UL on supplemental/fortification forms only (niacin, folate,
                        // vitamin E, magnesium): food alone cannot be compared with it
  kPreformedVitaminA,   // UL on retinol only; the diary's vitamin A (RAE) includes carotenoids
  kChronicDiseaseRisk,  // sodium's Chronic Disease Risk Reduction intake (2019), not a UL
};

// What the tables say for one nutrient and person.
struct DriValue {
  IntakeKind kind = IntakeKind::kRda;
  double amount = 0;                  // per day, in the nutrient's unit
  std::optional<double> upper_limit;  // per day; nullopt where none is set
  UpperLimitBasis upper_basis = UpperLimitBasis::kNone;
  bool ul_supplements_only = false;  // upper_basis == kSupplementsOnly
};

// The reference intake of `nutrient` for a person of `age_years` (completed years: 70.9 is in the
// 51-70 group, 71 in ">70"). nullopt when the nutrient has no DRI (energy, sugars, fats other than
// the n-3 and n-6 AIs, cholesterol, caffeine, alcohol) or the age is outside limits::kDriAgeYears
// (infants are not covered). Sex::kUnspecified gets the values that cover both sexes: the higher
// of the two amounts (and the kind of that row) and the lower of the two upper markers (the tables
// have the same upper markers for both sexes at every age, so this only matters for the amount).
std::optional<DriValue> Dri(Nutrient nutrient, double age_years, Sex sex);

// Dri for every nutrient, in enum order.
std::array<std::optional<DriValue>, kNutrientCount> DriForPerson(double age_years, Sex sex);

// The upper marker a diary's food totals are checked against: the upper limit for kTotalIntake
// and kChronicDiseaseRisk, nullopt otherwise (a limit on supplements says nothing about food, and
// retinol is not separated from carotenoids in the diary). Pass it to CompareToTarget.
std::optional<double> FoodUpperLimit(const DriValue& value);

// The protein RDA per kg of body weight (the tables' footnote: the g/day values are for a reference
// body weight): 1.05 g/kg at 1-3 years, 0.95 at 4-13, 0.85 at 14-18, 0.8 from 19. Same domain as
// Dri; the same for both sexes.
std::optional<double> ProteinRdaGPerKg(double age_years);

// One row of data/dri/dri.tsv (the generated table).
enum class DriSex { kAny, kMale, kFemale };
struct DriRow {
  Nutrient nutrient;
  DriSex sex;
  int min_age_years;  // completed years, both ends included
  int max_age_years;  // kDriOpenEndedAge for ">70"
  IntakeKind kind;
  double amount;
  std::optional<double> upper_limit;
  UpperLimitBasis upper_basis;
};
inline constexpr int kDriOpenEndedAge = 1'000;

// Every row, in the file's order, and the text of the TSV they were generated from (both defined
// in the generated nutrition_dri_data.cpp).
std::span<const DriRow> DriRows();
std::string_view DriSourceTsv();

}  // namespace vigor::core
