#pragma once

#include <optional>
#include <span>

#include "core/calendar.hpp"

// How a goal's progress so far carries on to the end of its period: the pace, the day the target
// is reached at that pace, and whether that is in time. Pure: the values come from the caller.
namespace vigor::core {

// Where the pace so far leads. `projected_date` is the day the target is reached at this pace
// (also when that is after the period: the caller decides what to show), `value_at_end` what the
// pace gives on the period's last day. on_track is nullopt when there is no pace yet.
struct Projection {
  std::optional<bool> on_track;
  std::optional<Day> projected_date;
  std::optional<double> value_at_end;
  friend bool operator==(const Projection&, const Projection&) = default;
};

// Sums (distance, sessions, time, volume, sets) grow from 0 at the period's first day at the
// average daily pace so far, today included: a value of `value` after e days reaches `target`
// on day ceil(target * e / value) of the period. No pace before the period starts or while the
// value is 0; after the period the figures are final (on track exactly when reached).
Projection ProjectLinearPace(double value, double target, const DayRange& period, Day today);

struct DayValue {
  Day day;
  double value = 0;
};

// Body values (weight, fat, a circumference) follow the least-squares line through the period's
// values up to today (x in days since the period's first day): the target is reached where the
// line crosses it, on the first whole day at or after that crossing, not before today. Needs
// values on two different days; a line that does not move towards the target never reaches it
// (on track: false, no date). `latest_reached` is whether the latest value already meets it.
Projection ProjectTrend(std::span<const DayValue> points, double target, bool decrease,
                        bool latest_reached, const DayRange& period, Day today);

// A streak: weeks in a row with at least `min_sessions` sessions.
struct Streak {
  int weeks = 0;                     // the run of qualifying weeks ending this week or last week
  bool current_week_counts = false;  // this week already has enough sessions
};

// `sessions_per_week` oldest first, the last entry being the current week.
Streak CurrentStreak(std::span<const int> sessions_per_week, int min_sessions);

// Keeping the streak going adds one week per week: the target is reached at the end of the week
// that completes the run (this week if it completes it and already counts). On track when that
// week ends by `period`'s last day.
Projection ProjectStreak(const Streak& streak, int target_weeks, const DayRange& current_week,
                         const DayRange& period);

// How far along, 0 to 1 and more when exceeded. Increase from 0: value / target. From a first
// value (body metrics): the share of the way from `first` to `target` covered by `value`, 0 when
// it moved away; 1 when first already meets the target.
double FractionFromZero(double value, double target);
double FractionFromFirst(double first, double value, double target, bool decrease);

}  // namespace vigor::core
