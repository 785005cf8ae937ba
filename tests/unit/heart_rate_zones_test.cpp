#include "core/heart_rate_zones.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

void ExpectBounds(const HeartRateZones& z, std::array<std::pair<int, int>, 5> bounds) {
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(z.zones[k].zone, k + 1);
    EXPECT_EQ(z.zones[k].min_bpm, bounds[k].first) << "zone " << k + 1;
    EXPECT_EQ(z.zones[k].max_bpm, bounds[k].second) << "zone " << k + 1;
  }
}

TEST(HeartRateZonesTest, FromTheProfilesMaximum) {
  // 50/60/70/80/90/100 % of 200.
  auto z = ZonesFor(200, 1990, std::nullopt, 2026);
  EXPECT_EQ(z.max_heart_rate, 200);
  EXPECT_EQ(z.source, MaxHeartRateSource::kProfile);
  EXPECT_EQ(z.method, ZoneMethod::kMax);
  ExpectBounds(z, {{{100, 120}, {120, 140}, {140, 160}, {160, 180}, {180, 200}}});
}

TEST(HeartRateZonesTest, FromTheAgeByTanaka) {
  // Age 2026 - 1990 = 36: 208 - 0.7 * 36 = 208 - 25.2 = 182.8, rounded 183.
  auto z = ZonesFor(std::nullopt, 1990, std::nullopt, 2026);
  EXPECT_EQ(z.max_heart_rate, 183);
  EXPECT_EQ(z.source, MaxHeartRateSource::kAge);
  // 50 % of 183 = 91.5 -> 92; 60 % = 109.8 -> 110; 70 % = 128.1; 80 % = 146.4; 90 % = 164.7.
  ExpectBounds(z, {{{92, 110}, {110, 128}, {128, 146}, {146, 165}, {165, 183}}});
}

TEST(HeartRateZonesTest, DefaultWithTheReserve) {
  // 190 with resting 60: reserve 130; 60 + 0.5 * 130 = 125, + 0.6 * 130 = 138, 151, 164, 177, 190.
  auto z = ZonesFor(std::nullopt, std::nullopt, 60, 2026);
  EXPECT_EQ(z.max_heart_rate, 190);
  EXPECT_EQ(z.source, MaxHeartRateSource::kDefault);
  EXPECT_EQ(z.method, ZoneMethod::kReserve);
  EXPECT_EQ(z.resting_heart_rate, 60);
  ExpectBounds(z, {{{125, 138}, {138, 151}, {151, 164}, {164, 177}, {177, 190}}});
}

TEST(HeartRateZonesTest, TimeGoesToTheZoneOfTheIntervalsFirstPoint) {
  auto z = ZonesFor(200, std::nullopt, std::nullopt, 2026);  // 100/120/140/160/180
  Track track;
  track.points = {{.time_s = 0, .heart_rate = 110},    // 10 s in zone 1
                  {.time_s = 10, .heart_rate = 150},   // 15 s in zone 3
                  {.time_s = 25, .heart_rate = 90},    // 5 s below zone 1 (total only)
                  {.time_s = 30, .heart_rate = 185},   // a 70 s pause: not counted
                  {.time_s = 100, .heart_rate = 170},  // 5 s in zone 4
                  {.time_s = 105, .heart_rate = 230},  // the last point starts no interval
                  {.time_s = 106}};
  // 230 -> 106: 1 s above the maximum, zone 5.
  ASSERT_TRUE(AddTimeInZones(track, z));
  EXPECT_DOUBLE_EQ(z.zones[0].seconds, 10);
  EXPECT_DOUBLE_EQ(z.zones[1].seconds, 0);
  EXPECT_DOUBLE_EQ(z.zones[2].seconds, 15);
  EXPECT_DOUBLE_EQ(z.zones[3].seconds, 5);
  EXPECT_DOUBLE_EQ(z.zones[4].seconds, 1);
  // 10 + 15 + 5 + 5 + 1 = 36.
  EXPECT_DOUBLE_EQ(z.total_s, 36);
}

TEST(HeartRateZonesTest, NoHeartRateNoTime) {
  auto z = ZonesFor(200, std::nullopt, std::nullopt, 2026);
  Track track;
  track.points = {{.time_s = 0}, {.time_s = 10}};
  EXPECT_FALSE(AddTimeInZones(track, z));
  EXPECT_DOUBLE_EQ(z.total_s, 0);
}

}  // namespace
}  // namespace vigor::core
