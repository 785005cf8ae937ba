#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/nutrition/diary_model.hpp"
#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/recipe_repository.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

struct RecipeOutcome {
  Recipe recipe;
  bool created = true;  // false: a retry that found the recipe made before
};

// A user's recipes: ingredients (any food they may use, other recipes included) with amounts,
// servings and an optional cooked weight; nutrition per serving and per 100 g computed from the
// ingredients' values as they were when the recipe was saved. A recipe is also a food
// ("recipe-ID"): Foods() resolves those ids and hands the others to the foods part.
class RecipeService {
 public:
  using Session = platform::store::Session;

  RecipeService(platform::store::Database& database, FoodLookup foods)
      : database_(database), foods_(std::move(foods)) {}

  // By name.
  std::vector<Recipe> List(const std::string& user_id);
  Recipe Get(const std::string& user_id, const std::string& id);
  // A retry (the client's id or Idempotency-Key with the same content) returns the recipe made
  // before; the same id or key with other content is a conflict.
  RecipeOutcome Create(const std::string& user_id, const RecipeInput& input,
                       const std::optional<std::string>& idempotency_key);
  Recipe Replace(const std::string& user_id, const std::string& id, const RecipeInput& input);
  void Delete(const std::string& user_id, const std::string& id);

  // Every food the user may use, their recipes included (in the caller's transaction).
  FoodLookup Foods();
  // The user's recipes whose names match the query words (word prefixes), as foods, by name.
  std::vector<LoggableFood> Search(Session& s, const std::string& user_id, std::string_view query,
                                   std::size_t limit);

 private:
  // Resolves the ingredients (names and values per 100 g), checks the rules, computes nutrition;
  // `self` is the recipe being replaced (a recipe may not contain itself).
  Recipe Build(Session& s, const std::string& user_id, const RecipeInput& input,
               const std::optional<std::string>& self);
  bool Contains(Session& s, const std::string& user_id, const std::string& recipe_id,
                const std::string& wanted, int depth);
  std::optional<Recipe> FindComputed(Session& s, const std::string& user_id, const std::string& id);

  platform::store::Database& database_;
  FoodLookup foods_;
  RecipeRepository recipes_;
};

// The recipe's nutrition from its ingredients (servings and cooked weight as stored).
void ComputeNutrition(Recipe& recipe);

}  // namespace vigor::features::nutrition
