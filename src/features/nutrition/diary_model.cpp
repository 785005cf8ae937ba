#include "features/nutrition/diary_model.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace vigor::features::nutrition {

std::optional<std::string> RecipeIdOfFood(std::string_view food_id) {
  if (!food_id.starts_with(kRecipeFoodPrefix) || food_id.size() == kRecipeFoodPrefix.size()) {
    return std::nullopt;
  }
  return std::string(food_id.substr(kRecipeFoodPrefix.size()));
}

LoggableFood RecipeAsFood(const Recipe& recipe) {
  LoggableFood food;
  food.id = RecipeFoodId(recipe.id);
  food.source = "recipe";
  food.name = recipe.name;
  food.owned = true;
  const auto& n = recipe.nutrition;
  food.portions.push_back({.amount = 1,
                           .name = "serving",
                           .grams = n.dish_weight_g / static_cast<double>(recipe.servings)});
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    bool known_by_some = false;
    for (const auto& ingredient : recipe.ingredients) {
      if (ingredient.per_100g[i]) known_by_some = true;
    }
    if (known_by_some) food.per_100g[i] = n.per_100g.amounts[i];
  }
  return food;
}

std::string NutrientAmountsToText(const core::NutrientAmounts& amounts) {
  boost::json::object out;
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    if (amounts[i]) out[core::kNutrientKeys[i]] = *amounts[i];
  }
  return boost::json::serialize(out);
}

core::NutrientAmounts NutrientAmountsFromText(std::string_view text) {
  core::NutrientAmounts amounts;
  auto value = boost::json::parse(text);
  for (const auto& [key, amount] : value.as_object()) {
    if (auto nutrient = core::NutrientFromKey(key); nutrient && amount.is_number()) {
      amounts[static_cast<std::size_t>(*nutrient)] = amount.to_number<double>();
    }
  }
  return amounts;
}

std::optional<double> PortionGrams(const LoggableFood& food, const PortionAmount& portion) {
  for (const auto& p : food.portions) {
    if (p.name == portion.name && p.amount > 0) return portion.count * p.grams / p.amount;
  }
  return std::nullopt;
}

}  // namespace vigor::features::nutrition
