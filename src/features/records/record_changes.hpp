#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/personal_records.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::records {

// The records of one exercise's (or one sport's) series as they stand after a workout write, from
// `from` on: the records feature computes them again from there with every write, so what was
// recorded before for that exercise or sport since `from` and is not in `records` is gone.
struct RecordsRecomputed {
  std::string user_id;
  std::string exercise_id;  // strength; empty for cardio
  std::string sport;        // cardio; empty for strength
  std::string from;         // RFC 3339 UTC: the earliest started_at the write touched
  std::vector<core::RecordEntry> records;
};

// Features that keep something derived from records (the feed's record items) register here;
// the records feature reports inside the workout write's transaction, after its rows are written.
class RecordObservers {
 public:
  using Observer = std::function<void(platform::store::Session&, const RecordsRecomputed&)>;
  // Installation only.
  void Add(Observer observer) { observers_.push_back(std::move(observer)); }
  void Notify(platform::store::Session& s, const RecordsRecomputed& change) const {
    for (const auto& observer : observers_) observer(s, change);
  }

 private:
  std::vector<Observer> observers_;
};

}  // namespace vigor::features::records
