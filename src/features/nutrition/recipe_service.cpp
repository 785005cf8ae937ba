#include "features/nutrition/recipe_service.hpp"

#include <algorithm>

#include "core/limits.hpp"
#include "core/text_fold.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"

namespace vigor::features::nutrition {

using platform::Error;
using platform::ErrorKind;

namespace {

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_recipe")); }

// Recipes inside recipes: deeper than this is refused (and a cycle cannot be stored).
constexpr int kRecipeNestingDepth = 8;

std::string InputHash(const RecipeInput& in) {
  std::string text = in.id.value_or("") + "|" + in.name + "|" + std::to_string(in.servings) + "|" +
                     (in.cooked_weight_g ? std::to_string(*in.cooked_weight_g) : "-");
  for (const auto& i : in.ingredients) {
    text += "|" + i.food_id + ":" + (i.grams ? std::to_string(*i.grams) : "-") + ":" +
            (i.portion ? i.portion->name + "x" + std::to_string(i.portion->count) : "-");
  }
  return platform::crypto::Sha256Hex(text);
}

void SortByName(std::vector<Recipe>& recipes) {
  std::stable_sort(recipes.begin(), recipes.end(), [](const Recipe& a, const Recipe& b) {
    auto ka = core::SearchKey(a.name), kb = core::SearchKey(b.name);
    return ka != kb ? ka < kb : a.id < b.id;
  });
}

}  // namespace

void ComputeNutrition(Recipe& recipe) {
  std::vector<core::RecipeIngredient> parts;
  for (const auto& i : recipe.ingredients) parts.push_back({i.per_100g, i.grams});
  if (auto n = core::ComputeRecipeNutrition(parts, recipe.servings, recipe.cooked_weight_g)) {
    recipe.nutrition = *n;
  }
}

std::optional<Recipe> RecipeService::FindComputed(Session& s, const std::string& user_id,
                                                  const std::string& id) {
  auto recipe = recipes_.Find(s, user_id, id);
  if (recipe) ComputeNutrition(*recipe);
  return recipe;
}

FoodLookup RecipeService::Foods() {
  return [this](Session& s, const std::string& user_id,
                const std::string& food_id) -> std::optional<LoggableFood> {
    if (auto recipe_id = RecipeIdOfFood(food_id)) {
      auto recipe = FindComputed(s, user_id, *recipe_id);
      if (!recipe) return std::nullopt;
      return RecipeAsFood(*recipe);
    }
    return foods_ ? foods_(s, user_id, food_id) : std::nullopt;
  };
}

std::vector<LoggableFood> RecipeService::Search(Session& s, const std::string& user_id,
                                                std::string_view query, std::size_t limit) {
  auto words = core::SearchWords(query);
  auto recipes = recipes_.List(s, user_id);
  SortByName(recipes);
  std::vector<LoggableFood> found;
  for (auto& recipe : recipes) {
    if (found.size() >= limit) break;
    if (!core::MatchesWordPrefixes(core::SearchWords(recipe.name), words)) continue;
    ComputeNutrition(recipe);
    found.push_back(RecipeAsFood(recipe));
  }
  return found;
}

bool RecipeService::Contains(Session& s, const std::string& user_id, const std::string& recipe_id,
                             const std::string& wanted, int depth) {
  if (recipe_id == wanted) return true;
  if (depth >= kRecipeNestingDepth) return true;  // refused as if it did: too deep to be sane
  for (const auto& food_id : recipes_.RecipeIngredientIds(s, user_id, recipe_id)) {
    auto inner = RecipeIdOfFood(food_id);
    if (inner && Contains(s, user_id, *inner, wanted, depth + 1)) return true;
  }
  return false;
}

Recipe RecipeService::Build(Session& s, const std::string& user_id, const RecipeInput& input,
                            const std::optional<std::string>& self) {
  platform::FieldErrors errors;
  Recipe recipe;
  recipe.name = input.name;
  recipe.servings = input.servings;
  recipe.cooked_weight_g = input.cooked_weight_g;
  auto foods = Foods();
  for (std::size_t n = 0; n < input.ingredients.size(); ++n) {
    const auto& in = input.ingredients[n];
    std::string field = "ingredients[" + std::to_string(n) + "]";
    if (self) {
      auto inner = RecipeIdOfFood(in.food_id);
      if (inner && Contains(s, user_id, *inner, *self, 0)) {
        errors.Add(field + ".food_id", Msg("recipe_contains_itself"));
        continue;
      }
    }
    auto food = foods(s, user_id, in.food_id);
    if (!food) {
      errors.Add(field + ".food_id", Msg("food_unknown"));
      continue;
    }
    RecipeIngredient ingredient{.food_id = food->id,
                                .name = food->name,
                                .grams = in.grams.value_or(0),
                                .portion = in.portion,
                                .per_100g = food->per_100g};
    if (in.portion) {
      auto grams = PortionGrams(*food, *in.portion);
      if (!grams) {
        errors.Add(field + ".portion.name", Msg("portion_unknown"));
        continue;
      }
      if (!(*grams > 0) || !core::limits::kFoodAmountG.Contains(*grams)) {
        errors.Add(field + ".portion.count", Msg("out_of_range"));
        continue;
      }
      ingredient.grams = *grams;
    }
    recipe.ingredients.push_back(std::move(ingredient));
  }
  errors.ThrowIfAny();
  ComputeNutrition(recipe);
  return recipe;
}

std::vector<Recipe> RecipeService::List(const std::string& user_id) {
  return database_.ReadResult([&](Session& s) {
    auto recipes = recipes_.List(s, user_id);
    for (auto& recipe : recipes) ComputeNutrition(recipe);
    SortByName(recipes);
    return recipes;
  });
}

Recipe RecipeService::Get(const std::string& user_id, const std::string& id) {
  auto recipe = database_.ReadResult([&](Session& s) { return FindComputed(s, user_id, id); });
  if (!recipe) throw NotFound();
  return std::move(*recipe);
}

RecipeOutcome RecipeService::Create(const std::string& user_id, const RecipeInput& input,
                                    const std::optional<std::string>& idempotency_key) {
  std::string hash = InputHash(input);
  return database_.WriteResult([&](Session& s) -> RecipeOutcome {
    platform::store::LockUserChanges(s, user_id);
    auto existing = [&](const RecipeRepository::Head& head) -> RecipeOutcome {
      if (head.deleted) throw Error(ErrorKind::kConflict, Msg("recipe_deleted"));
      auto recipe = FindComputed(s, user_id, head.id);
      if (!recipe) throw NotFound();
      return {std::move(*recipe), false};
    };
    if (idempotency_key) {
      if (auto head = recipes_.FindByIdempotencyKey(s, user_id, *idempotency_key)) {
        if (head->input_hash != hash) {
          throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
        }
        return existing(*head);
      }
    }
    if (input.id) {
      if (auto head = recipes_.FindHead(s, user_id, *input.id)) {
        if (!head->deleted && head->input_hash != hash) {
          throw Error(ErrorKind::kConflict, Msg("recipe_id_conflict"));
        }
        return existing(*head);
      }
    }
    auto recipe = Build(s, user_id, input, std::nullopt);
    recipe.id = input.id.value_or(platform::NewId());
    recipe.updated_at = platform::NowRfc3339();
    recipe.rev = platform::store::NextRevision(s, user_id);
    recipes_.Insert(s, user_id, recipe, hash, idempotency_key, recipe.updated_at);
    return {std::move(recipe), true};
  });
}

Recipe RecipeService::Replace(const std::string& user_id, const std::string& id,
                              const RecipeInput& input) {
  if (input.id && *input.id != id) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"id", Msg("id_mismatch")}});
  }
  return database_.WriteResult([&](Session& s) {
    // Under the user's change lock: two changes at once cannot each add half of a cycle.
    platform::store::LockUserChanges(s, user_id);
    auto head = recipes_.FindHead(s, user_id, id);
    if (!head || head->deleted) throw NotFound();
    auto recipe = Build(s, user_id, input, id);
    recipe.id = id;
    recipe.updated_at = platform::NowRfc3339();
    recipe.rev = platform::store::NextRevision(s, user_id);
    if (!recipes_.Replace(s, user_id, recipe, InputHash(input), recipe.updated_at)) {
      throw NotFound();
    }
    return recipe;
  });
}

void RecipeService::Delete(const std::string& user_id, const std::string& id) {
  database_.Write([&](Session& s) {
    auto rev = platform::store::NextRevision(s, user_id);
    if (!recipes_.Tombstone(s, user_id, id, platform::NowRfc3339(), rev)) throw NotFound();
  });
}

}  // namespace vigor::features::nutrition
