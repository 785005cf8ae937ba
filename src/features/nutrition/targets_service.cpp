#include "features/nutrition/targets_service.hpp"

#include "platform/error.hpp"
#include "platform/time.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::nutrition {

using platform::auth::Principal;
using platform::store::Session;

namespace {

std::string ZoneOf(const accounts::TrainingProfile& profile) {
  return platform::IsKnownTimeZone(profile.time_zone) ? profile.time_zone : "UTC";
}

core::Day ParseDateOrThrow(const std::string& field, const std::string& text) {
  auto day = core::ParseDay(text);
  if (!day) {
    platform::FieldErrors errors;
    errors.Add(field, Msg("not_date"));
    errors.ThrowIfAny();
  }
  return *day;
}

}  // namespace

void TargetsService::CheckRules(const TargetsSettings& settings) {
  platform::FieldErrors errors;
  if (settings.mode == TargetsMode::kManual && !settings.energy_kcal) {
    errors.Add("energy_kcal", Msg("required"));
  }
  if (settings.mode == TargetsMode::kComputed && !settings.profile) {
    errors.Add("profile", Msg("required"));
  }
  errors.ThrowIfAny();
}

core::Day TargetsService::Today(const std::string& time_zone) const {
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
  if (auto day = platform::LocalDayOf(now_ms, time_zone)) return *day;
  return std::chrono::floor<std::chrono::days>(clock_());
}

ResolvedTargets TargetsService::Resolve(Session& s, const std::string& user_id,
                                        const std::optional<TargetsSettings>& settings) {
  auto profile = sources_.profile(s, user_id);
  auto today = Today(ZoneOf(profile));
  TargetsFacts facts;
  facts.birth_year = profile.birth_year;
  facts.weight_kg = sources_.body_weight_kg(s, user_id, today);
  facts.current_year = static_cast<int>(std::chrono::year_month_day(today).year());
  return ResolveTargets(settings, facts);
}

ResolvedTargets TargetsService::Get(const Principal& principal) {
  return database_.ReadResult([&](Session& s) {
    auto stored = targets_.Find(s, principal.user_id);
    return Resolve(s, principal.user_id, stored ? std::optional(stored->settings) : std::nullopt);
  });
}

ResolvedTargets TargetsService::Set(const Principal& principal, const TargetsSettings& settings) {
  CheckRules(settings);
  return database_.WriteResult([&](Session& s) {
    auto stored = targets_.Put(s, principal.user_id, settings, platform::NowRfc3339());
    return Resolve(s, principal.user_id, stored.settings);
  });
}

ResolvedTargets TargetsService::Preview(const Principal& principal,
                                        const TargetsSettings& settings) {
  CheckRules(settings);
  return database_.ReadResult([&](Session& s) { return Resolve(s, principal.user_id, settings); });
}

std::optional<DailyTargets> TargetsService::DailyTargetsOf(Session& s, const std::string& user_id) {
  auto stored = targets_.Find(s, user_id);
  if (!stored) return std::nullopt;
  return Resolve(s, user_id, stored->settings).daily;
}

std::vector<core::Day> TargetsService::DaysOnTarget(Session& s, const std::string& user_id,
                                                    core::DayRange days, bool protein) {
  std::vector<core::Day> out;
  auto daily = DailyTargetsOf(s, user_id);
  if (!daily || !diary_totals_) return out;
  auto eaten = diary_totals_(s, user_id, days);
  std::vector<std::pair<core::Day, double>> exercise;
  if (daily->include_exercise_energy && sources_.exercise_energy) {
    exercise = sources_.exercise_energy(s, user_id, days);
  }
  auto counted = NutritionWeekOf(days, eaten, exercise, daily);
  for (const auto& d : counted.each_day) {
    if ((protein ? d.protein_hit : d.energy_on_target).value_or(false)) out.push_back(d.day);
  }
  return out;
}

TargetsService::NutrientDay TargetsService::Day(const Principal& principal,
                                                const std::string& date) {
  auto day = ParseDateOrThrow("date", date);
  return database_.ReadResult([&](Session& s) {
    auto stored = targets_.Find(s, principal.user_id);
    auto targets =
        Resolve(s, principal.user_id, stored ? std::optional(stored->settings) : std::nullopt);
    core::NutrientTotals totals;
    if (diary_totals_) {
      for (const auto& eaten : diary_totals_(s, principal.user_id, {day, day})) {
        if (eaten.day == day) totals.Add(eaten.totals);
      }
    }
    return NutrientDay{day, NutrientDayOf(totals, targets)};
  });
}

NutritionWeek TargetsService::Week(const Principal& principal,
                                   const std::optional<std::string>& date) {
  std::optional<core::Day> asked;
  if (date) asked = ParseDateOrThrow("date", *date);
  return database_.ReadResult([&](Session& s) {
    auto profile = sources_.profile(s, principal.user_id);
    auto week_start = core::ParseWeekStart(profile.week_start).value_or(core::WeekStart::kMonday);
    auto day = asked.value_or(Today(ZoneOf(profile)));
    auto range = core::PeriodContaining(day, core::Period::kWeek, week_start);
    std::optional<DailyTargets> daily;
    if (auto stored = targets_.Find(s, principal.user_id)) {
      daily = Resolve(s, principal.user_id, stored->settings).daily;
    }
    std::vector<DayNutrition> eaten;
    if (diary_totals_) eaten = diary_totals_(s, principal.user_id, range);
    std::vector<std::pair<core::Day, double>> exercise;
    if (sources_.exercise_energy) exercise = sources_.exercise_energy(s, principal.user_id, range);
    return NutritionWeekOf(range, eaten, exercise, daily);
  });
}

}  // namespace vigor::features::nutrition
