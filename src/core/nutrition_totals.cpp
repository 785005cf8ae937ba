#include "core/nutrition_totals.hpp"

#include "core/limits.hpp"

namespace vigor::core {

NutrientAmounts ScalePer100g(const NutrientAmounts& per_100g, double grams) {
  NutrientAmounts scaled;
  for (std::size_t i = 0; i < kNutrientCount; ++i) {
    if (per_100g[i]) scaled[i] = *per_100g[i] * grams / 100;
  }
  return scaled;
}

void NutrientTotals::Add(const NutrientAmounts& item) {
  for (std::size_t i = 0; i < kNutrientCount; ++i) {
    if (item[i]) {
      amounts[i] += *item[i];
    } else {
      incomplete[i] = true;
    }
  }
}

void NutrientTotals::Add(const NutrientTotals& other) {
  for (std::size_t i = 0; i < kNutrientCount; ++i) {
    amounts[i] += other.amounts[i];
    incomplete[i] = incomplete[i] || other.incomplete[i];
  }
}

NutrientTotals NutrientTotals::Scaled(double factor) const {
  NutrientTotals scaled = *this;
  for (double& amount : scaled.amounts) amount *= factor;
  return scaled;
}

NutrientTotals SumNutrients(std::span<const NutrientAmounts> items) {
  NutrientTotals totals;
  for (const NutrientAmounts& item : items) totals.Add(item);
  return totals;
}

std::optional<RecipeNutrition> ComputeRecipeNutrition(std::span<const RecipeIngredient> ingredients,
                                                      std::int64_t servings,
                                                      std::optional<double> cooked_weight_g) {
  if (ingredients.empty() || !limits::kRecipeServings.Contains(servings)) return std::nullopt;
  if (cooked_weight_g &&
      (!limits::kRecipeCookedWeightG.Contains(*cooked_weight_g) || *cooked_weight_g <= 0)) {
    return std::nullopt;
  }
  RecipeNutrition recipe;
  for (const RecipeIngredient& ingredient : ingredients) {
    if (!limits::kFoodAmountG.Contains(ingredient.grams) || ingredient.grams <= 0) {
      return std::nullopt;
    }
    recipe.total.Add(ScalePer100g(ingredient.per_100g, ingredient.grams));
    recipe.raw_weight_g += ingredient.grams;
  }
  recipe.dish_weight_g = cooked_weight_g.value_or(recipe.raw_weight_g);
  recipe.per_serving = recipe.total.Scaled(1.0 / static_cast<double>(servings));
  recipe.per_100g = recipe.total.Scaled(100 / recipe.dish_weight_g);
  return recipe;
}

NutrientProgress CompareToTarget(double amount, std::optional<double> target,
                                 std::optional<double> upper_limit) {
  NutrientProgress progress;
  if (target && *target > 0) progress.share_of_target = amount / *target;
  progress.above_upper_limit = upper_limit && amount > *upper_limit;
  return progress;
}

}  // namespace vigor::core
