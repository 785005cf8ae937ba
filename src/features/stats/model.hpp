#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/trend.hpp"

// Analytics over the daily aggregates (migration 0017): totals per period, muscles, the training
// calendar and streaks, training load, and the body-weight trend. Values are SI (kg, m, s).
namespace vigor::features::stats {

// Totals of a period (a week, month or year of the user's calendar).
struct StatsTotals {
  core::Day start;
  core::Day end;  // inclusive
  std::int64_t sessions = 0;
  double duration_s = 0;
  double distance_m = 0;
  double elevation_gain_m = 0;
  double volume_kg = 0;
  std::int64_t sets = 0;
  double load = 0;
};

struct StatsSummary {
  core::Period period = core::Period::kWeek;
  core::WeekStart week_start = core::WeekStart::kMonday;
  core::DayRange range;
  std::vector<StatsTotals> items;
};

struct MuscleTotals {
  std::string muscle;
  double sets = 0;  // primary 1, secondary 0.5
  double volume_kg = 0;
};

struct MuscleStats {
  core::DayRange range;
  std::vector<MuscleTotals> items;  // most sets first
};

struct CalendarDay {
  core::Day day;
  std::int64_t sessions = 0;
  double duration_s = 0;
  double load = 0;
};

struct TrainingCalendar {
  core::DayRange range;
  std::vector<CalendarDay> days;  // days with training, oldest first
  core::Streaks streaks;
};

struct LoadItem {
  core::Day day;
  double load = 0;
  double acute = 0;
  double chronic = 0;
  std::optional<double> ratio;
  double fitness = 0;
  double fatigue = 0;
  double form = 0;
};

struct TrainingLoad {
  core::DayRange range;
  std::vector<LoadItem> items;  // every day of the range, oldest first
};

struct BodyWeightTrend {
  core::DayRange range;
  std::vector<core::WeightTrendPoint> items;
};

// What a goal (or a chart) counts per day. muscle_sets needs TotalsFilter::muscle.
enum class TotalMetric {
  kSessions,
  kDurationS,
  kDistanceM,
  kElevationGainM,
  kVolumeKg,
  kSets,
  kMuscleSets,
  kLoad
};

// Which workouts count. `exercise_id` works with sessions, sets and volume_kg (per exercise
// aggregates); `muscle` with muscle_sets and volume_kg (per muscle; secondary muscles half);
// `sport` and `kind` with the rest. A combination the aggregates cannot answer counts nothing.
struct TotalsFilter {
  std::optional<std::string> sport;
  std::optional<std::string> kind;  // strength | cardio
  std::optional<std::string> exercise_id;
  std::optional<std::string> muscle;  // e.g. "quads"
};

// A request's range as the client sent it (YYYY-MM-DD texts; absent: the endpoint's default).
struct RangeQuery {
  std::optional<std::string> from;
  std::optional<std::string> to;
};

}  // namespace vigor::features::stats
