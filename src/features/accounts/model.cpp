#include "features/accounts/model.hpp"

#include "core/limits.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::accounts {

void AddPreferenceErrors(platform::FieldErrors& errors, const PreferencesPatch& p,
                         std::string_view prefix) {
  auto field = [prefix](std::string_view name) { return std::string(prefix) + std::string(name); };
  if (p.weight_unit && *p.weight_unit != "kg" && *p.weight_unit != "lb") {
    errors.Add(field("weight_unit"), Msg("weight_unit_invalid"));
  }
  if (p.distance_unit && *p.distance_unit != "km" && *p.distance_unit != "mi") {
    errors.Add(field("distance_unit"), Msg("distance_unit_invalid"));
  }
  constexpr auto kStep = core::limits::kWeightIncrement;  // above min, at most max
  if (p.weight_increment &&
      !(*p.weight_increment > kStep.min && *p.weight_increment <= kStep.max)) {
    errors.Add(field("weight_increment"), Msg("weight_increment_invalid"));
  }
  // A zone of the tz database (Europe/Berlin, UTC): the server works out local days with it.
  if (p.time_zone && !platform::IsKnownTimeZone(*p.time_zone)) {
    errors.Add(field("time_zone"), Msg("time_zone_invalid_or_utc"));
  }
  if (p.locale && *p.locale != "en" && *p.locale != "de") {
    errors.Add(field("locale"), Msg("locale_invalid"));
  }
  if (p.week_start && *p.week_start != "monday" && *p.week_start != "sunday" &&
      *p.week_start != "saturday") {
    errors.Add(field("week_start"), Msg("week_start_invalid"));
  }
  if (p.one_rep_max_formula && *p.one_rep_max_formula != "epley" &&
      *p.one_rep_max_formula != "brzycki") {
    errors.Add(field("one_rep_max_formula"), Msg("one_rep_max_formula_invalid"));
  }
}

void AddProfileErrors(platform::FieldErrors& errors, const Preferences& p,
                      std::string_view prefix) {
  if (p.max_heart_rate && p.resting_heart_rate && *p.resting_heart_rate >= *p.max_heart_rate) {
    errors.Add(std::string(prefix) + "resting_heart_rate", Msg("resting_above_max_heart_rate"));
  }
}

void Apply(Preferences& preferences, const PreferencesPatch& patch) {
  if (patch.weight_unit) preferences.weight_unit = *patch.weight_unit;
  if (patch.distance_unit) preferences.distance_unit = *patch.distance_unit;
  if (patch.weight_increment) preferences.weight_increment = *patch.weight_increment;
  if (patch.time_zone) preferences.time_zone = *patch.time_zone;
  if (patch.locale) preferences.locale = *patch.locale;
  if (patch.week_start) preferences.week_start = *patch.week_start;
  if (patch.one_rep_max_formula) preferences.one_rep_max_formula = *patch.one_rep_max_formula;
  if (patch.birth_year) preferences.birth_year = *patch.birth_year;
  if (patch.max_heart_rate) preferences.max_heart_rate = *patch.max_heart_rate;
  if (patch.resting_heart_rate) preferences.resting_heart_rate = *patch.resting_heart_rate;
}

std::string_view StatusName(UserStatus status) {
  switch (status) {
    case UserStatus::kActive:
      return "active";
    case UserStatus::kDisabled:
      return "disabled";
    case UserStatus::kPendingApproval:
      return "pending_approval";
  }
  return "active";
}

UserStatus ParseStatus(std::string_view text) {
  if (text == "disabled") return UserStatus::kDisabled;
  if (text == "pending_approval") return UserStatus::kPendingApproval;
  return UserStatus::kActive;
}

const std::vector<std::string>& KnownScopes() {
  static const std::vector<std::string> kScopes = {
      "profile:read", "profile:write",  "workouts:read",   "workouts:write", "body:read",
      "body:write",   "nutrition:read", "nutrition:write", "social:read",    "social:write"};
  return kScopes;
}

}  // namespace vigor::features::accounts
