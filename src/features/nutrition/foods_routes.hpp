#pragma once

#include <boost/json/object.hpp>

#include "features/nutrition/foods_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::nutrition {

// /api/v1/foods... (scopes nutrition:read / nutrition:write) and /api/v1/admin/food-imports...
// (admins, signed-in sessions only).
void RegisterFoodRoutes(platform::http::Router& router, FoodsService& foods);

// The JSON of api/openapi.yaml Food, FoodInput and FoodImport.
boost::json::object EncodeFood(const LoggableFood& food);
FoodInput DecodeFoodInput(const boost::json::object& object);
boost::json::object EncodeFoodImport(const FoodImport& import);

}  // namespace vigor::features::nutrition
