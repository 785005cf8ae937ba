// The pure rules of nutrition targets: what a workout adds to the budget, targets for people the
// equations are not for, and the week's ±10 % band, with values worked out by hand.
#include <gtest/gtest.h>

#include "features/nutrition/nutrition_views.hpp"
#include "features/nutrition/targets_exercise.hpp"
#include "features/nutrition/targets_model.hpp"

namespace vigor::features::nutrition {
namespace {

core::Day D(const char* text) { return *core::ParseDay(text); }

TEST(NutritionTargetsRulesTest, WorkoutEnergyMeasuredFirstThenMetNetOfRest) {
  // Measured calories count even without a weight.
  EXPECT_EQ(WorkoutExerciseKcal({.cardio = true,
                                 .sport = "run",
                                 .duration_s = 3600,
                                 .distance_m = 10000,
                                 .calories_kcal = 640},
                                std::nullopt),
            640);
  // Without a weight or a duration there is nothing to multiply.
  EXPECT_EQ(WorkoutExerciseKcal({.cardio = true, .sport = "run", .duration_s = 1800}, std::nullopt),
            std::nullopt);
  EXPECT_EQ(WorkoutExerciseKcal({.cardio = false}, 80), std::nullopt);
  // "other" has no honest MET.
  EXPECT_EQ(WorkoutExerciseKcal({.cardio = true, .sport = "other", .duration_s = 1800}, 80),
            std::nullopt);
  // A walk without distance: walking for pleasure, 3.5 MET: (3.5 - 1) x 70 kg x 1 h = 175.
  EXPECT_DOUBLE_EQ(*WorkoutExerciseKcal({.cardio = true, .sport = "walk", .duration_s = 3600}, 70),
                   175);
  // Rowing machine, general 6.0 MET: (6 - 1) x 90 x 0.5 h = 225.
  EXPECT_DOUBLE_EQ(*WorkoutExerciseKcal({.cardio = true, .sport = "row", .duration_s = 1800}, 90),
                   225);
  // Strength, 3.5 MET: (3.5 - 1) x 60 x 1.5 h = 225.
  EXPECT_DOUBLE_EQ(*WorkoutExerciseKcal({.cardio = false, .duration_s = 5400}, 60), 225);
}

TEST(NutritionTargetsRulesTest, NoComputedEnergyUnder18ButReferenceIntakesForTheAge) {
  TargetsSettings settings;
  settings.mode = TargetsMode::kComputed;
  settings.profile = NutritionProfile{.sex = core::Sex::kFemale,
                                      .height_cm = 165,
                                      .activity = core::ActivityLevel::kLight,
                                      .weekly_change_kg = 0};
  auto t = ResolveTargets(settings, {.birth_year = 2010, .weight_kg = 55, .current_year = 2026});
  EXPECT_FALSE(t.daily.has_value());
  EXPECT_FALSE(t.computed.has_value());
  EXPECT_TRUE(t.missing.empty());
  // DRI tables, girls 14-18: iron RDA 15 mg, UL 45.
  EXPECT_EQ(t.TargetOf(core::Nutrient::kIronMg), 15);
  EXPECT_EQ(t.UpperLimitOf(core::Nutrient::kIronMg), 45);
}

TEST(NutritionTargetsRulesTest, EnergyOnTargetWithinTenPercentEitherWay) {
  auto day = [](const char* date, double kcal) {
    core::NutrientAmounts a{};
    a[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)] = kcal;
    a[static_cast<std::size_t>(core::Nutrient::kProteinG)] = 50;
    DayNutrition d{.day = D(date), .totals = {}, .water_ml = 0, .items = 1};
    d.totals.Add(a);
    return d;
  };
  std::vector<DayNutrition> eaten{day("2026-03-02", 2200), day("2026-03-03", 2201),
                                  day("2026-03-04", 1800), day("2026-03-05", 1799)};
  DailyTargets targets{.energy_kcal = 2000, .protein_g = 50, .carbohydrate_g = 0, .fat_g = 0};
  auto week = NutritionWeekOf({D("2026-03-02"), D("2026-03-08")}, eaten, {}, targets);
  ASSERT_EQ(week.each_day.size(), 7u);
  EXPECT_EQ(week.each_day[0].energy_on_target, true);
  EXPECT_EQ(week.each_day[1].energy_on_target, false);
  EXPECT_EQ(week.each_day[2].energy_on_target, true);
  EXPECT_EQ(week.each_day[3].energy_on_target, false);
  EXPECT_EQ(week.each_day[4].energy_on_target, std::nullopt);
  EXPECT_EQ(week.protein_days_hit, 4) << "50 g of a 50 g target is a hit";
  EXPECT_EQ(week.days_logged, 4);
}

}  // namespace
}  // namespace vigor::features::nutrition
