// Recipes through the real application on both databases: write, read, list, change, delete;
// nutrition per serving and per 100 g from the ingredients; a recipe as a food in the diary (and
// a logged item keeping its values when the recipe changes) and inside another recipe, never
// inside itself; retries; field errors; another user's recipes; search for the foods part.
// Expected values from USDA SR24 per 100 g (data/foods/usda_sr24.tsv): raw white rice 20044
// 365 kcal, 7.13 g protein; olive oil 04053 884 kcal, 0 g protein, "tablespoon" 13.5 g; egg 01123
// 143 kcal, 12.56 g protein, "large" 50 g.
//
// Rice with oil: 200 g rice + 1 tablespoon oil, 4 servings, 500 g cooked:
//   energy 365 x 2 + 884 x 0.135 = 730 + 119.34 = 849.34 kcal; per serving 212.335;
//   per 100 g 849.34 / 5 = 169.868; protein 14.26 g, per serving 3.565; a serving 125 g.
#include <gtest/gtest.h>

#include "features/nutrition/diary_feature.hpp"
#include "platform/store/revisions.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

double Num(const boost::json::value& v) { return v.to_number<double>(); }
double Amount(const boost::json::value& totals, const char* key) {
  return Num(totals.as_object().at("amounts").as_object().at(key));
}

constexpr const char* kRiceWithOil =
    R"({"name":"Rice with oil","servings":4,"cooked_weight_g":500,"ingredients":[)"
    R"({"food_id":"usda-20044","grams":200},)"
    R"({"food_id":"usda-04053","portion":{"name":"tablespoon","count":1}}]})";

class RecipesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }
  std::string Create(const std::string& body) {
    auto reply = h_.Post(owner_, "/api/v1/recipes", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(reply.Json()["id"].as_string()) : "";
  }
  std::int64_t Rev() {
    std::int64_t rev = 0;
    h_.app().database->Read(
        [&](Session& s) { rev = platform::store::CurrentRevision(s, owner_id_); });
    return rev;
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
};

TEST_F(RecipesTest, WriteReadListChangeDeleteWithNutritionFromTheIngredients) {
  auto rev_before = Rev();
  auto created = h_.Post(owner_, "/api/v1/recipes", kRiceWithOil);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_GT(Rev(), rev_before);
  auto r = created.Json();
  std::string id(r["id"].as_string());
  EXPECT_EQ(r["food_id"], boost::json::value("recipe-" + id));
  EXPECT_EQ(r["name"], "Rice with oil");
  EXPECT_EQ(r["servings"], 4);
  EXPECT_NEAR(Num(r["cooked_weight_g"]), 500, 1e-9);
  EXPECT_NEAR(Num(r["total_weight_g"]), 500, 1e-9);
  auto ingredients = r["ingredients"].as_array();
  ASSERT_EQ(ingredients.size(), 2u);
  EXPECT_EQ(ingredients[0].as_object()["name"], "Rice, white, long-grain, regular, raw, enriched");
  EXPECT_EQ(ingredients[0].as_object()["portion"], nullptr);
  EXPECT_EQ(ingredients[1].as_object()["name"], "Oil, olive, salad or cooking");
  EXPECT_NEAR(Num(ingredients[1].as_object()["grams"]), 13.5, 1e-9);
  EXPECT_EQ(ingredients[1].as_object()["portion"].as_object()["name"], "tablespoon");
  EXPECT_NEAR(Amount(r["per_serving"], "energy_kcal"), 212.335, 1e-9);
  EXPECT_NEAR(Amount(r["per_serving"], "protein_g"), 3.565, 1e-9);
  EXPECT_NEAR(Amount(r["per_100g"], "energy_kcal"), 169.868, 1e-9);

  auto read = h_.Get(owner_, "/api/v1/recipes/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json(), r);
  Create(
      R"({"name":"Apple slices","servings":1,"ingredients":[{"food_id":"usda-09003","grams":100}]})");
  auto list = h_.Get(owner_, "/api/v1/recipes").Json()["items"].as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].as_object()["name"], "Apple slices") << "by name";
  EXPECT_EQ(list[1].as_object()["id"], boost::json::value(id));

  // Without a cooked weight, per 100 g is over the raw weight: 849.34 / 213.5 g x 100.
  auto put = h_.Call(owner_, Method::kPut, "/api/v1/recipes/" + id,
                     R"({"name":"Rice with oil, raw weight","servings":2,"ingredients":[)"
                     R"({"food_id":"usda-20044","grams":200},)"
                     R"({"food_id":"usda-04053","grams":13.5}]})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["cooked_weight_g"], nullptr);
  EXPECT_NEAR(Num(put.Json()["total_weight_g"]), 213.5, 1e-9);
  EXPECT_NEAR(Amount(put.Json()["per_serving"], "energy_kcal"), 424.67, 1e-9);
  EXPECT_NEAR(Amount(put.Json()["per_100g"], "energy_kcal"), 849.34 / 213.5 * 100, 1e-9);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/recipes/" + id).Json()["name"], "Rice with oil, raw weight");

  auto rev_delete = Rev();
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/recipes/" + id).status, 204);
  EXPECT_GT(Rev(), rev_delete);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/recipes/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/recipes/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/recipes/" + id, kRiceWithOil).status, 404);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/recipes").Json()["items"].as_array().size(), 1u);
}

TEST_F(RecipesTest, ARecipeIsAFoodInTheDiaryAndInOtherRecipesButNeverInItself) {
  std::string rice = Create(kRiceWithOil);
  // Two servings (2 x 125 g) of it: 2 x 212.335 kcal.
  auto logged = h_.Post(owner_, "/api/v1/diary/2026-03-02/items",
                        R"({"items":[{"meal":"dinner","food_id":"recipe-)" + rice +
                            R"(","portion":{"name":"serving","count":2}}]})");
  ASSERT_EQ(logged.status, 201) << logged.body;
  auto item = logged.Json()["items"].as_array()[0].as_object();
  EXPECT_EQ(item["name"], "Rice with oil");
  EXPECT_NEAR(Num(item["grams"]), 250, 1e-9);
  EXPECT_NEAR(Num(item["nutrients"].as_object()["energy_kcal"]), 424.67, 1e-9);
  EXPECT_NEAR(Num(item["nutrients"].as_object()["protein_g"]), 7.13, 1e-9);

  // Inside another recipe: a bowl of 250 g of rice with oil and a large egg, one serving.
  auto bowl = h_.Post(
      owner_, "/api/v1/recipes",
      R"({"name":"Bowl","servings":1,"ingredients":[{"food_id":"recipe-)" + rice +
          R"(","grams":250},{"food_id":"usda-01123","portion":{"name":"large","count":1}}]})");
  ASSERT_EQ(bowl.status, 201) << bowl.body;
  std::string bowl_id(bowl.Json()["id"].as_string());
  EXPECT_EQ(bowl.Json()["ingredients"].as_array()[0].as_object()["name"], "Rice with oil");
  EXPECT_NEAR(Amount(bowl.Json()["per_serving"], "energy_kcal"), 424.67 + 71.5, 1e-9);

  // The rice may not contain the bowl (which contains the rice), nor itself.
  for (const auto& inner : {bowl_id, rice}) {
    auto cycle = h_.Call(owner_, Method::kPut, "/api/v1/recipes/" + rice,
                         R"({"name":"Rice","servings":1,"ingredients":[)"
                         R"({"food_id":"usda-20044","grams":100},{"food_id":"recipe-)" +
                             inner + R"(","grams":100}]})");
    EXPECT_EQ(cycle.status, 422) << cycle.body;
    EXPECT_EQ(FieldsOf(cycle), (std::set<std::string>{"ingredients[1].food_id"}));
  }

  // Changing the recipe leaves the logged item as it was.
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/recipes/" + rice,
                    R"({"name":"Plain rice","servings":1,"ingredients":[)"
                    R"({"food_id":"usda-20044","grams":100}]})")
                .status,
            200);
  auto day = h_.Get(owner_, "/api/v1/diary/2026-03-02").Json();
  auto kept = day["meals"].as_array()[2].as_object()["items"].as_array()[0].as_object();
  EXPECT_EQ(kept["name"], "Rice with oil");
  EXPECT_NEAR(Num(kept["nutrients"].as_object()["energy_kcal"]), 424.67, 1e-9);

  // Another user can neither read it nor log it.
  EXPECT_EQ(h_.Get(other_, "/api/v1/recipes/" + rice).status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/recipes/" + rice).status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kPut, "/api/v1/recipes/" + rice, kRiceWithOil).status, 404);
  EXPECT_EQ(h_.Get(other_, "/api/v1/recipes").Json()["items"].as_array().size(), 0u);
  auto theirs =
      h_.Post(other_, "/api/v1/diary/2026-03-02/items",
              R"({"items":[{"meal":"dinner","food_id":"recipe-)" + rice + R"(","grams":100}]})");
  EXPECT_EQ(theirs.status, 422);
  EXPECT_EQ(FieldsOf(theirs), (std::set<std::string>{"items[0].food_id"}));

  // Search (for the foods part) finds the owner's recipes by word prefixes, as foods.
  auto search = h_.app().Get<features::nutrition::DiaryFeature>().recipe_search();
  std::vector<features::nutrition::LoggableFood> found;
  h_.app().database->Read([&](Session& s) { found = search(s, owner_id_, "pla", 10); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "recipe-" + rice);
  EXPECT_EQ(found[0].source, "recipe");
  ASSERT_EQ(found[0].portions.size(), 1u);
  EXPECT_EQ(found[0].portions[0].name, "serving");
  EXPECT_NEAR(found[0].portions[0].grams, 100, 1e-9);
  EXPECT_NEAR(found[0].per_100g[0].value_or(-1), 365, 1e-9);
  h_.app().database->Read([&](Session& s) { found = search(s, "nobody", "pla", 10); });
  EXPECT_TRUE(found.empty());
}

TEST_F(RecipesTest, ARecipeIsFoundAndReadAsAFoodAndListedAmongRecentFoods) {
  std::string rice = Create(kRiceWithOil);
  auto food = h_.Get(owner_, "/api/v1/foods/recipe-" + rice);
  ASSERT_EQ(food.status, 200) << food.body;
  EXPECT_EQ(food.Json()["source"], "recipe");
  EXPECT_EQ(food.Json()["name"], "Rice with oil");
  // 500 g cooked in 4 servings: one serving weighs 125 g.
  auto portions = food.Json()["portions"].as_array();
  ASSERT_EQ(portions.size(), 1U);
  EXPECT_NEAR(Num(portions[0].as_object()["grams"]), 125, 1e-9);
  EXPECT_EQ(h_.Get(other_, "/api/v1/foods/recipe-" + rice).status, 404);

  auto found = h_.Get(owner_, "/api/v1/foods?q=rice%20with");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.Json()["items"].as_array()[0].as_object()["id"].as_string(), "recipe-" + rice);

  ASSERT_EQ(h_.Post(owner_, "/api/v1/diary/2026-03-02/items",
                    R"({"items":[{"meal":"lunch","food_id":"recipe-)" + rice +
                        R"(","portion":{"name":"serving","count":1}}]})")
                .status,
            201);
  auto recent = h_.Get(owner_, "/api/v1/foods/recent");
  ASSERT_EQ(recent.status, 200) << recent.body;
  EXPECT_EQ(recent.Json()["recent"].as_array()[0].as_object()["id"].as_string(), "recipe-" + rice);
}

TEST_F(RecipesTest, RetriesAndFieldErrors) {
  const std::string id = "0192f3a4-5b6c-7d8e-9f00-aabbccddeeff";
  std::string body =
      R"({"id":")" + id +
      R"(","name":"Eggs","servings":1,"ingredients":[{"food_id":"usda-01123","grams":100}]})";
  auto first = h_.Post(owner_, "/api/v1/recipes", body);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["id"], boost::json::value(id));
  auto again = h_.Post(owner_, "/api/v1/recipes", body);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.Json(), first.Json());
  std::string other_content =
      R"({"id":")" + id +
      R"(","name":"Eggs","servings":2,"ingredients":[{"food_id":"usda-01123","grams":100}]})";
  EXPECT_EQ(h_.Post(owner_, "/api/v1/recipes", other_content).status, 409);

  Headers key;
  key.Add("Idempotency-Key", "r-1");
  const char* keyed =
      R"({"name":"Milk","servings":1,"ingredients":[{"food_id":"usda-01077","grams":244}]})";
  auto k1 = h_.Call(owner_, Method::kPost, "/api/v1/recipes", keyed, key);
  ASSERT_EQ(k1.status, 201);
  auto k2 = h_.Call(owner_, Method::kPost, "/api/v1/recipes", keyed, key);
  EXPECT_EQ(k2.status, 200);
  EXPECT_EQ(k2.Json()["id"], k1.Json()["id"]);
  EXPECT_EQ(h_.Call(owner_, Method::kPost, "/api/v1/recipes", body, key).status, 409);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/recipes").Json()["items"].as_array().size(), 2u);

  auto rev_before = Rev();
  auto bad = h_.Post(owner_, "/api/v1/recipes",
                     R"({"name":"","servings":0,"cooked_weight_g":0,"ingredients":[)"
                     R"({"food_id":"usda-01123"},)"
                     R"({"food_id":"usda-01123","grams":5,"portion":{"name":"large","count":1}},)"
                     R"({"food_id":"usda-01123","grams":-1}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad),
            (std::set<std::string>{"name", "servings", "cooked_weight_g", "ingredients[0].grams",
                                   "ingredients[1].grams", "ingredients[2].grams"}));
  auto unknown = h_.Post(owner_, "/api/v1/recipes",
                         R"({"name":"X","servings":1,"ingredients":[)"
                         R"({"food_id":"usda-99999","grams":5},)"
                         R"({"food_id":"usda-01123","portion":{"name":"bucket","count":1}}]})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(FieldsOf(unknown),
            (std::set<std::string>{"ingredients[0].food_id", "ingredients[1].portion.name"}));
  EXPECT_EQ(
      h_.Post(owner_, "/api/v1/recipes", R"({"name":"X","servings":1,"ingredients":[]})").status,
      422);
  EXPECT_EQ(Rev(), rev_before);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/recipes").Json()["items"].as_array().size(), 2u);
}

}  // namespace
}  // namespace vigor
