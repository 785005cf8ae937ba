#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/error.hpp"

namespace vigor::features::accounts {

using platform::auth::Role;

enum class UserStatus { kActive, kDisabled, kPendingApproval };
std::string_view StatusName(UserStatus status);
UserStatus ParseStatus(std::string_view text);

// How a user wants values shown and entered. Storage stays SI and UTC; these only convert.
struct Preferences {
  std::string weight_unit = "kg";     // kg | lb
  std::string distance_unit = "km";   // km | mi
  double weight_increment = 2.5;      // in weight_unit: the step of the weight pickers
  std::string time_zone = "UTC";      // IANA name
  std::string locale = "en";          // en | de
  std::string week_start = "monday";  // monday | sunday | saturday: weeks of goals and streaks
  std::string one_rep_max_formula = "epley";  // epley | brzycki: what records and goals show
  // What heart-rate zones start from; unknown when absent (zones then default from age).
  std::optional<std::int64_t> birth_year;
  std::optional<std::int64_t> max_heart_rate;
  std::optional<std::int64_t> resting_heart_rate;
};

// A change to some of the preferences: the members left empty keep their value.
struct PreferencesPatch {
  std::optional<std::string> weight_unit;
  std::optional<std::string> distance_unit;
  std::optional<double> weight_increment;
  std::optional<std::string> time_zone;
  std::optional<std::string> locale;
  std::optional<std::string> week_start;
  std::optional<std::string> one_rep_max_formula;
  // Outer optional: given or not; inner: null clears the value.
  std::optional<std::optional<std::int64_t>> birth_year;
  std::optional<std::optional<std::int64_t>> max_heart_rate;
  std::optional<std::optional<std::int64_t>> resting_heart_rate;
};

// Adds an error for each value of `patch` that is not allowed, named `prefix` + its field
// ("preferences.locale" in PATCH /me, "locale" at sign-up).
void AddPreferenceErrors(platform::FieldErrors& errors, const PreferencesPatch& patch,
                         std::string_view prefix);
// Adds an error when the preferences, each allowed, do not go together (a resting heart rate
// at or above the maximum).
void AddProfileErrors(platform::FieldErrors& errors, const Preferences& preferences,
                      std::string_view prefix);
// Sets the values `patch` has (checked already).
void Apply(Preferences& preferences, const PreferencesPatch& patch);

struct User {
  std::string id;
  std::string username;
  std::string email;
  std::optional<std::string> password_hash;
  Role role = Role::kUser;
  UserStatus status = UserStatus::kActive;
  std::optional<std::string> email_verified_at;
  std::optional<std::string> totp_secret_sealed;
  std::optional<std::string> totp_pending_sealed;
  std::optional<std::int64_t> totp_last_step;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> last_login_at;
  Preferences preferences;

  bool totp_enabled() const { return totp_secret_sealed.has_value(); }
  bool email_verified() const { return email_verified_at.has_value(); }
};

struct SessionRecord {
  std::string id;
  std::string user_id;
  std::string created_at;
  std::string last_used_at;
  std::string expires_at;
  std::optional<std::string> user_agent;
  std::optional<std::string> ip;
};

struct ApiToken {
  std::string id;
  std::string user_id;
  std::string name;
  std::vector<std::string> scopes;
  std::string created_at;
  std::optional<std::string> expires_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> last_used_ip;
};

struct AuditEvent {
  std::string id;
  std::optional<std::string> user_id;
  std::optional<std::string> actor_id;
  std::string kind;
  std::optional<std::string> ip;
  std::optional<std::string> detail;
  std::string created_at;
};

// Where a request came from, for sessions, rate limits and the audit log.
struct ClientInfo {
  std::string ip;
  std::string user_agent;
};

// The scopes a personal access token may carry.
const std::vector<std::string>& KnownScopes();

}  // namespace vigor::features::accounts
