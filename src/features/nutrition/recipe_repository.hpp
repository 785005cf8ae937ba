#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/nutrition/diary_model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

// The SQL of recipes and their ingredients. Every method takes the owner. Recipes carry the
// user's change sequence (rev) and leave tombstones; ingredients are replaced as a whole.
class RecipeRepository {
 public:
  using Session = platform::store::Session;

  struct Head {
    std::string id;
    std::string input_hash;
    bool deleted = false;
  };

  void Insert(Session& s, const std::string& user_id, const Recipe& recipe,
              const std::string& input_hash, const std::optional<std::string>& idempotency_key,
              const std::string& now);
  // Writes name, servings, cooked weight and ingredients over the live recipe; false when none.
  bool Replace(Session& s, const std::string& user_id, const Recipe& recipe,
               const std::string& input_hash, const std::string& now);
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now, std::int64_t rev);

  // The live recipe with its ingredients (nutrition not computed).
  std::optional<Recipe> Find(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Head> FindHead(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Head> FindByIdempotencyKey(Session& s, const std::string& user_id,
                                           const std::string& key);
  // Every live recipe of the user with its ingredients (two statements).
  std::vector<Recipe> List(Session& s, const std::string& user_id);
  // The food ids of the live recipe's ingredients that are recipes.
  std::vector<std::string> RecipeIngredientIds(Session& s, const std::string& user_id,
                                               const std::string& recipe_id);

 private:
  void InsertIngredients(Session& s, const std::string& user_id, const Recipe& recipe);
};

}  // namespace vigor::features::nutrition
