#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.hpp"

namespace vigor::features::accounts {

using platform::auth::Role;

enum class UserStatus { kActive, kDisabled, kPendingApproval };
std::string_view StatusName(UserStatus status);
UserStatus ParseStatus(std::string_view text);

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
