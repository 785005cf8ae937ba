#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "core/nutrients.hpp"

// Arithmetic over nutrient amounts: an item's nutrients from its food's values per 100 g, the
// sum over a meal, a day or a recipe, and a total against a target.
namespace vigor::core {

// `per_100g` scaled to `grams` (x grams / 100); unknown stays unknown. No range check: callers
// validate grams against limits::kFoodAmountG.
NutrientAmounts ScalePer100g(const NutrientAmounts& per_100g, double grams);

// A sum where some items may not know a nutrient. Unknown is not zero, but neither does it make
// the total unknown: the amount is the sum of the known values ("at least this much") and the
// nutrient is flagged incomplete so the app can say so. A sum of nothing is 0 and complete.
struct NutrientTotals {
  std::array<double, kNutrientCount> amounts{};
  std::array<bool, kNutrientCount> incomplete{};

  void Add(const NutrientAmounts& item);
  void Add(const NutrientTotals& other);
  double Amount(Nutrient nutrient) const { return amounts[static_cast<std::size_t>(nutrient)]; }
  bool Incomplete(Nutrient nutrient) const {
    return incomplete[static_cast<std::size_t>(nutrient)];
  }
  // Every amount x factor, flags kept.
  NutrientTotals Scaled(double factor) const;
};

NutrientTotals SumNutrients(std::span<const NutrientAmounts> items);

struct RecipeIngredient {
  NutrientAmounts per_100g;
  double grams = 0;
};

struct RecipeNutrition {
  NutrientTotals total;        // the whole dish
  NutrientTotals per_serving;  // total / servings
  // Per 100 g of the dish as eaten, so that a recipe is usable as a food: total / cooked weight x
  // 100 when the cooked weight is given (cooking loses or gains water: 500 g of raw rice and water
  // weighs what it weighs after), otherwise total / the ingredients' raw weight x 100.
  NutrientTotals per_100g;
  double raw_weight_g = 0;   // sum of the ingredients' grams
  double dish_weight_g = 0;  // cooked weight if given, else raw_weight_g
};

// nullopt when there are no ingredients, an ingredient's grams are outside limits::kFoodAmountG
// (or 0), servings are outside kRecipeServings or a given cooked weight is outside
// kRecipeCookedWeightG (or 0).
std::optional<RecipeNutrition> ComputeRecipeNutrition(std::span<const RecipeIngredient> ingredients,
                                                      std::int64_t servings,
                                                      std::optional<double> cooked_weight_g);

// One nutrient of a day against its target and upper limit.
struct NutrientProgress {
  std::optional<double> share_of_target;  // amount / target (1.0 = met); nullopt without a target
  bool above_upper_limit = false;         // amount > the upper limit given
};

// `upper_limit` is the limit that applies to what the diary records, i.e. food: pass
// FoodUpperLimit(...) from nutrition_dri.hpp, which is nullopt for limits on supplements only. A
// target of 0 or less gives no share. An amount exactly at the limit is not above it.
NutrientProgress CompareToTarget(double amount, std::optional<double> target,
                                 std::optional<double> upper_limit);

}  // namespace vigor::core
