#include "features/nutrition/diary_repository.hpp"

namespace vigor::features::nutrition {

namespace {
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_DIARY_ITEM_COLUMNS                                                        \
  "id, day, meal, kind, food_id, name, grams, portion_name, portion_count, nutrients, " \
  "logged_at, rev"

constexpr Statement kInsert{
    "diary_items.insert",
    "INSERT INTO diary_items (user_id, id, day, meal, kind, food_id, name, grams, portion_name, "
    "portion_count, nutrients, created_rev, ordinal, input_hash, request_key, request_hash, "
    "logged_at, created_at, updated_at, rev) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, $13, $14, $15, $16, $17, $18, $18, $12)"};
constexpr Statement kUpdate{
    "diary_items.update",
    "UPDATE diary_items SET day = $3, meal = $4, grams = $5, portion_name = $6, "
    "portion_count = $7, nutrients = $8, updated_at = $9, rev = $10 "
    "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kTombstone{"diary_items.tombstone",
                               "UPDATE diary_items SET deleted_at = $3, updated_at = $3, rev = $4 "
                               "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kById{"diary_items.by_id", "SELECT " VIGOR_DIARY_ITEM_COLUMNS
                                               " FROM diary_items WHERE user_id = $1 AND id = $2 "
                                               "AND deleted_at IS NULL"};
constexpr Statement kHead{
    "diary_items.head",
    "SELECT input_hash, deleted_at FROM diary_items WHERE user_id = $1 AND id = $2"};
constexpr Statement kByRequestKey{
    "diary_items.by_request_key",
    "SELECT " VIGOR_DIARY_ITEM_COLUMNS
    ", request_hash, deleted_at FROM diary_items WHERE user_id = $1 AND request_key = $2 "
    "ORDER BY created_rev, ordinal"};
constexpr Statement kOfDay{"diary_items.of_day",
                           "SELECT " VIGOR_DIARY_ITEM_COLUMNS
                           " FROM diary_items WHERE user_id = $1 AND day = $2 "
                           "AND deleted_at IS NULL ORDER BY created_rev, ordinal"};
constexpr Statement kOfRange{"diary_items.of_range",
                             "SELECT day, nutrients FROM diary_items WHERE user_id = $1 "
                             "AND day >= $2 AND day <= $3 AND deleted_at IS NULL"};
constexpr Statement kWater{"diary_days.water",
                           "SELECT water_ml FROM diary_days WHERE user_id = $1 AND day = $2"};
constexpr Statement kWaterOfRange{
    "diary_days.water_of_range",
    "SELECT day, water_ml FROM diary_days WHERE user_id = $1 AND day >= $2 AND day <= $3 "
    "ORDER BY day"};
constexpr Statement kSetWater{
    "diary_days.set_water",
    "INSERT INTO diary_days (user_id, day, water_ml, updated_at, rev) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (user_id, day) DO UPDATE SET water_ml = excluded.water_ml, "
    "updated_at = excluded.updated_at, rev = excluded.rev"};

#undef VIGOR_DIARY_ITEM_COLUMNS

DiaryItem ItemFromRow(const Row& r) {
  DiaryItem item;
  item.id = r.Text("id");
  item.day = core::ParseDay(r.Text("day")).value_or(core::Day{});
  item.meal = r.Text("meal");
  item.quick = r.Text("kind") == "quick";
  item.food_id = r.OptText("food_id");
  item.name = r.Text("name");
  item.grams = r.OptReal("grams");
  if (auto name = r.OptText("portion_name")) {
    item.portion = PortionAmount{*name, r.OptReal("portion_count").value_or(0)};
  }
  item.nutrients = NutrientAmountsFromText(r.Text("nutrients"));
  item.logged_at = r.Text("logged_at");
  item.rev = r.Int("rev");
  return item;
}

std::optional<std::string> PortionName(const DiaryItem& item) {
  if (!item.portion) return std::nullopt;
  return item.portion->name;
}
std::optional<double> PortionCount(const DiaryItem& item) {
  if (!item.portion) return std::nullopt;
  return item.portion->count;
}

}  // namespace

void DiaryRepository::Insert(Session& s, const std::string& user_id, const DiaryItem& item,
                             const Origin& origin) {
  s.Execute(kInsert, user_id, item.id, core::FormatDay(item.day), item.meal,
            std::string(item.quick ? "quick" : "food"), item.food_id, item.name, item.grams,
            PortionName(item), PortionCount(item), NutrientAmountsToText(item.nutrients),
            origin.created_rev, origin.ordinal, origin.input_hash, origin.request_key,
            origin.request_hash, item.logged_at, origin.now);
}

void DiaryRepository::Update(Session& s, const std::string& user_id, const DiaryItem& item,
                             const std::string& now) {
  s.Execute(kUpdate, user_id, item.id, core::FormatDay(item.day), item.meal, item.grams,
            PortionName(item), PortionCount(item), NutrientAmountsToText(item.nutrients), now,
            item.rev);
}

bool DiaryRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                                const std::string& now, std::int64_t rev) {
  return s.Execute(kTombstone, user_id, id, now, rev) > 0;
}

std::optional<DiaryItem> DiaryRepository::Find(Session& s, const std::string& user_id,
                                               const std::string& id) {
  auto row = s.QueryOne(kById, user_id, id);
  if (!row) return std::nullopt;
  return ItemFromRow(*row);
}

std::optional<DiaryRepository::Head> DiaryRepository::FindHead(Session& s,
                                                               const std::string& user_id,
                                                               const std::string& id) {
  auto row = s.QueryOne(kHead, user_id, id);
  if (!row) return std::nullopt;
  return Head{.input_hash = row->Text("input_hash"),
              .deleted = row->OptText("deleted_at").has_value()};
}

std::vector<DiaryItem> DiaryRepository::FindByRequestKey(Session& s, const std::string& user_id,
                                                         const std::string& key,
                                                         std::string& request_hash) {
  std::vector<DiaryItem> items;
  request_hash.clear();
  for (const auto& row : s.Query(kByRequestKey, user_id, key)) {
    request_hash = row.OptText("request_hash").value_or("");
    if (!row.OptText("deleted_at")) items.push_back(ItemFromRow(row));
  }
  return items;
}

std::vector<DiaryItem> DiaryRepository::ItemsOfDay(Session& s, const std::string& user_id,
                                                   core::Day day) {
  std::vector<DiaryItem> items;
  for (const auto& row : s.Query(kOfDay, user_id, core::FormatDay(day))) {
    items.push_back(ItemFromRow(row));
  }
  return items;
}

std::vector<DiaryItem> DiaryRepository::ItemsOfRange(Session& s, const std::string& user_id,
                                                     core::DayRange days) {
  std::vector<DiaryItem> items;
  for (const auto& row :
       s.Query(kOfRange, user_id, core::FormatDay(days.first), core::FormatDay(days.last))) {
    DiaryItem item;
    item.day = core::ParseDay(row.Text("day")).value_or(core::Day{});
    item.nutrients = NutrientAmountsFromText(row.Text("nutrients"));
    items.push_back(std::move(item));
  }
  return items;
}

double DiaryRepository::Water(Session& s, const std::string& user_id, core::Day day) {
  auto row = s.QueryOne(kWater, user_id, core::FormatDay(day));
  return row ? row->Real("water_ml") : 0;
}

std::vector<std::pair<core::Day, double>> DiaryRepository::WaterOfRange(Session& s,
                                                                        const std::string& user_id,
                                                                        core::DayRange days) {
  std::vector<std::pair<core::Day, double>> water;
  for (const auto& row :
       s.Query(kWaterOfRange, user_id, core::FormatDay(days.first), core::FormatDay(days.last))) {
    if (auto day = core::ParseDay(row.Text("day"))) water.emplace_back(*day, row.Real("water_ml"));
  }
  return water;
}

void DiaryRepository::SetWater(Session& s, const std::string& user_id, core::Day day,
                               double water_ml, const std::string& now, std::int64_t rev) {
  s.Execute(kSetWater, user_id, core::FormatDay(day), water_ml, now, rev);
}

}  // namespace vigor::features::nutrition
