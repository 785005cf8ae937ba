#pragma once

#include <optional>
#include <string>

#include "features/nutrition/targets_model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

// The SQL of nutrition targets: one row per user (nutrition_targets). Every method takes the owner.
class TargetsRepository {
 public:
  using Session = platform::store::Session;

  // The user's settings; nullopt before the first PUT.
  std::optional<StoredTargets> Find(Session& s, const std::string& user_id);
  // Replaces the user's settings (a PUT replaces every part), stamped `now`, with the user's
  // next rev. Returns what is stored.
  StoredTargets Put(Session& s, const std::string& user_id, const TargetsSettings& settings,
                    const std::string& now);
};

}  // namespace vigor::features::nutrition
