#include "core/best_efforts.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

TrackProgress Progress(std::vector<double> distance_m, std::vector<double> elapsed_s) {
  return {
      .distance_m = std::move(distance_m), .elapsed_s = std::move(elapsed_s), .has_distance = true};
}

TEST(BestEffortTest, TheWindowStartsInsideASegment) {
  // 200 m at 4 m/s (50 s), 400 m at 10 m/s (40 s), 200 m at 2 m/s (100 s).
  auto p = Progress({0, 200, 600, 800}, {0, 50, 90, 190});
  // 500 m: the fast 400 m plus the last 100 m of the first stretch, at 4 m/s = 25 s: 65 s.
  // The other way (the fast 400 m plus 100 m at 2 m/s) would be 40 + 50 = 90 s.
  EXPECT_DOUBLE_EQ(*FastestOver(p, 500), 65);
  // 400 m: the fast stretch alone, 40 s.
  EXPECT_DOUBLE_EQ(*FastestOver(p, 400), 40);
  // 100 m: inside the fast stretch, 100 / 10 = 10 s.
  EXPECT_DOUBLE_EQ(*FastestOver(p, 100), 10);
  // The whole 800 m: 190 s. Longer than the track: none.
  EXPECT_DOUBLE_EQ(*FastestOver(p, 800), 190);
  EXPECT_FALSE(FastestOver(p, 800.5));
}

TEST(BestEffortTest, APauseCountsAsElapsedTime) {
  // 200 m in 40 s, then a gap of 160 s (over kPauseGapS) in which the runner got 200 m further,
  // then 200 m in 40 s. Every 400 m window spans the gap: 40 + 160 = 200 s (not 80 s).
  auto p = Progress({0, 200, 400, 600}, {0, 40, 200, 240});
  EXPECT_DOUBLE_EQ(*FastestOver(p, 400), 200);
}

TEST(BestEffortTest, StandingStillStartsTheWindowAtTheLastMomentThere) {
  // 100 m in 20 s, standing 100 s at 100 m, then 400 m in 80 s (5 m/s).
  auto p = Progress({0, 100, 100, 500}, {0, 20, 120, 200});
  // 400 m from where the runner moved off again: 80 s (not 180 s from the first arrival).
  EXPECT_DOUBLE_EQ(*FastestOver(p, 400), 80);
}

TEST(BestEffortTest, AJumpInNoTimeIsNoEffort) {
  // 500 m between two points with the same time (a GPS jump), then 400 m in 100 s. Windows
  // inside the jump would take 0 s; the only real 400 m is the last stretch: 100 s.
  auto p = Progress({0, 500, 900}, {0, 0, 100});
  EXPECT_DOUBLE_EQ(*FastestOver(p, 400), 100);
}

TEST(BestEffortTest, IndoorTrackUsesTheDevicesDistance) {
  // No positions: the device's cumulative distance. 500 m in 100 s (5 m/s), 500 m in 80 s
  // (6.25 m/s), 500 m in 120 s.
  Track track;
  for (auto [d, t] : {std::pair{0.0, 0.0}, {500.0, 100.0}, {1000.0, 180.0}, {1500.0, 300.0}}) {
    track.points.push_back({.time_s = t, .distance_m = d});
  }
  auto efforts = BestEfforts(track);
  // 400 m inside the fastest stretch: 400 / 6.25 = 64 s. 1 km: 0 -> 1000 m in 180 s beats
  // 500 -> 1500 m in 200 s. 1 mile (1609.344 m) is longer than the track.
  ASSERT_EQ(efforts.size(), 2u);
  EXPECT_DOUBLE_EQ(efforts[0].distance_m, 400);
  EXPECT_DOUBLE_EQ(efforts[0].seconds, 64);
  EXPECT_DOUBLE_EQ(efforts[1].distance_m, 1000);
  EXPECT_DOUBLE_EQ(efforts[1].seconds, 180);
}

TEST(BestEffortTest, PositionsUseTheGeodesic) {
  // Along the equator's meridian: 0.01 degree of latitude is about 1105.7 m (110,574 m per
  // degree there), covered in 100 s at constant speed; 1 km of it takes 1000 / 11.057 = 90.4 s.
  Track track;
  track.points.push_back({.lat = 0.0, .lon = 0.0, .time_s = 0});
  track.points.push_back({.lat = 0.01, .lon = 0.0, .time_s = 100});
  auto efforts = BestEfforts(track);
  ASSERT_EQ(efforts.size(), 2u);
  EXPECT_NEAR(efforts[1].seconds, 90.44, 0.05);
}

TEST(BestEffortTest, NoDistanceNoEfforts) {
  Track track;
  track.points.push_back({.time_s = 0, .heart_rate = 100});
  track.points.push_back({.time_s = 600, .heart_rate = 120});
  EXPECT_TRUE(BestEfforts(track).empty());
}

}  // namespace
}  // namespace vigor::core
