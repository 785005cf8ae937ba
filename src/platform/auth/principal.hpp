#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::platform::auth {

enum class Role { kUser, kModerator, kAdmin };

std::string_view RoleName(Role role);
bool ParseRole(std::string_view text, Role& role);

// Who is calling, as established by the authentication middleware.
struct Principal {
  enum class Via { kSession, kToken };

  std::string user_id;
  std::string username;
  Role role = Role::kUser;
  Via via = Via::kSession;
  std::string credential_id;        // the session's or the token's id
  std::vector<std::string> scopes;  // for tokens; a session may do everything its role allows
  std::string locale = "en";        // the profile's language: what the server's messages use
  // A browser session of a suspended user: the end of the suspension (RFC 3339). Such a session
  // reaches only the few routes that let the user read the decision and appeal; the auth
  // middleware refuses every other one. Tokens of a suspended user are refused outright.
  std::optional<std::string> suspended_until;

  bool HasScope(std::string_view scope) const {
    return via == Via::kSession || scope.empty() ||
           std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
  }
  bool IsAdmin() const { return role == Role::kAdmin; }
};

}  // namespace vigor::platform::auth
