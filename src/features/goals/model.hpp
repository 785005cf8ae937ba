#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "platform/i18n/messages.hpp"

// Goals: a metric x a period x a filter, with a target. Values in SI (m, s, kg); days are the
// user's local days ("YYYY-MM-DD"), timestamps RFC 3339 UTC.
namespace vigor::features::goals {

// The registry of what a goal can count (GoalMetric in api/openapi.yaml). A new metric
// (nutrition adherence) is a new row of kMetrics in model.cpp and a branch of the evaluator.
enum class Metric {
  kSessions,
  kTrainingTime,
  kDistance,
  kElevationGain,
  kVolume,
  kMuscleSets,
  kOneRepMax,
  kWeightForReps,
  kBodyWeight,
  kBodyFat,
  kMeasurement,
  kStreakWeeks,
  kNutritionEnergyDays,   // days on the energy target (nutrition week rules)
  kNutritionProteinDays,  // days at or above the protein target
};

// How a metric is measured, which decides how its value, pace and filters work.
enum class MetricShape {
  kDailySum,  // summed over the period's days (daily_totals)
  kBestLift,  // the best in the period (best_one_rep_max, heaviest_for_reps)
  kBody,      // the latest value of a measurement (measurements)
  kStreak,    // weeks in a row (daily_totals of sessions)
};

struct MetricInfo {
  Metric metric;
  std::string_view name;  // on the wire
  MetricShape shape;
  std::string_view unit;        // GoalProgress.unit
  std::string_view daily_name;  // the daily_totals metric of a kDailySum ("" otherwise)
};

const MetricInfo& InfoOf(Metric metric);
// Days on a nutrition target (MetricSources::nutrition_days), not workouts' daily totals.
inline bool IsNutritionMetric(Metric metric) {
  return metric == Metric::kNutritionEnergyDays || metric == Metric::kNutritionProteinDays;
}
std::optional<Metric> ParseMetric(std::string_view name);

// The measurement kind a body metric reads: "weight", "body_fat", or the goal's own kind.
enum class GoalPeriod { kWeek, kMonth, kYear, kOnce };
std::optional<GoalPeriod> ParseGoalPeriod(std::string_view name);
std::string_view GoalPeriodName(GoalPeriod period);

// What a client sends (GoalInput), already checked for shape and ranges by the decoder.
struct GoalInput {
  std::optional<std::string> id;
  std::string title;  // "" - named from the metric
  Metric metric = Metric::kSessions;
  double target = 0;
  bool decrease = false;
  GoalPeriod period = GoalPeriod::kWeek;
  std::optional<std::string> start_date;
  std::optional<std::string> deadline;
  std::optional<std::string> sport;
  std::optional<std::string> exercise_id;
  std::optional<std::string> muscle;
  std::optional<std::string> measurement_kind;
  std::optional<std::int64_t> reps;
  std::optional<std::int64_t> min_sessions;
  bool archived = false;
};

// What a goal's progress is now (GoalProgress).
struct GoalProgress {
  std::string period_start;
  std::string period_end;
  std::optional<double> value;
  double target = 0;
  std::string unit;
  double fraction = 0;
  bool reached = false;
  std::optional<std::string> reached_at;
  std::optional<bool> on_track;
  std::optional<std::string> projected_date;
  std::string explanation;  // in the reader's language
};

struct Goal {
  std::string id;
  GoalInput spec;          // as set (id cleared)
  std::string start_date;  // once: the first day; recurring: the day it was set
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 0;
  // When the target was first reached in the period starting `reached_period_start` (stored by
  // the workout observer, so "goal.reached" is sent once per period).
  std::optional<std::string> reached_period_start;
  std::optional<std::string> reached_at;
  // Recurring: the last day of the oldest period not yet in the history.
  std::optional<std::string> history_next_end;
  std::string title;  // shown: the given one or a name from the metric
  GoalProgress progress;
};

// A finished period of a recurring goal.
struct HistoryEntry {
  std::string period_start;
  std::string period_end;
  std::optional<double> value;
  double target = 0;
  bool reached = false;
};

// At most this many finished periods are kept per goal (two years of weeks).
inline constexpr int kHistoryKept = 104;

}  // namespace vigor::features::goals
