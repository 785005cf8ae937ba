#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace vigor::features::goals {

// A goal reached its target in its current period, for the first time in that period (what
// "goal.reached" announces), as others keep it: the feed's goal items.
struct GoalReached {
  std::string user_id;
  std::string goal_id;
  std::string period_start;  // the local day the period started
  std::string reached_at;    // RFC 3339 UTC
  std::string title;         // as shown (the user's or one made from the metric, in English)
  std::string metric;
  std::optional<double> value;
  double target = 0;
  std::string unit;
};

// Reported inside the workout write's transaction that reached the goal, after the goal's row is
// marked. Installation only adds.
class GoalReachedObservers {
 public:
  using Observer = std::function<void(platform::store::Session&, const GoalReached&)>;
  void Add(Observer observer) { observers_.push_back(std::move(observer)); }
  void Notify(platform::store::Session& s, const GoalReached& reached) const {
    for (const auto& observer : observers_) observer(s, reached);
  }

 private:
  std::vector<Observer> observers_;
};

}  // namespace vigor::features::goals
