#include <gtest/gtest.h>

#include <stdexcept>

#include "features/nutrition/catalog.hpp"

namespace vigor::features::nutrition {
namespace {

using core::Nutrient;

double Value(const Food& food, Nutrient nutrient) {
  auto value = food.per_100g[static_cast<std::size_t>(nutrient)];
  EXPECT_TRUE(value.has_value()) << food.id << " " << core::NutrientKey(nutrient);
  return value.value_or(-1);
}

const Portion* PortionNamed(const Food& food, std::string_view name) {
  for (const auto& portion : food.portions) {
    if (portion.name == name) return &portion;
  }
  return nullptr;
}

// Expected values read by hand from usda_sr24.jar (usda_sr24/NNNNN.xml, SHA-256 in
// data/foods/SOURCE.md).
TEST(FoodCatalog, HoldsEveryCurrentFoodOfSr24) {
  const auto& catalog = FoodCatalog::Embedded();
  EXPECT_EQ(catalog.foods().size(), 7907u);  // the lines of foods.index
  EXPECT_EQ(catalog.search_index().size(), 7907u);
  // Only in deprecated.index: dropped. In both index files (a current food whose old abbreviated
  // name was retired): kept.
  EXPECT_EQ(catalog.Find("usda-03266"), nullptr);
  ASSERT_NE(catalog.Find("usda-03813"), nullptr);
  EXPECT_EQ(catalog.Find("01123"), nullptr);
}

TEST(FoodCatalog, EggWholeRawMatchesTheSource) {
  const Food* egg = FoodCatalog::Embedded().Find("usda-01123");
  ASSERT_NE(egg, nullptr);
  EXPECT_EQ(egg->name, "Egg, whole, raw, fresh");
  EXPECT_EQ(egg->food_group, "dairy_and_eggs");
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kEnergyKcal), 143.0);
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kProteinG), 12.56);
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kFatG), 9.51);
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kCholesterolMg), 372.0);
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kOmega3G), 0.102);  // 0.10200000000000001 in the XML
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kCholineMg), 293.8);
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kVitaminDUg), 2.05);  // 82 IU / 40
  // RAE: retinol 160 + beta-carotene 0/12 + alpha-carotene 0/24 + beta-cryptoxanthin 9/24.
  EXPECT_DOUBLE_EQ(Value(*egg, Nutrient::kVitaminAUg), 160.375);
  ASSERT_EQ(egg->portions.size(), 6u);
  EXPECT_EQ(egg->portions[0].name, "cup (4.86 large eggs)");
  EXPECT_DOUBLE_EQ(egg->portions[0].grams, 243.0);
  const Portion* large = PortionNamed(*egg, "large");
  ASSERT_NE(large, nullptr);
  EXPECT_DOUBLE_EQ(large->amount, 1.0);
  EXPECT_DOUBLE_EQ(large->grams, 50.0);
}

TEST(FoodCatalog, ButterAndAppleMatchTheSource) {
  const auto& catalog = FoodCatalog::Embedded();
  const Food* butter = catalog.Find("usda-01001");
  ASSERT_NE(butter, nullptr);
  EXPECT_EQ(butter->name, "Butter, salted");
  // Retinol 671 + beta-carotene 158 / 12 = 684.1666... (SR24 publishes 684 as RAE).
  EXPECT_NEAR(Value(*butter, Nutrient::kVitaminAUg), 684.167, 1e-9);
  EXPECT_DOUBLE_EQ(Value(*butter, Nutrient::kVitaminDUg), 1.5);  // 60 IU
  EXPECT_DOUBLE_EQ(Value(*butter, Nutrient::kTransFatG), 3.278);
  // Whipped butter has no trans fat value in the source: unknown, not zero.
  const Food* whipped = catalog.Find("usda-01002");
  ASSERT_NE(whipped, nullptr);
  EXPECT_FALSE(whipped->per_100g[static_cast<std::size_t>(Nutrient::kTransFatG)].has_value());

  const Food* apple = catalog.Find("usda-09003");
  ASSERT_NE(apple, nullptr);
  EXPECT_EQ(apple->name, "Apples, raw, with skin");
  EXPECT_EQ(apple->food_group, "fruits");
  EXPECT_DOUBLE_EQ(Value(*apple, Nutrient::kEnergyKcal), 52.0);
  EXPECT_DOUBLE_EQ(Value(*apple, Nutrient::kCarbohydrateG), 13.81);
  EXPECT_DOUBLE_EQ(Value(*apple, Nutrient::kFiberG), 2.4);
  const Portion* medium = PortionNamed(*apple, "medium (3\" dia)");
  ASSERT_NE(medium, nullptr);
  EXPECT_DOUBLE_EQ(medium->grams, 182.0);
}

TEST(FoodCatalog, ParseFindsColumnsByNameAndRefusesBrokenLines) {
  auto catalog = FoodCatalog::Parse(
      "id\tname\tfood_group\tcommonness\tportions\tprotein_g\tstarch_g\tenergy_kcal\n"
      "x-1\tThing, raw\tfruits\t70\t1~30~slice|2~15~tbsp\t1.5\t9\t\n");
  ASSERT_EQ(catalog.foods().size(), 1u);
  const Food& food = catalog.foods()[0];
  EXPECT_EQ(food.commonness, 70);
  ASSERT_EQ(food.portions.size(), 2u);
  EXPECT_DOUBLE_EQ(food.portions[1].amount, 2.0);
  EXPECT_EQ(food.portions[1].name, "tbsp");
  EXPECT_DOUBLE_EQ(food.per_100g[static_cast<std::size_t>(Nutrient::kProteinG)].value(), 1.5);
  EXPECT_FALSE(food.per_100g[static_cast<std::size_t>(Nutrient::kEnergyKcal)].has_value());
  EXPECT_EQ(catalog.search_index().Search("thing", 5).at(0).id, "x-1");

  const std::string header = "id\tname\tfood_group\tcommonness\tportions\tprotein_g\n";
  EXPECT_THROW(FoodCatalog::Parse(header + "x\tA\tg\t50\t\n"), std::invalid_argument);
  EXPECT_THROW(FoodCatalog::Parse(header + "x\tA\tg\t50\t\tabc\n"), std::invalid_argument);
  EXPECT_THROW(FoodCatalog::Parse(header + "x\tA\tg\t50\t1~0~cup\t1\n"), std::invalid_argument);
  EXPECT_THROW(FoodCatalog::Parse(header + "x\tA\tg\t50\t\t1\nx\tB\tg\t50\t\t1\n"),
               std::invalid_argument);
  EXPECT_THROW(FoodCatalog::Parse("id\tname\n"), std::invalid_argument);
}

}  // namespace
}  // namespace vigor::features::nutrition
