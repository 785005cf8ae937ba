#include "features/accounts/model.hpp"

namespace vigor::features::accounts {

std::string_view StatusName(UserStatus status) {
  switch (status) {
    case UserStatus::kActive:
      return "active";
    case UserStatus::kDisabled:
      return "disabled";
    case UserStatus::kPendingApproval:
      return "pending_approval";
  }
  return "active";
}

UserStatus ParseStatus(std::string_view text) {
  if (text == "disabled") return UserStatus::kDisabled;
  if (text == "pending_approval") return UserStatus::kPendingApproval;
  return UserStatus::kActive;
}

const std::vector<std::string>& KnownScopes() {
  static const std::vector<std::string> kScopes = {
      "profile:read", "profile:write",  "workouts:read",   "workouts:write", "body:read",
      "body:write",   "nutrition:read", "nutrition:write", "social:read",    "social:write"};
  return kScopes;
}

}  // namespace vigor::features::accounts
