#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/track.hpp"

namespace vigor::core {

// Where a maximum heart rate comes from: the profile, the age (Tanaka: 208 - 0.7 x age), or
// neither (190).
enum class MaxHeartRateSource { kProfile, kAge, kDefault };
// Zones as shares of the maximum, or of the reserve above resting (Karvonen).
enum class ZoneMethod { kMax, kReserve };

std::string_view MaxHeartRateSourceName(MaxHeartRateSource source);  // profile | age | default
std::string_view ZoneMethodName(ZoneMethod method);                  // max | reserve

inline constexpr int kDefaultMaxHeartRate = 190;

struct HeartRateZone {
  int zone = 1;  // 1-5
  int min_bpm = 0;
  int max_bpm = 0;
  double seconds = 0;
};

struct HeartRateZones {
  int max_heart_rate = kDefaultMaxHeartRate;
  std::optional<int> resting_heart_rate;
  MaxHeartRateSource source = MaxHeartRateSource::kDefault;
  ZoneMethod method = ZoneMethod::kMax;
  std::array<HeartRateZone, 5> zones{};
  double total_s = 0;  // seconds with a heart rate, below zone 1 included
};

// The five zones, without times: zone k (1-5) spans (40 + 10k)% to (50 + 10k)% of the maximum,
// or of (max - resting) above resting when `resting` is known, rounded to whole bpm. The age is
// current_year - birth_year. A bpm belongs to the highest zone whose min_bpm it reaches; above
// the maximum is zone 5.
HeartRateZones ZonesFor(std::optional<int> max_heart_rate, std::optional<int> birth_year,
                        std::optional<int> resting_heart_rate, int current_year);

// Adds the time of `track` in each zone: each interval between consecutive points at most
// kPauseGapS apart goes to the zone of its first point's heart rate (an interval whose first
// point has none, or 0, is not counted). Returns false when no interval had a heart rate.
bool AddTimeInZones(const Track& track, HeartRateZones& zones);

}  // namespace vigor::core
