#include "core/one_rep_max.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vigor::core {
namespace {

constexpr auto kEpley = OneRepMaxFormula::kEpley;
constexpr auto kBrzycki = OneRepMaxFormula::kBrzycki;
constexpr auto kLombardi = OneRepMaxFormula::kLombardi;

TEST(OneRepMaxTest, WorkedExamples) {
  // 100 kg x 5. Epley: 100 * (1 + 5/30) = 116.67. Brzycki: 100 * 36 / 32 = 112.5.
  // Lombardi: 100 * 5^0.1 = 100 * e^(0.1 * ln 5) = 100 * e^0.16094 = 117.46.
  EXPECT_NEAR(*EstimateOneRepMax(100, 5, kEpley), 116.6667, 1e-4);
  EXPECT_DOUBLE_EQ(*EstimateOneRepMax(100, 5, kBrzycki), 112.5);
  EXPECT_NEAR(*EstimateOneRepMax(100, 5, kLombardi), 117.4619, 1e-4);
  // 80 kg x 10. Epley: 80 * (1 + 10/30) = 106.67. Brzycki: 80 * 36 / 27 = 106.67.
  EXPECT_NEAR(*EstimateOneRepMax(80, 10, kEpley), 106.6667, 1e-4);
  EXPECT_NEAR(*EstimateOneRepMax(80, 10, kBrzycki), 106.6667, 1e-4);
  // 60 kg x 12 (the limit). Epley: 60 * 1.4 = 84. Brzycki: 60 * 36 / 25 = 86.4.
  EXPECT_DOUBLE_EQ(*EstimateOneRepMax(60, 12, kEpley), 84);
  EXPECT_DOUBLE_EQ(*EstimateOneRepMax(60, 12, kBrzycki), 86.4);
}

TEST(OneRepMaxTest, ASingleIsItsOwnMax) {
  // Epley's formula alone would say 142.5 * 31/30 = 147.25.
  for (auto f : {kEpley, kBrzycki, kLombardi}) {
    EXPECT_DOUBLE_EQ(*EstimateOneRepMax(142.5, 1, f), 142.5);
    EXPECT_DOUBLE_EQ(*WeightForReps(142.5, 1, f), 142.5);
  }
}

TEST(OneRepMaxTest, NoEstimateOutsideTheFormulasRange) {
  for (auto f : {kEpley, kBrzycki, kLombardi}) {
    EXPECT_FALSE(EstimateOneRepMax(100, 0, f));
    EXPECT_FALSE(EstimateOneRepMax(100, -3, f));
    EXPECT_FALSE(EstimateOneRepMax(100, 13, f));
    EXPECT_FALSE(EstimateOneRepMax(100, 37, f));  // Brzycki would divide by zero
    EXPECT_FALSE(EstimateOneRepMax(0, 5, f));
    EXPECT_FALSE(EstimateOneRepMax(-20, 5, f));
    EXPECT_FALSE(EstimateOneRepMax(NAN, 5, f));
    EXPECT_FALSE(EstimateOneRepMax(INFINITY, 5, f));
    EXPECT_FALSE(WeightForReps(100, 13, f));
    EXPECT_FALSE(WeightForReps(0, 5, f));
  }
}

TEST(OneRepMaxTest, WeightForRepsWorkedExamples) {
  // A 140 kg max, 5 reps. Epley: 140 / (1 + 5/30) = 120. Brzycki: 140 * 32 / 36 = 124.44.
  EXPECT_NEAR(*WeightForReps(140, 5, kEpley), 120, 1e-9);
  EXPECT_NEAR(*WeightForReps(140, 5, kBrzycki), 124.4444, 1e-4);
  // Lombardi: 117.4619 / 5^0.1 = 100.
  EXPECT_NEAR(*WeightForReps(117.4618943, 5, kLombardi), 100, 1e-6);
}

TEST(OneRepMaxTest, WeightForRepsInvertsTheEstimate) {
  for (auto f : {kEpley, kBrzycki, kLombardi}) {
    for (int reps = 1; reps <= kMaxRepsForOneRepMax; ++reps) {
      double max = *EstimateOneRepMax(87.5, reps, f);
      EXPECT_NEAR(*WeightForReps(max, reps, f), 87.5, 1e-9) << reps;
      // More reps never means a heavier weight for the same max.
      if (reps > 1) {
        EXPECT_LT(*WeightForReps(100, reps, f), *WeightForReps(100, reps - 1, f));
      }
    }
  }
}

}  // namespace
}  // namespace vigor::core
