#include "features/nutrition/recipe_repository.hpp"

#include <map>

namespace vigor::features::nutrition {

namespace {
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kInsert{
    "recipes.insert",
    "INSERT INTO recipes (user_id, id, name, servings, cooked_weight_g, input_hash, "
    "idempotency_key, created_at, updated_at, rev) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, "
    "$9)"};
constexpr Statement kUpdate{
    "recipes.update",
    "UPDATE recipes SET name = $3, servings = $4, cooked_weight_g = $5, input_hash = $6, "
    "updated_at = $7, rev = $8 WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kTombstone{"recipes.tombstone",
                               "UPDATE recipes SET deleted_at = $3, updated_at = $3, rev = $4 "
                               "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kInsertIngredient{
    "recipe_ingredients.insert",
    "INSERT INTO recipe_ingredients (user_id, recipe_id, position, food_id, name, grams, "
    "portion_name, portion_count, per_100g) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr Statement kDeleteIngredients{
    "recipe_ingredients.delete_of_recipe",
    "DELETE FROM recipe_ingredients WHERE user_id = $1 AND recipe_id = $2"};
constexpr Statement kById{"recipes.by_id",
                          "SELECT id, name, servings, cooked_weight_g, updated_at, rev FROM "
                          "recipes WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kIngredientsOf{
    "recipe_ingredients.of_recipe",
    "SELECT recipe_id, food_id, name, grams, portion_name, portion_count, per_100g FROM "
    "recipe_ingredients WHERE user_id = $1 AND recipe_id = $2 ORDER BY position"};
constexpr Statement kHead{
    "recipes.head",
    "SELECT id, input_hash, deleted_at FROM recipes WHERE user_id = $1 AND id = $2"};
constexpr Statement kByIdempotencyKey{
    "recipes.by_idempotency_key",
    "SELECT id, input_hash, deleted_at FROM recipes WHERE user_id = $1 AND idempotency_key = $2"};
constexpr Statement kList{"recipes.list",
                          "SELECT id, name, servings, cooked_weight_g, updated_at, rev FROM "
                          "recipes WHERE user_id = $1 AND deleted_at IS NULL ORDER BY id"};
constexpr Statement kIngredientsOfUser{
    "recipe_ingredients.of_user",
    "SELECT i.recipe_id, i.food_id, i.name, i.grams, i.portion_name, i.portion_count, "
    "i.per_100g FROM recipe_ingredients i JOIN recipes r ON r.user_id = i.user_id "
    "AND r.id = i.recipe_id WHERE i.user_id = $1 AND r.deleted_at IS NULL "
    "ORDER BY i.recipe_id, i.position"};
constexpr Statement kRecipeIngredientIds{
    "recipe_ingredients.recipes_of_recipe",
    "SELECT food_id FROM recipe_ingredients WHERE user_id = $1 AND recipe_id = $2 "
    "AND food_id LIKE 'recipe-%'"};

Recipe RecipeFromRow(const Row& r) {
  Recipe recipe;
  recipe.id = r.Text("id");
  recipe.name = r.Text("name");
  recipe.servings = r.Int("servings");
  recipe.cooked_weight_g = r.OptReal("cooked_weight_g");
  recipe.updated_at = r.Text("updated_at");
  recipe.rev = r.Int("rev");
  return recipe;
}

RecipeIngredient IngredientFromRow(const Row& r) {
  RecipeIngredient ingredient;
  ingredient.food_id = r.Text("food_id");
  ingredient.name = r.Text("name");
  ingredient.grams = r.Real("grams");
  if (auto name = r.OptText("portion_name")) {
    ingredient.portion = PortionAmount{*name, r.OptReal("portion_count").value_or(0)};
  }
  ingredient.per_100g = NutrientAmountsFromText(r.Text("per_100g"));
  return ingredient;
}

std::optional<RecipeRepository::Head> HeadOf(const std::optional<Row>& row) {
  if (!row) return std::nullopt;
  return RecipeRepository::Head{.id = row->Text("id"),
                                .input_hash = row->Text("input_hash"),
                                .deleted = row->OptText("deleted_at").has_value()};
}

}  // namespace

void RecipeRepository::InsertIngredients(Session& s, const std::string& user_id,
                                         const Recipe& recipe) {
  int position = 0;
  for (const auto& i : recipe.ingredients) {
    std::optional<std::string> portion_name;
    std::optional<double> portion_count;
    if (i.portion) {
      portion_name = i.portion->name;
      portion_count = i.portion->count;
    }
    s.Execute(kInsertIngredient, user_id, recipe.id, position++, i.food_id, i.name, i.grams,
              portion_name, portion_count, NutrientAmountsToText(i.per_100g));
  }
}

void RecipeRepository::Insert(Session& s, const std::string& user_id, const Recipe& recipe,
                              const std::string& input_hash,
                              const std::optional<std::string>& idempotency_key,
                              const std::string& now) {
  s.Execute(kInsert, user_id, recipe.id, recipe.name, recipe.servings, recipe.cooked_weight_g,
            input_hash, idempotency_key, now, recipe.rev);
  InsertIngredients(s, user_id, recipe);
}

bool RecipeRepository::Replace(Session& s, const std::string& user_id, const Recipe& recipe,
                               const std::string& input_hash, const std::string& now) {
  if (s.Execute(kUpdate, user_id, recipe.id, recipe.name, recipe.servings, recipe.cooked_weight_g,
                input_hash, now, recipe.rev) == 0) {
    return false;
  }
  s.Execute(kDeleteIngredients, user_id, recipe.id);
  InsertIngredients(s, user_id, recipe);
  return true;
}

bool RecipeRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                                 const std::string& now, std::int64_t rev) {
  return s.Execute(kTombstone, user_id, id, now, rev) > 0;
}

std::optional<Recipe> RecipeRepository::Find(Session& s, const std::string& user_id,
                                             const std::string& id) {
  auto row = s.QueryOne(kById, user_id, id);
  if (!row) return std::nullopt;
  auto recipe = RecipeFromRow(*row);
  for (const auto& r : s.Query(kIngredientsOf, user_id, id)) {
    recipe.ingredients.push_back(IngredientFromRow(r));
  }
  return recipe;
}

std::optional<RecipeRepository::Head> RecipeRepository::FindHead(Session& s,
                                                                 const std::string& user_id,
                                                                 const std::string& id) {
  return HeadOf(s.QueryOne(kHead, user_id, id));
}

std::optional<RecipeRepository::Head> RecipeRepository::FindByIdempotencyKey(
    Session& s, const std::string& user_id, const std::string& key) {
  return HeadOf(s.QueryOne(kByIdempotencyKey, user_id, key));
}

std::vector<Recipe> RecipeRepository::List(Session& s, const std::string& user_id) {
  std::vector<Recipe> recipes;
  std::map<std::string, std::size_t> index;
  for (const auto& row : s.Query(kList, user_id)) {
    index[row.Text("id")] = recipes.size();
    recipes.push_back(RecipeFromRow(row));
  }
  for (const auto& row : s.Query(kIngredientsOfUser, user_id)) {
    auto it = index.find(row.Text("recipe_id"));
    if (it != index.end()) recipes[it->second].ingredients.push_back(IngredientFromRow(row));
  }
  return recipes;
}

std::vector<std::string> RecipeRepository::RecipeIngredientIds(Session& s,
                                                               const std::string& user_id,
                                                               const std::string& recipe_id) {
  std::vector<std::string> ids;
  for (const auto& row : s.Query(kRecipeIngredientIds, user_id, recipe_id)) {
    ids.push_back(row.Text("food_id"));
  }
  return ids;
}

}  // namespace vigor::features::nutrition
