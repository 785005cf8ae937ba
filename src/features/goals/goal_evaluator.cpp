#include "features/goals/goal_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::goals {

using core::Day;
using core::DayRange;
using platform::store::Session;

namespace {

// The instant a local day starts, as stored timestamps are written.
std::string DayStartUtc(Day day, const std::string& zone) {
  auto ms = platform::LocalDayStartMs(day, zone);
  if (!ms) ms = platform::LocalDayStartMs(day, "UTC");
  return platform::FormatUtcMs(*ms);
}

std::optional<core::Period> RecurringPeriod(GoalPeriod period) {
  switch (period) {
    case GoalPeriod::kWeek:
      return core::Period::kWeek;
    case GoalPeriod::kMonth:
      return core::Period::kMonth;
    case GoalPeriod::kYear:
      return core::Period::kYear;
    case GoalPeriod::kOnce:
      return std::nullopt;
  }
  return std::nullopt;
}

bool Meets(double value, double target, bool decrease) {
  return decrease ? value <= target : value >= target;
}

void EvaluateDailySum(Session& s, const MetricSources& sources, const std::string& user_id,
                      const GoalInput& spec, const DayRange& period, const EvaluationContext& ctx,
                      Evaluation& e) {
  double sum = 0;
  if (ctx.today >= period.first) {
    DayRange counted{period.first, std::min(ctx.today, period.last)};
    std::string daily_name(InfoOf(spec.metric).daily_name);
    MetricSources::DayValues values;
    if (IsNutritionMetric(spec.metric)) {
      if (ctx.nutrition_values_visible && sources.nutrition_days) {
        values = sources.nutrition_days(s, user_id, daily_name, counted);
      }
    } else {
      values = sources.daily_totals(s, user_id, daily_name, spec.sport, spec.exercise_id,
                                    spec.muscle, counted);
    }
    for (const auto& [day, value] : values) {
      if (counted.contains(day)) sum += value;
    }
  }
  e.value = sum;
  e.reached = sum >= spec.target;
  e.fraction = core::FractionFromZero(sum, spec.target);
  e.projection = core::ProjectLinearPace(sum, spec.target, period, ctx.today);
}

void EvaluateBestLift(Session& s, const MetricSources& sources, const std::string& user_id,
                      const GoalInput& spec, const DayRange& period, const EvaluationContext& ctx,
                      Evaluation& e) {
  if (ctx.today >= period.first && spec.exercise_id) {
    std::string from = DayStartUtc(period.first, ctx.time_zone);
    std::string to =
        DayStartUtc(std::min(ctx.today, period.last) + std::chrono::days(1), ctx.time_zone);
    e.value = spec.metric == Metric::kOneRepMax
                  ? sources.best_one_rep_max(s, user_id, *spec.exercise_id, ctx.formula, from, to)
                  : sources.heaviest_for_reps(s, user_id, *spec.exercise_id,
                                              static_cast<int>(spec.reps.value_or(1)), from, to);
  }
  e.reached = e.value && *e.value >= spec.target;
  e.fraction = core::FractionFromZero(e.value.value_or(0), spec.target);
  // A best lift has no pace: it is reached or not. Once the period is over, it was missed.
  if (e.reached) {
    e.projection.on_track = true;
  } else if (ctx.today > period.last) {
    e.projection.on_track = false;
  }
}

void EvaluateBody(Session& s, const MetricSources& sources, const std::string& user_id,
                  const GoalInput& spec, const DayRange& period, const EvaluationContext& ctx,
                  Evaluation& e) {
  DayRange counted{period.first, std::max(period.first, std::min(ctx.today, period.last))};
  auto values = sources.measurements(s, user_id, MeasurementKindOf(spec), counted);
  std::vector<core::DayValue> points;
  for (const auto& [day, value] : values.in_range) {
    if (counted.contains(day) && day <= ctx.today) points.push_back({day, value});
  }
  std::optional<double> start;
  if (values.before) {
    start = values.before->second;
    e.value = start;
  }
  if (!points.empty()) {
    if (!start) start = points.front().value;
    e.value = points.back().value;
  }
  if (!e.value) return;
  e.reached = Meets(*e.value, spec.target, spec.decrease);
  e.fraction = core::FractionFromFirst(*start, *e.value, spec.target, spec.decrease);
  if (e.reached) {
    // The first day the value met the target, from which on it is the goal's reached day; a
    // period that started with the target met (the value before it) was reached on its first day.
    e.reached_day = period.first;
    for (const auto& point : points) {
      if (Meets(point.value, spec.target, spec.decrease)) {
        e.reached_day = point.day;
        break;
      }
    }
    if (values.before && Meets(values.before->second, spec.target, spec.decrease)) {
      e.reached_day = period.first;
    }
  }
  e.projection =
      core::ProjectTrend(points, spec.target, spec.decrease, e.reached, period, ctx.today);
  if (!e.reached && ctx.today > period.last) e.projection.on_track = false;
}

void EvaluateStreak(Session& s, const MetricSources& sources, const std::string& user_id,
                    const GoalInput& spec, const DayRange& period, const EvaluationContext& ctx,
                    Evaluation& e) {
  Day as_of = std::min(ctx.today, period.last);
  DayRange this_week = core::PeriodContaining(as_of, core::Period::kWeek, ctx.week_start);
  // Enough weeks to see a run past the target (and two years more to show how long it is).
  int weeks = static_cast<int>(std::min<double>(spec.target, 520)) + 105;
  DayRange looked_at{this_week.first - std::chrono::days(7 * (weeks - 1)), as_of};
  std::vector<int> sessions(static_cast<std::size_t>(weeks), 0);
  for (const auto& [day, count] : sources.daily_totals(s, user_id, "sessions", std::nullopt,
                                                       std::nullopt, std::nullopt, looked_at)) {
    if (!looked_at.contains(day)) continue;
    auto index = static_cast<std::size_t>((day - looked_at.first).count() / 7);
    sessions[index] += static_cast<int>(std::lround(count));
  }
  auto streak = core::CurrentStreak(sessions, static_cast<int>(spec.min_sessions.value_or(1)));
  e.value = streak.weeks;
  e.reached = streak.weeks >= spec.target;
  e.fraction = core::FractionFromZero(streak.weeks, spec.target);
  e.projection = core::ProjectStreak(streak, static_cast<int>(std::ceil(spec.target - 1e-9)),
                                     this_week, period);
  if (!e.reached && ctx.today > period.last) e.projection = {.on_track = false};
}

}  // namespace

std::string MeasurementKindOf(const GoalInput& spec) {
  if (spec.metric == Metric::kBodyWeight) return "weight";
  if (spec.metric == Metric::kBodyFat) return "body_fat";
  return spec.measurement_kind.value_or("");
}

DayRange CurrentPeriod(const GoalInput& spec, const std::string& start_date, Day today,
                       core::WeekStart week_start) {
  if (auto recurring = RecurringPeriod(spec.period)) {
    return core::PeriodContaining(today, *recurring, week_start);
  }
  auto first = core::ParseDay(spec.start_date.value_or(start_date));
  auto last = spec.deadline ? core::ParseDay(*spec.deadline) : std::nullopt;
  if (!first || !last) throw std::logic_error("a one-off goal without its days");
  return {*first, *last};
}

Evaluation Evaluate(Session& s, const MetricSources& sources, const std::string& user_id,
                    const GoalInput& spec, const DayRange& period, const EvaluationContext& ctx) {
  Evaluation e;
  e.period = period;
  switch (InfoOf(spec.metric).shape) {
    case MetricShape::kDailySum:
      EvaluateDailySum(s, sources, user_id, spec, period, ctx, e);
      break;
    case MetricShape::kBestLift:
      EvaluateBestLift(s, sources, user_id, spec, period, ctx, e);
      break;
    case MetricShape::kBody:
      if (ctx.body_values_visible) EvaluateBody(s, sources, user_id, spec, period, ctx, e);
      break;
    case MetricShape::kStreak:
      EvaluateStreak(s, sources, user_id, spec, period, ctx, e);
      break;
  }
  return e;
}

GoalProgress ProgressOf(const GoalInput& spec, const Evaluation& e,
                        const std::optional<std::string>& stored_reached_at,
                        const EvaluationContext& ctx) {
  GoalProgress p;
  p.period_start = core::FormatDay(e.period.first);
  p.period_end = core::FormatDay(e.period.last);
  p.value = e.value;
  p.target = spec.target;
  p.unit = std::string(InfoOf(spec.metric).unit);
  p.fraction = e.fraction;
  p.reached = e.reached;
  if (e.reached) {
    if (e.reached_day) {
      p.reached_at = DayStartUtc(*e.reached_day, ctx.time_zone);
    } else {
      p.reached_at = stored_reached_at;
    }
  }
  p.on_track = e.projection.on_track;
  if (!e.reached && e.projection.projected_date && *e.projection.projected_date <= e.period.last) {
    p.projected_date = core::FormatDay(*e.projection.projected_date);
  }
  p.explanation = Explain(spec, e, ctx);
  return p;
}

}  // namespace vigor::features::goals
