#include "core/nutrition_totals.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vigor::core {
namespace {

constexpr std::size_t Index(Nutrient n) { return static_cast<std::size_t>(n); }

NutrientAmounts Food(std::optional<double> kcal, std::optional<double> protein,
                     std::optional<double> vitamin_c) {
  NutrientAmounts food;
  food[Index(Nutrient::kEnergyKcal)] = kcal;
  food[Index(Nutrient::kProteinG)] = protein;
  food[Index(Nutrient::kVitaminCMg)] = vitamin_c;
  return food;
}

TEST(NutritionTotalsTest, ScalePer100g) {
  // 150 g of a food with 52 kcal, 0.26 g protein, unknown vitamin C per 100 g:
  // 78 kcal, 0.39 g protein, vitamin C still unknown.
  auto item = ScalePer100g(Food(52, 0.26, std::nullopt), 150);
  EXPECT_DOUBLE_EQ(*item[Index(Nutrient::kEnergyKcal)], 78);
  EXPECT_NEAR(*item[Index(Nutrient::kProteinG)], 0.39, 1e-12);
  EXPECT_FALSE(item[Index(Nutrient::kVitaminCMg)]);
  EXPECT_FALSE(item[Index(Nutrient::kFatG)]);
}

TEST(NutritionTotalsTest, SumFlagsIncompleteNutrients) {
  std::vector<NutrientAmounts> items{Food(100, 5, 10), Food(250, std::nullopt, 20),
                                     Food(50, 1, 30)};
  auto totals = SumNutrients(items);
  EXPECT_DOUBLE_EQ(totals.Amount(Nutrient::kEnergyKcal), 400);
  EXPECT_FALSE(totals.Incomplete(Nutrient::kEnergyKcal));
  EXPECT_DOUBLE_EQ(totals.Amount(Nutrient::kProteinG), 6);  // at least 6: one item unknown
  EXPECT_TRUE(totals.Incomplete(Nutrient::kProteinG));
  EXPECT_DOUBLE_EQ(totals.Amount(Nutrient::kVitaminCMg), 60);
  EXPECT_FALSE(totals.Incomplete(Nutrient::kVitaminCMg));
  EXPECT_DOUBLE_EQ(totals.Amount(Nutrient::kFatG), 0);  // no item knows fat
  EXPECT_TRUE(totals.Incomplete(Nutrient::kFatG));

  // Nothing eaten is 0 and complete.
  auto none = SumNutrients({});
  EXPECT_DOUBLE_EQ(none.Amount(Nutrient::kEnergyKcal), 0);
  EXPECT_FALSE(none.Incomplete(Nutrient::kFatG));

  // Adding a meal's totals to a day's keeps the flags.
  NutrientTotals day;
  day.Add(totals);
  day.Add(SumNutrients(std::vector<NutrientAmounts>{Food(10, 1, 1)}));
  EXPECT_DOUBLE_EQ(day.Amount(Nutrient::kEnergyKcal), 410);
  EXPECT_DOUBLE_EQ(day.Amount(Nutrient::kProteinG), 7);
  EXPECT_TRUE(day.Incomplete(Nutrient::kProteinG));
}

TEST(NutritionTotalsTest, RecipeWithCookedWeight) {
  // Rice pudding: 200 g rice (360 kcal, 7 g protein per 100 g) + 1000 g milk (64 kcal, 3.4 g
  // protein per 100 g, vitamin C unknown for the rice). Total: 720 + 640 = 1360 kcal,
  // 14 + 34 = 48 g protein. 4 servings: 340 kcal, 12 g. Raw 1200 g, cooked 1100 g:
  // per 100 g 1360 / 1100 x 100 = 123.636 kcal, 48 / 11 = 4.3636 g protein.
  std::vector<RecipeIngredient> ingredients{{Food(360, 7, std::nullopt), 200},
                                            {Food(64, 3.4, 1), 1000}};
  auto recipe = ComputeRecipeNutrition(ingredients, 4, 1100);
  ASSERT_TRUE(recipe);
  EXPECT_DOUBLE_EQ(recipe->total.Amount(Nutrient::kEnergyKcal), 1360);
  EXPECT_NEAR(recipe->total.Amount(Nutrient::kProteinG), 48, 1e-9);
  EXPECT_DOUBLE_EQ(recipe->per_serving.Amount(Nutrient::kEnergyKcal), 340);
  EXPECT_NEAR(recipe->per_serving.Amount(Nutrient::kProteinG), 12, 1e-9);
  EXPECT_DOUBLE_EQ(recipe->raw_weight_g, 1200);
  EXPECT_DOUBLE_EQ(recipe->dish_weight_g, 1100);
  EXPECT_NEAR(recipe->per_100g.Amount(Nutrient::kEnergyKcal), 123.6364, 1e-4);
  EXPECT_NEAR(recipe->per_100g.Amount(Nutrient::kProteinG), 4.3636, 1e-4);
  EXPECT_DOUBLE_EQ(recipe->per_serving.Amount(Nutrient::kVitaminCMg), 2.5);
  EXPECT_TRUE(recipe->per_serving.Incomplete(Nutrient::kVitaminCMg));

  // Without a cooked weight, per 100 g is over the raw 1200 g: 1360 / 12 = 113.333 kcal.
  auto raw = ComputeRecipeNutrition(ingredients, 4, std::nullopt);
  ASSERT_TRUE(raw);
  EXPECT_DOUBLE_EQ(raw->dish_weight_g, 1200);
  EXPECT_NEAR(raw->per_100g.Amount(Nutrient::kEnergyKcal), 113.3333, 1e-4);
}

TEST(NutritionTotalsTest, BadRecipesGetNothing) {
  std::vector<RecipeIngredient> good{{Food(100, 1, 1), 100}};
  EXPECT_TRUE(ComputeRecipeNutrition(good, 1, std::nullopt));
  EXPECT_FALSE(ComputeRecipeNutrition({}, 1, std::nullopt));
  EXPECT_FALSE(ComputeRecipeNutrition(good, 0, std::nullopt));
  EXPECT_FALSE(ComputeRecipeNutrition(good, 1'001, std::nullopt));
  EXPECT_FALSE(ComputeRecipeNutrition(good, 1, 0.0));
  EXPECT_FALSE(ComputeRecipeNutrition(good, 1, -5.0));
  std::vector<RecipeIngredient> negative{{Food(100, 1, 1), -100}};
  EXPECT_FALSE(ComputeRecipeNutrition(negative, 1, std::nullopt));
  std::vector<RecipeIngredient> zero{{Food(100, 1, 1), 0}};
  EXPECT_FALSE(ComputeRecipeNutrition(zero, 1, std::nullopt));
  std::vector<RecipeIngredient> huge{{Food(100, 1, 1), 10'001}};
  EXPECT_FALSE(ComputeRecipeNutrition(huge, 1, std::nullopt));
}

TEST(NutritionTotalsTest, ShareOfTargetAndUpperLimit) {
  // 45 mg vitamin C of 90: half. Iron 50 mg against a 45 mg limit: above.
  auto vitamin_c = CompareToTarget(45, 90, 2'000);
  EXPECT_DOUBLE_EQ(*vitamin_c.share_of_target, 0.5);
  EXPECT_FALSE(vitamin_c.above_upper_limit);
  auto iron = CompareToTarget(50, 18, 45);
  EXPECT_NEAR(*iron.share_of_target, 2.7778, 1e-4);
  EXPECT_TRUE(iron.above_upper_limit);
  EXPECT_FALSE(CompareToTarget(45, 18, 45).above_upper_limit);  // at the limit is not above
  auto no_target = CompareToTarget(10, std::nullopt, std::nullopt);
  EXPECT_FALSE(no_target.share_of_target);
  EXPECT_FALSE(no_target.above_upper_limit);
  EXPECT_FALSE(CompareToTarget(10, 0.0, std::nullopt).share_of_target);
}

}  // namespace
}  // namespace vigor::core
