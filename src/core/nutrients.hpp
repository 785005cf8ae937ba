#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

// The nutrients Vigor tracks: one closed list shared by the food catalogue, the diary, recipes,
// targets and the Dietary Reference Intakes. Values are per 100 g of a food (or per day for a
// target) in the unit named in the key, which is also the JSON field name in the API.
namespace vigor::core {

enum class Nutrient : std::size_t {
  kEnergyKcal,
  kProteinG,
  kCarbohydrateG,
  kFiberG,
  kSugarsG,
  kFatG,
  kSaturatedFatG,
  kMonounsaturatedFatG,
  kPolyunsaturatedFatG,
  kTransFatG,
  kOmega3G,
  kOmega6G,
  kCholesterolMg,
  kSodiumMg,
  kPotassiumMg,
  kCalciumMg,
  kIronMg,
  kMagnesiumMg,
  kPhosphorusMg,
  kZincMg,
  kCopperMg,
  kManganeseMg,
  kSeleniumUg,
  kVitaminAUg,  // retinol activity equivalents
  kVitaminCMg,
  kVitaminDUg,
  kVitaminEMg,  // alpha-tocopherol
  kVitaminKUg,
  kThiaminMg,
  kRiboflavinMg,
  kNiacinMg,
  kPantothenicAcidMg,
  kVitaminB6Mg,
  kFolateUg,  // dietary folate equivalents
  kVitaminB12Ug,
  kCholineMg,
  kCaffeineMg,
  kAlcoholG,
  kWaterG,
};

inline constexpr std::size_t kNutrientCount = static_cast<std::size_t>(Nutrient::kWaterG) + 1;

// The API and file key of each nutrient, in enum order.
inline constexpr std::array<std::string_view, kNutrientCount> kNutrientKeys{
    "energy_kcal",
    "protein_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "fat_g",
    "saturated_fat_g",
    "monounsaturated_fat_g",
    "polyunsaturated_fat_g",
    "trans_fat_g",
    "omega3_g",
    "omega6_g",
    "cholesterol_mg",
    "sodium_mg",
    "potassium_mg",
    "calcium_mg",
    "iron_mg",
    "magnesium_mg",
    "phosphorus_mg",
    "zinc_mg",
    "copper_mg",
    "manganese_mg",
    "selenium_ug",
    "vitamin_a_ug",
    "vitamin_c_mg",
    "vitamin_d_ug",
    "vitamin_e_mg",
    "vitamin_k_ug",
    "thiamin_mg",
    "riboflavin_mg",
    "niacin_mg",
    "pantothenic_acid_mg",
    "vitamin_b6_mg",
    "folate_ug",
    "vitamin_b12_ug",
    "choline_mg",
    "caffeine_mg",
    "alcohol_g",
    "water_g",
};

constexpr std::string_view NutrientKey(Nutrient nutrient) {
  return kNutrientKeys[static_cast<std::size_t>(nutrient)];
}

constexpr std::optional<Nutrient> NutrientFromKey(std::string_view key) {
  for (std::size_t i = 0; i < kNutrientCount; ++i) {
    if (kNutrientKeys[i] == key) return static_cast<Nutrient>(i);
  }
  return std::nullopt;
}

// Amounts of every nutrient; nullopt where the source does not say (unknown is not zero: a
// total over foods with an unknown value is flagged incomplete, not under-counted).
using NutrientAmounts = std::array<std::optional<double>, kNutrientCount>;

}  // namespace vigor::core
