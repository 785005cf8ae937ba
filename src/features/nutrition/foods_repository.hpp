#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/nutrition/foods_model.hpp"
#include "platform/store/database.hpp"

// The SQL of foods (migration 0019): the user's own foods (always by owner), the shared products
// and their search words, the users' food usage and the Open Food Facts imports.
namespace vigor::features::nutrition {

class FoodsRepository {
 public:
  using Session = platform::store::Session;

  // --- The user's own foods.
  struct Head {
    std::string id;
    std::string input_hash;
    bool deleted = false;
  };
  std::optional<StoredFood> FindCustom(Session& s, const std::string& user_id,
                                       const std::string& id);
  std::optional<Head> FindCustomHead(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Head> FindCustomByIdempotencyKey(Session& s, const std::string& user_id,
                                                 const std::string& key);
  // The user's live food with this (normalised) barcode.
  std::optional<StoredFood> FindCustomByBarcode(Session& s, const std::string& user_id,
                                                const std::string& barcode);
  // Every live food of the user (what search indexes for them).
  std::vector<StoredFood> ListCustom(Session& s, const std::string& user_id);
  void InsertCustom(Session& s, const std::string& user_id, const StoredFood& food,
                    const std::string& input_hash, const std::optional<std::string>& key,
                    const std::string& now);
  // False when the user has no such live food.
  bool ReplaceCustom(Session& s, const std::string& user_id, const StoredFood& food,
                     const std::string& input_hash, const std::string& now);
  bool TombstoneCustom(Session& s, const std::string& user_id, const std::string& id,
                       const std::string& now);

  // --- Shared products.
  std::optional<StoredFood> FindShared(Session& s, const std::string& id);
  std::optional<StoredFood> FindSharedByBarcode(Session& s, const std::string& barcode);
  // Products with a search word starting with `prefix` (shortest words first, so the products
  // with the word itself come before longer words), at most `limit`, without repeats: id, name,
  // brand and barcode only (search ranks them, then reads the few it shows with FindShared).
  std::vector<StoredFood> SharedWithWordPrefix(Session& s, const std::string& prefix,
                                               std::size_t limit);
  // Products with exactly this search word.
  std::vector<StoredFood> SharedWithWord(Session& s, const std::string& word, std::size_t limit);
  // Adds or replaces the product with food.barcode (id "off-" + barcode) and its words; true when
  // it was added.
  bool UpsertShared(Session& s, const StoredFood& food, const std::string& import_id,
                    const std::string& now);

  // --- Usage.
  struct Usage {
    std::string food_id;
    std::int64_t uses = 0;
    std::string last_used_at;
  };
  void RecordUse(Session& s, const std::string& user_id, const std::string& food_id,
                 const std::string& at);
  // The user's most recently used foods, newest first.
  std::vector<Usage> RecentUsage(Session& s, const std::string& user_id, std::size_t limit);
  // The user's most used foods among those used at or after `since`, most used first.
  std::vector<Usage> FrequentUsage(Session& s, const std::string& user_id, const std::string& since,
                                   std::size_t limit);

  // --- Imports (no owner: any admin sees them).
  // `user_id`: the admin who started it; none for `vigor import-foods`.
  void InsertImport(Session& s, const std::optional<std::string>& user_id,
                    const FoodImport& import);
  std::optional<FoodImport> FindImport(Session& s, const std::string& id);
  std::vector<FoodImport> ListImports(Session& s, std::size_t limit);
  // Writes status, counters, examples, error and finished_at.
  void SaveImport(Session& s, const FoodImport& import);
};

}  // namespace vigor::features::nutrition
