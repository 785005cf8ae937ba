#pragma once

#include "features/nutrition/diary_service.hpp"
#include "features/nutrition/recipe_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::nutrition {

// /api/v1/diary/{date}..., /api/v1/diary-items/{id} and /api/v1/recipes...
void RegisterDiaryRoutes(platform::http::Router& router, DiaryService& diary,
                         RecipeService& recipes);

}  // namespace vigor::features::nutrition
