#include "core/nutrition_dri.hpp"

#include <algorithm>
#include <cmath>

#include "core/limits.hpp"

namespace vigor::core {

namespace {

std::optional<DriValue> ValueOf(const DriRow& row) {
  return DriValue{.kind = row.kind,
                  .amount = row.amount,
                  .upper_limit = row.upper_limit,
                  .upper_basis = row.upper_basis,
                  .ul_supplements_only = row.upper_basis == UpperLimitBasis::kSupplementsOnly};
}

// The row for one sex (kMale or kFemale), or a kAny row.
std::optional<DriValue> Find(Nutrient nutrient, int age, DriSex sex) {
  for (const DriRow& row : DriRows()) {
    if (row.nutrient == nutrient && (row.sex == DriSex::kAny || row.sex == sex) &&
        age >= row.min_age_years && age <= row.max_age_years) {
      return ValueOf(row);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<DriValue> Dri(Nutrient nutrient, double age_years, Sex sex) {
  if (!limits::kDriAgeYears.Contains(age_years)) return std::nullopt;
  int age = static_cast<int>(std::floor(age_years));
  switch (sex) {
    case Sex::kMale:
      return Find(nutrient, age, DriSex::kMale);
    case Sex::kFemale:
      return Find(nutrient, age, DriSex::kFemale);
    case Sex::kUnspecified:
      break;
  }
  std::optional<DriValue> male = Find(nutrient, age, DriSex::kMale);
  std::optional<DriValue> female = Find(nutrient, age, DriSex::kFemale);
  if (!male || !female) return male ? male : female;
  DriValue both = male->amount >= female->amount ? *male : *female;
  if (male->upper_limit && female->upper_limit) {
    both.upper_limit = std::min(*male->upper_limit, *female->upper_limit);
  }
  return both;
}

std::array<std::optional<DriValue>, kNutrientCount> DriForPerson(double age_years, Sex sex) {
  std::array<std::optional<DriValue>, kNutrientCount> values;
  for (std::size_t i = 0; i < kNutrientCount; ++i) {
    values[i] = Dri(static_cast<Nutrient>(i), age_years, sex);
  }
  return values;
}

std::optional<double> ProteinRdaGPerKg(double age_years) {
  if (!limits::kDriAgeYears.Contains(age_years)) return std::nullopt;
  if (age_years < 4) return 1.05;
  if (age_years < 14) return 0.95;
  if (age_years < 19) return 0.85;
  return 0.8;
}

std::optional<double> FoodUpperLimit(const DriValue& value) {
  if (value.upper_basis == UpperLimitBasis::kTotalIntake ||
      value.upper_basis == UpperLimitBasis::kChronicDiseaseRisk) {
    return value.upper_limit;
  }
  return std::nullopt;
}

}  // namespace vigor::core
