#include "features/nutrition/diary_json.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <set>

#include "core/limits.hpp"
#include "features/nutrition/nutrient_json.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"
#include "platform/id.hpp"

namespace vigor::features::nutrition {

namespace http = platform::http;
namespace limits = core::limits;
using platform::Error;
using platform::ErrorKind;
using platform::FieldErrors;

namespace {

// Runs `decode` with its own field errors and adds them to `errors` under `prefix`.
template <class F>
void Nested(FieldErrors& errors, const std::string& prefix, F&& decode) {
  FieldErrors inner;
  decode(inner);
  try {
    inner.ThrowIfAny();
  } catch (const Error& e) {
    for (const auto& f : e.fields()) errors.Add(prefix + "." + f.field, f.message);
  }
}

const boost::json::object* ObjectAt(const boost::json::object& body, std::string_view name,
                                    const std::string& field, FieldErrors& errors) {
  const auto* v = body.if_contains(name);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_object()) {
    errors.Add(field, Msg("not_object"));
    return nullptr;
  }
  return &v->as_object();
}

// A meal's name, without surrounding spaces (" lunch" is lunch).
std::optional<std::string> Meal(http::JsonFields& f, FieldErrors& errors, std::string_view name,
                                bool required) {
  auto meal = f.String(
      name, {.required = required, .min_length = 1, .max_length = limits::kMealNameLength});
  if (!meal) return meal;
  auto first = meal->find_first_not_of(' ');
  if (first == std::string::npos) {
    errors.Add(std::string(name), Msg("empty"));
    return std::nullopt;
  }
  return meal->substr(first, meal->find_last_not_of(' ') - first + 1);
}

// More than 0 (a range's minimum is included; amounts of nothing are no amounts).
std::optional<double> Positive(http::JsonFields& f, FieldErrors& errors, std::string_view name,
                               limits::Range<double> range) {
  auto v = f.Number(name, false, range);
  if (v && !(*v > 0)) {
    errors.Add(std::string(name), Msg("out_of_range"));
    return std::nullopt;
  }
  return v;
}

std::optional<PortionAmount> DecodePortion(const boost::json::object& body,
                                           const std::string& prefix, FieldErrors& errors) {
  const auto* object = ObjectAt(body, "portion", prefix + "portion", errors);
  if (!object) return std::nullopt;
  std::optional<PortionAmount> portion;
  Nested(errors, prefix + "portion", [&](FieldErrors& e) {
    http::JsonFields f(*object, e);
    auto name = f.String(
        "name", {.required = true, .min_length = 1, .max_length = limits::kPortionNameLength});
    auto count = f.Number("count", true, limits::kPortionCount);
    if (count && !(*count > 0)) {
      e.Add("count", Msg("out_of_range"));
      count.reset();
    }
    f.RejectUnknown({"name", "count"});
    if (name && count) portion = PortionAmount{*name, *count};
  });
  return portion;
}

std::optional<std::string> ClientId(http::JsonFields& f, FieldErrors& errors) {
  auto id = f.String("id", {.min_length = 1, .max_length = 64});
  if (id && !platform::IsUuid(*id)) {
    errors.Add("id", Msg("not_uuid"));
    return std::nullopt;
  }
  return id;
}

DiaryItemInput DecodeItem(const boost::json::object& body, FieldErrors& e) {
  DiaryItemInput in;
  http::JsonFields f(body, e);
  in.id = ClientId(f, e);
  in.meal = Meal(f, e, "meal", true).value_or("");
  in.food_id = f.String("food_id", {.min_length = 1, .max_length = 64});
  in.grams = Positive(f, e, "grams", limits::kFoodAmountG);
  in.portion = DecodePortion(body, "", e);
  if (const auto* quick = ObjectAt(body, "quick", "quick", e)) {
    Nested(e, "quick", [&](FieldErrors& qe) {
      http::JsonFields q(*quick, qe);
      QuickEntry entry;
      entry.name = q.String("name", {.min_length = 1, .max_length = limits::kFoodNameLength});
      auto kcal = q.Number("energy_kcal", true, limits::kQuickEnergyKcal);
      entry.protein_g = q.Number("protein_g", false, limits::kQuickMacroG);
      entry.carbohydrate_g = q.Number("carbohydrate_g", false, limits::kQuickMacroG);
      entry.fat_g = q.Number("fat_g", false, limits::kQuickMacroG);
      q.RejectUnknown({"name", "energy_kcal", "protein_g", "carbohydrate_g", "fat_g"});
      if (kcal) {
        entry.energy_kcal = *kcal;
        in.quick = entry;
      }
    });
  }
  bool has_quick = body.contains("quick") && !body.at("quick").is_null();
  bool has_food = body.contains("food_id") && !body.at("food_id").is_null();
  bool has_grams = body.contains("grams") && !body.at("grams").is_null();
  bool has_portion = body.contains("portion") && !body.at("portion").is_null();
  if (has_quick) {
    if (has_food) e.Add("food_id", Msg("not_for_quick_entry"));
    if (has_grams) e.Add("grams", Msg("not_for_quick_entry"));
    if (has_portion) e.Add("portion", Msg("not_for_quick_entry"));
  } else if (!has_food) {
    e.Add("food_id", Msg("required"));
  } else if (has_grams == has_portion) {
    e.Add("grams", Msg("diary_grams_or_portion"));
  }
  f.RejectUnknown({"id", "meal", "food_id", "grams", "portion", "quick"});
  return in;
}

boost::json::value PortionJson(const std::optional<PortionAmount>& portion) {
  if (!portion) return nullptr;
  return boost::json::object{{"name", portion->name}, {"count", portion->count}};
}

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

std::vector<DiaryItemInput> DecodeDiaryItems(const boost::json::object& body) {
  FieldErrors errors;
  std::vector<DiaryItemInput> items;
  const auto* list = body.if_contains("items");
  if (!list || list->is_null()) {
    errors.Add("items", Msg("required"));
  } else if (!list->is_array()) {
    errors.Add("items", Msg("not_array"));
  } else if (list->as_array().empty()) {
    errors.Add("items", Msg("empty"));
  } else if (list->as_array().size() > static_cast<std::size_t>(limits::kDiaryItemsPerRequest)) {
    errors.Add("items", Msg("too_many_items", {{"max", limits::kDiaryItemsPerRequest}}));
  } else {
    std::set<std::string> ids;
    const auto& array = list->as_array();
    for (std::size_t n = 0; n < array.size(); ++n) {
      std::string field = "items[" + std::to_string(n) + "]";
      if (!array[n].is_object()) {
        errors.Add(field, Msg("not_object"));
        continue;
      }
      Nested(errors, field, [&](FieldErrors& e) {
        items.push_back(DecodeItem(array[n].as_object(), e));
        if (items.back().id && !ids.insert(*items.back().id).second) {
          e.Add("id", Msg("diary_item_id_repeated"));
        }
      });
    }
  }
  for (const auto& [key, value] : body) {
    if (key != "items") errors.Add(std::string(key), Msg("unknown_field"));
  }
  errors.ThrowIfAny();
  return items;
}

DiaryItemPatch DecodeDiaryItemPatch(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  DiaryItemPatch patch;
  patch.meal = Meal(f, errors, "meal", false);
  patch.grams = Positive(f, errors, "grams", limits::kFoodAmountG);
  patch.portion = DecodePortion(body, "", errors);
  if (auto date = f.String("date", {.max_length = 10})) {
    patch.day = core::ParseDay(*date);
    if (!patch.day) errors.Add("date", Msg("not_date"));
  }
  if (patch.grams && patch.portion) errors.Add("grams", Msg("diary_grams_or_portion"));
  f.RejectUnknown({"meal", "grams", "portion", "date"});
  errors.ThrowIfAny();
  return patch;
}

DiaryCopyInput DecodeDiaryCopy(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  DiaryCopyInput input;
  if (auto from = f.String("from", {.required = true, .max_length = 10})) {
    if (auto day = core::ParseDay(*from)) {
      input.from = *day;
    } else {
      errors.Add("from", Msg("not_date"));
    }
  }
  input.meal = Meal(f, errors, "meal", false);
  input.to_meal = Meal(f, errors, "to_meal", false);
  f.RejectUnknown({"from", "meal", "to_meal"});
  errors.ThrowIfAny();
  return input;
}

double DecodeDiaryWater(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  auto water = f.Number("water_ml", true, limits::kWaterMl);
  f.RejectUnknown({"water_ml", "date"});
  errors.ThrowIfAny();
  return *water;
}

RecipeInput DecodeRecipeInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  RecipeInput in;
  in.id = ClientId(f, errors);
  in.name =
      f.String("name", {.required = true, .min_length = 1, .max_length = limits::kFoodNameLength})
          .value_or("");
  in.servings = f.Int("servings", true, limits::kRecipeServings).value_or(1);
  in.cooked_weight_g = Positive(f, errors, "cooked_weight_g", limits::kRecipeCookedWeightG);
  const auto* list = body.if_contains("ingredients");
  if (!list || list->is_null()) {
    errors.Add("ingredients", Msg("required"));
  } else if (!list->is_array()) {
    errors.Add("ingredients", Msg("not_array"));
  } else if (list->as_array().empty()) {
    errors.Add("ingredients", Msg("empty"));
  } else if (list->as_array().size() > static_cast<std::size_t>(limits::kIngredientsPerRecipe)) {
    errors.Add("ingredients", Msg("too_many_items", {{"max", limits::kIngredientsPerRecipe}}));
  } else {
    const auto& array = list->as_array();
    for (std::size_t n = 0; n < array.size(); ++n) {
      std::string field = "ingredients[" + std::to_string(n) + "]";
      if (!array[n].is_object()) {
        errors.Add(field, Msg("not_object"));
        continue;
      }
      const auto& object = array[n].as_object();
      Nested(errors, field, [&](FieldErrors& e) {
        http::JsonFields g(object, e);
        RecipeIngredientInput ingredient;
        ingredient.food_id =
            g.String("food_id", {.required = true, .min_length = 1, .max_length = 64}).value_or("");
        ingredient.grams = Positive(g, e, "grams", limits::kFoodAmountG);
        ingredient.portion = DecodePortion(object, "", e);
        bool has_grams = object.contains("grams") && !object.at("grams").is_null();
        bool has_portion = object.contains("portion") && !object.at("portion").is_null();
        if (has_grams == has_portion) e.Add("grams", Msg("diary_grams_or_portion"));
        g.RejectUnknown({"food_id", "grams", "portion"});
        in.ingredients.push_back(std::move(ingredient));
      });
    }
  }
  f.RejectUnknown({"id", "name", "servings", "cooked_weight_g", "ingredients"});
  errors.ThrowIfAny();
  return in;
}

boost::json::object EncodeDiaryItem(const DiaryItem& item) {
  return {{"id", item.id},
          {"date", core::FormatDay(item.day)},
          {"meal", item.meal},
          {"kind", item.quick ? "quick" : "food"},
          {"food_id", OrNull(item.food_id)},
          {"name", item.name},
          {"grams", OrNull(item.grams)},
          {"portion", PortionJson(item.portion)},
          {"nutrients", EncodeNutrientAmounts(item.nutrients)},
          {"logged_at", item.logged_at}};
}

boost::json::object EncodeDiaryItems(const std::vector<DiaryItem>& items) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(EncodeDiaryItem(item));
  return {{"items", std::move(out)}};
}

boost::json::object EncodeDiaryDay(const DiaryDayView& day) {
  boost::json::array meals;
  for (const auto& meal : day.meals) {
    boost::json::array items;
    for (const auto& item : meal.items) items.push_back(EncodeDiaryItem(item));
    meals.push_back(boost::json::object{{"name", meal.name},
                                        {"items", std::move(items)},
                                        {"totals", EncodeNutrientTotals(meal.totals)}});
  }
  boost::json::value targets = nullptr;
  if (day.targets) {
    targets = boost::json::object{{"energy_kcal", day.targets->energy_kcal},
                                  {"protein_g", day.targets->protein_g},
                                  {"carbohydrate_g", day.targets->carbohydrate_g},
                                  {"fat_g", day.targets->fat_g}};
  }
  return {{"date", core::FormatDay(day.day)},
          {"meals", std::move(meals)},
          {"totals", EncodeNutrientTotals(day.totals)},
          {"water_ml", day.water_ml},
          {"exercise_kcal", day.exercise_kcal},
          {"targets", std::move(targets)},
          {"remaining_kcal", OrNull(day.remaining_kcal)}};
}

boost::json::object EncodeRecipe(const Recipe& recipe) {
  boost::json::array ingredients;
  for (const auto& i : recipe.ingredients) {
    ingredients.push_back(boost::json::object{{"food_id", i.food_id},
                                              {"name", i.name},
                                              {"grams", i.grams},
                                              {"portion", PortionJson(i.portion)}});
  }
  return {{"id", recipe.id},
          {"food_id", RecipeFoodId(recipe.id)},
          {"name", recipe.name},
          {"servings", recipe.servings},
          {"cooked_weight_g", OrNull(recipe.cooked_weight_g)},
          {"ingredients", std::move(ingredients)},
          {"total_weight_g", recipe.nutrition.dish_weight_g},
          {"per_serving", EncodeNutrientTotals(recipe.nutrition.per_serving)},
          {"per_100g", EncodeNutrientTotals(recipe.nutrition.per_100g)},
          {"updated_at", recipe.updated_at}};
}

core::Day DayOfPath(const std::string& text) {
  auto day = core::ParseDay(text);
  if (!day) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"date", Msg("not_date")}});
  }
  return *day;
}

std::optional<std::string> IdempotencyKeyOf(const http::Request& request) {
  auto key = request.headers.Get("Idempotency-Key");
  if (!key) return std::nullopt;
  bool printable =
      std::all_of(key->begin(), key->end(), [](char c) { return c > 0x20 && c < 0x7f; });
  if (key->empty() || key->size() > 200 || !printable) {
    throw Error(ErrorKind::kBadRequest, Msg("idempotency_key_invalid"));
  }
  return std::string(*key);
}

}  // namespace vigor::features::nutrition
