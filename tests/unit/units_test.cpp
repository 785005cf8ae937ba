#include "core/units.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vigor::core {
namespace {

TEST(UnitsTest, WeightConversionsUseTheExactPound) {
  EXPECT_DOUBLE_EQ(PoundsToKilograms(1), 0.45359237);
  EXPECT_DOUBLE_EQ(PoundsToKilograms(225), 102.05828325);        // 225 * 0.45359237
  EXPECT_DOUBLE_EQ(KilogramsToPounds(100), 220.46226218487757);  // 100 / 0.45359237
  EXPECT_DOUBLE_EQ(KilogramsToPounds(PoundsToKilograms(315)), 315);
  EXPECT_DOUBLE_EQ(ToDisplayWeight(80, WeightUnit::kKilograms), 80);
  EXPECT_DOUBLE_EQ(FromDisplayWeight(100, WeightUnit::kPounds), 45.359237);
}

TEST(UnitsTest, DistanceAndLengthConversions) {
  EXPECT_DOUBLE_EQ(MilesToMeters(1), 1609.344);
  EXPECT_DOUBLE_EQ(MetersToMiles(10'000), 6.2137119223733395);  // 10 km / 1609.344 m
  EXPECT_DOUBLE_EQ(MetersToKilometers(42'195), 42.195);
  EXPECT_DOUBLE_EQ(KilometersToMeters(5), 5000);
  EXPECT_DOUBLE_EQ(ToDisplayDistance(1609.344 * 26.2, DistanceUnit::kMiles), 26.2);
  EXPECT_DOUBLE_EQ(FromDisplayDistance(21.0975, DistanceUnit::kKilometers), 21'097.5);
  EXPECT_DOUBLE_EQ(InchesToCentimeters(12), 30.48);
  EXPECT_DOUBLE_EQ(CentimetersToInches(180), 70.86614173228347);  // 180 / 2.54
  EXPECT_DOUBLE_EQ(ToDisplayLength(1.8, LengthUnit::kCentimeters), 180);
  EXPECT_DOUBLE_EQ(ToDisplayLength(1.8, LengthUnit::kInches), 70.86614173228347);
  EXPECT_DOUBLE_EQ(FromDisplayLength(34, LengthUnit::kInches), 0.8636);  // a 34 in waist
}

TEST(UnitsTest, SpeedConversions) {
  EXPECT_DOUBLE_EQ(MetersPerSecondToKilometersPerHour(10), 36);
  EXPECT_DOUBLE_EQ(KilometersPerHourToMetersPerSecond(36), 10);
  EXPECT_DOUBLE_EQ(MetersPerSecondToMilesPerHour(10), 22.369362920544024);  // 36000 / 1609.344
  EXPECT_DOUBLE_EQ(MilesPerHourToMetersPerSecond(60), 26.8224);             // 60 * 1609.344 / 3600
  EXPECT_DOUBLE_EQ(ToDisplaySpeed(10, DistanceUnit::kKilometers), 36);
  EXPECT_DOUBLE_EQ(FromDisplaySpeed(22.369362920544024, DistanceUnit::kMiles), 10);
}

TEST(UnitsTest, RoundWeightRoundsToTheIncrementInTheLiftersUnit) {
  // 101.3 kg / 2.5 = 40.52 steps -> 41 -> 102.5 kg.
  EXPECT_DOUBLE_EQ(RoundWeight(101.3, WeightUnit::kKilograms, 2.5), 102.5);
  EXPECT_DOUBLE_EQ(RoundWeight(100, WeightUnit::kKilograms, 2.5), 100);
  // Exactly half a step (40.5) rounds away from zero.
  EXPECT_DOUBLE_EQ(RoundWeight(101.25, WeightUnit::kKilograms, 2.5), 102.5);
  // 45 kg = 99.208 lb -> nearest 5 lb is 100 lb = 45.359237 kg.
  EXPECT_DOUBLE_EQ(RoundWeight(45, WeightUnit::kPounds, 5), 45.359237);
  // 102.5 lb typed, stored in kg, is half a 5 lb step: 105 lb = 47.62719885 kg.
  EXPECT_DOUBLE_EQ(RoundWeight(PoundsToKilograms(102.5), WeightUnit::kPounds, 5), 47.62719885);
  EXPECT_DOUBLE_EQ(RoundWeight(PoundsToKilograms(100), WeightUnit::kPounds, 5),
                   PoundsToKilograms(100));
  EXPECT_DOUBLE_EQ(RoundWeight(1.1, WeightUnit::kKilograms, 1.25), 1.25);
}

TEST(UnitsTest, RoundWeightWithANonsenseIncrementLeavesTheWeight) {
  EXPECT_DOUBLE_EQ(RoundWeight(101.3, WeightUnit::kKilograms, 0), 101.3);
  EXPECT_DOUBLE_EQ(RoundWeight(101.3, WeightUnit::kKilograms, -2.5), 101.3);
  EXPECT_DOUBLE_EQ(RoundWeight(101.3, WeightUnit::kKilograms, NAN), 101.3);
  EXPECT_DOUBLE_EQ(RoundWeight(101.3, WeightUnit::kKilograms, INFINITY), 101.3);
}

TEST(UnitsTest, PaceFromSpeedAndBack) {
  // 1000 m in 300 s: 5:00 per km, and 1609.344 / (1000 / 300) = 482.8032 s (8:02.8) per mile.
  EXPECT_DOUBLE_EQ(*PaceFromSpeed(1000.0 / 300, DistanceUnit::kKilometers), 300);
  EXPECT_DOUBLE_EQ(*PaceFromSpeed(1000.0 / 300, DistanceUnit::kMiles), 482.8032);
  EXPECT_DOUBLE_EQ(*SpeedFromPace(300, DistanceUnit::kKilometers), 1000.0 / 300);
  EXPECT_DOUBLE_EQ(*SpeedFromPace(482.8032, DistanceUnit::kMiles), 1000.0 / 300);
  // 10 km in 45 min: 4:30 per km. A 3-hour marathon: 10800 / (42195 / 1609.344) s per mile.
  EXPECT_DOUBLE_EQ(*PaceFromDistanceAndTime(10'000, 2700, DistanceUnit::kKilometers), 270);
  EXPECT_NEAR(*PaceFromDistanceAndTime(42'195, 10'800, DistanceUnit::kMiles), 411.918834, 1e-6);
}

TEST(UnitsTest, StandingStillHasNoPace) {
  EXPECT_FALSE(PaceFromSpeed(0, DistanceUnit::kKilometers));
  EXPECT_FALSE(PaceFromSpeed(-1, DistanceUnit::kKilometers));
  EXPECT_FALSE(PaceFromSpeed(NAN, DistanceUnit::kMiles));
  EXPECT_FALSE(SpeedFromPace(0, DistanceUnit::kKilometers));
  EXPECT_FALSE(SpeedFromPace(INFINITY, DistanceUnit::kKilometers));
  EXPECT_FALSE(PaceFromDistanceAndTime(0, 600, DistanceUnit::kKilometers));
  EXPECT_FALSE(PaceFromDistanceAndTime(1000, NAN, DistanceUnit::kKilometers));
}

}  // namespace
}  // namespace vigor::core
