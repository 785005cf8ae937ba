#include "core/workout_totals.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

SetFigures Done(std::int64_t reps, std::optional<double> kg) { return {true, reps, kg}; }
SetFigures Planned(std::int64_t reps, double kg) { return {false, reps, kg}; }

TEST(WorkoutTotalsTest, NothingLoggedIsAllZero) {
  EXPECT_EQ(ComputeTotals({}), WorkoutTotals{});
  std::vector<BlockFigures> empty_block{{"squat", {}}};
  EXPECT_EQ(ComputeTotals(empty_block), WorkoutTotals{});
}

// Squat 3 x 5 at 100 kg plus one warm-up of 10 at 60 kg; bench 5 x 80 kg twice:
// sets 6, reps 15 + 10 + 10 = 35, volume 1500 + 600 + 800 = 2900 kg, 2 exercises.
TEST(WorkoutTotalsTest, WorkedExampleAcrossTwoExercises) {
  std::vector<BlockFigures> blocks{
      {"squat", {Done(10, 60), Done(5, 100), Done(5, 100), Done(5, 100)}},
      {"bench-press", {Done(5, 80), Done(5, 80)}},
  };
  auto t = ComputeTotals(blocks);
  EXPECT_EQ(t.sets, 6);
  EXPECT_EQ(t.reps, 35);
  EXPECT_DOUBLE_EQ(t.volume_kg, 2900);
  EXPECT_EQ(t.exercises, 2);
}

// Only sets marked done count: a planned 5 x 120 kg adds nothing, and an exercise with no done
// set is not counted as done.
TEST(WorkoutTotalsTest, OnlyDoneSetsCount) {
  std::vector<BlockFigures> blocks{
      {"deadlift", {Done(5, 140), Planned(5, 120)}},
      {"row", {Planned(8, 60), Planned(8, 60)}},
  };
  auto t = ComputeTotals(blocks);
  EXPECT_EQ(t.sets, 1);
  EXPECT_EQ(t.reps, 5);
  EXPECT_DOUBLE_EQ(t.volume_kg, 700);
  EXPECT_EQ(t.exercises, 1);
}

// Pull-ups without added weight: 3 x 10 reps, no volume. A plank (no reps) counts as a set only.
TEST(WorkoutTotalsTest, BodyweightAndTimedSetsAddRepsButNoVolume) {
  std::vector<BlockFigures> blocks{
      {"pull-up", {Done(10, std::nullopt), Done(10, std::nullopt), Done(10, std::nullopt)}},
      {"plank", {SetFigures{true, std::nullopt, std::nullopt}}},
  };
  auto t = ComputeTotals(blocks);
  EXPECT_EQ(t.sets, 4);
  EXPECT_EQ(t.reps, 30);
  EXPECT_DOUBLE_EQ(t.volume_kg, 0);
  EXPECT_EQ(t.exercises, 2);
}

// The same exercise in two blocks (say, a drop set later on) is one exercise.
TEST(WorkoutTotalsTest, AnExerciseInTwoBlocksCountsOnce) {
  std::vector<BlockFigures> blocks{
      {"curl", {Done(12, 15)}},
      {"lateral-raise", {Done(15, 8)}},
      {"curl", {Done(10, 12.5)}},
  };
  auto t = ComputeTotals(blocks);
  EXPECT_EQ(t.exercises, 2);
  EXPECT_DOUBLE_EQ(t.volume_kg, 180 + 120 + 125);
}

// 50 lb is 22.68 kg; 22.68 x 10 is 226.79999999999998 in binary floating point. Totals are
// rounded to the gram.
TEST(WorkoutTotalsTest, VolumeIsRoundedToTheGram) {
  std::vector<BlockFigures> blocks{{"dumbbell-press", {Done(10, 22.68), Done(10, 22.68)}}};
  EXPECT_DOUBLE_EQ(ComputeTotals(blocks).volume_kg, 453.6);
}

TEST(WorkoutTotalsTest, DurationPrefersTheCardioSummary) {
  // 07:00:00 to 07:45:30 is 2730 s.
  std::int64_t start = 1'700'000'000'000;
  EXPECT_EQ(WorkoutDurationSeconds(std::nullopt, start, start + 2'730'000), 2730);
  EXPECT_EQ(WorkoutDurationSeconds(2400.0, start, start + 2'730'000), 2400);
  EXPECT_EQ(WorkoutDurationSeconds(std::nullopt, start, std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace vigor::core
