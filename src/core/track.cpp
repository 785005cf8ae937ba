#include "core/track.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <utility>

namespace vigor::core {

namespace {

// Values beyond these are not of this planet (or this lifetime); treating them as missing keeps
// every figure finite whatever a stored track holds.
constexpr double kMaxAbsElevationM = 100'000;
constexpr double kMaxDeviceDistanceM = 1e9;
constexpr double kMaxIntervalS = 1e9;

bool HasValidPosition(const TrackPoint& p) {
  return p.lat && p.lon && std::isfinite(*p.lat) && std::isfinite(*p.lon) &&
         std::abs(*p.lat) <= 90 && std::abs(*p.lon) <= 180;
}

std::optional<double> DeviceDistanceOf(const TrackPoint& p) {
  if (p.distance_m && *p.distance_m >= 0 && *p.distance_m <= kMaxDeviceDistanceM) {
    return *p.distance_m;
  }
  return std::nullopt;
}

// Where the distance of a track comes from.
enum class DistanceSource { kNone, kPositions, kDevice };

DistanceSource ChooseDistanceSource(const Track& track) {
  bool device = false;
  for (const auto& p : track.points) {
    if (HasValidPosition(p)) return DistanceSource::kPositions;
    device = device || DeviceDistanceOf(p);
  }
  return device ? DistanceSource::kDevice : DistanceSource::kNone;
}

// Cumulative distance and cumulative recorded time at each point, both non-decreasing.
void Accumulate(const Track& track, DistanceSource source, std::vector<double>& distance,
                std::vector<double>& elapsed) {
  const auto& points = track.points;
  distance.assign(points.size(), 0);
  elapsed.assign(points.size(), 0);
  const auto& geodesic = GeographicLib::Geodesic::WGS84();
  const TrackPoint* last_position = nullptr;
  std::optional<double> last_device;
  double total = 0;
  double time = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const TrackPoint& p = points[i];
    if (i > 0) {
      double dt = p.time_s - points[i - 1].time_s;
      if (dt > 0 && dt <= kMaxIntervalS) time += dt;  // false for NaN
    }
    if (source == DistanceSource::kPositions && HasValidPosition(p)) {
      // A point without a position (GPS lost in a tunnel) is bridged over in a straight line.
      if (last_position != nullptr) {
        double s12 = 0;
        geodesic.Inverse(*last_position->lat, *last_position->lon, *p.lat, *p.lon, s12);
        if (std::isfinite(s12) && s12 > 0) total += s12;
      }
      last_position = &p;
    } else if (auto d = DeviceDistanceOf(p); source == DistanceSource::kDevice && d) {
      // A counter that goes down was reset (a new lap on some trainers): count on from there.
      if (last_device && *d > *last_device) total += *d - *last_device;
      last_device = d;
    }
    distance[i] = total;
    elapsed[i] = time;
  }
}

// Elevation gain and loss with hysteresis: a climb counts once it rises `threshold` above the
// last low (and then every metre of it), a descent likewise, so GPS and barometer noise
// smaller than the threshold never adds up. Gains are reported as they are confirmed, so
// they can be attributed to the split where they happen.
class ElevationHysteresis {
 public:
  explicit ElevationHysteresis(double threshold) : threshold_(threshold) {}

  // Returns the gain and the loss confirmed by this sample.
  std::pair<double, double> Add(double e) {
    if (!started_) {
      started_ = true;
      low_ = high_ = extreme_ = e;
      return {0, 0};
    }
    switch (direction_) {
      case Direction::kUnknown:
        low_ = std::min(low_, e);
        high_ = std::max(high_, e);
        if (e - low_ >= threshold_) return Turn(Direction::kUp, e, e - low_);
        if (high_ - e >= threshold_) return Turn(Direction::kDown, e, high_ - e);
        return {0, 0};
      case Direction::kUp:
        if (e > extreme_) return Keep(e, e - extreme_, 0);
        if (extreme_ - e >= threshold_) return Turn(Direction::kDown, e, extreme_ - e);
        return {0, 0};
      case Direction::kDown:
        if (e < extreme_) return Keep(e, 0, extreme_ - e);
        if (e - extreme_ >= threshold_) return Turn(Direction::kUp, e, e - extreme_);
        return {0, 0};
    }
    return {0, 0};
  }

 private:
  enum class Direction { kUnknown, kUp, kDown };

  std::pair<double, double> Turn(Direction to, double e, double change) {
    direction_ = to;
    extreme_ = e;
    return to == Direction::kUp ? std::pair{change, 0.0} : std::pair{0.0, change};
  }
  std::pair<double, double> Keep(double e, double gain, double loss) {
    extreme_ = e;
    return {gain, loss};
  }

  double threshold_;
  bool started_ = false;
  Direction direction_ = Direction::kUnknown;
  double low_ = 0, high_ = 0;  // while the direction is unknown
  double extreme_ = 0;         // the highest point of a climb, the lowest of a descent
};

// A time-weighted mean; falls back to the plain mean of the samples when no interval has a
// length (a single point).
class WeightedMean {
 public:
  void AddSample(std::optional<double> v) {
    if (!v) return;
    sample_sum_ += *v;
    ++samples_;
  }
  void AddInterval(std::optional<double> a, std::optional<double> b, double weight) {
    if (!(weight > 0)) return;
    if (a && b) {
      sum_ += (*a + *b) / 2 * weight;
    } else if (a || b) {
      sum_ += (a ? *a : *b) * weight;
    } else {
      return;
    }
    weight_ += weight;
  }
  std::optional<double> Weighted() const {
    if (weight_ > 0) return sum_ / weight_;
    return std::nullopt;
  }
  std::optional<double> Get() const {
    if (weight_ > 0) return sum_ / weight_;
    if (samples_ > 0) return sample_sum_ / samples_;
    return std::nullopt;
  }

 private:
  double sum_ = 0, weight_ = 0;
  double sample_sum_ = 0;
  long samples_ = 0;
};

std::optional<double> HeartRateOf(const TrackPoint& p) {
  if (p.heart_rate && *p.heart_rate > 0) return *p.heart_rate;
  return std::nullopt;
}
std::optional<double> CadenceOf(const TrackPoint& p) {
  if (p.cadence && *p.cadence > 0) return *p.cadence;
  return std::nullopt;
}
std::optional<double> PowerOf(const TrackPoint& p) {
  if (p.power_w && *p.power_w >= 0) return *p.power_w;
  return std::nullopt;
}
std::optional<double> ElevationOf(const TrackPoint& p) {
  if (p.elevation_m && std::abs(*p.elevation_m) <= kMaxAbsElevationM) return *p.elevation_m;
  return std::nullopt;
}

double NonNegative(double v) { return std::isnan(v) ? 0 : std::max(0.0, v); }

// The split being filled.
struct OpenSplit {
  double start_elapsed_s = 0;
  double moving_time_s = 0;
  double elevation_gain_m = 0;
  WeightedMean heart_rate;
};

}  // namespace

bool Track::has_positions() const {
  return std::any_of(points.begin(), points.end(),
                     [](const TrackPoint& p) { return p.lat && p.lon; });
}

TrackProgress CumulativeProgress(const Track& track) {
  TrackProgress progress;
  const DistanceSource source = ChooseDistanceSource(track);
  Accumulate(track, source, progress.distance_m, progress.elapsed_s);
  progress.has_distance = source != DistanceSource::kNone;
  return progress;
}

TrackStats ComputeStats(const Track& track, const StatsOptions& options) {
  TrackStats stats;
  const auto& points = track.points;
  if (points.empty()) return stats;

  const double stop_speed = NonNegative(options.stop_speed_mps);
  const double smoothing = NonNegative(options.elevation_smoothing_m);
  const DistanceSource source = ChooseDistanceSource(track);
  std::vector<double> distance;
  std::vector<double> elapsed;
  Accumulate(track, source, distance, elapsed);
  stats.distance_m = distance.back();
  stats.duration_s = elapsed.back();

  const double split_m = options.split_m;
  const bool want_splits = split_m > 0 && std::isfinite(split_m) &&
                           stats.distance_m / split_m <= static_cast<double>(kMaxSplits);

  ElevationHysteresis elevation(smoothing);
  WeightedMean heart_rate, cadence, power;
  std::optional<int> max_heart_rate;
  OpenSplit split;
  std::size_t window_start = 0;  // for the max speed window
  std::optional<double> max_speed;

  for (std::size_t i = 0; i < points.size(); ++i) {
    const TrackPoint& p = points[i];
    heart_rate.AddSample(HeartRateOf(p));
    cadence.AddSample(CadenceOf(p));
    power.AddSample(PowerOf(p));
    if (auto hr = HeartRateOf(p)) {
      max_heart_rate = std::max(max_heart_rate.value_or(0), static_cast<int>(*hr));
    }
    if (auto e = ElevationOf(p)) {
      auto [gain, loss] = elevation.Add(*e);
      stats.elevation_gain_m += gain;
      stats.elevation_loss_m += loss;
      split.elevation_gain_m += gain;
    }
    if (i == 0) continue;

    const TrackPoint& prev = points[i - 1];
    const double dt = elapsed[i] - elapsed[i - 1];
    const double dd = distance[i] - distance[i - 1];
    // Across a pause the device was not recording: neither moving nor a sample of anything.
    const bool recorded = dt > 0 && dt <= kPauseGapS;
    const bool moving = recorded && (source == DistanceSource::kNone || dd >= stop_speed * dt);
    if (moving) stats.moving_time_s += dt;
    const double weight = recorded ? dt : 0;
    heart_rate.AddInterval(HeartRateOf(prev), HeartRateOf(p), weight);
    cadence.AddInterval(CadenceOf(prev), CadenceOf(p), weight);
    power.AddInterval(PowerOf(prev), PowerOf(p), weight);

    if (source != DistanceSource::kNone) {
      while (window_start + 1 < i && elapsed[i] - elapsed[window_start + 1] >= kMaxSpeedWindowS) {
        ++window_start;
      }
      double span = elapsed[i] - elapsed[window_start];
      if (span >= kMaxSpeedWindowS) {
        double speed = (distance[i] - distance[window_start]) / span;
        max_speed = std::max(max_speed.value_or(0), speed);
      }
    }

    if (!want_splits) continue;
    // Close every split whose boundary this interval crosses, at the interpolated time.
    double done = 0;  // fraction of this interval already given to earlier splits
    auto give = [&](double fraction) {
      if (moving) split.moving_time_s += fraction * dt;
      split.heart_rate.AddInterval(HeartRateOf(prev), HeartRateOf(p), fraction * weight);
    };
    for (double boundary = (stats.splits.size() + 1) * split_m; distance[i] >= boundary;
         boundary = (stats.splits.size() + 1) * split_m) {
      double f = dd > 0 ? std::clamp((boundary - distance[i - 1]) / dd, done, 1.0) : 1.0;
      give(f - done);
      done = f;
      double at = elapsed[i - 1] + f * dt;
      stats.splits.push_back({.distance_m = split_m,
                              .duration_s = at - split.start_elapsed_s,
                              .moving_time_s = split.moving_time_s,
                              .avg_heart_rate = split.heart_rate.Weighted(),
                              .elevation_gain_m = split.elevation_gain_m});
      split = OpenSplit{.start_elapsed_s = at};
    }
    give(1 - done);
  }

  // The last, shorter split; a few millimetres left over by rounding are not a split.
  constexpr double kMinLastSplitM = 0.01;
  if (want_splits) {
    double rest = stats.distance_m - static_cast<double>(stats.splits.size()) * split_m;
    if (rest > kMinLastSplitM) {
      stats.splits.push_back({.distance_m = rest,
                              .duration_s = stats.duration_s - split.start_elapsed_s,
                              .moving_time_s = split.moving_time_s,
                              .avg_heart_rate = split.heart_rate.Weighted(),
                              .elevation_gain_m = split.elevation_gain_m});
    }
  }

  if (source != DistanceSource::kNone && !max_speed && stats.duration_s > 0) {
    max_speed = stats.distance_m / stats.duration_s;  // shorter than one window
  }
  stats.max_speed_mps = max_speed;
  stats.avg_heart_rate = heart_rate.Get();
  stats.max_heart_rate = max_heart_rate;
  stats.avg_cadence = cadence.Get();
  stats.avg_power_w = power.Get();
  return stats;
}

// ---- Time -------------------------------------------------------------------------------

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
constexpr std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilDate {
  std::int64_t year;
  unsigned month, day;
};

constexpr CivilDate CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
std::optional<int> Digits(std::string_view s, std::size_t& pos, int n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool Expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::string_view Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::int64_t> ParseIsoTimeMs(std::string_view text) {
  std::string_view s = Trim(text);
  std::size_t pos = 0;
  auto year = Digits(s, pos, 4);
  if (!year || !Expect(s, pos, '-')) return std::nullopt;
  auto month = Digits(s, pos, 2);
  if (!month || !Expect(s, pos, '-')) return std::nullopt;
  auto day = Digits(s, pos, 2);
  if (!day || pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) {
    return std::nullopt;
  }
  ++pos;
  auto hour = Digits(s, pos, 2);
  if (!hour || !Expect(s, pos, ':')) return std::nullopt;
  auto minute = Digits(s, pos, 2);
  if (!minute || !Expect(s, pos, ':')) return std::nullopt;
  auto second = Digits(s, pos, 2);
  if (!second) return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > DaysInMonth(*year, *month) || *hour > 23 ||
      *minute > 59 || *second > 60) {  // 60: a leap second, which Unix time folds into the next
    return std::nullopt;
  }
  int millis = 0;
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  int offset_minutes = 0;
  if (pos < s.size()) {
    char zone = s[pos++];
    if (zone == 'Z' || zone == 'z') {
      // UTC
    } else if (zone == '+' || zone == '-') {
      auto oh = Digits(s, pos, 2);
      if (!oh) return std::nullopt;
      std::optional<int> om = 0;
      if (pos < s.size()) {
        Expect(s, pos, ':');
        om = Digits(s, pos, 2);
      }
      if (!om || *oh > 23 || *om > 59) return std::nullopt;
      offset_minutes = (zone == '+' ? 1 : -1) * (*oh * 60 + *om);
    } else {
      return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  std::int64_t days =
      DaysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  std::int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second -
                         static_cast<std::int64_t>(offset_minutes) * 60;
  return seconds * 1000 + millis;
}

std::string FormatIsoTimeMs(std::int64_t unix_ms) {
  std::int64_t days = unix_ms >= 0 ? unix_ms / 86'400'000 : -((-unix_ms + 86'399'999) / 86'400'000);
  std::int64_t ms_of_day = unix_ms - days * 86'400'000;
  CivilDate date = CivilFromDays(days);
  int ms = static_cast<int>(ms_of_day % 1000);
  int sec = static_cast<int>(ms_of_day / 1000);
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d",
                        static_cast<long long>(date.year), date.month, date.day, sec / 3600,
                        sec / 60 % 60, sec % 60);
  if (ms != 0) n += std::snprintf(buf + n, sizeof buf - n, ".%03d", ms);
  std::string out(buf, static_cast<std::size_t>(n));
  out += 'Z';
  return out;
}

// ---- Sport ------------------------------------------------------------------------------

std::string SportFromLabel(std::string_view label) {
  std::string s;
  s.reserve(label.size());
  for (char c : Trim(label)) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Strava's GPX export writes its activity type as a number.
  if (s == "9") return "run";
  if (s == "1") return "ride";
  if (s == "10") return "walk";
  if (s == "4") return "hike";
  if (s == "16") return "swim";
  auto has = [&](std::string_view part) { return s.find(part) != std::string::npos; };
  // Substrings catch the vendors' variants: "trail_running", "VirtualRide", "mountain_biking",
  // "open_water_swimming", "indoor_rowing", "Nordic walking".
  if (has("run")) return "run";
  if (has("swim")) return "swim";
  if (has("row")) return "row";
  if (has("hik")) return "hike";
  if (has("walk")) return "walk";
  if (has("bik") || has("cycl") || has("ride")) return "ride";
  return "other";
}

}  // namespace vigor::core
