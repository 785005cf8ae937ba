#pragma once

#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/foods_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::nutrition {

// Foods (issue 12): search over the shipped catalogue, the user's own foods, the shared Open
// Food Facts products and the user's recipes; barcodes; custom foods; the admin's Open Food
// Facts import (background jobs of kind kFoodImportJobKind). /api/v1/foods...,
// /api/v1/admin/food-imports...
class FoodsFeature final : public platform::Feature {
 public:
  explicit FoodsFeature(platform::FeatureContext& context);

  FoodsService& service() { return service_; }
  // For the diary and recipes: any food the user may log, by id (usda, custom, off; recipes are
  // the diary part's own), in the caller's transaction.
  FoodLookup lookup();
  // For the diary: that the user logged a food (the recent and frequent lists, search's boost).
  FoodUseRecorder use_recorder();
  // Connected by the composition root once the diary part exists; until then search finds no
  // recipes.
  void SetRecipeSearch(RecipeFoodSearch search) { service_.SetRecipeSearch(std::move(search)); }
  void SetRecipeLookup(FoodLookup lookup) { service_.SetRecipeLookup(std::move(lookup)); }

 private:
  FoodsService service_;
};

}  // namespace vigor::features::nutrition
