#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// What progress figures need to know about a user (records, goals, analytics): the narrow
// interface the accounts feature exports for them. Read in the caller's transaction.
struct TrainingProfile {
  std::string time_zone = "UTC";              // IANA name: where local days and weeks are
  std::string week_start = "monday";          // monday | sunday | saturday
  std::string one_rep_max_formula = "epley";  // epley | brzycki
  std::optional<std::int64_t> birth_year;
  std::optional<std::int64_t> max_heart_rate;      // bpm, as the user set it
  std::optional<std::int64_t> resting_heart_rate;  // bpm, as the user set it
};

// The user's profile; the defaults above for a user that does not exist (any more).
using TrainingProfileLookup =
    std::function<TrainingProfile(platform::store::Session&, const std::string& user_id)>;

}  // namespace vigor::features::accounts
