#pragma once

#include <span>
#include <vector>

#include "core/calendar.hpp"

// Progress figures over days: the smoothed body-weight trend and training streaks.
namespace vigor::core {

struct WeighIn {
  Day day;
  double weight_kg = 0;
};

struct WeightTrendPoint {
  Day day;
  double weight_kg = 0;
  double trend_kg = 0;
};

inline constexpr double kWeightTrendAlpha = 0.1;

// Exponential smoothing of weigh-ins (oldest first, one per day): the first trend value is the
// first weigh-in, each later one moves the trend `alpha` of the way to it. Days without a
// weigh-in carry the trend unchanged, so only weigh-in days have a point.
std::vector<WeightTrendPoint> WeightTrend(std::span<const WeighIn> weigh_ins,
                                          double alpha = kWeightTrendAlpha);

struct Streaks {
  int current_days = 0;
  int longest_days = 0;
  int current_weeks = 0;
  int longest_weeks = 0;
  friend bool operator==(const Streaks&, const Streaks&) = default;
};

// Runs of consecutive days, and of consecutive weeks (starting on `week_start`), with at least one
// session. `training_days` are distinct and oldest first; days after `today` are ignored. A
// current run still counts while today (or this week) has nothing yet: it ends yesterday (or last
// week).
Streaks ComputeStreaks(std::span<const Day> training_days, Day today, WeekStart week_start);

// The streaks as of a later day, from those computed as of the last training day (`last_day`,
// ComputeStreaks(days, last_day, week_start)): the longest runs stay, and the current runs count
// while `today` is that day or the next (that week or the next); else they are 0. So the history
// is read when it changes, not on every look at it.
Streaks StreaksAsOf(const Streaks& at_last_day, Day last_day, Day today, WeekStart week_start);

// The streaks once a training day after the last one is added, from those as of the last one:
// ComputeStreaks(days + new_day, new_day, week_start) without reading `days` again (new_day must
// be after last_day). A new workout is nearly always the newest, so its write costs no history.
Streaks ExtendStreaks(const Streaks& at_last_day, Day last_day, Day new_day, WeekStart week_start);

}  // namespace vigor::core
