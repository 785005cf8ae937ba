#include "features/nutrition/foods_service.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cmath>
#include <unordered_map>

#include "core/barcode.hpp"
#include "core/food_search.hpp"
#include "core/text_fold.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::nutrition {

using platform::Error;
using platform::ErrorKind;

namespace {

Error NoSuchFood() { return Error(ErrorKind::kNotFound, Msg("no_such_food")); }

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool IsReadOnlyId(std::string_view id) {
  return id.starts_with(kCatalogueIdPrefix) || id.starts_with(kSharedIdPrefix) ||
         id.starts_with(kRecipeIdPrefix);
}

// What a retry with the same id or Idempotency-Key must repeat: the content and the id.
std::string InputHash(const FoodInput& in) {
  std::string text = in.id.value_or("") + "|" + in.name + "|" + in.brand.value_or("\x01") + "|" +
                     in.barcode.value_or("\x01") + "|" + PortionsToJson(in.portions) + "|" +
                     NutrientsToJson(in.per_100g);
  return platform::crypto::Sha256Hex(text);
}

// How much the user's own use lifts a food in search (core::FoodSearchBoosts points): up to 15
// for how often (6 per doubling: once 6, three times 12) and up to 5 for how lately (fading over
// 30 days). A food eaten daily gets the full 20, which lifts it above better text matches.
double UsageBoost(std::int64_t uses, std::int64_t last_used_ms, std::int64_t now_ms) {
  double frequency = std::min(15.0, 6.0 * std::log2(1.0 + static_cast<double>(uses)));
  double age_days =
      static_cast<double>(std::max<std::int64_t>(0, now_ms - last_used_ms)) / 86'400'000.0;
  double recency = 5.0 * std::max(0.0, 1.0 - age_days / 30.0);
  return frequency + recency;
}

// The digits of a barcode as typed: spaces and dashes between groups of digits left out.
std::string BarcodeDigits(std::string_view typed) {
  std::string digits;
  for (char c : typed) {
    if (c != ' ' && c != '-') digits += c;
  }
  return digits;
}

struct Scored {
  double score = 0;
  LoggableFood food;
};

void AddHits(const core::FoodSearchIndex& index, std::string_view query, std::size_t limit,
             const core::FoodSearchBoosts& boosts,
             const std::unordered_map<std::string, LoggableFood>& foods, std::vector<Scored>& out) {
  for (const auto& hit : index.Search(query, limit, &boosts)) {
    auto it = foods.find(hit.id);
    if (it != foods.end()) out.push_back({hit.score, it->second});
  }
}

core::FoodSearchEntry EntryOf(const LoggableFood& food, double commonness) {
  core::FoodSearchEntry entry{.id = food.id, .name = food.name, .commonness = commonness};
  if (food.brand) entry.extra_words.push_back(*food.brand);
  return entry;
}

}  // namespace

LoggableFood LoggableOf(const Food& food) {
  return {.id = food.id,
          .source = "usda",
          .name = food.name,
          .brand = std::nullopt,
          .barcode = std::nullopt,
          .food_group =
              food.food_group.empty() ? std::nullopt : std::optional<std::string>(food.food_group),
          .owned = false,
          .portions = food.portions,
          .per_100g = food.per_100g};
}

LoggableFood LoggableOfCustom(const StoredFood& food) {
  return {.id = food.id,
          .source = "custom",
          .name = food.name,
          .brand = food.brand,
          .barcode = food.barcode,
          .food_group = std::nullopt,
          .owned = true,
          .portions = food.portions,
          .per_100g = food.per_100g};
}

LoggableFood LoggableOfShared(const StoredFood& food) {
  auto loggable = LoggableOfCustom(food);
  loggable.source = "off";
  loggable.owned = false;
  return loggable;
}

FoodsService::FoodsService(platform::store::Database& database, platform::jobs::JobQueue& jobs,
                           CatalogSource catalog, std::filesystem::path import_dir)
    : database_(database), jobs_(jobs), catalog_(catalog), import_dir_(std::move(import_dir)) {}

std::vector<LoggableFood> FoodsService::Search(const Principal& principal, std::string_view query,
                                               std::size_t limit) {
  return database_.ReadResult(
      [&](Session& s) { return SearchIn(s, principal.user_id, query, limit); });
}

std::vector<LoggableFood> FoodsService::SearchIn(Session& s, const std::string& user_id,
                                                 std::string_view query, std::size_t limit) {
  auto words = core::SearchWords(query);
  if (words.empty() || limit == 0) return {};
  if (words.size() > core::FoodSearchIndex::kMaxQueryWords) {
    words.resize(core::FoodSearchIndex::kMaxQueryWords);
  }

  core::FoodSearchBoosts boosts;
  std::int64_t now_ms = NowMs();
  for (const auto& use : foods_.RecentUsage(s, user_id, 500)) {
    auto at = platform::ParseRfc3339Ms(use.last_used_at).value_or(0);
    boosts[use.food_id] = UsageBoost(use.uses, at, now_ms);
  }

  std::vector<Scored> scored;
  const FoodCatalog& catalog = catalog_();
  for (const auto& hit : catalog.search_index().Search(query, limit, &boosts)) {
    if (const auto* food = catalog.Find(hit.id)) scored.push_back({hit.score, LoggableOf(*food)});
  }

  // The user's own foods (a few hundred at most) and the shared products whose words start with
  // the query's longest word: each ranked by an index of their own, on the same scale.
  auto add_index = [&](std::vector<LoggableFood> foods, double commonness) {
    if (foods.empty()) return;
    std::vector<core::FoodSearchEntry> entries;
    std::unordered_map<std::string, LoggableFood> by_id;
    for (auto& food : foods) {
      entries.push_back(EntryOf(food, commonness));
      by_id.emplace(food.id, std::move(food));
    }
    core::FoodSearchIndex index(std::move(entries));
    AddHits(index, query, limit, boosts, by_id, scored);
  };
  std::vector<LoggableFood> custom;
  for (const auto& food : foods_.ListCustom(s, user_id)) custom.push_back(LoggableOfCustom(food));
  add_index(std::move(custom), 0.5);

  const std::string& key_word = *std::max_element(
      words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<LoggableFood> shared;
  for (const auto& food : foods_.SharedWithWordPrefix(s, key_word, kSharedCandidates)) {
    shared.push_back(LoggableOfShared(food));
  }
  add_index(std::move(shared), 0.3);

  if (recipe_search_) add_index(recipe_search_(s, user_id, query, limit), 0.5);

  // Typed barcode digits find the product itself first: the user's own, else the shared one.
  auto barcode = core::CheckBarcode(BarcodeDigits(query));
  if (barcode.barcode) {
    if (auto own = foods_.FindCustomByBarcode(s, user_id, barcode.barcode->normalized)) {
      scored.push_back({1e6, LoggableOfCustom(*own)});
    } else if (auto product = foods_.FindSharedByBarcode(s, barcode.barcode->normalized)) {
      scored.push_back({1e6, LoggableOfShared(*product)});
    }
  }

  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.food.name.size() != b.food.name.size()) return a.food.name.size() < b.food.name.size();
    return a.food.id < b.food.id;
  });
  std::vector<LoggableFood> out;
  std::vector<std::string> seen;
  for (auto& item : scored) {
    if (out.size() == limit) break;
    if (std::find(seen.begin(), seen.end(), item.food.id) != seen.end()) continue;
    seen.push_back(item.food.id);
    if (item.food.source == "off" &&
        !item.food.per_100g[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)]) {
      // Ranked by its name only (every product has energy): the product itself now.
      auto product = foods_.FindShared(s, item.food.id);
      if (!product) continue;
      item.food = LoggableOfShared(*product);
    }
    out.push_back(std::move(item.food));
  }
  return out;
}

StoredFood FoodsService::Check(Session& s, const std::string& user_id, const std::string& id,
                               const FoodInput& input) {
  platform::FieldErrors errors;
  StoredFood food{.id = id,
                  .name = input.name,
                  .brand = input.brand,
                  .barcode = std::nullopt,
                  .portions = input.portions,
                  .per_100g = input.per_100g};
  if (input.barcode) {
    auto check = core::CheckBarcode(BarcodeDigits(*input.barcode));
    if (check.problem) {
      errors.Add("barcode", Msg(std::string(core::BarcodeProblemKey(*check.problem))));
    } else {
      food.barcode = check.barcode->normalized;
      auto other = foods_.FindCustomByBarcode(s, user_id, *food.barcode);
      if (other && other->id != id) errors.Add("barcode", Msg("food_barcode_taken"));
    }
  }
  errors.ThrowIfAny();
  return food;
}

FoodsService::CreateOutcome FoodsService::Create(
    const Principal& principal, const FoodInput& input,
    const std::optional<std::string>& idempotency_key) {
  const std::string& user_id = principal.user_id;
  std::string hash = InputHash(input);
  return database_.WriteResult([&](Session& s) -> CreateOutcome {
    // Under the user's change lock, so of concurrent retries one inserts and the others find it.
    platform::store::LockUserChanges(s, user_id);
    auto existing = [&](const FoodsRepository::Head& head) -> CreateOutcome {
      if (head.deleted) throw Error(ErrorKind::kConflict, Msg("food_deleted"));
      auto food = foods_.FindCustom(s, user_id, head.id);
      if (!food) throw NoSuchFood();
      return {LoggableOfCustom(*food), false};
    };
    if (idempotency_key) {
      if (auto head = foods_.FindCustomByIdempotencyKey(s, user_id, *idempotency_key)) {
        if (head->input_hash != hash) {
          throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
        }
        return existing(*head);
      }
    }
    if (input.id) {
      if (auto head = foods_.FindCustomHead(s, user_id, *input.id)) {
        if (!head->deleted && head->input_hash != hash) {
          throw Error(ErrorKind::kConflict, Msg("food_id_conflict"));
        }
        return existing(*head);
      }
    }
    auto food = Check(s, user_id, input.id.value_or(platform::NewId()), input);
    foods_.InsertCustom(s, user_id, food, hash, idempotency_key, platform::NowRfc3339());
    return {LoggableOfCustom(food), true};
  });
}

LoggableFood FoodsService::Get(const Principal& principal, const std::string& id) {
  auto food = database_.ReadResult([&](Session& s) { return Lookup(s, principal.user_id, id); });
  if (!food) throw NoSuchFood();
  return std::move(*food);
}

LoggableFood FoodsService::Replace(const Principal& principal, const std::string& id,
                                   const FoodInput& input) {
  if (input.id && *input.id != id) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"id", Msg("id_mismatch")}});
  }
  const std::string& user_id = principal.user_id;
  return database_.WriteResult([&](Session& s) {
    if (IsReadOnlyId(id)) {
      if (Lookup(s, user_id, id)) throw Error(ErrorKind::kForbidden, Msg("food_read_only"));
      throw NoSuchFood();
    }
    platform::store::LockUserChanges(s, user_id);
    if (!foods_.FindCustom(s, user_id, id)) throw NoSuchFood();
    auto food = Check(s, user_id, id, input);
    FoodInput stored_input = input;
    stored_input.id = id;
    if (!foods_.ReplaceCustom(s, user_id, food, InputHash(stored_input), platform::NowRfc3339())) {
      throw NoSuchFood();
    }
    return LoggableOfCustom(food);
  });
}

void FoodsService::Delete(const Principal& principal, const std::string& id) {
  const std::string& user_id = principal.user_id;
  database_.Write([&](Session& s) {
    if (IsReadOnlyId(id)) {
      if (Lookup(s, user_id, id)) throw Error(ErrorKind::kForbidden, Msg("food_read_only"));
      throw NoSuchFood();
    }
    if (!foods_.TombstoneCustom(s, user_id, id, platform::NowRfc3339())) throw NoSuchFood();
  });
}

LoggableFood FoodsService::FindByBarcode(const Principal& principal, const std::string& code) {
  auto check = core::CheckBarcode(BarcodeDigits(code));
  if (check.problem) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"code", Msg(std::string(core::BarcodeProblemKey(*check.problem)))}});
  }
  const std::string& barcode = check.barcode->normalized;
  auto food = database_.ReadResult([&](Session& s) -> std::optional<LoggableFood> {
    if (auto own = foods_.FindCustomByBarcode(s, principal.user_id, barcode)) {
      return LoggableOfCustom(*own);
    }
    if (auto product = foods_.FindSharedByBarcode(s, barcode)) return LoggableOfShared(*product);
    return std::nullopt;
  });
  if (!food) throw Error(ErrorKind::kNotFound, Msg("no_food_with_barcode"));
  return std::move(*food);
}

FoodsService::RecentFoods FoodsService::Recent(const Principal& principal) {
  const std::string& user_id = principal.user_id;
  return database_.ReadResult([&](Session& s) {
    RecentFoods out;
    for (const auto& use : foods_.RecentUsage(s, user_id, kRecentFoods)) {
      if (auto food = Lookup(s, user_id, use.food_id)) out.recent.push_back(std::move(*food));
    }
    std::string since = platform::FormatUtcMs(NowMs() - kFrequentDays * 86'400'000LL);
    for (const auto& use : foods_.FrequentUsage(s, user_id, since, kRecentFoods)) {
      if (auto food = Lookup(s, user_id, use.food_id)) out.frequent.push_back(std::move(*food));
    }
    return out;
  });
}

std::optional<LoggableFood> FoodsService::Lookup(Session& s, const std::string& user_id,
                                                 const std::string& food_id) {
  if (food_id.starts_with(kCatalogueIdPrefix)) {
    const auto* food = catalog_().Find(food_id);
    if (!food) return std::nullopt;
    return LoggableOf(*food);
  }
  if (food_id.starts_with(kSharedIdPrefix)) {
    auto food = foods_.FindShared(s, food_id);
    if (!food) return std::nullopt;
    return LoggableOfShared(*food);
  }
  // Recipes are the diary part's.
  if (food_id.starts_with(kRecipeIdPrefix)) {
    return recipe_lookup_ ? recipe_lookup_(s, user_id, food_id) : std::nullopt;
  }
  auto food = foods_.FindCustom(s, user_id, food_id);
  if (!food) return std::nullopt;
  return LoggableOfCustom(*food);
}

void FoodsService::RecordUse(Session& s, const std::string& user_id, const std::string& food_id,
                             std::int64_t at_ms) {
  foods_.RecordUse(s, user_id, food_id, platform::FormatUtcMs(at_ms));
}

}  // namespace vigor::features::nutrition
