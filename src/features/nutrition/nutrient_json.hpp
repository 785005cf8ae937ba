#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "core/nutrients.hpp"
#include "core/nutrition_totals.hpp"
#include "platform/error.hpp"

// The JSON of nutrient amounts and totals (api/openapi.yaml NutrientAmounts, NutrientTotals),
// shared by every nutrition route. Handlers' layer: services never see JSON.
namespace vigor::features::nutrition {

// Known amounts only: an unknown nutrient is absent, not 0.
boost::json::object EncodeNutrientAmounts(const core::NutrientAmounts& amounts);
// {"amounts": every nutrient, "incomplete": [keys of those some item did not give]}.
boost::json::object EncodeNutrientTotals(const core::NutrientTotals& totals);

// Amounts per 100 g of a food from `object` (the value at `field`, e.g. "per_100g"): each a
// number within core/limits.hpp's per-100 g range for its unit; an unknown key or a bad value is
// a field error named `field.key`.
core::NutrientAmounts DecodeNutrientAmountsPer100g(const boost::json::object& object,
                                                   const std::string& field,
                                                   platform::FieldErrors& errors);

}  // namespace vigor::features::nutrition
