#include "core/privacy_zones.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace vigor::core {
namespace {

// Worked by hand: at latitude 52 degrees the WGS84 meridian's radius of curvature is
// M = a (1 - e^2) / (1 - e^2 sin^2 52)^1.5 = 6,375,149.7 m, so one degree of latitude there is
// M * pi / 180 = 111,267.35 m along the meridian (to a centimetre over a few hundred metres).
constexpr double kCentreLat = 52.0;
constexpr double kCentreLon = 13.0;
constexpr double kMetresPerDegreeLat = 111'267.35;

double NorthOfCentre(double metres) { return kCentreLat + metres / kMetresPerDegreeLat; }

TrackPoint At(double lat, double lon, double t) {
  TrackPoint p;
  p.lat = lat;
  p.lon = lon;
  p.time_s = t;
  return p;
}

const std::vector<ZoneCircle> kHome{
    {.latitude = kCentreLat, .longitude = kCentreLon, .radius_m = 100}};

TEST(PrivacyZonesTest, DistanceAlongTheMeridianIsWhatTheHandComputationSays) {
  EXPECT_NEAR(GeodesicDistanceM(kCentreLat, kCentreLon, NorthOfCentre(99), kCentreLon), 99, 0.01);
  EXPECT_NEAR(GeodesicDistanceM(kCentreLat, kCentreLon, NorthOfCentre(101), kCentreLon), 101, 0.01);
}

TEST(PrivacyZonesTest, APointNinetyNineMetresFromTheCentreOfAHundredMetreZoneIsInside) {
  EXPECT_TRUE(InsideAnyZone(NorthOfCentre(99), kCentreLon, kHome));
}

TEST(PrivacyZonesTest, APointAHundredAndOneMetresFromTheCentreIsOutside) {
  EXPECT_FALSE(InsideAnyZone(NorthOfCentre(101), kCentreLon, kHome));
}

TEST(PrivacyZonesTest, AnyOfSeveralZonesCounts) {
  // A second zone 1 km north, 200 m wide; the point 950 m north is 50 m from its centre.
  std::vector<ZoneCircle> zones = kHome;
  zones.push_back({.latitude = NorthOfCentre(1000), .longitude = kCentreLon, .radius_m = 200});
  EXPECT_TRUE(InsideAnyZone(NorthOfCentre(950), kCentreLon, zones));
  EXPECT_FALSE(InsideAnyZone(NorthOfCentre(500), kCentreLon, zones));
}

TEST(PrivacyZonesTest, ATrackStartingAndEndingInsideAZoneLosesBothEnds) {
  // Out from the front door (0 m) north to 300 m and back: 0, 50, 99 in; 101, 200, 300, 200, 101
  // out; 99, 10 in. What others see is the five points outside, in order.
  std::vector<double> metres{0, 50, 99, 101, 200, 300, 200, 101, 99, 10};
  std::vector<TrackPoint> track;
  for (std::size_t i = 0; i < metres.size(); ++i) {
    track.push_back(At(NorthOfCentre(metres[i]), kCentreLon, static_cast<double>(i * 10)));
  }
  auto kept = CutByZones(track, kHome);
  ASSERT_EQ(kept.size(), 5u);
  std::vector<double> times;
  for (const auto& p : kept) times.push_back(p.time_s);
  EXPECT_EQ(times, (std::vector<double>{30, 40, 50, 60, 70}));
  for (const auto& p : kept) {
    EXPECT_GT(GeodesicDistanceM(kCentreLat, kCentreLon, *p.lat, *p.lon), 100);
  }
}

TEST(PrivacyZonesTest, WithoutZonesEveryPointStays) {
  std::vector<TrackPoint> track{At(kCentreLat, kCentreLon, 0),
                                At(NorthOfCentre(10), kCentreLon, 1)};
  EXPECT_EQ(CutByZones(track, {}).size(), 2u);
}

TEST(PrivacyZonesTest, PointsWithoutAPositionStayAndPointsWithAnInvalidOneGo) {
  TrackPoint indoor;
  indoor.time_s = 5;
  indoor.heart_rate = 120;
  TrackPoint broken = At(std::nan(""), kCentreLon, 6);
  std::vector<TrackPoint> track{At(kCentreLat, kCentreLon, 0), indoor, broken,
                                At(NorthOfCentre(500), kCentreLon, 7)};
  auto kept = CutByZones(track, kHome);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].time_s, 5);
  EXPECT_EQ(kept[1].time_s, 7);
}

}  // namespace
}  // namespace vigor::core
