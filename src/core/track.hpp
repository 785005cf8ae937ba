#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::core {

// One sample of a recorded activity. Everything but the time is optional: a watch loses GPS in
// a tunnel, a chest strap drops out, an indoor file has no positions at all.
struct TrackPoint {
  std::optional<double> lat, lon;  // degrees, WGS84
  std::optional<double> elevation_m;
  double time_s = 0;              // seconds since the track's start
  std::optional<int> heart_rate;  // bpm
  std::optional<int> cadence;     // rpm (steps per minute per foot for runs, as devices record)
  std::optional<int> power_w;
  std::optional<double> distance_m;  // cumulative, from the device, for indoor files
};

struct Track {
  std::optional<std::int64_t> start_unix_ms;  // absent when the file had no times
  std::string sport = "other";                // run, ride, walk, hike, swim, row, other
  // The activity's own name as the file gives it (GPX <name>); empty when it has none.
  std::string name;
  // Energy the device reports (TCX laps' Calories, FIT sessions' total_calories), summed.
  std::optional<double> calories_kcal;
  std::vector<TrackPoint> points;

  // True when at least one point has both a latitude and a longitude.
  bool has_positions() const;
};

struct Split {
  double distance_m = 0;  // split_m, except for a shorter last split
  double duration_s = 0;
  double moving_time_s = 0;
  std::optional<double> avg_heart_rate;
  double elevation_gain_m = 0;
};

struct TrackStats {
  double distance_m = 0;
  double duration_s = 0;
  double moving_time_s = 0;
  double elevation_gain_m = 0;
  double elevation_loss_m = 0;
  std::optional<double> avg_heart_rate;
  std::optional<int> max_heart_rate;
  std::optional<double> avg_cadence;  // zeros (coasting, standing) left out
  std::optional<double> avg_power_w;  // zeros (coasting) counted: they are work not done
  std::optional<double> max_speed_mps;
  std::vector<Split> splits;
};

struct StatsOptions {
  double stop_speed_mps = 0.5;       // slower than this between two points counts as stopped
  double elevation_smoothing_m = 5;  // hysteresis: ignore ups and downs smaller than this
  double split_m = 1000;
};

// Two points further apart in time than this are a pause (the device stopped recording).
inline constexpr double kPauseGapS = 30;
// Max speed is the best average over at least this long, so that one GPS jump is not a sprint.
inline constexpr double kMaxSpeedWindowS = 5;
// More splits than this (a split_m of a few cm) gives no splits rather than exhausting memory.
inline constexpr std::size_t kMaxSplits = 100'000;
// Parsers refuse files with more points: 11.5 days at one point per second, about 100 MB.
inline constexpr std::size_t kMaxTrackPoints = 1'000'000;

// Figures of a track, in one pass over its points (plus one over the distances).
//
// Distance: geodesic on the WGS84 ellipsoid between consecutive points that have a valid
// position (a point without one is bridged over); a track without any position uses the
// device's cumulative distance_m instead, else it has no distance. Moving time: intervals of at
// most kPauseGapS whose average speed is at least stop_speed_mps; a track with no distance at
// all (a strength session, a trainer without speed) counts every interval up to kPauseGapS as
// moving. Elevation: hysteresis of elevation_smoothing_m from the last turning point. Averages
// of heart rate, cadence and power are time-weighted (each interval up to kPauseGapS weighs its
// length and takes the mean of its two ends), so sparse "smart" recording does not skew them;
// a heart rate of 0 means no contact and is left out.
//
// Any input is safe: times that go backwards or are NaN count as no time, invalid positions
// as missing, invalid options as their nearest sane value.
TrackStats ComputeStats(const Track& track, const StatsOptions& options = {});

// Cumulative distance and time at each point of a track, as ComputeStats measures them (the
// same distance source and geodesic), for figures over a stretch of a track (best efforts).
// elapsed_s counts every forward interval, pauses included; distance_m is all zeros when the
// track has no distance (has_distance false). Both are non-decreasing.
struct TrackProgress {
  std::vector<double> distance_m;
  std::vector<double> elapsed_s;
  bool has_distance = false;
};
TrackProgress CumulativeProgress(const Track& track);

// What ParseGpx, ParseTcx and ParseFit throw; what() is a message to show to the user as is
// ("point 12 has an invalid latitude").
class TrackParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ISO 8601 / RFC 3339 date-time to Unix milliseconds: "2024-05-01T07:30:00Z",
// "2024-05-01T09:30:00.250+02:00", "...-0530"; no zone means UTC (as GPX and TCX specify).
// Fractional seconds beyond milliseconds are truncated. Nullopt on anything else.
std::optional<std::int64_t> ParseIsoTimeMs(std::string_view text);
// Unix milliseconds to "2024-05-01T07:30:00Z", with ".250" only when there are milliseconds.
std::string FormatIsoTimeMs(std::int64_t unix_ms);

// The Vigor sport for a label found in a file ("Running", "cycling", "road_biking", "hiking"):
// one of run, ride, walk, hike, swim, row, other.
std::string SportFromLabel(std::string_view label);

}  // namespace vigor::core
