#include "core/backup_retention.hpp"

#include <algorithm>
#include <numeric>

namespace vigor::core {

namespace {

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::int64_t DayOf(std::chrono::sys_seconds t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}

// 1970-01-01 was a Thursday: day -3 (1969-12-29) is the Monday that starts week 0.
std::int64_t WeekOf(std::chrono::sys_seconds t) { return FloorDiv(DayOf(t) + 3, 7); }

}  // namespace

std::vector<bool> BackupsToKeep(std::span<const std::chrono::sys_seconds> taken,
                                const BackupRetention& retention) {
  std::vector<bool> keep(taken.size(), false);
  if (taken.empty()) return keep;
  std::vector<std::size_t> newest_first(taken.size());
  std::iota(newest_first.begin(), newest_first.end(), std::size_t{0});
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [&](std::size_t a, std::size_t b) { return taken[a] > taken[b]; });
  keep[newest_first.front()] = true;

  // Walking from the newest, the first backup met in a day (or week) is that day's newest.
  auto keep_per_bucket = [&](auto bucket_of, int buckets) {
    int kept = 0;
    bool any = false;
    std::int64_t last = 0;
    for (std::size_t i : newest_first) {
      if (kept >= buckets) break;
      std::int64_t bucket = bucket_of(taken[i]);
      if (any && bucket == last) continue;
      any = true;
      last = bucket;
      keep[i] = true;
      ++kept;
    }
  };
  keep_per_bucket(DayOf, retention.daily);
  keep_per_bucket(WeekOf, retention.weekly);
  return keep;
}

}  // namespace vigor::core
