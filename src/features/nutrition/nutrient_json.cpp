#include "features/nutrition/nutrient_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "core/limits.hpp"

namespace vigor::features::nutrition {

namespace {

core::limits::Range<double> Per100gRange(std::string_view key) {
  namespace limits = core::limits;
  if (key.ends_with("_kcal")) return limits::kPer100gEnergyKcal;
  if (key.ends_with("_mg")) return limits::kPer100gMilligrams;
  if (key.ends_with("_ug")) return limits::kPer100gMicrograms;
  return limits::kPer100gGrams;
}

}  // namespace

boost::json::object EncodeNutrientAmounts(const core::NutrientAmounts& amounts) {
  boost::json::object out;
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    if (amounts[i]) out[core::kNutrientKeys[i]] = *amounts[i];
  }
  return out;
}

boost::json::object EncodeNutrientTotals(const core::NutrientTotals& totals) {
  boost::json::object amounts;
  boost::json::array incomplete;
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    amounts[core::kNutrientKeys[i]] = totals.amounts[i];
    if (totals.incomplete[i]) incomplete.emplace_back(core::kNutrientKeys[i]);
  }
  return {{"amounts", std::move(amounts)}, {"incomplete", std::move(incomplete)}};
}

core::NutrientAmounts DecodeNutrientAmountsPer100g(const boost::json::object& object,
                                                   const std::string& field,
                                                   platform::FieldErrors& errors) {
  core::NutrientAmounts amounts;
  for (const auto& [key, value] : object) {
    std::string name = field + "." + std::string(key);
    auto nutrient = core::NutrientFromKey(key);
    if (!nutrient) {
      errors.Add(name, Msg("unknown_field"));
      continue;
    }
    if (value.is_null()) continue;
    if (!value.is_number()) {
      errors.Add(name, Msg("not_number"));
      continue;
    }
    double amount = value.to_number<double>();
    if (!std::isfinite(amount) || !Per100gRange(key).Contains(amount)) {
      errors.Add(name, Msg("out_of_range"));
      continue;
    }
    amounts[static_cast<std::size_t>(*nutrient)] = amount;
  }
  return amounts;
}

}  // namespace vigor::features::nutrition
