#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "features/nutrition/diary_model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

// The SQL of diary items and days. Every method takes the owner. Items carry the user's change
// sequence (rev) and leave tombstones when deleted.
class DiaryRepository {
 public:
  using Session = platform::store::Session;

  // An item's row as stored, live or deleted (what a retry with the client's id compares).
  struct Head {
    std::string input_hash;
    bool deleted = false;
  };
  // How an item came to be: its place in the day's order and the request that logged it.
  struct Origin {
    std::int64_t created_rev = 0;
    int ordinal = 0;
    std::string input_hash;
    std::optional<std::string> request_key;
    std::optional<std::string> request_hash;
    std::string now;  // created_at = updated_at
  };

  void Insert(Session& s, const std::string& user_id, const DiaryItem& item, const Origin& origin);
  // Writes meal, day, grams, portion and nutrients of the live item with the next rev.
  void Update(Session& s, const std::string& user_id, const DiaryItem& item,
              const std::string& now);
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now, std::int64_t rev);

  std::optional<DiaryItem> Find(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Head> FindHead(Session& s, const std::string& user_id, const std::string& id);
  // The live items a request with this Idempotency-Key logged, in its order, and its hash.
  std::vector<DiaryItem> FindByRequestKey(Session& s, const std::string& user_id,
                                          const std::string& key, std::string& request_hash);
  // The day's live items in the order logged.
  std::vector<DiaryItem> ItemsOfDay(Session& s, const std::string& user_id, core::Day day);
  // Live items of the days of a range (day, nutrients only filled).
  std::vector<DiaryItem> ItemsOfRange(Session& s, const std::string& user_id, core::DayRange days);

  double Water(Session& s, const std::string& user_id, core::Day day);
  std::vector<std::pair<core::Day, double>> WaterOfRange(Session& s, const std::string& user_id,
                                                         core::DayRange days);
  void SetWater(Session& s, const std::string& user_id, core::Day day, double water_ml,
                const std::string& now, std::int64_t rev);
};

}  // namespace vigor::features::nutrition
