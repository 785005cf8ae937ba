#include "core/nutrition_met.hpp"

#include <span>

#include "core/limits.hpp"

namespace vigor::core {

namespace {

// 1 mile per hour in m/s (1609.344 m / 3600 s); the Compendium lists speeds in mph.
constexpr double kMetersPerSecondPerMph = 0.44704;
// ~yards per minute (the swimming entries) in m/s: 0.9144 m / 60 s.
constexpr double kMetersPerSecondPerYardPerMinute = 0.9144 / 60;

struct SpeedBand {
  double from_mps;  // the listed speed; the band runs up to the next one
  MetValue value;
};

constexpr double Mph(double mph) { return mph * kMetersPerSecondPerMph; }

// Each list is in increasing speed.
constexpr SpeedBand kRunning[] = {
    {Mph(4), {6.0, "12029", "running, 4 mph (15 min/mile)"}},
    {Mph(5), {8.3, "12030", "running, 5 mph (12 min/mile)"}},
    {Mph(5.2), {9.0, "12040", "running, 5.2 mph (11.5 min/mile)"}},
    {Mph(6), {9.8, "12050", "running, 6 mph (10 min/mile)"}},
    {Mph(6.7), {10.5, "12060", "running, 6.7 mph (9 min/mile)"}},
    {Mph(7), {11.0, "12070", "running, 7 mph (8.5 min/mile)"}},
    {Mph(7.5), {11.8, "12080", "running, 7.5 mph (8 min/mile)"}},
    {Mph(8), {11.8, "12090", "running, 8 mph (7.5 min/mile)"}},
    {Mph(8.6), {12.3, "12100", "running, 8.6 mph (7 min/mile)"}},
    {Mph(9), {12.8, "12110", "running, 9 mph (6.5 min/mile)"}},
    {Mph(10), {14.5, "12120", "running, 10 mph (6 min/mile)"}},
    {Mph(11), {16.0, "12130", "running, 11 mph (5.5 min/mile)"}},
    {Mph(12), {19.0, "12132", "running, 12 mph (5 min/mile)"}},
    {Mph(13), {19.8, "12134", "running, 13 mph (4.6 min/mile)"}},
    {Mph(14), {23.0, "12135", "running, 14 mph (4.3 min/mile)"}},
};
constexpr MetValue kRunningGeneral{8.0, "12150", "running"};

constexpr SpeedBand kCycling[] = {
    {0, {4.0, "01010", "bicycling, <10 mph, leisure, to work or for pleasure"}},
    {Mph(10), {6.8, "01020", "bicycling, 10-11.9 mph, leisure, slow, light effort"}},
    {Mph(12), {8.0, "01030", "bicycling, 12-13.9 mph, leisure, moderate effort"}},
    {Mph(14), {10.0, "01040", "bicycling, 14-15.9 mph, racing or leisure, fast, vigorous effort"}},
    {Mph(16), {12.0, "01050", "bicycling, 16-19 mph, racing/not drafting, very fast"}},
    {Mph(20), {15.8, "01060", "bicycling, > 20 mph, racing, not drafting"}},
};
constexpr MetValue kCyclingGeneral{7.5, "01015", "bicycling, general"};

constexpr SpeedBand kWalking[] = {
    {0, {2.0, "17151", "walking, less than 2.0 mph, level, strolling, very slow"}},
    {Mph(2), {2.8, "17152", "walking, 2.0 mph, level, slow pace, firm surface"}},
    {Mph(2.5), {3.0, "17170", "walking, 2.5 mph, level, firm surface"}},
    {Mph(2.8), {3.5, "17190", "walking, 2.8 to 3.2 mph, level, moderate pace, firm surface"}},
    {Mph(3.5), {4.3, "17200", "walking, 3.5 mph, level, brisk, firm surface"}},
    {Mph(4), {5.0, "17220", "walking, 4.0 mph, level, firm surface, very brisk pace"}},
    {Mph(4.5), {7.0, "17230", "walking, 4.5 mph, level, firm surface, very, very brisk"}},
    {Mph(5), {8.3, "17231", "walking, 5.0 mph, level, firm surface"}},
};
constexpr MetValue kWalkingGeneral{3.5, "17160", "walking for pleasure"};

constexpr SpeedBand kSwimming[] = {
    {0, {5.8, "18240", "swimming laps, freestyle, front crawl, slow, light or moderate effort"}},
    {50 * kMetersPerSecondPerYardPerMinute,
     {8.3, "18290", "swimming, crawl, medium speed, ~50 yards/minute, vigorous effort"}},
    {75 * kMetersPerSecondPerYardPerMinute,
     {10.0, "18280", "swimming, crawl, fast speed, ~75 yards/minute, vigorous effort"}},
};
constexpr MetValue kSwimmingGeneral = kSwimming[0].value;

constexpr MetValue kHiking{6.0, "17080", "hiking, cross country"};
constexpr MetValue kRowing{6.0, "02070", "rowing, stationary ergometer, general, vigorous effort"};
constexpr MetValue kSkiing{7.0, "19075", "skiing, general"};
constexpr MetValue kElliptical{5.0, "02048", "elliptical trainer, moderate effort"};

MetValue BySpeed(std::span<const SpeedBand> bands, const MetValue& general,
                 std::optional<double> speed_mps) {
  if (!speed_mps || !(*speed_mps > 0)) return general;
  MetValue value = bands.front().value;
  for (const SpeedBand& band : bands) {
    if (*speed_mps >= band.from_mps) value = band.value;
  }
  return value;
}

}  // namespace

std::optional<MetValue> CardioMet(std::string_view sport, std::optional<double> average_speed_mps) {
  if (sport == "run") return BySpeed(kRunning, kRunningGeneral, average_speed_mps);
  if (sport == "ride") return BySpeed(kCycling, kCyclingGeneral, average_speed_mps);
  if (sport == "walk") return BySpeed(kWalking, kWalkingGeneral, average_speed_mps);
  if (sport == "swim") return BySpeed(kSwimming, kSwimmingGeneral, average_speed_mps);
  if (sport == "hike") return kHiking;
  if (sport == "row") return kRowing;
  if (sport == "ski") return kSkiing;
  if (sport == "elliptical") return kElliptical;
  return std::nullopt;
}

MetValue StrengthMet(StrengthEffort effort) {
  if (effort == StrengthEffort::kVigorous) {
    return {6.0, "02050",
            "resistance training (weight lifting, free weight, nautilus or universal), power "
            "lifting or body building, vigorous effort"};
  }
  return {3.5, "02054",
          "resistance (weight) training, multiple exercises, 8-15 repetitions at varied "
          "resistance"};
}

std::optional<double> ExerciseEnergyKcal(double met, double weight_kg, double duration_s,
                                         ExerciseEnergyBasis basis) {
  if (!(met >= 1) || !(met < 100) || !(weight_kg > 0) ||
      !limits::kBodyWeightKg.Contains(weight_kg) ||
      !limits::kWorkoutDurationS.Contains(duration_s)) {
    return std::nullopt;
  }
  double hours = duration_s / 3600;
  double rate = basis == ExerciseEnergyBasis::kNet ? met - 1 : met;
  return rate * weight_kg * hours;
}

}  // namespace vigor::core
