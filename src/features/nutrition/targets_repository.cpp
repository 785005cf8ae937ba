#include "features/nutrition/targets_repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "platform/store/revisions.hpp"

namespace vigor::features::nutrition {

namespace {
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kFind{
    "nutrition_targets.find",
    "SELECT mode, energy_kcal, protein_g, carbohydrate_g, fat_g, include_exercise_energy, sex, "
    "height_cm, activity_level, weekly_change_kg, micronutrients, created_at, updated_at, rev "
    "FROM nutrition_targets WHERE user_id = $1"};
constexpr Statement kUpsert{
    "nutrition_targets.upsert",
    "INSERT INTO nutrition_targets (user_id, mode, energy_kcal, protein_g, carbohydrate_g, fat_g, "
    "include_exercise_energy, sex, height_cm, activity_level, weekly_change_kg, micronutrients, "
    "created_at, updated_at, rev) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) "
    "ON CONFLICT (user_id) DO UPDATE SET mode = excluded.mode, "
    "energy_kcal = excluded.energy_kcal, protein_g = excluded.protein_g, "
    "carbohydrate_g = excluded.carbohydrate_g, fat_g = excluded.fat_g, "
    "include_exercise_energy = excluded.include_exercise_energy, sex = excluded.sex, "
    "height_cm = excluded.height_cm, activity_level = excluded.activity_level, "
    "weekly_change_kg = excluded.weekly_change_kg, micronutrients = excluded.micronutrients, "
    "updated_at = excluded.updated_at, rev = excluded.rev"};

// Overrides as stored: {"iron_mg": 12, ...}. Keys not on the closed list (none are written) are
// skipped on the way back.
std::string EncodeOverrides(const TargetsSettings& settings) {
  boost::json::object out;
  for (const auto& [nutrient, amount] : settings.micronutrients) {
    out[core::NutrientKey(nutrient)] = amount;
  }
  return boost::json::serialize(out);
}

std::vector<std::pair<core::Nutrient, double>> DecodeOverrides(const std::string& text) {
  std::vector<std::pair<core::Nutrient, double>> out;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return out;
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    const auto* amount = value.as_object().if_contains(core::kNutrientKeys[i]);
    if (amount && amount->is_number()) {
      out.emplace_back(static_cast<core::Nutrient>(i), amount->to_number<double>());
    }
  }
  return out;
}

StoredTargets FromRow(const Row& r) {
  StoredTargets t;
  auto& s = t.settings;
  s.mode = TargetsModeFromKey(r.Text("mode")).value_or(TargetsMode::kManual);
  s.energy_kcal = r.OptReal("energy_kcal");
  s.protein_g = r.OptReal("protein_g");
  s.carbohydrate_g = r.OptReal("carbohydrate_g");
  s.fat_g = r.OptReal("fat_g");
  s.include_exercise_energy = r.Bool("include_exercise_energy");
  if (auto sex = r.OptText("sex")) {
    NutritionProfile p;
    p.sex = core::SexFromKey(*sex).value_or(core::Sex::kUnspecified);
    p.height_cm = r.OptReal("height_cm");
    p.activity = core::ActivityLevelFromKey(r.OptText("activity_level").value_or(""))
                     .value_or(core::ActivityLevel::kSedentary);
    p.weekly_change_kg = r.OptReal("weekly_change_kg").value_or(0);
    s.profile = p;
  }
  s.micronutrients = DecodeOverrides(r.Text("micronutrients"));
  t.created_at = r.Text("created_at");
  t.updated_at = r.Text("updated_at");
  t.rev = r.Int("rev");
  return t;
}
}  // namespace

std::optional<StoredTargets> TargetsRepository::Find(Session& s, const std::string& user_id) {
  auto row = s.QueryOne(kFind, user_id);
  if (!row) return std::nullopt;
  return FromRow(*row);
}

StoredTargets TargetsRepository::Put(Session& s, const std::string& user_id,
                                     const TargetsSettings& settings, const std::string& now) {
  const TargetsSettings& t = settings;
  std::optional<std::string> sex, activity;
  std::optional<double> height, weekly;
  if (t.profile) {
    sex = std::string(core::SexKey(t.profile->sex));
    activity = std::string(core::ActivityLevelKey(t.profile->activity));
    height = t.profile->height_cm;
    weekly = t.profile->weekly_change_kg;
  }
  s.Execute(kUpsert, user_id, TargetsModeKey(t.mode), t.energy_kcal, t.protein_g, t.carbohydrate_g,
            t.fat_g, t.include_exercise_energy, sex, height, activity, weekly, EncodeOverrides(t),
            now, platform::store::NextRevision(s, user_id));
  return *Find(s, user_id);
}

}  // namespace vigor::features::nutrition
