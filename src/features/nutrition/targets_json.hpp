#pragma once

#include <boost/json/object.hpp>

#include "features/nutrition/nutrition_views.hpp"
#include "features/nutrition/targets_model.hpp"
#include "features/nutrition/targets_service.hpp"

// The JSON of targets and the nutrient views (api/openapi.yaml NutritionTargetsInput,
// NutritionTargets, NutrientDay, NutritionWeek). Handlers' layer: services never see JSON.
namespace vigor::features::nutrition {

// NutritionTargetsInput: every field within its range (core/limits.hpp), unknown members and
// unknown micronutrient keys refused; throws every field error at once. The rules across fields
// (a manual target's energy, a computed target's profile) are TargetsService::CheckRules.
TargetsSettings DecodeTargetsSettings(const boost::json::object& body);

boost::json::object EncodeTargets(const ResolvedTargets& targets);
boost::json::object EncodeNutrientDay(const TargetsService::NutrientDay& day);
boost::json::object EncodeNutritionWeek(const NutritionWeek& week);

}  // namespace vigor::features::nutrition
