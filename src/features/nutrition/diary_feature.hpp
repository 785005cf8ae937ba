#pragma once

#include "features/nutrition/diary_service.hpp"
#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/recipe_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::nutrition {

// The food diary and recipes: /api/v1/diary/{date}..., /api/v1/diary-items/{id},
// /api/v1/recipes... `foods` resolves the foods of the catalogue, the user's own and the shared
// products (the foods part); this feature adds the user's recipes ("recipe-ID") on top of it.
class DiaryFeature final : public platform::Feature {
 public:
  DiaryFeature(platform::FeatureContext& context, FoodLookup foods, FoodUseRecorder record_use,
               TargetsLookup targets, ExerciseEnergy exercise);

  // Per-day totals over a range (for the targets part: nutrient day, week).
  DiaryTotals diary_totals();
  // The user's recipes matching a query, as foods (for food search).
  RecipeFoodSearch recipe_search();
  // Every food the user may log: `foods` and the user's recipes.
  FoodLookup foods_with_recipes();

  DiaryService& diary() { return diary_; }
  RecipeService& recipes() { return recipes_; }

 private:
  RecipeService recipes_;
  DiaryService diary_;
};

// The foods of the shipped catalogue (FoodCatalog::Embedded(), ids "usda-NNNNN") as a
// FoodLookup: what the diary uses until the foods part provides the full lookup.
FoodLookup CatalogFoodLookup();

}  // namespace vigor::features::nutrition
