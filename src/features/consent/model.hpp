#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::features::consent {

// The one purpose users consent to today: processing their health data (workouts, body,
// nutrition). The column allows only this value; a new purpose is a migration.
inline constexpr std::string_view kHealthData = "health_data";

// A published version of the instance's privacy policy. Versions only grow; none is edited.
struct Policy {
  std::int64_t version = 0;
  std::string text;  // markdown
  std::string published_at;
  std::optional<std::string> published_by;  // the admin's user id; nullopt: shipped with Vigor
};

// One consent a user gave, to one policy version.
struct Consent {
  std::string id;
  std::string purpose;
  std::int64_t policy_version = 0;
  std::string given_at;
  std::optional<std::string> withdrawn_at;
};

// What the user is asked and what they agreed to.
struct ConsentStatus {
  // Never consented, withdrew, or consented to an older version than `current`.
  bool required = true;
  Policy current;
  std::vector<Consent> items;  // newest first
};

}  // namespace vigor::features::consent
