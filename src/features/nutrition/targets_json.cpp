#include "features/nutrition/targets_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>
#include <sstream>
#include <string>

#include "core/limits.hpp"
#include "platform/error.hpp"

namespace vigor::features::nutrition {

namespace json = boost::json;
using core::limits::Range;
using platform::FieldErrors;

namespace {

// A number at `path` (a member of `object` called `key`): nullopt when absent or null (an error
// when required), a field error when not a number or outside `range`.
std::optional<double> NumberAt(const json::object& object, std::string_view key,
                               const std::string& path, bool required, Range<double> range,
                               FieldErrors& errors) {
  const auto* v = object.if_contains(key);
  if (!v || v->is_null()) {
    if (required) errors.Add(path, Msg("required"));
    return std::nullopt;
  }
  if (!v->is_number()) {
    errors.Add(path, Msg("not_number"));
    return std::nullopt;
  }
  double d = v->to_number<double>();
  if (!std::isfinite(d) || !range.Contains(d)) {
    std::ostringstream min, max;
    min << range.min;
    max << range.max;
    errors.Add(path, Msg("value_from_to", {{"min", min.str()}, {"max", max.str()}}));
    return std::nullopt;
  }
  return d;
}

// A string member that must be one of `keys`; nullopt when absent or invalid (errors recorded).
std::optional<std::string> KeyAt(const json::object& object, std::string_view key,
                                 const std::string& path, bool required,
                                 std::initializer_list<std::string_view> keys,
                                 FieldErrors& errors) {
  const auto* v = object.if_contains(key);
  if (!v || v->is_null()) {
    if (required) errors.Add(path, Msg("required"));
    return std::nullopt;
  }
  // "must be one of a, b or c"
  std::string values, last;
  for (auto k : keys) {
    if (!last.empty()) values += (values.empty() ? "" : ", ") + last;
    last = std::string(k);
  }
  if (v->is_string()) {
    for (auto k : keys) {
      if (v->as_string() == k) return std::string(k);
    }
  }
  errors.Add(path, Msg("one_of", {{"values", values}, {"last", last}}));
  return std::nullopt;
}

void RejectUnknown(const json::object& object, const std::string& prefix,
                   std::initializer_list<std::string_view> known, FieldErrors& errors) {
  for (const auto& member : object) {
    bool ok = false;
    for (auto k : known) ok = ok || member.key() == k;
    if (!ok) errors.Add(prefix + std::string(member.key()), Msg("unknown_field"));
  }
}

std::optional<NutritionProfile> DecodeProfile(const json::value& value, FieldErrors& errors) {
  if (!value.is_object()) {
    errors.Add("profile", Msg("not_object"));
    return std::nullopt;
  }
  const auto& o = value.as_object();
  RejectUnknown(o, "profile.", {"sex", "height_cm", "activity_level", "weekly_change_kg"}, errors);
  NutritionProfile p;
  auto sex = KeyAt(o, "sex", "profile.sex", true, {"male", "female", "unspecified"}, errors);
  p.height_cm =
      NumberAt(o, "height_cm", "profile.height_cm", false, core::limits::kBodyHeightCm, errors);
  auto activity = KeyAt(o, "activity_level", "profile.activity_level", true,
                        {"sedentary", "light", "moderate", "active", "very_active"}, errors);
  auto weekly = NumberAt(o, "weekly_change_kg", "profile.weekly_change_kg", true,
                         core::limits::kWeeklyWeightChangeKg, errors);
  if (!sex || !activity || !weekly) return std::nullopt;
  p.sex = *core::SexFromKey(*sex);
  p.activity = *core::ActivityLevelFromKey(*activity);
  p.weekly_change_kg = *weekly;
  return p;
}

double Round(double value, double step) { return std::round(value / step) * step; }

json::value OrNull(const std::optional<double>& v) { return v ? json::value(*v) : nullptr; }

json::object EncodeDaily(const DailyTargets& d) {
  return {{"energy_kcal", d.energy_kcal},
          {"protein_g", d.protein_g},
          {"carbohydrate_g", d.carbohydrate_g},
          {"fat_g", d.fat_g}};
}

}  // namespace

TargetsSettings DecodeTargetsSettings(const json::object& body) {
  FieldErrors errors;
  RejectUnknown(body, "",
                {"mode", "energy_kcal", "protein_g", "carbohydrate_g", "fat_g",
                 "include_exercise_energy", "profile", "micronutrients"},
                errors);
  TargetsSettings s;
  if (auto mode = KeyAt(body, "mode", "mode", true, {"manual", "computed"}, errors)) {
    s.mode = *TargetsModeFromKey(*mode);
  }
  s.energy_kcal = NumberAt(body, "energy_kcal", "energy_kcal", false,
                           core::limits::kDailyEnergyTargetKcal, errors);
  s.protein_g =
      NumberAt(body, "protein_g", "protein_g", false, core::limits::kDailyProteinTargetG, errors);
  s.carbohydrate_g = NumberAt(body, "carbohydrate_g", "carbohydrate_g", false,
                              core::limits::kDailyCarbohydrateTargetG, errors);
  s.fat_g = NumberAt(body, "fat_g", "fat_g", false, core::limits::kDailyFatTargetG, errors);
  if (const auto* v = body.if_contains("include_exercise_energy"); v && !v->is_null()) {
    if (v->is_bool()) {
      s.include_exercise_energy = v->as_bool();
    } else {
      errors.Add("include_exercise_energy", Msg("not_boolean"));
    }
  }
  if (const auto* v = body.if_contains("profile"); v && !v->is_null()) {
    s.profile = DecodeProfile(*v, errors);
  }
  if (const auto* v = body.if_contains("micronutrients"); v && !v->is_null()) {
    if (!v->is_object()) {
      errors.Add("micronutrients", Msg("not_object"));
    } else {
      const auto& o = v->as_object();
      for (const auto& member : o) {
        if (!core::NutrientFromKey(member.key())) {
          errors.Add("micronutrients." + std::string(member.key()), Msg("unknown_field"));
        }
      }
      for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
        auto key = core::kNutrientKeys[i];
        if (auto amount = NumberAt(o, key, "micronutrients." + std::string(key), false,
                                   core::limits::kDailyNutrientTarget, errors)) {
          s.micronutrients.emplace_back(static_cast<core::Nutrient>(i), *amount);
        }
      }
    }
  }
  errors.ThrowIfAny();
  return s;
}

json::object EncodeTargets(const ResolvedTargets& t) {
  json::object out;
  out["mode"] = t.mode ? TargetsModeKey(*t.mode) : std::string_view("none");
  out["daily"] = t.daily ? json::value(EncodeDaily(*t.daily)) : nullptr;
  out["include_exercise_energy"] = t.include_exercise_energy;
  out["profile"] = json::object{{"sex", core::SexKey(t.profile.sex)},
                                {"height_cm", OrNull(t.profile.height_cm)},
                                {"activity_level", core::ActivityLevelKey(t.profile.activity)},
                                {"weekly_change_kg", t.profile.weekly_change_kg}};
  json::array micronutrients;
  for (const auto& m : t.micronutrients) {
    micronutrients.push_back(json::object{{"nutrient", core::NutrientKey(m.nutrient)},
                                          {"amount", m.amount},
                                          {"basis", MicronutrientBasisKey(m.basis)},
                                          {"upper_limit", OrNull(m.upper_limit)}});
  }
  out["micronutrients"] = std::move(micronutrients);
  if (t.computed) {
    const auto& c = *t.computed;
    // Energies to a tenth of a kcal: the steps add up on screen without floating-point dust.
    out["computed"] =
        json::object{{"weight_kg", c.weight_kg},
                     {"age_years", c.age_years},
                     {"bmr_kcal", Round(c.energy.bmr_kcal, 0.1)},
                     {"activity_factor", c.energy.activity_factor},
                     {"tdee_kcal", Round(c.energy.tdee_kcal, 0.1)},
                     {"daily_adjustment_kcal", Round(c.energy.daily_adjustment_kcal, 0.1)},
                     {"floor_kcal", c.energy.floor_kcal},
                     {"floor_applied", c.energy.floor_applied},
                     {"target_kcal", Round(c.energy.target_kcal, 0.1)},
                     {"protein_g_per_kg", Round(c.protein_g_per_kg, 0.01)}};
  } else {
    out["computed"] = nullptr;
  }
  json::array missing;
  for (const auto& m : t.missing) missing.emplace_back(m);
  out["missing"] = std::move(missing);
  return out;
}

json::object EncodeNutrientDay(const TargetsService::NutrientDay& day) {
  json::array nutrients;
  for (const auto& e : day.nutrients) {
    nutrients.push_back(json::object{{"nutrient", core::NutrientKey(e.nutrient)},
                                     {"amount", e.amount},
                                     {"incomplete", e.incomplete},
                                     {"target", OrNull(e.target)},
                                     {"share", OrNull(e.share)},
                                     {"upper_limit", OrNull(e.upper_limit)},
                                     {"above_upper_limit", e.above_upper_limit}});
  }
  return {{"date", core::FormatDay(day.day)}, {"nutrients", std::move(nutrients)}};
}

json::object EncodeNutritionWeek(const NutritionWeek& week) {
  auto bool_or_null = [](const std::optional<bool>& v) { return v ? json::value(*v) : nullptr; };
  json::array days;
  for (const auto& d : week.each_day) {
    days.push_back(json::object{{"date", core::FormatDay(d.day)},
                                {"items", d.items},
                                {"energy_kcal", d.energy_kcal},
                                {"protein_g", d.protein_g},
                                {"carbohydrate_g", d.carbohydrate_g},
                                {"fat_g", d.fat_g},
                                {"exercise_kcal", d.exercise_kcal},
                                {"energy_on_target", bool_or_null(d.energy_on_target)},
                                {"protein_hit", bool_or_null(d.protein_hit)}});
  }
  return {{"start", core::FormatDay(week.days.first)},
          {"end", core::FormatDay(week.days.last)},
          {"days", std::move(days)},
          {"targets", week.targets ? json::value(EncodeDaily(*week.targets)) : nullptr},
          {"days_logged", week.days_logged},
          {"energy_days_on_target", week.energy_days_on_target},
          {"protein_days_hit", week.protein_days_hit},
          {"average", EncodeDaily(week.average)}};
}

}  // namespace vigor::features::nutrition
