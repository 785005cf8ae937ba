// The nutrition ranges api/openapi.yaml states are the ones the server enforces (core/limits.hpp):
// a food's nutrients per 100 g (NutrientAmountsPer100g, what FoodInput.per_100g takes), a
// portion's amount and grams (FoodPortion), and a daily micronutrient target
// (NutritionTargetsInput.micronutrients). scripts/gen-nutrition-ranges writes them; this fails
// when either side changes without the other.
#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <cmath>
#include <string>
#include <string_view>

#include "core/limits.hpp"
#include "core/nutrients.hpp"
#include "support/openapi_contract.hpp"

namespace vigor::testing {
namespace {

namespace limits = core::limits;

const boost::json::value& At(const std::string& pointer) {
  const auto* value = OpenApiContract::Vigor().schemas().Find(pointer);
  if (value == nullptr) {
    ADD_FAILURE() << pointer << " is not in the contract";
    static const boost::json::value kNull;
    return kNull;
  }
  return *value;
}

// A schema's `keyword` as a number; NaN when it has none.
double Bound(const std::string& schema, const char* keyword) {
  const auto& s = At(schema);
  if (!s.is_object()) return std::nan("");
  const auto* v = s.as_object().if_contains(keyword);
  return v != nullptr && v->is_number() ? v->to_number<double>() : std::nan("");
}

// The per-100 g range the server applies to a nutrient, by the unit its key ends with
// (features/nutrition/nutrient_json.cpp and the Open Food Facts import use the same rule).
limits::Range<double> Per100g(std::string_view key) {
  if (key.ends_with("_kcal")) return limits::kPer100gEnergyKcal;
  if (key.ends_with("_mg")) return limits::kPer100gMilligrams;
  if (key.ends_with("_ug")) return limits::kPer100gMicrograms;
  EXPECT_TRUE(key.ends_with("_g")) << key;
  return limits::kPer100gGrams;
}

TEST(ContractLimitsTest, EveryNutrientPer100gHasTheServersRange) {
  const std::string base = "/components/schemas/NutrientAmountsPer100g/properties/";
  for (auto key : core::kNutrientKeys) {
    auto range = Per100g(key);
    std::string schema = base + std::string(key);
    EXPECT_EQ(Bound(schema, "minimum"), range.min) << key;
    EXPECT_EQ(Bound(schema, "maximum"), range.max) << key;
  }
  // No property the server does not know.
  const auto& properties = At("/components/schemas/NutrientAmountsPer100g/properties");
  ASSERT_TRUE(properties.is_object());
  EXPECT_EQ(properties.as_object().size(), core::kNutrientCount);
  // The worked values, so that a change of the rule above is a change of this test too.
  EXPECT_EQ(Bound(base + "energy_kcal", "maximum"), 1000);
  EXPECT_EQ(Bound(base + "fat_g", "maximum"), 100);
  EXPECT_EQ(Bound(base + "sodium_mg", "maximum"), 100000);
  EXPECT_EQ(Bound(base + "vitamin_d_ug", "maximum"), 100000000);
}

TEST(ContractLimitsTest, FoodInputTakesNutrientsPer100g) {
  const auto& per_100g = At("/components/schemas/FoodInput/properties/per_100g/allOf/0/$ref");
  ASSERT_TRUE(per_100g.is_string());
  EXPECT_EQ(per_100g.as_string(), "#/components/schemas/NutrientAmountsPer100g");
}

TEST(ContractLimitsTest, APortionHasTheServersRanges) {
  const std::string base = "/components/schemas/FoodPortion/properties/";
  EXPECT_EQ(Bound(base + "amount", "exclusiveMinimum"), limits::kPortionCount.min);
  EXPECT_EQ(Bound(base + "amount", "maximum"), limits::kPortionCount.max);
  EXPECT_EQ(Bound(base + "grams", "exclusiveMinimum"), limits::kFoodAmountG.min);
  EXPECT_EQ(Bound(base + "grams", "maximum"), limits::kFoodAmountG.max);
}

TEST(ContractLimitsTest, EveryMicronutrientTargetHasTheServersRange) {
  const std::string base =
      "/components/schemas/NutritionTargetsInput/properties/micronutrients/properties/";
  for (auto key : core::kNutrientKeys) {
    std::string schema = base + std::string(key);
    EXPECT_EQ(Bound(schema, "minimum"), limits::kDailyNutrientTarget.min) << key;
    EXPECT_EQ(Bound(schema, "maximum"), limits::kDailyNutrientTarget.max) << key;
  }
  EXPECT_EQ(Bound(base + "water_g", "maximum"), 1000000);
}

}  // namespace
}  // namespace vigor::testing
