#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/nutrients.hpp"
#include "core/nutrition_totals.hpp"
#include "features/nutrition/food_lookup.hpp"

// The diary and recipes as the services see them (no JSON, no SQL).
namespace vigor::features::nutrition {

// "2 x large": a count of one of the food's portions.
struct PortionAmount {
  std::string name;
  double count = 0;
  bool operator==(const PortionAmount&) const = default;
};

// What the client sends for a quick entry: energy and macros typed in.
struct QuickEntry {
  std::optional<std::string> name;
  double energy_kcal = 0;
  std::optional<double> protein_g;
  std::optional<double> carbohydrate_g;
  std::optional<double> fat_g;
};

// One item of POST /diary/{date}/items: a food by grams or portion, or a quick entry.
struct DiaryItemInput {
  std::optional<std::string> id;  // the client's UUID: a retry is not logged twice
  std::string meal;
  std::optional<std::string> food_id;
  std::optional<double> grams;
  std::optional<PortionAmount> portion;
  std::optional<QuickEntry> quick;
};

struct DiaryItemPatch {
  std::optional<std::string> meal;
  std::optional<double> grams;
  std::optional<PortionAmount> portion;
  std::optional<core::Day> day;
};

struct DiaryCopyInput {
  core::Day from;
  std::optional<std::string> meal;
  std::optional<std::string> to_meal;
};

// A logged item with the snapshot of its name and nutrients.
struct DiaryItem {
  std::string id;
  core::Day day;
  std::string meal;
  bool quick = false;
  std::optional<std::string> food_id;
  std::string name;
  std::optional<double> grams;
  std::optional<PortionAmount> portion;
  core::NutrientAmounts nutrients;
  std::string logged_at;
  std::int64_t rev = 0;
};

struct DiaryMeal {
  std::string name;
  std::vector<DiaryItem> items;
  core::NutrientTotals totals;
};

struct DiaryDayView {
  core::Day day;
  std::vector<DiaryMeal> meals;
  core::NutrientTotals totals;
  double water_ml = 0;
  double exercise_kcal = 0;
  std::optional<DailyTargets> targets;
  std::optional<double> remaining_kcal;
};

// The standard meals, listed first in this order (even when empty).
inline constexpr std::string_view kStandardMeals[] = {"breakfast", "lunch", "dinner", "snacks"};

struct RecipeIngredientInput {
  std::string food_id;
  std::optional<double> grams;
  std::optional<PortionAmount> portion;
};

struct RecipeInput {
  std::optional<std::string> id;
  std::string name;
  std::int64_t servings = 1;
  std::optional<double> cooked_weight_g;
  std::vector<RecipeIngredientInput> ingredients;
};

// An ingredient as saved: the food's name and values per 100 g when the recipe was saved.
struct RecipeIngredient {
  std::string food_id;
  std::string name;
  double grams = 0;
  std::optional<PortionAmount> portion;
  core::NutrientAmounts per_100g;
};

struct Recipe {
  std::string id;
  std::string name;
  std::int64_t servings = 1;
  std::optional<double> cooked_weight_g;
  std::vector<RecipeIngredient> ingredients;
  std::string updated_at;
  std::int64_t rev = 0;
  core::RecipeNutrition nutrition;  // computed from the ingredients when read
};

// A recipe's id as a food ("recipe-ID") and back.
inline constexpr std::string_view kRecipeFoodPrefix = "recipe-";
inline std::string RecipeFoodId(const std::string& recipe_id) {
  return std::string(kRecipeFoodPrefix) + recipe_id;
}
std::optional<std::string> RecipeIdOfFood(std::string_view food_id);

// The recipe as a food: one portion "serving" (the dish's weight / servings) and its values per
// 100 g. A nutrient no ingredient gives is unknown; one that only some give counts what they give.
LoggableFood RecipeAsFood(const Recipe& recipe);

// Storage form of nutrient amounts: a JSON object of the known ones.
std::string NutrientAmountsToText(const core::NutrientAmounts& amounts);
core::NutrientAmounts NutrientAmountsFromText(std::string_view text);

// The grams `portion` of `food` weighs, or nullopt when the food has no portion of that name.
std::optional<double> PortionGrams(const LoggableFood& food, const PortionAmount& portion);

}  // namespace vigor::features::nutrition
