// How a goal's progress is said in the reader's language: the sentence, amounts with units, days
// in words and the name of a goal without a title. Templates are in the message catalogue
// (platform/i18n/catalogue.cpp); numbers and month names follow the language's habits here.
#include <array>
#include <cmath>
#include <cstdio>

#include "features/goals/goal_evaluator.hpp"

namespace vigor::features::goals {

using platform::i18n::Language;
using platform::i18n::Message;

namespace {

constexpr std::array<const char*, 12> kMonthsEnglish{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kMonthsGerman{"Januar",    "Februar", "März",     "April",
                                                    "Mai",       "Juni",    "Juli",     "August",
                                                    "September", "Oktober", "November", "Dezember"};

// At most one decimal, none when it is whole; a decimal comma in German.
std::string FormatNumber(double value, Language language) {
  double rounded = std::round(value * 10) / 10;
  char text[64];
  if (std::fabs(rounded - std::round(rounded)) < 1e-9) {
    std::snprintf(text, sizeof text, "%.0f", rounded);
  } else {
    std::snprintf(text, sizeof text, "%.1f", rounded);
  }
  std::string out = text;
  if (out == "-0") out = "0";
  if (language == Language::kGerman) {
    for (auto& c : out) {
      if (c == '.') c = ',';
    }
  }
  return out;
}

std::string Duration(double seconds, Language language) {
  auto minutes = static_cast<long long>(std::llround(seconds / 60));
  long long hours = minutes / 60;
  minutes %= 60;
  if (hours == 0) return Msg("goal_amount_minutes", {{"n", minutes}}).Text(language);
  if (minutes == 0) return Msg("goal_amount_hours", {{"n", hours}}).Text(language);
  return Msg("goal_amount_hours_minutes", {{"h", hours}, {"n", minutes}}).Text(language);
}

Message MetricName(const GoalInput& spec) {
  switch (spec.metric) {
    case Metric::kSessions:
      return Msg("goal_metric_sessions");
    case Metric::kTrainingTime:
      return Msg("goal_metric_training_time");
    case Metric::kDistance:
      return Msg("goal_metric_distance");
    case Metric::kElevationGain:
      return Msg("goal_metric_elevation_gain");
    case Metric::kVolume:
      return Msg("goal_metric_volume");
    case Metric::kMuscleSets:
      return Msg("goal_metric_muscle_sets", {{"muscle", spec.muscle.value_or("")}});
    case Metric::kOneRepMax:
      return Msg("goal_metric_one_rep_max");
    case Metric::kWeightForReps:
      return Msg("goal_metric_weight_for_reps", {{"reps", spec.reps.value_or(1)}});
    case Metric::kBodyWeight:
      return Msg("goal_metric_body_weight");
    case Metric::kBodyFat:
      return Msg("goal_metric_body_fat");
    case Metric::kMeasurement:
      return Msg("goal_metric_measurement", {{"kind", spec.measurement_kind.value_or("")}});
    case Metric::kStreakWeeks:
      return Msg("goal_metric_streak_weeks");
    case Metric::kNutritionEnergyDays:
      return Msg("goal_metric_nutrition_energy_days");
    case Metric::kNutritionProteinDays:
      return Msg("goal_metric_nutrition_protein_days");
  }
  return Msg("goal_metric_sessions");
}

}  // namespace

std::string FormatAmount(const GoalInput& spec, double value, Language language) {
  auto n = FormatNumber(value, language);
  switch (spec.metric) {
    case Metric::kSessions:
      return Msg("goal_amount_sessions", {{"n", n}}).Text(language);
    case Metric::kMuscleSets:
      return Msg("goal_amount_sets", {{"n", n}}).Text(language);
    case Metric::kStreakWeeks:
      return Msg("goal_amount_weeks", {{"n", n}}).Text(language);
    case Metric::kNutritionEnergyDays:
    case Metric::kNutritionProteinDays:
      return Msg("goal_amount_days", {{"n", n}}).Text(language);
    case Metric::kTrainingTime:
      return Duration(value, language);
    case Metric::kDistance:
      return FormatNumber(value / 1000, language) + " km";
    case Metric::kElevationGain:
      return n + " m";
    case Metric::kBodyFat:
      return n + " %";
    case Metric::kMeasurement:
      return n;
    case Metric::kVolume:
    case Metric::kOneRepMax:
    case Metric::kWeightForReps:
    case Metric::kBodyWeight:
      return n + " kg";
  }
  return n;
}

std::string FormatDayInWords(core::Day day, core::Day today, Language language) {
  std::chrono::year_month_day ymd(day);
  std::chrono::year_month_day now(today);
  auto d = static_cast<unsigned>(ymd.day());
  auto m = static_cast<unsigned>(ymd.month()) - 1;
  std::string text = language == Language::kGerman ? std::to_string(d) + ". " + kMonthsGerman[m]
                                                   : std::to_string(d) + " " + kMonthsEnglish[m];
  if (ymd.year() != now.year()) text += " " + std::to_string(static_cast<int>(ymd.year()));
  return text;
}

std::string DefaultTitle(const GoalInput& spec, Language language) {
  auto what = MetricName(spec).Text(language);
  switch (spec.period) {
    case GoalPeriod::kWeek:
      return Msg("goal_title_week", {{"what", what}}).Text(language);
    case GoalPeriod::kMonth:
      return Msg("goal_title_month", {{"what", what}}).Text(language);
    case GoalPeriod::kYear:
      return Msg("goal_title_year", {{"what", what}}).Text(language);
    case GoalPeriod::kOnce:
      break;
  }
  auto deadline = spec.deadline ? core::ParseDay(*spec.deadline) : std::nullopt;
  if (!deadline) return what;
  return Msg("goal_title_once", {{"what", what}, {"date", core::FormatDay(*deadline)}})
      .Text(language);
}

std::string Explain(const GoalInput& spec, const Evaluation& e, const EvaluationContext& ctx) {
  Language language = ctx.language;
  auto amount = [&](double v) { return FormatAmount(spec, v, language); };
  auto day = [&](core::Day d) { return FormatDayInWords(d, ctx.today, language); };
  std::string target = amount(spec.target);
  std::string end = day(e.period.last);
  if (!e.value) {
    return Msg("goal_nothing_yet", {{"target", target}, {"end", end}}).Text(language);
  }
  std::string value = amount(*e.value);
  if (e.reached) return Msg("goal_reached", {{"value", value}, {"target", target}}).Text(language);
  if (ctx.today > e.period.last) {
    return Msg("goal_missed", {{"value", value}, {"target", target}}).Text(language);
  }
  const auto& p = e.projection;
  if (p.projected_date) {
    if (*p.projected_date <= e.period.last) {
      return Msg("goal_on_pace", {{"target", target}, {"date", day(*p.projected_date)}})
          .Text(language);
    }
    return Msg("goal_late", {{"target", target}, {"date", day(*p.projected_date)}, {"end", end}})
        .Text(language);
  }
  if (p.on_track && !*p.on_track) {
    return Msg("goal_moving_away", {{"value", value}, {"target", target}}).Text(language);
  }
  return Msg("goal_so_far", {{"value", value}, {"target", target}, {"end", end}}).Text(language);
}

}  // namespace vigor::features::goals
