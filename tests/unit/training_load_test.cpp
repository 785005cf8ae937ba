#include "core/training_load.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vigor::core {
namespace {

TEST(TrainingLoadTest, SessionLoadIsEffortTimesMinutes) {
  // RPE 7 for 45 minutes (2,700 s): 7 x 45 = 315.
  EXPECT_DOUBLE_EQ(SessionLoad(7, 2700), 315);
  // 90 s at RPE 10: 10 x 1.5 = 15.
  EXPECT_DOUBLE_EQ(SessionLoad(10, 90), 15);
  EXPECT_DOUBLE_EQ(SessionLoad(std::nullopt, 2700), 0);  // unrated
  EXPECT_DOUBLE_EQ(SessionLoad(5, 0), 0);
}

TEST(TrainingLoadTest, TheFirstDayStartsFromZero) {
  std::vector<double> loads{420};
  auto days = ComputeTrainingLoad(loads);
  ASSERT_EQ(days.size(), 1u);
  EXPECT_DOUBLE_EQ(days[0].load, 420);
  EXPECT_DOUBLE_EQ(days[0].acute, 60);    // 420 / 7
  EXPECT_DOUBLE_EQ(days[0].chronic, 15);  // 420 / 28
  ASSERT_TRUE(days[0].ratio);
  EXPECT_DOUBLE_EQ(*days[0].ratio, 4);    // 60 / 15
  EXPECT_DOUBLE_EQ(days[0].fitness, 10);  // 0 + (420 - 0) / 42
  EXPECT_DOUBLE_EQ(days[0].fatigue, 60);  // 0 + (420 - 0) / 7
  EXPECT_DOUBLE_EQ(days[0].form, -50);    // 10 - 60
}

TEST(TrainingLoadTest, AveragesAndExponentialsFollowTheDays) {
  // Day 0: 420, day 1: rest, day 2: 84.
  std::vector<double> loads{420, 0, 84};
  auto days = ComputeTrainingLoad(loads);
  ASSERT_EQ(days.size(), 3u);
  // Day 1: fitness 10 + (0 - 10) / 42 = 10 x 41/42 = 9.761904...; fatigue 60 x 6/7 = 51.428571...
  EXPECT_NEAR(days[1].fitness, 9.7619048, 1e-6);
  EXPECT_NEAR(days[1].fatigue, 51.4285714, 1e-6);
  EXPECT_DOUBLE_EQ(days[1].acute, 60);  // still 420 / 7
  // Day 2: fitness 9.7619048 + (84 - 9.7619048) / 42 = 9.7619048 + 1.7675737 = 11.5294785;
  // fatigue 51.4285714 + (84 - 51.4285714) / 7 = 51.4285714 + 4.6530612 = 56.0816327;
  // form = 11.5294785 - 56.0816327 = -44.5521542.
  EXPECT_NEAR(days[2].fitness, 11.5294785, 1e-6);
  EXPECT_NEAR(days[2].fatigue, 56.0816327, 1e-6);
  EXPECT_NEAR(days[2].form, -44.5521542, 1e-6);
  // acute (420 + 0 + 84) / 7 = 72; chronic 504 / 28 = 18; ratio 4.
  EXPECT_DOUBLE_EQ(days[2].acute, 72);
  EXPECT_DOUBLE_EQ(days[2].chronic, 18);
  EXPECT_DOUBLE_EQ(*days[2].ratio, 4);
}

TEST(TrainingLoadTest, DaysLeaveTheWindows) {
  // 70 on day 0, then 27 days of rest: day 6 still holds it in the acute window, day 7 not;
  // day 27 still holds it in the chronic window, day 28 not.
  std::vector<double> loads(29, 0.0);
  loads[0] = 70;
  auto days = ComputeTrainingLoad(loads);
  EXPECT_DOUBLE_EQ(days[6].acute, 10);  // 70 / 7
  EXPECT_DOUBLE_EQ(days[7].acute, 0);
  EXPECT_DOUBLE_EQ(days[27].chronic, 2.5);  // 70 / 28
  EXPECT_DOUBLE_EQ(days[28].chronic, 0);
  EXPECT_FALSE(days[28].ratio);  // chronic 0: no ratio
}

TEST(TrainingLoadTest, RestBeforeAnyTrainingHasNoRatio) {
  std::vector<double> loads{0, 0};
  auto days = ComputeTrainingLoad(loads);
  EXPECT_FALSE(days[1].ratio);
  EXPECT_DOUBLE_EQ(days[1].form, 0);
}

}  // namespace
}  // namespace vigor::core
