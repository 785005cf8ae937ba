#include "core/nutrition_met.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

// km/h to m/s, worked independently of the code's mph table.
constexpr double Kmh(double kmh) { return kmh / 3.6; }

TEST(NutritionMetTest, RunningBySpeed) {
  // 10 km/h = 6.21 mph: "running, 6 mph" 9.8 MET. 70 kg for 1 h: 9.8 x 70 x 1 = 686 kcal.
  auto ten = CardioMet("run", Kmh(10));
  ASSERT_TRUE(ten);
  EXPECT_DOUBLE_EQ(ten->met, 9.8);
  EXPECT_EQ(ten->compendium_code, "12050");
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(ten->met, 70, 3600), 686);
  // 12 km/h (5:00 /km) = 7.46 mph: "7 mph" 11.0. 60 kg for 30 min: 11 x 60 x 0.5 = 330 kcal.
  auto twelve = CardioMet("run", Kmh(12));
  EXPECT_DOUBLE_EQ(twelve->met, 11.0);
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(twelve->met, 60, 1800), 330);
  // 20 km/h (3:00 /km) = 12.43 mph: "12 mph" 19.0. 8 mph = 12.87 km/h: 11.8.
  EXPECT_DOUBLE_EQ(CardioMet("run", Kmh(20))->met, 19.0);
  EXPECT_DOUBLE_EQ(CardioMet("run", Kmh(13))->met, 11.8);
  EXPECT_DOUBLE_EQ(CardioMet("run", Kmh(12.5))->met, 11.8);  // 7.77 mph: 7.5 mph is 11.8 in 2011
  // 5 km/h = 3.1 mph, below the slowest listed run (4 mph): the slowest, 6.0.
  EXPECT_DOUBLE_EQ(CardioMet("run", Kmh(5))->met, 6.0);
  // 30 km/h = 18.6 mph, beyond the fastest (14 mph): 23.0.
  EXPECT_DOUBLE_EQ(CardioMet("run", Kmh(30))->met, 23.0);
}

TEST(NutritionMetTest, BandEdges) {
  // 6 mph = 2.68224 m/s exactly is the 6 mph band; a little slower is 5.2 mph's (9.0).
  EXPECT_DOUBLE_EQ(CardioMet("run", 2.68224)->met, 9.8);
  EXPECT_DOUBLE_EQ(CardioMet("run", 2.68)->met, 9.0);
}

TEST(NutritionMetTest, CyclingWalkingSwimmingBySpeed) {
  // 25 km/h = 15.5 mph: 14-15.9 mph, 10.0. 75 kg for 2 h: 10 x 75 x 2 = 1500 kcal.
  auto ride = CardioMet("ride", Kmh(25));
  EXPECT_DOUBLE_EQ(ride->met, 10.0);
  EXPECT_EQ(ride->compendium_code, "01040");
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(ride->met, 75, 7200), 1500);
  EXPECT_DOUBLE_EQ(CardioMet("ride", Kmh(15))->met, 4.0);   // 9.3 mph
  EXPECT_DOUBLE_EQ(CardioMet("ride", Kmh(17))->met, 6.8);   // 10.6 mph
  EXPECT_DOUBLE_EQ(CardioMet("ride", Kmh(28))->met, 12.0);  // 17.4 mph
  EXPECT_DOUBLE_EQ(CardioMet("ride", Kmh(35))->met, 15.8);  // 21.7 mph
  // 5 km/h = 3.1 mph: 2.8-3.2 mph, 3.5. 80 kg for 45 min: 3.5 x 80 x 0.75 = 210 kcal.
  auto walk = CardioMet("walk", Kmh(5));
  EXPECT_DOUBLE_EQ(walk->met, 3.5);
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(walk->met, 80, 2700), 210);
  EXPECT_DOUBLE_EQ(CardioMet("walk", Kmh(6))->met, 4.3);  // 3.7 mph
  EXPECT_DOUBLE_EQ(CardioMet("walk", Kmh(2))->met, 2.0);  // 1.2 mph
  // Swimming 100 m in 2:00 = 0.833 m/s = 54.7 yd/min: "~50 yards/minute", 8.3; 100 m in 3:00
  // = 36.5 yd/min: light or moderate laps, 5.8; 100 m in 1:15 = 87.5 yd/min: 10.0.
  EXPECT_DOUBLE_EQ(CardioMet("swim", 100.0 / 120)->met, 8.3);
  EXPECT_DOUBLE_EQ(CardioMet("swim", 100.0 / 180)->met, 5.8);
  EXPECT_DOUBLE_EQ(CardioMet("swim", 100.0 / 75)->met, 10.0);
}

TEST(NutritionMetTest, GeneralValuesWithoutASpeed) {
  EXPECT_DOUBLE_EQ(CardioMet("run", std::nullopt)->met, 8.0);
  EXPECT_DOUBLE_EQ(CardioMet("run", 0.0)->met, 8.0);
  EXPECT_DOUBLE_EQ(CardioMet("ride", std::nullopt)->met, 7.5);
  EXPECT_DOUBLE_EQ(CardioMet("walk", std::nullopt)->met, 3.5);
  EXPECT_DOUBLE_EQ(CardioMet("swim", std::nullopt)->met, 5.8);
  EXPECT_DOUBLE_EQ(CardioMet("hike", Kmh(4))->met, 6.0);
  EXPECT_DOUBLE_EQ(CardioMet("row", Kmh(12))->met, 6.0);
  EXPECT_DOUBLE_EQ(CardioMet("ski", Kmh(30))->met, 7.0);
  EXPECT_DOUBLE_EQ(CardioMet("elliptical", std::nullopt)->met, 5.0);
  EXPECT_EQ(CardioMet("hike", std::nullopt)->compendium_code, "17080");
  EXPECT_FALSE(CardioMet("other", Kmh(10)));
  EXPECT_FALSE(CardioMet("running", Kmh(10)));
}

TEST(NutritionMetTest, StrengthAndNetEnergy) {
  // Moderate 3.5 x 80 kg x 1 h = 280; vigorous 6.0 x 80 x 0.75 h = 360.
  auto moderate = StrengthMet(StrengthEffort::kModerate);
  EXPECT_EQ(moderate.compendium_code, "02054");
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(moderate.met, 80, 3600), 280);
  auto vigorous = StrengthMet(StrengthEffort::kVigorous);
  EXPECT_EQ(vigorous.compendium_code, "02050");
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(vigorous.met, 80, 2700), 360);
  // Net of the resting MET: (9.8 - 1) x 70 x 1 = 616.
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(9.8, 70, 3600, ExerciseEnergyBasis::kNet), 616);
  EXPECT_DOUBLE_EQ(*ExerciseEnergyKcal(5, 70, 0), 0);
  EXPECT_FALSE(ExerciseEnergyKcal(0.5, 70, 3600));
  EXPECT_FALSE(ExerciseEnergyKcal(5, 0, 3600));
  EXPECT_FALSE(ExerciseEnergyKcal(5, 70, -1));
  EXPECT_FALSE(ExerciseEnergyKcal(5, 70, 700'000));
}

}  // namespace
}  // namespace vigor::core
