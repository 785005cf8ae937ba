#include "core/heart_rate_zones.hpp"

#include <cmath>

namespace vigor::core {

std::string_view MaxHeartRateSourceName(MaxHeartRateSource source) {
  switch (source) {
    case MaxHeartRateSource::kProfile:
      return "profile";
    case MaxHeartRateSource::kAge:
      return "age";
    case MaxHeartRateSource::kDefault:
      return "default";
  }
  return "default";
}

std::string_view ZoneMethodName(ZoneMethod method) {
  return method == ZoneMethod::kReserve ? "reserve" : "max";
}

HeartRateZones ZonesFor(std::optional<int> max_heart_rate, std::optional<int> birth_year,
                        std::optional<int> resting_heart_rate, int current_year) {
  HeartRateZones z;
  if (max_heart_rate && *max_heart_rate > 0) {
    z.max_heart_rate = *max_heart_rate;
    z.source = MaxHeartRateSource::kProfile;
  } else if (birth_year && current_year - *birth_year > 0) {
    const int age = current_year - *birth_year;
    z.max_heart_rate = static_cast<int>(std::lround(208 - 0.7 * age));
    z.source = MaxHeartRateSource::kAge;
  }
  // A resting rate at or above the maximum leaves no reserve: zones of the maximum then.
  double base = 0;
  if (resting_heart_rate && *resting_heart_rate > 0 && *resting_heart_rate < z.max_heart_rate) {
    z.resting_heart_rate = resting_heart_rate;
    z.method = ZoneMethod::kReserve;
    base = *resting_heart_rate;
  }
  const double span = z.max_heart_rate - base;
  for (int k = 1; k <= 5; ++k) {
    auto& zone = z.zones[k - 1];
    zone.zone = k;
    zone.min_bpm = static_cast<int>(std::lround(base + span * (40 + 10 * k) / 100.0));
    zone.max_bpm = static_cast<int>(std::lround(base + span * (50 + 10 * k) / 100.0));
  }
  return z;
}

bool AddTimeInZones(const Track& track, HeartRateZones& zones) {
  bool any = false;
  const auto& points = track.points;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const auto& p = points[i];
    if (!p.heart_rate || *p.heart_rate <= 0) continue;
    const double dt = points[i + 1].time_s - p.time_s;
    if (!(dt > 0 && dt <= kPauseGapS)) continue;
    any = true;
    zones.total_s += dt;
    for (int k = 4; k >= 0; --k) {
      if (*p.heart_rate >= zones.zones[k].min_bpm) {
        zones.zones[k].seconds += dt;
        break;
      }
    }
  }
  return any;
}

}  // namespace vigor::core
