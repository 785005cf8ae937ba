#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "features/workouts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// What a workout was or became, as far as what others keep from workouts needs to know: which
// day it falls on, which exercises it holds, which sport it is. Records and aggregates start
// from these and read what else they need in the same transaction.
struct WorkoutFacts {
  std::string started_at;  // RFC 3339 UTC
  std::optional<std::string> time_zone;
  WorkoutKind kind = WorkoutKind::kStrength;
  std::optional<std::string> sport;       // cardio only
  std::vector<std::string> exercise_ids;  // distinct, in block order
  // Who may see it ("private", "followers", "public"; core/privacy.hpp): what the feed and
  // challenge boards copy.
  std::string visibility = "private";
};

// One workout written: created (no `before`), replaced (both), or deleted (no `after`).
struct WorkoutChange {
  std::string user_id;
  std::string workout_id;
  std::optional<WorkoutFacts> before;
  std::optional<WorkoutFacts> after;
};

WorkoutFacts FactsOf(const Workout& workout);
WorkoutFacts FactsOf(const WorkoutHead& head);

// Features that keep something derived from workouts (records, the aggregates dashboards read)
// register here, and every write of workouts (logging, editing, deleting, importing, undoing an
// import) reports its changes here inside its own transaction, after the rows are written: what
// they keep is updated in the same transaction, so it can never disagree with the log. One call
// per transaction carries all of its changes (an import batch of hundreds), so an observer can
// do its work once per exercise or day rather than once per workout. An observer that throws
// rolls the write back.
class WorkoutChangeObservers {
 public:
  using Session = platform::store::Session;
  using Observer = std::function<void(Session&, std::span<const WorkoutChange>)>;

  // Installation only: observers are added before the server takes requests.
  void Add(Observer observer) { observers_.push_back(std::move(observer)); }

  void Notify(Session& s, std::span<const WorkoutChange> changes) const {
    if (changes.empty()) return;
    for (const auto& observer : observers_) observer(s, changes);
  }

 private:
  std::vector<Observer> observers_;
};

}  // namespace vigor::features::workouts
