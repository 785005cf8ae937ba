#include "features/goals/model.hpp"

#include <array>
#include <stdexcept>

namespace vigor::features::goals {

namespace {
constexpr std::array<MetricInfo, 14> kMetrics{{
    {Metric::kSessions, "sessions", MetricShape::kDailySum, "count", "sessions"},
    {Metric::kTrainingTime, "training_time", MetricShape::kDailySum, "s", "duration_s"},
    {Metric::kDistance, "distance", MetricShape::kDailySum, "m", "distance_m"},
    {Metric::kElevationGain, "elevation_gain", MetricShape::kDailySum, "m", "elevation_gain_m"},
    {Metric::kVolume, "volume", MetricShape::kDailySum, "kg", "volume_kg"},
    {Metric::kMuscleSets, "muscle_sets", MetricShape::kDailySum, "count", "muscle_sets"},
    {Metric::kOneRepMax, "one_rep_max", MetricShape::kBestLift, "kg", ""},
    {Metric::kWeightForReps, "weight_for_reps", MetricShape::kBestLift, "kg", ""},
    {Metric::kBodyWeight, "body_weight", MetricShape::kBody, "kg", ""},
    {Metric::kBodyFat, "body_fat", MetricShape::kBody, "percent", ""},
    {Metric::kMeasurement, "measurement", MetricShape::kBody, "measurement", ""},
    {Metric::kStreakWeeks, "streak_weeks", MetricShape::kStreak, "weeks", ""},
    {Metric::kNutritionEnergyDays, "nutrition_energy_days", MetricShape::kDailySum, "count",
     "nutrition_energy_days"},
    {Metric::kNutritionProteinDays, "nutrition_protein_days", MetricShape::kDailySum, "count",
     "nutrition_protein_days"},
}};

constexpr std::array<std::string_view, 4> kPeriods{"week", "month", "year", "once"};
}  // namespace

const MetricInfo& InfoOf(Metric metric) {
  for (const auto& info : kMetrics) {
    if (info.metric == metric) return info;
  }
  throw std::logic_error("a goal metric without a row in kMetrics");
}

std::optional<Metric> ParseMetric(std::string_view name) {
  for (const auto& info : kMetrics) {
    if (info.name == name) return info.metric;
  }
  return std::nullopt;
}

std::optional<GoalPeriod> ParseGoalPeriod(std::string_view name) {
  for (std::size_t i = 0; i < kPeriods.size(); ++i) {
    if (kPeriods[i] == name) return static_cast<GoalPeriod>(i);
  }
  return std::nullopt;
}

std::string_view GoalPeriodName(GoalPeriod period) {
  return kPeriods[static_cast<std::size_t>(period)];
}

}  // namespace vigor::features::goals
