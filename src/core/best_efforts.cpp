#include "core/best_efforts.hpp"

#include <cmath>

namespace vigor::core {

namespace {

// The time at which the track passes `d` between points i and i + 1 (distance[i] <= d <=
// distance[i + 1]), interpolated linearly in distance.
double TimeAt(const TrackProgress& p, std::size_t i, double d) {
  const double d0 = p.distance_m[i];
  const double d1 = p.distance_m[i + 1];
  const double t0 = p.elapsed_s[i];
  const double t1 = p.elapsed_s[i + 1];
  if (d1 <= d0) return t1;
  return t0 + (t1 - t0) * (d - d0) / (d1 - d0);
}

}  // namespace

std::optional<double> FastestOver(const TrackProgress& p, double distance_m) {
  const auto& dist = p.distance_m;
  const std::size_t n = dist.size();
  if (!p.has_distance || n < 2 || !(distance_m > 0) || dist.back() < distance_m) {
    return std::nullopt;
  }
  // A window of no time (a position jump between two points with the same time) is a glitch,
  // not an effort.
  std::optional<double> best;
  auto consider = [&best](double seconds) {
    if (seconds > 0 && std::isfinite(seconds) && (!best || seconds < *best)) best = seconds;
  };
  // Windows ending at a point j: the start is where the track was distance_m earlier, at the
  // latest time it was there (the last segment i..i+1 with dist[i] <= start < dist[i + 1]).
  std::size_t i = 0;
  for (std::size_t j = 1; j < n; ++j) {
    const double start = dist[j] - distance_m;
    if (start < 0) continue;
    while (i + 1 < j && dist[i + 1] <= start) ++i;
    consider(p.elapsed_s[j] - TimeAt(p, i, start));
  }
  // Windows starting at a point i: the end is where the track first reaches distance_m further
  // (the first point j with dist[j] >= end, interpolated back into segment j - 1..j).
  std::size_t j = 1;
  for (i = 0; i + 1 < n; ++i) {
    const double end = dist[i] + distance_m;
    if (end > dist.back()) break;
    if (j <= i) j = i + 1;
    while (j + 1 < n && dist[j] < end) ++j;
    if (dist[j] < end) break;
    consider(TimeAt(p, j - 1, std::max(end, dist[j - 1])) - p.elapsed_s[i]);
  }
  return best;
}

std::vector<BestEffort> BestEfforts(const Track& track) {
  std::vector<BestEffort> efforts;
  const TrackProgress progress = CumulativeProgress(track);
  for (double d : kBestEffortDistancesM) {
    if (auto seconds = FastestOver(progress, d)) efforts.push_back({d, *seconds});
  }
  return efforts;
}

}  // namespace vigor::core
