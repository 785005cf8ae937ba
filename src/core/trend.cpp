#include "core/trend.hpp"

#include <algorithm>

namespace vigor::core {

std::vector<WeightTrendPoint> WeightTrend(std::span<const WeighIn> weigh_ins, double alpha) {
  std::vector<WeightTrendPoint> points;
  points.reserve(weigh_ins.size());
  double trend = 0;
  for (std::size_t i = 0; i < weigh_ins.size(); ++i) {
    const auto& w = weigh_ins[i];
    trend = i == 0 ? w.weight_kg : trend + alpha * (w.weight_kg - trend);
    points.push_back({w.day, w.weight_kg, trend});
  }
  return points;
}

namespace {

// Longest and current run of `units` (distinct, ascending) where consecutive ones are `step`
// apart; the current run is the one ending at `now` or at `now - step`.
void Runs(const std::vector<Day>& units, Day now, std::chrono::days step, int& current,
          int& longest) {
  current = 0;
  longest = 0;
  int run = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    run = (i > 0 && units[i] - units[i - 1] == step) ? run + 1 : 1;
    longest = std::max(longest, run);
  }
  if (!units.empty() && (units.back() == now || units.back() == now - step)) current = run;
}

}  // namespace

Streaks ComputeStreaks(std::span<const Day> training_days, Day today, WeekStart week_start) {
  std::vector<Day> days;
  std::vector<Day> weeks;
  for (Day day : training_days) {
    if (day > today) break;
    days.push_back(day);
    Day week = PeriodContaining(day, Period::kWeek, week_start).first;
    if (weeks.empty() || weeks.back() != week) weeks.push_back(week);
  }
  Streaks streaks;
  Runs(days, today, std::chrono::days(1), streaks.current_days, streaks.longest_days);
  Runs(weeks, PeriodContaining(today, Period::kWeek, week_start).first, std::chrono::days(7),
       streaks.current_weeks, streaks.longest_weeks);
  return streaks;
}

Streaks StreaksAsOf(const Streaks& at_last_day, Day last_day, Day today, WeekStart week_start) {
  Streaks streaks = at_last_day;
  if (last_day != today && last_day != today - std::chrono::days(1)) streaks.current_days = 0;
  Day last_week = PeriodContaining(last_day, Period::kWeek, week_start).first;
  Day this_week = PeriodContaining(today, Period::kWeek, week_start).first;
  if (last_week != this_week && last_week != this_week - std::chrono::days(7)) {
    streaks.current_weeks = 0;
  }
  return streaks;
}

Streaks ExtendStreaks(const Streaks& at_last_day, Day last_day, Day new_day, WeekStart week_start) {
  Streaks streaks = at_last_day;
  streaks.current_days =
      new_day == last_day + std::chrono::days(1) ? at_last_day.current_days + 1 : 1;
  Day last_week = PeriodContaining(last_day, Period::kWeek, week_start).first;
  Day new_week = PeriodContaining(new_day, Period::kWeek, week_start).first;
  if (new_week != last_week) {
    streaks.current_weeks =
        new_week == last_week + std::chrono::days(7) ? at_last_day.current_weeks + 1 : 1;
  }
  streaks.longest_days = std::max(streaks.longest_days, streaks.current_days);
  streaks.longest_weeks = std::max(streaks.longest_weeks, streaks.current_weeks);
  return streaks;
}

}  // namespace vigor::core
