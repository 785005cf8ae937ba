#pragma once

#include <array>
#include <optional>
#include <vector>

#include "core/track.hpp"

namespace vigor::core {

// The distances records keep a best effort for: 400 m, 1 km, 1 mile, 5 km, 10 km, the half
// marathon and the marathon.
inline constexpr std::array<double, 7> kBestEffortDistancesM = {400,   1000,    1609.344, 5000,
                                                                10000, 21097.5, 42195};

struct BestEffort {
  double distance_m = 0;
  double seconds = 0;  // the fastest time over exactly distance_m
};

// The fastest time over exactly `distance_m` anywhere in the track, or nullopt when the track
// is shorter (or has no distance). Distance is what ComputeStats measures (geodesic between
// positions, else the device's cumulative distance). The window is time-based: its ends may
// fall inside a segment between two points, where distance and time are interpolated linearly,
// so the time is for exactly that distance however sparse the points. The best window starts
// or ends at a point (the duration is piecewise linear between such windows), so two O(n)
// two-pointer passes find it. Pauses (gaps over kPauseGapS) count as elapsed time: a best
// effort is what the clock said, as a race would time it; stopping does not make you faster.
std::optional<double> FastestOver(const TrackProgress& progress, double distance_m);

// FastestOver for each of kBestEffortDistancesM the track covers, shortest first.
std::vector<BestEffort> BestEfforts(const Track& track);

}  // namespace vigor::core
