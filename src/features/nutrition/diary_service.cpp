#include "features/nutrition/diary_service.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/limits.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"

namespace vigor::features::nutrition {

using platform::Error;
using platform::ErrorKind;

namespace {

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_diary_item")); }

std::string Number(std::optional<double> v) { return v ? std::to_string(*v) : "-"; }

// What a retry with the same item id must repeat.
std::string ItemHash(core::Day day, const DiaryItemInput& in) {
  std::string text =
      core::FormatDay(day) + "|" + in.meal + "|" + in.food_id.value_or("-") + "|" +
      Number(in.grams) + "|" +
      (in.portion ? in.portion->name + "x" + std::to_string(in.portion->count) : "-");
  if (in.quick) {
    text += "|q:" + in.quick->name.value_or("-") + ":" + std::to_string(in.quick->energy_kcal) +
            ":" + Number(in.quick->protein_g) + ":" + Number(in.quick->carbohydrate_g) + ":" +
            Number(in.quick->fat_g);
  }
  return platform::crypto::Sha256Hex(text);
}

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::NutrientAmounts QuickNutrients(const QuickEntry& quick) {
  core::NutrientAmounts n;
  n[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)] = quick.energy_kcal;
  n[static_cast<std::size_t>(core::Nutrient::kProteinG)] = quick.protein_g;
  n[static_cast<std::size_t>(core::Nutrient::kCarbohydrateG)] = quick.carbohydrate_g;
  n[static_cast<std::size_t>(core::Nutrient::kFatG)] = quick.fat_g;
  return n;
}

core::NutrientAmounts Rescaled(const core::NutrientAmounts& amounts, double factor) {
  core::NutrientAmounts out;
  for (std::size_t i = 0; i < core::kNutrientCount; ++i) {
    if (amounts[i]) out[i] = *amounts[i] * factor;
  }
  return out;
}

}  // namespace

std::vector<DiaryMeal> GroupIntoMeals(std::vector<DiaryItem> items) {
  std::vector<DiaryMeal> meals;
  for (auto name : kStandardMeals) meals.push_back({.name = std::string(name)});
  for (auto& item : items) {
    auto it = std::find_if(meals.begin(), meals.end(),
                           [&](const DiaryMeal& m) { return m.name == item.meal; });
    if (it == meals.end()) {
      meals.push_back({.name = item.meal});
      it = std::prev(meals.end());
    }
    it->totals.Add(item.nutrients);
    it->items.push_back(std::move(item));
  }
  return meals;
}

DiaryDayView DiaryService::Day(const std::string& user_id, core::Day day) {
  return database_.ReadResult([&](Session& s) {
    DiaryDayView view;
    view.day = day;
    view.meals = GroupIntoMeals(items_.ItemsOfDay(s, user_id, day));
    for (const auto& meal : view.meals) view.totals.Add(meal.totals);
    view.water_ml = items_.Water(s, user_id, day);
    if (targets_) view.targets = targets_(s, user_id);
    if (view.targets && view.targets->include_exercise_energy && exercise_) {
      for (const auto& [d, kcal] : exercise_(s, user_id, {day, day})) {
        if (d == day) view.exercise_kcal += kcal;
      }
    }
    if (view.targets) {
      view.remaining_kcal = view.targets->energy_kcal + view.exercise_kcal -
                            view.totals.Amount(core::Nutrient::kEnergyKcal);
    }
    return view;
  });
}

std::vector<DiaryItem> DiaryService::Insert(Session& s, const std::string& user_id,
                                            std::vector<DiaryItem> items,
                                            const std::vector<std::string>& input_hashes,
                                            const std::optional<std::string>& request_key,
                                            const std::string& request_hash) {
  auto rev = platform::store::NextRevision(s, user_id);
  auto now = platform::NowRfc3339();
  auto now_ms = NowMs();
  for (std::size_t n = 0; n < items.size(); ++n) {
    auto& item = items[n];
    item.rev = rev;
    item.logged_at = now;
    items_.Insert(s, user_id, item,
                  {.created_rev = rev,
                   .ordinal = static_cast<int>(n),
                   .input_hash = input_hashes[n],
                   .request_key = request_key,
                   .request_hash = request_key ? std::optional(request_hash) : std::nullopt,
                   .now = now});
    if (!item.quick && item.food_id && record_use_) {
      record_use_(s, user_id, *item.food_id, now_ms);
    }
  }
  return items;
}

std::vector<DiaryItem> DiaryService::Add(const std::string& user_id, core::Day day,
                                         const std::vector<DiaryItemInput>& inputs,
                                         const std::optional<std::string>& idempotency_key) {
  std::vector<std::string> hashes;
  std::string request_hash = "add|" + core::FormatDay(day);
  for (const auto& in : inputs) {
    hashes.push_back(ItemHash(day, in));
    request_hash += "|" + hashes.back();
  }
  request_hash = platform::crypto::Sha256Hex(request_hash);
  return database_.WriteResult([&](Session& s) {
    platform::store::LockUserChanges(s, user_id);
    if (idempotency_key) {
      std::string stored_hash;
      auto before = items_.FindByRequestKey(s, user_id, *idempotency_key, stored_hash);
      if (!stored_hash.empty()) {
        if (stored_hash != request_hash) {
          throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
        }
        return before;
      }
    }
    // Each item: one logged before (a retry), or a new one built from its food.
    platform::FieldErrors errors;
    std::vector<std::optional<DiaryItem>> result(inputs.size());
    std::vector<DiaryItem> fresh;
    std::vector<std::string> fresh_hashes;
    std::vector<std::size_t> fresh_places;
    for (std::size_t n = 0; n < inputs.size(); ++n) {
      const auto& in = inputs[n];
      std::string field = "items[" + std::to_string(n) + "]";
      if (in.id) {
        if (auto head = items_.FindHead(s, user_id, *in.id)) {
          if (head->deleted) throw Error(ErrorKind::kConflict, Msg("diary_item_deleted"));
          if (head->input_hash != hashes[n]) {
            throw Error(ErrorKind::kConflict, Msg("diary_item_id_conflict"));
          }
          result[n] = items_.Find(s, user_id, *in.id);
          continue;
        }
      }
      DiaryItem item;
      item.id = in.id.value_or(platform::NewId());
      item.day = day;
      item.meal = in.meal;
      if (in.quick) {
        item.quick = true;
        item.name = in.quick->name.value_or("Quick entry");
        item.nutrients = QuickNutrients(*in.quick);
      } else {
        auto food = foods_(s, user_id, *in.food_id);
        if (!food) {
          errors.Add(field + ".food_id", Msg("food_unknown"));
          continue;
        }
        double grams = in.grams.value_or(0);
        if (in.portion) {
          auto portion_grams = PortionGrams(*food, *in.portion);
          if (!portion_grams) {
            errors.Add(field + ".portion.name", Msg("portion_unknown"));
            continue;
          }
          if (!(*portion_grams > 0) || !core::limits::kFoodAmountG.Contains(*portion_grams)) {
            errors.Add(field + ".portion.count", Msg("out_of_range"));
            continue;
          }
          grams = *portion_grams;
          item.portion = in.portion;
        }
        item.food_id = food->id;
        item.name = food->name;
        item.grams = grams;
        item.nutrients = core::ScalePer100g(food->per_100g, grams);
      }
      fresh.push_back(std::move(item));
      fresh_hashes.push_back(hashes[n]);
      fresh_places.push_back(n);
    }
    errors.ThrowIfAny();
    if (!fresh.empty()) {
      fresh = Insert(s, user_id, std::move(fresh), fresh_hashes, idempotency_key, request_hash);
    }
    for (std::size_t k = 0; k < fresh.size(); ++k) result[fresh_places[k]] = std::move(fresh[k]);
    std::vector<DiaryItem> items;
    for (auto& item : result) {
      if (item) items.push_back(std::move(*item));
    }
    return items;
  });
}

std::vector<DiaryItem> DiaryService::Copy(const std::string& user_id, core::Day day,
                                          const DiaryCopyInput& input,
                                          const std::optional<std::string>& idempotency_key) {
  std::string request_hash = platform::crypto::Sha256Hex(
      "copy|" + core::FormatDay(day) + "|" + core::FormatDay(input.from) + "|" +
      input.meal.value_or("-") + "|" + input.to_meal.value_or("-"));
  return database_.WriteResult([&](Session& s) {
    platform::store::LockUserChanges(s, user_id);
    if (idempotency_key) {
      std::string stored_hash;
      auto before = items_.FindByRequestKey(s, user_id, *idempotency_key, stored_hash);
      if (!stored_hash.empty()) {
        if (stored_hash != request_hash) {
          throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
        }
        return before;
      }
    }
    std::vector<DiaryItem> copies;
    std::vector<std::string> hashes;
    for (auto& item : items_.ItemsOfDay(s, user_id, input.from)) {
      if (input.meal && item.meal != *input.meal) continue;
      item.id = platform::NewId();
      item.day = day;
      if (input.to_meal) item.meal = *input.to_meal;
      // A copy is its own item: a retry of its id compares nothing the client sent.
      hashes.push_back(platform::crypto::Sha256Hex("copy|" + item.id));
      copies.push_back(std::move(item));
    }
    if (copies.empty()) return copies;
    return Insert(s, user_id, std::move(copies), hashes, idempotency_key, request_hash);
  });
}

double DiaryService::SetWater(const std::string& user_id, core::Day day, double water_ml) {
  database_.Write([&](Session& s) {
    auto rev = platform::store::NextRevision(s, user_id);
    items_.SetWater(s, user_id, day, water_ml, platform::NowRfc3339(), rev);
  });
  return water_ml;
}

DiaryItem DiaryService::Update(const std::string& user_id, const std::string& id,
                               const DiaryItemPatch& patch) {
  return database_.WriteResult([&](Session& s) {
    auto item = items_.Find(s, user_id, id);
    if (!item) throw NotFound();
    platform::FieldErrors errors;
    if (item->quick && patch.grams) errors.Add("grams", Msg("not_for_quick_entry"));
    if (item->quick && patch.portion) errors.Add("portion", Msg("not_for_quick_entry"));
    errors.ThrowIfAny();
    std::optional<double> grams = patch.grams;
    if (patch.portion) {
      auto food = item->food_id ? foods_(s, user_id, *item->food_id) : std::nullopt;
      auto portion_grams = food ? PortionGrams(*food, *patch.portion) : std::nullopt;
      if (!portion_grams) {
        errors.Add("portion.name", Msg("portion_unknown"));
      } else if (!(*portion_grams > 0) || !core::limits::kFoodAmountG.Contains(*portion_grams)) {
        errors.Add("portion.count", Msg("out_of_range"));
      }
      errors.ThrowIfAny();
      grams = portion_grams;
    }
    if (grams) {
      // The snapshot scales with the amount: the food's values when logged stay the basis.
      double before = item->grams.value_or(0);
      if (before > 0) item->nutrients = Rescaled(item->nutrients, *grams / before);
      item->grams = grams;
      item->portion = patch.portion;
    }
    if (patch.meal) item->meal = *patch.meal;
    if (patch.day) item->day = *patch.day;
    item->rev = platform::store::NextRevision(s, user_id);
    items_.Update(s, user_id, *item, platform::NowRfc3339());
    return std::move(*item);
  });
}

void DiaryService::Delete(const std::string& user_id, const std::string& id) {
  database_.Write([&](Session& s) {
    auto rev = platform::store::NextRevision(s, user_id);
    if (!items_.Tombstone(s, user_id, id, platform::NowRfc3339(), rev)) throw NotFound();
  });
}

std::vector<DayNutrition> DiaryService::Totals(Session& s, const std::string& user_id,
                                               core::DayRange days) {
  std::map<core::Day, DayNutrition> by_day;
  auto at = [&](core::Day day) -> DayNutrition& {
    auto [it, added] = by_day.try_emplace(day);
    if (added) it->second.day = day;
    return it->second;
  };
  for (const auto& item : items_.ItemsOfRange(s, user_id, days)) {
    auto& d = at(item.day);
    d.totals.Add(item.nutrients);
    ++d.items;
  }
  for (const auto& [day, water] : items_.WaterOfRange(s, user_id, days)) at(day).water_ml = water;
  std::vector<DayNutrition> out;
  out.reserve(by_day.size());
  for (const auto& [day, d] : by_day) out.push_back(d);
  return out;
}

}  // namespace vigor::features::nutrition
