#include "core/nutrition_energy.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace vigor::core {
namespace {

TEST(NutritionEnergyTest, MifflinStJeorWorkedCases) {
  // Man, 30 y, 80 kg, 180 cm: 800 + 1125 - 150 + 5 = 1780.
  EXPECT_DOUBLE_EQ(MifflinStJeorBmrKcal(80, 180, 30, Sex::kMale), 1780);
  // Woman, 25 y, 60 kg, 165 cm: 600 + 1031.25 - 125 - 161 = 1345.25.
  EXPECT_DOUBLE_EQ(MifflinStJeorBmrKcal(60, 165, 25, Sex::kFemale), 1345.25);
  // Woman, 70 y, 50 kg, 150 cm: 500 + 937.5 - 350 - 161 = 926.5.
  EXPECT_DOUBLE_EQ(MifflinStJeorBmrKcal(50, 150, 70, Sex::kFemale), 926.5);
  // Man, 45 y, 100 kg, 190 cm: 1000 + 1187.5 - 225 + 5 = 1967.5.
  EXPECT_DOUBLE_EQ(MifflinStJeorBmrKcal(100, 190, 45, Sex::kMale), 1967.5);
  // Unspecified, 40 y, 70 kg, 170 cm: 700 + 1062.5 - 200 = 1562.5; men 1567.5, women 1401.5;
  // the mean is 1484.5.
  EXPECT_DOUBLE_EQ(MifflinStJeorBmrKcal(70, 170, 40, Sex::kUnspecified), 1484.5);
}

TEST(NutritionEnergyTest, ActivityFactors) {
  EXPECT_DOUBLE_EQ(ActivityFactor(ActivityLevel::kSedentary), 1.2);
  EXPECT_DOUBLE_EQ(ActivityFactor(ActivityLevel::kLight), 1.375);
  EXPECT_DOUBLE_EQ(ActivityFactor(ActivityLevel::kModerate), 1.55);
  EXPECT_DOUBLE_EQ(ActivityFactor(ActivityLevel::kActive), 1.725);
  EXPECT_DOUBLE_EQ(ActivityFactor(ActivityLevel::kVeryActive), 1.9);
  EXPECT_EQ(ActivityLevelFromKey("very_active"), ActivityLevel::kVeryActive);
  EXPECT_EQ(ActivityLevelKey(ActivityLevel::kLight), "light");
  EXPECT_EQ(ActivityLevelFromKey("lazy"), std::nullopt);
  EXPECT_EQ(SexFromKey("female"), Sex::kFemale);
  EXPECT_EQ(SexKey(Sex::kUnspecified), "unspecified");
  EXPECT_EQ(SexFromKey("F"), std::nullopt);
}

TEST(NutritionEnergyTest, ModerateManLosingHalfAKilogramAWeek) {
  // TDEE 1780 x 1.55 = 2759; -0.5 kg x 7700 / 7 = -550 a day; 2209, above the 1500 floor.
  auto target = ComputeEnergyTarget({.weight_kg = 80,
                                     .height_cm = 180,
                                     .age_years = 30,
                                     .sex = Sex::kMale,
                                     .activity = ActivityLevel::kModerate,
                                     .weekly_change_kg = -0.5});
  ASSERT_TRUE(target);
  EXPECT_DOUBLE_EQ(target->bmr_kcal, 1780);
  EXPECT_DOUBLE_EQ(target->activity_factor, 1.55);
  EXPECT_DOUBLE_EQ(target->tdee_kcal, 2759);
  EXPECT_DOUBLE_EQ(target->daily_adjustment_kcal, -550);
  EXPECT_DOUBLE_EQ(target->unfloored_kcal, 2209);
  EXPECT_DOUBLE_EQ(target->floor_kcal, 1500);
  EXPECT_FALSE(target->floor_applied);
  EXPECT_DOUBLE_EQ(target->target_kcal, 2209);
}

TEST(NutritionEnergyTest, ADeficitStopsAtTheFloor) {
  // Woman 25 y 60 kg 165 cm sedentary: 1345.25 x 1.2 = 1614.3; -0.5 kg/week: 1064.3 < 1200.
  auto target = ComputeEnergyTarget({.weight_kg = 60,
                                     .height_cm = 165,
                                     .age_years = 25,
                                     .sex = Sex::kFemale,
                                     .activity = ActivityLevel::kSedentary,
                                     .weekly_change_kg = -0.5});
  ASSERT_TRUE(target);
  EXPECT_NEAR(target->tdee_kcal, 1614.3, 1e-9);
  EXPECT_NEAR(target->unfloored_kcal, 1064.3, 1e-9);
  EXPECT_DOUBLE_EQ(target->floor_kcal, 1200);
  EXPECT_TRUE(target->floor_applied);
  EXPECT_DOUBLE_EQ(target->target_kcal, 1200);
}

TEST(NutritionEnergyTest, MaintenanceBelowTheFloorIsNeitherRaisedNorCut) {
  // Woman 70 y 50 kg 150 cm sedentary: 926.5 x 1.2 = 1111.8, under the 1200 floor.
  EnergyProfile profile{.weight_kg = 50,
                        .height_cm = 150,
                        .age_years = 70,
                        .sex = Sex::kFemale,
                        .activity = ActivityLevel::kSedentary,
                        .weekly_change_kg = 0};
  auto maintain = ComputeEnergyTarget(profile);
  ASSERT_TRUE(maintain);
  EXPECT_NEAR(maintain->target_kcal, 1111.8, 1e-9);
  EXPECT_FALSE(maintain->floor_applied);
  // Losing 0.25 kg a week (-275 a day) would give 836.8: kept at maintenance, 1111.8.
  profile.weekly_change_kg = -0.25;
  auto lose = ComputeEnergyTarget(profile);
  ASSERT_TRUE(lose);
  EXPECT_NEAR(lose->unfloored_kcal, 836.8, 1e-9);
  EXPECT_TRUE(lose->floor_applied);
  EXPECT_NEAR(lose->target_kcal, 1111.8, 1e-9);
  // Gaining 0.25 kg a week: 1111.8 + 275 = 1386.8, never floored.
  profile.weekly_change_kg = 0.25;
  auto gain = ComputeEnergyTarget(profile);
  ASSERT_TRUE(gain);
  EXPECT_NEAR(gain->target_kcal, 1386.8, 1e-9);
  EXPECT_FALSE(gain->floor_applied);
}

TEST(NutritionEnergyTest, UnspecifiedSexUsesTheMeanAndTheHigherFloor) {
  // 1484.5 x 1.375 = 2041.1875; -1 kg a week: -1100 a day -> 941.1875, floored at 1500.
  auto target = ComputeEnergyTarget({.weight_kg = 70,
                                     .height_cm = 170,
                                     .age_years = 40,
                                     .sex = Sex::kUnspecified,
                                     .activity = ActivityLevel::kLight,
                                     .weekly_change_kg = -1});
  ASSERT_TRUE(target);
  EXPECT_DOUBLE_EQ(target->tdee_kcal, 2041.1875);
  EXPECT_DOUBLE_EQ(target->daily_adjustment_kcal, -1100);
  EXPECT_DOUBLE_EQ(target->target_kcal, 1500);
  EXPECT_TRUE(target->floor_applied);
}

TEST(NutritionEnergyTest, OutOfRangeProfilesGetNoTarget) {
  EnergyProfile good{.weight_kg = 80, .height_cm = 180, .age_years = 30, .sex = Sex::kMale};
  ASSERT_TRUE(ComputeEnergyTarget(good));
  auto with = [&](auto change) {
    EnergyProfile p = good;
    change(p);
    return ComputeEnergyTarget(p);
  };
  double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(with([](EnergyProfile& p) { p.weight_kg = 0; }));
  EXPECT_FALSE(with([](EnergyProfile& p) { p.weight_kg = 1001; }));
  EXPECT_FALSE(with([&](EnergyProfile& p) { p.weight_kg = nan; }));
  EXPECT_FALSE(with([](EnergyProfile& p) { p.height_cm = 1.8; }));  // metres, not cm
  EXPECT_FALSE(with([](EnergyProfile& p) { p.age_years = 17; }));
  EXPECT_FALSE(with([](EnergyProfile& p) { p.weekly_change_kg = -1.5; }));
  EXPECT_FALSE(with([&](EnergyProfile& p) { p.weekly_change_kg = nan; }));
  EXPECT_TRUE(with([](EnergyProfile& p) { p.age_years = 18; }));
  EXPECT_TRUE(with([](EnergyProfile& p) { p.weekly_change_kg = 1; }));
}

TEST(NutritionEnergyTest, DefaultMacros) {
  // 2209 kcal, 80 kg: protein 1.6 x 80 = 128 g = 512 kcal (23 %); fat 30 % = 662.7 kcal
  // = 73.633 g; carbohydrate (2209 - 512 - 662.7) / 4 = 258.575 g.
  auto macros = ComputeMacroTargets(2209, 80);
  ASSERT_TRUE(macros);
  EXPECT_DOUBLE_EQ(macros->protein_g, 128);
  EXPECT_NEAR(macros->fat_g, 73.6333, 1e-4);
  EXPECT_NEAR(macros->carbohydrate_g, 258.575, 1e-9);
  EXPECT_FALSE(macros->protein_capped);
}

TEST(NutritionEnergyTest, ProteinIsCappedAtAThirdOfEnergy) {
  // 150 kg on 1500 kcal: 1.6 g/kg = 240 g = 960 kcal > 35 % (525 kcal) -> 131.25 g; fat 450 kcal
  // = 50 g; carbohydrate (1500 - 525 - 450) / 4 = 131.25 g.
  auto macros = ComputeMacroTargets(1500, 150);
  ASSERT_TRUE(macros);
  EXPECT_TRUE(macros->protein_capped);
  EXPECT_DOUBLE_EQ(macros->protein_g, 131.25);
  EXPECT_DOUBLE_EQ(macros->fat_g, 50);
  EXPECT_DOUBLE_EQ(macros->carbohydrate_g, 131.25);
  // A chosen 2.0 g/kg and 25 % fat at 3000 kcal, 90 kg: 180 g (720 kcal), 83.333 g (750 kcal),
  // carbohydrate (3000 - 720 - 750) / 4 = 382.5 g.
  auto chosen = ComputeMacroTargets(3000, 90, 2.0, 0.25);
  ASSERT_TRUE(chosen);
  EXPECT_DOUBLE_EQ(chosen->protein_g, 180);
  EXPECT_NEAR(chosen->fat_g, 83.3333, 1e-4);
  EXPECT_DOUBLE_EQ(chosen->carbohydrate_g, 382.5);
  EXPECT_FALSE(ComputeMacroTargets(0, 80));
  EXPECT_FALSE(ComputeMacroTargets(2000, 0));
  EXPECT_FALSE(ComputeMacroTargets(2000, 80, 1.6, 0.7));  // carbohydrate could go negative
}

}  // namespace
}  // namespace vigor::core
