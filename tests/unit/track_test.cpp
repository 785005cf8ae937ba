#include "core/track.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace vigor::core {
namespace {

// ---- An independent reference: Vincenty's inverse formula on WGS84 ---------------------------
// (T. Vincenty, Survey Review XXIII 176, 1975), written out here so that the expected distances
// do not come from GeographicLib, which ComputeStats uses.
double VincentyMeters(double lat1, double lon1, double lat2, double lon2) {
  constexpr double a = 6378137.0;
  constexpr double f = 1 / 298.257223563;
  constexpr double b = a * (1 - f);
  constexpr double kRad = std::numbers::pi / 180;
  const double L = (lon2 - lon1) * kRad;
  const double U1 = std::atan((1 - f) * std::tan(lat1 * kRad));
  const double U2 = std::atan((1 - f) * std::tan(lat2 * kRad));
  const double sinU1 = std::sin(U1), cosU1 = std::cos(U1);
  const double sinU2 = std::sin(U2), cosU2 = std::cos(U2);
  double lambda = L;
  double sin_sigma = 0, cos_sigma = 0, sigma = 0, cos2_alpha = 0, cos_2sigma_m = 0;
  for (int i = 0; i < 200; ++i) {
    const double sin_lambda = std::sin(lambda), cos_lambda = std::cos(lambda);
    sin_sigma = std::hypot(cosU2 * sin_lambda, cosU1 * sinU2 - sinU1 * cosU2 * cos_lambda);
    if (sin_sigma == 0) return 0;  // the same point
    cos_sigma = sinU1 * sinU2 + cosU1 * cosU2 * cos_lambda;
    sigma = std::atan2(sin_sigma, cos_sigma);
    const double sin_alpha = cosU1 * cosU2 * sin_lambda / sin_sigma;
    cos2_alpha = 1 - sin_alpha * sin_alpha;
    cos_2sigma_m = cos2_alpha != 0 ? cos_sigma - 2 * sinU1 * sinU2 / cos2_alpha : 0;
    const double C = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha));
    const double previous = lambda;
    lambda = L + (1 - C) * f * sin_alpha *
                     (sigma +
                      C * sin_sigma *
                          (cos_2sigma_m + C * cos_sigma * (-1 + 2 * cos_2sigma_m * cos_2sigma_m)));
    if (std::abs(lambda - previous) < 1e-12) break;
  }
  const double u2 = cos2_alpha * (a * a - b * b) / (b * b);
  const double A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const double B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const double delta_sigma =
      B * sin_sigma *
      (cos_2sigma_m + B / 4 *
                          (cos_sigma * (-1 + 2 * cos_2sigma_m * cos_2sigma_m) -
                           B / 6 * cos_2sigma_m * (-3 + 4 * sin_sigma * sin_sigma) *
                               (-3 + 4 * cos_2sigma_m * cos_2sigma_m)));
  return b * A * (sigma - delta_sigma);
}

double ReferenceDistance(const Track& t) {
  double sum = 0;
  for (std::size_t i = 1; i < t.points.size(); ++i) {
    const auto& p = t.points[i - 1];
    const auto& q = t.points[i];
    sum += VincentyMeters(*p.lat, *p.lon, *q.lat, *q.lon);
  }
  return sum;
}

// Deterministic noise in [-1, 1] (a small LCG, so the test does not depend on <random>).
class Noise {
 public:
  double Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) / static_cast<double>(1ULL << 53) * 2 - 1;
  }

 private:
  std::uint64_t state_ = 42;
};

// A point `north_m` and `east_m` away from (lat0, lon0), on a sphere: good enough to lay out
// a course; the expected distance is measured on the result, not assumed.
std::pair<double, double> Offset(double lat0, double lon0, double north_m, double east_m) {
  constexpr double kR = 6'371'000;
  constexpr double kDeg = 180 / std::numbers::pi;
  double lat = lat0 + north_m / kR * kDeg;
  double lon = lon0 + east_m / (kR * std::cos(lat0 / kDeg)) * kDeg;
  return {lat, lon};
}

// The true profile of the loop: three hills of 60 m, starting and ending in a valley.
double LoopProfile(int i, int n) { return 400 - 30 * std::cos(2 * std::numbers::pi * 3 * i / n); }

// A loop of about 10 km near Zurich, one point a second for 3000 s (about 3.3 m/s), with
// +-1 m of noise on the elevation and a heart rate of 150.
Track TenKilometerLoop() {
  constexpr int kPoints = 3000;
  const double radius = 10'000 / (2 * std::numbers::pi);
  Track t;
  t.sport = "run";
  t.start_unix_ms = 1'714'548'600'000;
  Noise noise;
  for (int i = 0; i < kPoints; ++i) {
    double angle = 2 * std::numbers::pi * i / (kPoints - 1);
    auto [lat, lon] = Offset(47.37, 8.54, radius * std::sin(angle), radius * (1 - std::cos(angle)));
    t.points.push_back({.lat = lat,
                        .lon = lon,
                        .elevation_m = LoopProfile(i, kPoints) + noise.Next(),
                        .time_s = static_cast<double>(i),
                        .heart_rate = 150});
  }
  return t;
}

// The test's own gain of the true profile: the sum of its rises.
double TrueGain(int n) {
  double gain = 0;
  for (int i = 1; i < n; ++i) gain += std::max(0.0, LoopProfile(i, n) - LoopProfile(i - 1, n));
  return gain;
}

TEST(TrackStatsTest, TenKilometerLoopDistanceAndClimb) {
  Track t = TenKilometerLoop();
  TrackStats s = ComputeStats(t);
  const double reference = ReferenceDistance(t);
  ASSERT_GT(reference, 9900);
  ASSERT_LT(reference, 10'100);
  EXPECT_NEAR(s.distance_m, reference, reference * 0.005);
  EXPECT_NEAR(s.distance_m, reference, 0.01);  // in fact they agree to the centimetre
  EXPECT_DOUBLE_EQ(s.duration_s, 2999);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 2999);

  const double gain = TrueGain(3000);
  EXPECT_NEAR(gain, 180, 0.01);
  EXPECT_NEAR(s.elevation_gain_m, gain, gain * 0.05);
  EXPECT_NEAR(s.elevation_loss_m, gain, gain * 0.05);
  // Without smoothing, the +-1 m noise would climb hundreds of metres that are not there.
  TrackStats raw = ComputeStats(t, {.elevation_smoothing_m = 0});
  EXPECT_GT(raw.elevation_gain_m, 1.5 * gain);

  EXPECT_DOUBLE_EQ(*s.avg_heart_rate, 150);
  EXPECT_EQ(*s.max_heart_rate, 150);
  EXPECT_FALSE(s.avg_cadence);
  EXPECT_FALSE(s.avg_power_w);
  EXPECT_NEAR(*s.max_speed_mps, reference / 2999, 0.05);
}

TEST(TrackStatsTest, TenKilometerLoopSplits) {
  Track t = TenKilometerLoop();
  TrackStats s = ComputeStats(t);
  // About 10 km: ten full splits and a short rest (or nine and a long rest).
  ASSERT_EQ(s.splits.size(), static_cast<std::size_t>(std::ceil(s.distance_m / 1000)));
  double distance = 0, duration = 0, moving = 0, gain = 0;
  for (std::size_t i = 0; i < s.splits.size(); ++i) {
    const Split& split = s.splits[i];
    if (i + 1 < s.splits.size()) {
      EXPECT_DOUBLE_EQ(split.distance_m, 1000);
      // At an even 3.33 m/s a kilometre takes 300 s.
      EXPECT_NEAR(split.duration_s, 1000 / (s.distance_m / 2999), 3) << i;
    }
    EXPECT_DOUBLE_EQ(*split.avg_heart_rate, 150);
    distance += split.distance_m;
    duration += split.duration_s;
    moving += split.moving_time_s;
    gain += split.elevation_gain_m;
  }
  EXPECT_NEAR(distance, s.distance_m, 1e-6);
  EXPECT_NEAR(duration, s.duration_s, 1e-6);
  EXPECT_NEAR(moving, s.moving_time_s, 1e-6);
  EXPECT_NEAR(gain, s.elevation_gain_m, 1e-6);
}

// A run north at 3 m/s for 600 s, a 2-minute stop (the watch keeps recording, GPS drifting by
// a few centimetres), then 600 s more.
Track RunWithAStop(bool watch_paused) {
  Track t;
  Noise noise;
  double north = 0;
  for (int s = 0; s <= 1320; ++s) {
    bool stopped = s > 600 && s <= 720;
    if (stopped && watch_paused && s < 720) continue;  // no points while auto-paused
    if (!stopped) north = 3.0 * (s <= 600 ? s : s - 120);
    double jitter = stopped ? 0.05 * noise.Next() : 0;
    auto [lat, lon] = Offset(52.52, 13.40, north + jitter, 0);
    t.points.push_back({.lat = lat, .lon = lon, .time_s = static_cast<double>(s)});
  }
  return t;
}

TEST(TrackStatsTest, ATwoMinuteStopIsNotMovingTime) {
  Track t = RunWithAStop(false);
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.duration_s, 1320);
  EXPECT_NEAR(s.moving_time_s, 1200, 1);
  EXPECT_NEAR(s.distance_m, ReferenceDistance(t), ReferenceDistance(t) * 0.005);
  EXPECT_NEAR(s.distance_m, 3600, 20);
  EXPECT_NEAR(*s.max_speed_mps, 3, 0.05);
}

TEST(TrackStatsTest, AnAutoPauseGapIsNotMovingTime) {
  Track t = RunWithAStop(true);
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.duration_s, 1320);
  EXPECT_NEAR(s.moving_time_s, 1200, 1e-9);
}

TEST(TrackStatsTest, AGapLongerThanThirtySecondsCountsAsStoppedEvenWhenItCoveredGround) {
  // GPS lost for 60 s in a tunnel while running: the distance is bridged, the time is not.
  Track t;
  for (int s : {0, 10, 20, 80, 90}) {
    auto [lat, lon] = Offset(45.0, 7.0, 3.0 * s, 0);
    t.points.push_back({.lat = lat, .lon = lon, .time_s = static_cast<double>(s)});
  }
  TrackStats s = ComputeStats(t);
  EXPECT_NEAR(s.distance_m, 270, 2);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 30);
}

TEST(TrackStatsTest, PointsWithoutAPositionAreBridged) {
  Track t;
  for (int s = 0; s <= 100; ++s) {
    auto [lat, lon] = Offset(45.0, 7.0, 2.0 * s, 0);
    TrackPoint p{.time_s = static_cast<double>(s)};
    if (s < 40 || s > 50) {
      p.lat = lat;
      p.lon = lon;
    }
    t.points.push_back(p);
  }
  EXPECT_NEAR(ComputeStats(t).distance_m, 200, 1);
}

// A treadmill: no positions, the device's cumulative distance at 2.5 m/s, heart rate rising
// evenly from 120 to 160.
TEST(TrackStatsTest, IndoorTrackUsesTheDevicesDistance) {
  Track t;
  for (int s = 0; s <= 2000; ++s) {
    t.points.push_back({.time_s = static_cast<double>(s),
                        .heart_rate = 120 + s / 50,
                        .cadence = 85,
                        .distance_m = 2.5 * s});
  }
  ASSERT_FALSE(t.has_positions());
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.distance_m, 5000);
  EXPECT_DOUBLE_EQ(s.duration_s, 2000);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 2000);
  EXPECT_DOUBLE_EQ(*s.avg_cadence, 85);
  EXPECT_NEAR(*s.avg_heart_rate, 140, 1);
  EXPECT_EQ(*s.max_heart_rate, 160);
  EXPECT_NEAR(*s.max_speed_mps, 2.5, 1e-9);
  ASSERT_EQ(s.splits.size(), 5u);
  for (const Split& split : s.splits) {
    EXPECT_DOUBLE_EQ(split.distance_m, 1000);
    EXPECT_NEAR(split.duration_s, 400, 1e-9);  // 1000 m at 2.5 m/s
    EXPECT_NEAR(split.moving_time_s, 400, 1e-9);
  }
  // Heart rate in the first 400 s is 120..128, in the last 152..160.
  EXPECT_NEAR(*s.splits[0].avg_heart_rate, 124, 1);
  EXPECT_NEAR(*s.splits[4].avg_heart_rate, 156, 1);
}

TEST(TrackStatsTest, SplitTimesAreInterpolatedAtTheCrossing) {
  // A point every 7 s at 3 m/s: 1000 m is crossed 333.33 s in, between the points at 329
  // and 336 s.
  Track t;
  for (int s = 0; s <= 700; s += 7) {
    t.points.push_back({.time_s = static_cast<double>(s), .distance_m = 3.0 * s});
  }
  TrackStats s = ComputeStats(t, {.split_m = 1000});
  ASSERT_EQ(s.splits.size(), 3u);
  EXPECT_NEAR(s.splits[0].duration_s, 1000.0 / 3, 1e-9);
  EXPECT_NEAR(s.splits[1].duration_s, 1000.0 / 3, 1e-9);
  EXPECT_NEAR(s.splits[2].distance_m, 100, 1e-9);  // 2100 m in all
  EXPECT_NEAR(s.splits[2].duration_s, 700 - 2000.0 / 3, 1e-9);
}

TEST(TrackStatsTest, HandWorkedMovingTimeAndAverages) {
  // t=0..10: 30 m (3 m/s, moving). t=10..20: 2 m (0.2 m/s, stopped). t=20..80: a 60 s gap
  // (paused). t=80..90: 30 m (moving). Moving time 20 s of 90.
  // Heart rate, time-weighted over the recorded intervals: 10 s at (100+120)/2, 10 s at
  // (120+140)/2, and 10 s at 160 (only one end known): (1100 + 1300 + 1600) / 30 = 133.33.
  Track t;
  t.points = {
      {.time_s = 0, .heart_rate = 100, .power_w = 200, .distance_m = 0},
      {.time_s = 10, .heart_rate = 120, .power_w = 0, .distance_m = 30},
      {.time_s = 20, .heart_rate = 140, .distance_m = 32},
      {.time_s = 80, .distance_m = 40},
      {.time_s = 90, .heart_rate = 160, .distance_m = 70},
  };
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.distance_m, 70);
  EXPECT_DOUBLE_EQ(s.duration_s, 90);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 20);
  EXPECT_NEAR(*s.avg_heart_rate, 400.0 / 3, 1e-9);
  EXPECT_EQ(*s.max_heart_rate, 160);
  // Power: 10 s at (200+0)/2, 10 s at 0 (the only end known): 1000 / 20 = 50 W.
  EXPECT_DOUBLE_EQ(*s.avg_power_w, 50);
  // The best 5 s or more: 30 m in 10 s.
  EXPECT_DOUBLE_EQ(*s.max_speed_mps, 3);
  ASSERT_EQ(s.splits.size(), 1u);
  EXPECT_DOUBLE_EQ(s.splits[0].distance_m, 70);
  EXPECT_DOUBLE_EQ(s.splits[0].moving_time_s, 20);
}

TEST(TrackStatsTest, ElevationHysteresisWorkedExample) {
  // Smoothing 5 m: 0 -> 10 (+10), -> 7 (a 3 m dip: ignored), -> 12 (+2), -> 3 (-9), -> 6
  // (a 3 m bump: ignored), -> 20 (+17). Gain 29, loss 9.
  Track t;
  double e[] = {0, 10, 7, 12, 3, 6, 20};
  for (int i = 0; i < 7; ++i) t.points.push_back({.elevation_m = e[i], .time_s = i * 1.0});
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.elevation_gain_m, 29);
  EXPECT_DOUBLE_EQ(s.elevation_loss_m, 9);
  // No smoothing: every rise counts: 10 + 5 + 3 + 14 = 32, and every fall 3 + 9 = 12.
  TrackStats raw = ComputeStats(t, {.elevation_smoothing_m = 0});
  EXPECT_DOUBLE_EQ(raw.elevation_gain_m, 32);
  EXPECT_DOUBLE_EQ(raw.elevation_loss_m, 12);
}

TEST(TrackStatsTest, NoDistanceAtAllCountsRecordedTimeAsMoving) {
  // A strength session with a heart-rate strap: nothing moves, but the time was training.
  Track t;
  for (int s = 0; s <= 600; s += 5) t.points.push_back({.time_s = s * 1.0, .heart_rate = 110});
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.distance_m, 0);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 600);
  EXPECT_FALSE(s.max_speed_mps);
  EXPECT_TRUE(s.splits.empty());
}

TEST(TrackStatsTest, EmptyAndSinglePointTracks) {
  TrackStats empty = ComputeStats(Track{});
  EXPECT_EQ(empty.distance_m, 0);
  EXPECT_FALSE(empty.avg_heart_rate);
  EXPECT_TRUE(empty.splits.empty());

  Track one;
  one.points.push_back({.lat = 1, .lon = 2, .elevation_m = 3, .time_s = 0, .heart_rate = 99});
  TrackStats s = ComputeStats(one);
  EXPECT_EQ(s.distance_m, 0);
  EXPECT_EQ(s.duration_s, 0);
  EXPECT_DOUBLE_EQ(*s.avg_heart_rate, 99);  // the plain mean when there is no interval
  EXPECT_FALSE(s.max_speed_mps);
}

TEST(TrackStatsTest, NeverCrashesOnHostileValues) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  Track t;
  t.points = {
      {.lat = 200, .lon = 10, .elevation_m = nan, .time_s = nan, .heart_rate = -5},
      {.lat = nan, .lon = 10, .elevation_m = inf, .time_s = 5, .cadence = -1},
      {.lat = 45, .lon = 7, .elevation_m = 1e308, .time_s = -100, .distance_m = nan},
      {.lat = 45.001, .lon = 7, .elevation_m = -1e308, .time_s = inf, .power_w = -3},
      {.lat = 45.002, .lon = 7, .time_s = 3, .distance_m = -inf},
      {.lat = 45, .lon = 7},  // no time
      {.elevation_m = 1e300, .time_s = 1e308, .distance_m = 1e308},
      {.elevation_m = 5, .time_s = 1.7e308, .distance_m = inf},
  };
  Track indoor;  // the same without positions: the device's distances count
  for (TrackPoint p : t.points) {
    p.lat.reset();
    indoor.points.push_back(p);
  }
  for (const Track& track : {t, indoor}) {
    for (StatsOptions o : {StatsOptions{}, StatsOptions{nan, nan, nan}, StatsOptions{-1, -1, -1},
                           StatsOptions{inf, inf, inf}, StatsOptions{0, 0, 1e-300},
                           StatsOptions{1e-300, 1e-300, 0.001}}) {
      TrackStats s = ComputeStats(track, o);
      for (double v : {s.distance_m, s.duration_s, s.moving_time_s, s.elevation_gain_m,
                       s.elevation_loss_m, s.max_speed_mps.value_or(0)}) {
        EXPECT_TRUE(std::isfinite(v));
        EXPECT_GE(v, 0);
      }
      EXPECT_LE(s.moving_time_s, s.duration_s);
      EXPECT_LE(s.splits.size(), kMaxSplits);
    }
  }
}

TEST(TrackStatsTest, HasPositions) {
  Track t;
  t.points.push_back({.distance_m = 10});
  EXPECT_FALSE(t.has_positions());
  t.points.push_back({.lat = 1});
  EXPECT_FALSE(t.has_positions());
  t.points.push_back({.lat = 1, .lon = 2});
  EXPECT_TRUE(t.has_positions());
}

// ---- Time and sport labels --------------------------------------------------------------------

TEST(TrackTimeTest, ParsesRfc3339) {
  // 2024-05-01T07:30:00Z: 19844 days after 1970-01-01, plus 27000 s.
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T07:30:00Z"), 1'714'548'600'000);
  EXPECT_EQ(ParseIsoTimeMs("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T09:30:00+02:00"), 1'714'548'600'000);
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T02:00:00-0530"), 1'714'548'600'000);
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T07:30:00.250Z"), 1'714'548'600'250);
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T07:30:00.2Z"), 1'714'548'600'200);
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T07:30:00.123456789Z"), 1'714'548'600'123);
  EXPECT_EQ(ParseIsoTimeMs(" 2024-05-01t07:30:00z\n"), 1'714'548'600'000);
  EXPECT_EQ(ParseIsoTimeMs("2024-05-01T07:30:00"), 1'714'548'600'000);   // no zone: UTC
  EXPECT_EQ(ParseIsoTimeMs("2024-02-29T00:00:00Z"), 1'709'164'800'000);  // a leap day
  EXPECT_EQ(ParseIsoTimeMs("1969-12-31T23:59:59Z"), -1000);
}

TEST(TrackTimeTest, RefusesWhatIsNotADateTime) {
  for (const char* bad :
       {"", "2024-05-01", "2024-05-01T07:30Z", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-04-31T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T07:60:00Z",
        "2024-05-01T07:30:00.Z", "2024-05-01T07:30:00+2", "2024-05-01T07:30:00+25:00",
        "2024-05-01T07:30:00ZZ", "24-05-01T07:30:00Z", "2024/05/01T07:30:00Z", "yesterday"}) {
    EXPECT_FALSE(ParseIsoTimeMs(bad)) << bad;
  }
}

TEST(TrackTimeTest, FormatsAndRoundTrips) {
  EXPECT_EQ(FormatIsoTimeMs(1'714'548'600'000), "2024-05-01T07:30:00Z");
  EXPECT_EQ(FormatIsoTimeMs(1'714'548'600'250), "2024-05-01T07:30:00.250Z");
  EXPECT_EQ(FormatIsoTimeMs(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoTimeMs(-1), "1969-12-31T23:59:59.999Z");
  for (std::int64_t ms = -86'400'000LL * 800; ms < 86'400'000LL * 40'000; ms += 7'777'777'777) {
    EXPECT_EQ(ParseIsoTimeMs(FormatIsoTimeMs(ms)), ms);
  }
}

TEST(TrackSportTest, LabelsFromFiles) {
  EXPECT_EQ(SportFromLabel("Running"), "run");
  EXPECT_EQ(SportFromLabel("trail_running"), "run");
  EXPECT_EQ(SportFromLabel("Biking"), "ride");
  EXPECT_EQ(SportFromLabel("cycling"), "ride");
  EXPECT_EQ(SportFromLabel("VirtualRide"), "ride");
  EXPECT_EQ(SportFromLabel("mountain_biking"), "ride");
  EXPECT_EQ(SportFromLabel("walking"), "walk");
  EXPECT_EQ(SportFromLabel("Hiking"), "hike");
  EXPECT_EQ(SportFromLabel("open_water_swimming"), "swim");
  EXPECT_EQ(SportFromLabel("indoor_rowing"), "row");
  EXPECT_EQ(SportFromLabel("9"), "run");  // Strava's numeric types
  EXPECT_EQ(SportFromLabel("1"), "ride");
  EXPECT_EQ(SportFromLabel("Other"), "other");
  EXPECT_EQ(SportFromLabel(""), "other");
  EXPECT_EQ(SportFromLabel("yoga"), "other");
}

}  // namespace
}  // namespace vigor::core
