#include "features/nutrition/foods_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "core/text_fold.hpp"
#include "platform/store/revisions.hpp"

namespace vigor::features::nutrition {

namespace {

using platform::store::NextRevision;
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_CUSTOM_FOOD_COLUMNS "id, name, brand, barcode, portions_json, per_100g_json"
#define VIGOR_SHARED_FOOD_COLUMNS                                        \
  "f.id AS id, f.name AS name, f.brand AS brand, f.barcode AS barcode, " \
  "f.portions_json AS portions_json, f.per_100g_json AS per_100g_json"
#define VIGOR_FOOD_IMPORT_COLUMNS                                                   \
  "id, file, status, bytes_read, bytes_total, lines_read, rows_read, foods_added, " \
  "foods_updated, rows_rejected, rejected_json, error, created_at, finished_at"

constexpr Statement kCustomById{"custom_foods.by_id",
                                "SELECT " VIGOR_CUSTOM_FOOD_COLUMNS
                                " FROM custom_foods WHERE user_id = $1 AND id = $2 "
                                "AND deleted_at IS NULL"};
constexpr Statement kCustomHead{
    "custom_foods.head",
    "SELECT id, input_hash, deleted_at FROM custom_foods WHERE user_id = $1 AND id = $2"};
constexpr Statement kCustomByIdempotencyKey{"custom_foods.by_idempotency_key",
                                            "SELECT id, input_hash, deleted_at FROM custom_foods "
                                            "WHERE user_id = $1 AND idempotency_key = $2"};
constexpr Statement kCustomByBarcode{"custom_foods.by_barcode",
                                     "SELECT " VIGOR_CUSTOM_FOOD_COLUMNS
                                     " FROM custom_foods WHERE user_id = $1 AND barcode = $2 "
                                     "AND deleted_at IS NULL"};
constexpr Statement kCustomList{"custom_foods.list",
                                "SELECT " VIGOR_CUSTOM_FOOD_COLUMNS
                                " FROM custom_foods WHERE user_id = $1 AND deleted_at IS NULL "
                                "ORDER BY id"};
constexpr Statement kCustomInsert{
    "custom_foods.insert",
    "INSERT INTO custom_foods (user_id, id, name, brand, barcode, portions_json, per_100g_json, "
    "input_hash, idempotency_key, created_at, updated_at, rev) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)"};
constexpr Statement kCustomUpdate{
    "custom_foods.update",
    "UPDATE custom_foods SET name = $3, brand = $4, barcode = $5, portions_json = $6, "
    "per_100g_json = $7, input_hash = $8, updated_at = $9, rev = $10 "
    "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kCustomTombstone{
    "custom_foods.tombstone",
    "UPDATE custom_foods SET deleted_at = $3, updated_at = $3, barcode = NULL, rev = $4 "
    "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};

constexpr Statement kSharedById{"shared_foods.by_id", "SELECT " VIGOR_SHARED_FOOD_COLUMNS
                                                      " FROM shared_foods f WHERE f.id = $1"};
constexpr Statement kSharedByBarcode{"shared_foods.by_barcode",
                                     "SELECT " VIGOR_SHARED_FOOD_COLUMNS
                                     " FROM shared_foods f WHERE f.barcode = $1"};
// A range scan of the words' primary key: [prefix, prefix + U+10FFFF) holds exactly the words
// that start with prefix, in byte order on both databases (PostgreSQL's column is COLLATE "C").
constexpr Statement kSharedByWordPrefix{
    "shared_foods.by_word_prefix",
    "SELECT f.id AS id, f.name AS name, f.brand AS brand, f.barcode AS barcode"
    " FROM shared_food_words w JOIN shared_foods f ON f.id = w.food_id "
    "WHERE w.word >= $1 AND w.word < $2 ORDER BY w.word, w.food_id LIMIT $3"};
constexpr Statement kSharedByWord{"shared_foods.by_word",
                                  "SELECT " VIGOR_SHARED_FOOD_COLUMNS
                                  " FROM shared_food_words w JOIN shared_foods f ON "
                                  "f.id = w.food_id WHERE w.word = $1 ORDER BY w.food_id LIMIT $2"};
constexpr Statement kSharedExists{"shared_foods.exists",
                                  "SELECT id FROM shared_foods WHERE barcode = $1"};
constexpr Statement kSharedInsert{
    "shared_foods.insert",
    "INSERT INTO shared_foods (id, barcode, name, brand, portions_json, per_100g_json, "
    "import_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)"};
constexpr Statement kSharedUpdate{
    "shared_foods.update",
    "UPDATE shared_foods SET name = $2, brand = $3, portions_json = $4, per_100g_json = $5, "
    "import_id = $6, updated_at = $7 WHERE id = $1"};
constexpr Statement kSharedWordsDelete{"shared_food_words.delete_of_food",
                                       "DELETE FROM shared_food_words WHERE food_id = $1"};
constexpr Statement kSharedWordInsert{
    "shared_food_words.insert",
    "INSERT INTO shared_food_words (word, food_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"};

constexpr Statement kUsageRecord{
    "food_usage.record",
    "INSERT INTO food_usage (user_id, food_id, uses, last_used_at) VALUES ($1, $2, 1, $3) "
    "ON CONFLICT (user_id, food_id) DO UPDATE SET uses = food_usage.uses + 1, "
    "last_used_at = CASE WHEN excluded.last_used_at > food_usage.last_used_at "
    "THEN excluded.last_used_at ELSE food_usage.last_used_at END"};
constexpr Statement kUsageRecent{"food_usage.recent",
                                 "SELECT food_id, uses, last_used_at FROM food_usage "
                                 "WHERE user_id = $1 ORDER BY last_used_at DESC, food_id LIMIT $2"};
constexpr Statement kUsageFrequent{
    "food_usage.frequent",
    "SELECT food_id, uses, last_used_at FROM food_usage WHERE user_id = $1 "
    "AND last_used_at >= $2 ORDER BY uses DESC, last_used_at DESC, food_id LIMIT $3"};

constexpr Statement kImportInsert{
    "food_imports.insert",
    "INSERT INTO food_imports (id, user_id, file, status, bytes_total, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kImportById{
    "food_imports.by_id", "SELECT " VIGOR_FOOD_IMPORT_COLUMNS " FROM food_imports WHERE id = $1"};
constexpr Statement kImportList{"food_imports.list",
                                "SELECT " VIGOR_FOOD_IMPORT_COLUMNS
                                " FROM food_imports ORDER BY created_at DESC, id DESC LIMIT $1"};
constexpr Statement kImportSave{
    "food_imports.save",
    "UPDATE food_imports SET status = $2, bytes_read = $3, bytes_total = $4, lines_read = $5, "
    "rows_read = $6, foods_added = $7, foods_updated = $8, rows_rejected = $9, "
    "rejected_json = $10, error = $11, finished_at = $12 WHERE id = $1"};

#undef VIGOR_CUSTOM_FOOD_COLUMNS
#undef VIGOR_SHARED_FOOD_COLUMNS
#undef VIGOR_FOOD_IMPORT_COLUMNS

StoredFood FoodFromRow(const Row& r) {
  return {.id = r.Text("id"),
          .name = r.Text("name"),
          .brand = r.OptText("brand"),
          .barcode = r.OptText("barcode"),
          .portions = PortionsFromJson(r.Text("portions_json")),
          .per_100g = NutrientsFromJson(r.Text("per_100g_json"))};
}

FoodsRepository::Head HeadFromRow(const Row& r) {
  return {.id = r.Text("id"),
          .input_hash = r.Text("input_hash"),
          .deleted = r.OptText("deleted_at").has_value()};
}

FoodsRepository::Usage UsageFromRow(const Row& r) {
  return {
      .food_id = r.Text("food_id"), .uses = r.Int("uses"), .last_used_at = r.Text("last_used_at")};
}

std::string RejectedToJson(const std::vector<RejectedRow>& rows) {
  boost::json::array out;
  for (const auto& r : rows)
    out.push_back(boost::json::object{{"line", r.line}, {"reason", r.reason}});
  return boost::json::serialize(out);
}

std::vector<RejectedRow> RejectedFromJson(const std::string& text) {
  std::vector<RejectedRow> rows;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return rows;
  for (const auto& item : value.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    const auto* line = o.if_contains("line");
    const auto* reason = o.if_contains("reason");
    if (!line || !line->is_int64() || !reason || !reason->is_string()) continue;
    rows.push_back({line->as_int64(), std::string(reason->as_string())});
  }
  return rows;
}

FoodImport ImportFromRow(const Row& r) {
  return {.id = r.Text("id"),
          .file = r.Text("file"),
          .status = r.Text("status"),
          .bytes_read = r.Int("bytes_read"),
          .bytes_total = r.Int("bytes_total"),
          .lines_read = r.Int("lines_read"),
          .rows_read = r.Int("rows_read"),
          .foods_added = r.Int("foods_added"),
          .foods_updated = r.Int("foods_updated"),
          .rows_rejected = r.Int("rows_rejected"),
          .rejected_examples = RejectedFromJson(r.Text("rejected_json")),
          .error = r.OptText("error"),
          .created_at = r.Text("created_at"),
          .finished_at = r.OptText("finished_at")};
}

// The foods of rows, each once (a product may match with two of its words).
std::vector<StoredFood> Distinct(const std::vector<Row>& rows) {
  std::vector<StoredFood> out;
  std::set<std::string> seen;
  for (const auto& row : rows) {
    if (seen.insert(row.Text("id")).second) out.push_back(FoodFromRow(row));
  }
  return out;
}

// The same with names only (no portions or nutrients), for ranking.
std::vector<StoredFood> DistinctNames(const std::vector<Row>& rows) {
  std::vector<StoredFood> out;
  std::set<std::string> seen;
  for (const auto& row : rows) {
    if (!seen.insert(row.Text("id")).second) continue;
    out.push_back({.id = row.Text("id"),
                   .name = row.Text("name"),
                   .brand = row.OptText("brand"),
                   .barcode = row.OptText("barcode")});
  }
  return out;
}

}  // namespace

std::optional<StoredFood> FoodsRepository::FindCustom(Session& s, const std::string& user_id,
                                                      const std::string& id) {
  auto row = s.QueryOne(kCustomById, user_id, id);
  if (!row) return std::nullopt;
  return FoodFromRow(*row);
}

std::optional<FoodsRepository::Head> FoodsRepository::FindCustomHead(Session& s,
                                                                     const std::string& user_id,
                                                                     const std::string& id) {
  auto row = s.QueryOne(kCustomHead, user_id, id);
  if (!row) return std::nullopt;
  return HeadFromRow(*row);
}

std::optional<FoodsRepository::Head> FoodsRepository::FindCustomByIdempotencyKey(
    Session& s, const std::string& user_id, const std::string& key) {
  auto row = s.QueryOne(kCustomByIdempotencyKey, user_id, key);
  if (!row) return std::nullopt;
  return HeadFromRow(*row);
}

std::optional<StoredFood> FoodsRepository::FindCustomByBarcode(Session& s,
                                                               const std::string& user_id,
                                                               const std::string& barcode) {
  auto row = s.QueryOne(kCustomByBarcode, user_id, barcode);
  if (!row) return std::nullopt;
  return FoodFromRow(*row);
}

std::vector<StoredFood> FoodsRepository::ListCustom(Session& s, const std::string& user_id) {
  std::vector<StoredFood> foods;
  for (const auto& row : s.Query(kCustomList, user_id)) foods.push_back(FoodFromRow(row));
  return foods;
}

void FoodsRepository::InsertCustom(Session& s, const std::string& user_id, const StoredFood& food,
                                   const std::string& input_hash,
                                   const std::optional<std::string>& key, const std::string& now) {
  s.Execute(kCustomInsert, user_id, food.id, food.name, food.brand, food.barcode,
            PortionsToJson(food.portions), NutrientsToJson(food.per_100g), input_hash, key, now,
            NextRevision(s, user_id));
}

bool FoodsRepository::ReplaceCustom(Session& s, const std::string& user_id, const StoredFood& food,
                                    const std::string& input_hash, const std::string& now) {
  return s.Execute(kCustomUpdate, user_id, food.id, food.name, food.brand, food.barcode,
                   PortionsToJson(food.portions), NutrientsToJson(food.per_100g), input_hash, now,
                   NextRevision(s, user_id)) > 0;
}

bool FoodsRepository::TombstoneCustom(Session& s, const std::string& user_id, const std::string& id,
                                      const std::string& now) {
  return s.Execute(kCustomTombstone, user_id, id, now, NextRevision(s, user_id)) > 0;
}

std::optional<StoredFood> FoodsRepository::FindShared(Session& s, const std::string& id) {
  auto row = s.QueryOne(kSharedById, id);
  if (!row) return std::nullopt;
  return FoodFromRow(*row);
}

std::optional<StoredFood> FoodsRepository::FindSharedByBarcode(Session& s,
                                                               const std::string& barcode) {
  auto row = s.QueryOne(kSharedByBarcode, barcode);
  if (!row) return std::nullopt;
  return FoodFromRow(*row);
}

std::vector<StoredFood> FoodsRepository::SharedWithWordPrefix(Session& s, const std::string& prefix,
                                                              std::size_t limit) {
  // U+10FFFF: sorts after every character in byte order.
  std::string upper = prefix + "\xF4\x8F\xBF\xBF";
  return DistinctNames(
      s.Query(kSharedByWordPrefix, prefix, upper, static_cast<std::int64_t>(limit)));
}

std::vector<StoredFood> FoodsRepository::SharedWithWord(Session& s, const std::string& word,
                                                        std::size_t limit) {
  return Distinct(s.Query(kSharedByWord, word, static_cast<std::int64_t>(limit)));
}

bool FoodsRepository::UpsertShared(Session& s, const StoredFood& food, const std::string& import_id,
                                   const std::string& now) {
  std::string barcode = food.barcode.value_or("");
  std::string id = std::string(kSharedIdPrefix) + barcode;
  bool exists = s.QueryOne(kSharedExists, barcode).has_value();
  std::string portions = PortionsToJson(food.portions);
  std::string nutrients = NutrientsToJson(food.per_100g);
  if (exists) {
    s.Execute(kSharedUpdate, id, food.name, food.brand, portions, nutrients, import_id, now);
    s.Execute(kSharedWordsDelete, id);
  } else {
    s.Execute(kSharedInsert, id, barcode, food.name, food.brand, portions, nutrients, import_id,
              now);
  }
  std::set<std::string> words;
  for (auto& w : core::SearchWords(food.name)) words.insert(std::move(w));
  if (food.brand) {
    for (auto& w : core::SearchWords(*food.brand)) words.insert(std::move(w));
  }
  for (const auto& w : words) s.Execute(kSharedWordInsert, w, id);
  return !exists;
}

void FoodsRepository::RecordUse(Session& s, const std::string& user_id, const std::string& food_id,
                                const std::string& at) {
  s.Execute(kUsageRecord, user_id, food_id, at);
}

std::vector<FoodsRepository::Usage> FoodsRepository::RecentUsage(Session& s,
                                                                 const std::string& user_id,
                                                                 std::size_t limit) {
  std::vector<Usage> out;
  for (const auto& row : s.Query(kUsageRecent, user_id, static_cast<std::int64_t>(limit))) {
    out.push_back(UsageFromRow(row));
  }
  return out;
}

std::vector<FoodsRepository::Usage> FoodsRepository::FrequentUsage(Session& s,
                                                                   const std::string& user_id,
                                                                   const std::string& since,
                                                                   std::size_t limit) {
  std::vector<Usage> out;
  for (const auto& row :
       s.Query(kUsageFrequent, user_id, since, static_cast<std::int64_t>(limit))) {
    out.push_back(UsageFromRow(row));
  }
  return out;
}

void FoodsRepository::InsertImport(Session& s, const std::optional<std::string>& user_id,
                                   const FoodImport& import) {
  s.Execute(kImportInsert, import.id, user_id, import.file, import.status, import.bytes_total,
            import.created_at);
}

std::optional<FoodImport> FoodsRepository::FindImport(Session& s, const std::string& id) {
  auto row = s.QueryOne(kImportById, id);
  if (!row) return std::nullopt;
  return ImportFromRow(*row);
}

std::vector<FoodImport> FoodsRepository::ListImports(Session& s, std::size_t limit) {
  std::vector<FoodImport> out;
  for (const auto& row : s.Query(kImportList, static_cast<std::int64_t>(limit))) {
    out.push_back(ImportFromRow(row));
  }
  return out;
}

void FoodsRepository::SaveImport(Session& s, const FoodImport& i) {
  s.Execute(kImportSave, i.id, i.status, i.bytes_read, i.bytes_total, i.lines_read, i.rows_read,
            i.foods_added, i.foods_updated, i.rows_rejected, RejectedToJson(i.rejected_examples),
            i.error, i.finished_at);
}

}  // namespace vigor::features::nutrition
