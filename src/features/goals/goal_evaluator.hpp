#pragma once

#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/goal_projection.hpp"
#include "core/one_rep_max.hpp"
#include "features/goals/metric_sources.hpp"
#include "features/goals/model.hpp"
#include "platform/i18n/messages.hpp"

// The rules of goals: which period counts, what the value is, whether it is reached and on
// track, and how that is said. Reads values only through MetricSources, so the rules are tested
// with sources held in memory (tests/unit/goal_evaluator_test.cpp).
namespace vigor::features::goals {

struct EvaluationContext {
  core::Day today;                // the user's local day now
  std::string time_zone = "UTC";  // the user's zone
  core::WeekStart week_start = core::WeekStart::kMonday;
  core::OneRepMaxFormula formula = core::OneRepMaxFormula::kEpley;
  platform::i18n::Language language = platform::i18n::Language::kEnglish;
  // Whether the reader may see body values (a token without body:read may not): goals of body
  // values then show no value, as if nothing was measured.
  bool body_values_visible = true;
  // The same for nutrition (a token without nutrition:read counts no days on target).
  bool nutrition_values_visible = true;
};

struct Evaluation {
  core::DayRange period;
  std::optional<double> value;
  double fraction = 0;
  bool reached = false;
  core::Projection projection;  // projection.projected_date may lie after the period
  // Body metrics: the first day of the period whose value met the target (they are evaluated
  // when read, so the day is known from the values themselves).
  std::optional<core::Day> reached_day;
};

// The period that counts on `today`: the week, month or year containing it (weeks from the
// user's week start), or for a one-off goal its start day to its deadline.
core::DayRange CurrentPeriod(const GoalInput& spec, const std::string& start_date, core::Day today,
                             core::WeekStart week_start);

// Evaluates the goal over `period` as of `ctx.today` (a finished period: today = its last day).
Evaluation Evaluate(platform::store::Session& s, const MetricSources& sources,
                    const std::string& user_id, const GoalInput& spec, const core::DayRange& period,
                    const EvaluationContext& ctx);

// The progress as the API shows it: projected_date only when in time, reached_at from
// `stored_reached_at` (or the body metric's day), the explanation in ctx.language.
GoalProgress ProgressOf(const GoalInput& spec, const Evaluation& evaluation,
                        const std::optional<std::string>& stored_reached_at,
                        const EvaluationContext& ctx);

// The sentence about the progress ("At this pace you reach 500 km on 14 November.").
std::string Explain(const GoalInput& spec, const Evaluation& evaluation,
                    const EvaluationContext& ctx);
// A value with its unit as the sentence shows it ("12.5 km", "3 h 20 min", "4 sessions").
std::string FormatAmount(const GoalInput& spec, double value, platform::i18n::Language language);
// "14 November" ("14. November" in German), with the year when it is not today's.
std::string FormatDayInWords(core::Day day, core::Day today, platform::i18n::Language language);

// The name a goal without a title shows ("Distance per week").
std::string DefaultTitle(const GoalInput& spec, platform::i18n::Language language);

// The measurement kind a body metric reads ("weight", "body_fat" or the goal's own).
std::string MeasurementKindOf(const GoalInput& spec);

}  // namespace vigor::features::goals
