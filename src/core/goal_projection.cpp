#include "core/goal_projection.hpp"

#include <algorithm>
#include <cmath>

namespace vigor::core {

namespace {
// Rounding noise must not push a whole number of days to the next one (150 km a day for 500 km
// after 10 days is exactly 34 days, not 35).
constexpr double kDayEpsilon = 1e-9;

int CeilDays(double days) { return static_cast<int>(std::ceil(days - kDayEpsilon)); }
}  // namespace

Projection ProjectLinearPace(double value, double target, const DayRange& period, Day today) {
  Projection p;
  if (today < period.first) return p;
  bool over = today > period.last;
  Day effective = over ? period.last : today;
  double elapsed = static_cast<double>((effective - period.first).count() + 1);
  if (value >= target) {
    p.on_track = true;
    return p;
  }
  if (over) {
    p.on_track = false;
    p.value_at_end = value;
    if (value <= 0) return p;
  } else if (value <= 0) {
    return p;
  }
  p.value_at_end = value * period.days() / elapsed;
  int days_needed = CeilDays(target * elapsed / value);
  p.projected_date = period.first + std::chrono::days(days_needed - 1);
  if (!over) p.on_track = *p.projected_date <= period.last;
  return p;
}

Projection ProjectTrend(std::span<const DayValue> points, double target, bool decrease,
                        bool latest_reached, const DayRange& period, Day today) {
  Projection p;
  if (latest_reached) {
    p.on_track = true;
    return p;
  }
  double n = 0, sum_x = 0, sum_y = 0;
  Day first_day = Day::max(), last_day = Day::min();
  for (const auto& point : points) {
    if (!period.contains(point.day) || point.day > today) continue;
    double x = static_cast<double>((point.day - period.first).count());
    n += 1;
    sum_x += x;
    sum_y += point.value;
    first_day = std::min(first_day, point.day);
    last_day = std::max(last_day, point.day);
  }
  if (n < 2 || first_day == last_day) return p;
  double mean_x = sum_x / n, mean_y = sum_y / n;
  double sxy = 0, sxx = 0;
  for (const auto& point : points) {
    if (!period.contains(point.day) || point.day > today) continue;
    double dx = static_cast<double>((point.day - period.first).count()) - mean_x;
    sxy += dx * (point.value - mean_y);
    sxx += dx * dx;
  }
  double slope = sxy / sxx;
  double intercept = mean_y - slope * mean_x;
  p.value_at_end = intercept + slope * static_cast<double>((period.last - period.first).count());
  bool towards = decrease ? slope < 0 : slope > 0;
  if (!towards) {
    p.on_track = false;
    return p;
  }
  double crossing = (target - intercept) / slope;
  Day projected = period.first + std::chrono::days(CeilDays(crossing));
  p.projected_date = std::max(projected, std::min(today, period.last));
  p.on_track = today <= period.last && *p.projected_date <= period.last;
  return p;
}

Streak CurrentStreak(std::span<const int> sessions_per_week, int min_sessions) {
  Streak streak;
  if (sessions_per_week.empty()) return streak;
  streak.current_week_counts = sessions_per_week.back() >= min_sessions;
  std::size_t end = sessions_per_week.size() - (streak.current_week_counts ? 0 : 1);
  for (std::size_t i = end; i > 0 && sessions_per_week[i - 1] >= min_sessions; --i) {
    ++streak.weeks;
  }
  return streak;
}

Projection ProjectStreak(const Streak& streak, int target_weeks, const DayRange& current_week,
                         const DayRange& period) {
  Projection p;
  if (streak.weeks >= target_weeks) {
    p.on_track = true;
    return p;
  }
  // The weeks still to add, this one included unless it already counts.
  int more = target_weeks - streak.weeks;
  int after_this = streak.current_week_counts ? more : more - 1;
  p.projected_date = current_week.last + std::chrono::days(7 * after_this);
  p.on_track = *p.projected_date <= period.last;
  return p;
}

double FractionFromZero(double value, double target) {
  if (target <= 0) return 1;
  return std::max(0.0, value / target);
}

double FractionFromFirst(double first, double value, double target, bool decrease) {
  double way = decrease ? first - target : target - first;
  if (way <= 0) return 1;
  double covered = decrease ? first - value : value - first;
  return std::max(0.0, covered / way);
}

}  // namespace vigor::core
