#include "features/imports/training_log_csv.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace vigor::features::imports {
namespace {

constexpr std::string_view kHeader =
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n";

// One workout of one set, started 2024-01-01T18:01:00Z, with `duration` as Strong's Duration.
ParsedLog OneSetWorkout(const std::string& duration) {
  std::string csv = std::string(kHeader) + "2024-01-01 18:01:00,Legs," + duration +
                    ",Squat (Barbell),1,100,5,0,0,,,\n";
  return ParseStrongCsv(csv, core::WeightUnit::kKilograms, core::DistanceUnit::kKilometers, "UTC");
}

TEST(TrainingLogCsvTest, StrongsDurationGivesTheWorkoutsEnd) {
  auto log = OneSetWorkout("1h 2m 3s");
  ASSERT_EQ(log.workouts.size(), 1u);
  // 2024-01-01T18:01:00Z is 1704132060 s after the epoch; 1h 2m 3s is 3723 s.
  EXPECT_EQ(log.workouts[0].started_ms, 1'704'132'060'000);
  EXPECT_EQ(log.workouts[0].ended_ms, 1'704'132'060'000 + 3'723'000);
}

// Found by the training_log_csv fuzz target: a number of hours too long for a double threw
// std::out_of_range out of the parser (a 500 on the dry run, a failed import job), and one that
// fits a double but not the milliseconds of an end time overflowed (undefined behaviour). Such a
// Duration is not a workout's length: the workout keeps its sets and has no end.
TEST(TrainingLogCsvTest, ADurationNoWorkoutCanLastLeavesTheWorkoutWithoutAnEnd) {
  for (const std::string& duration :
       {std::string(400, '9') + "h", std::string(20, '9') + "h", std::string("1e300"),
        std::string("10000h"), std::string("-5m")}) {
    ParsedLog log;
    ASSERT_NO_THROW(log = OneSetWorkout(duration)) << duration;
    ASSERT_EQ(log.workouts.size(), 1u) << duration;
    EXPECT_FALSE(log.workouts[0].ended_ms.has_value()) << duration;
    ASSERT_EQ(log.workouts[0].blocks.size(), 1u) << duration;
    EXPECT_EQ(log.workouts[0].blocks[0].sets.size(), 1u) << duration;
  }
}

// Found by the training_log_csv fuzz target: 1e308 km is a double, but 1e311 m is not: the
// conversion gave an infinite distance, which JSON cannot carry. It is now the largest double,
// which the import's range check refuses like any other distance beyond the limit.
TEST(TrainingLogCsvTest, ADistanceTooLargeToConvertStaysFiniteForTheRangeCheck) {
  for (auto unit : {core::DistanceUnit::kKilometers, core::DistanceUnit::kMiles}) {
    std::string csv =
        std::string(kHeader) + "2024-01-01 18:01:00,Run,30m,Running,1,0,0,1e308,1800,,,\n";
    auto log = ParseStrongCsv(csv, core::WeightUnit::kKilograms, unit, "UTC");
    ASSERT_EQ(log.workouts.size(), 1u);
    const auto& set = log.workouts[0].blocks.at(0).sets.at(0);
    ASSERT_TRUE(set.distance_m.has_value());
    EXPECT_TRUE(std::isfinite(*set.distance_m));
    EXPECT_GT(*set.distance_m, 1e300);
  }
}

}  // namespace
}  // namespace vigor::features::imports
