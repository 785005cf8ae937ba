#include "platform/auth/principal.hpp"

namespace vigor::platform::auth {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kUser:
      return "user";
    case Role::kModerator:
      return "moderator";
    case Role::kAdmin:
      return "admin";
  }
  return "user";
}

bool ParseRole(std::string_view text, Role& role) {
  for (Role r : {Role::kUser, Role::kModerator, Role::kAdmin}) {
    if (RoleName(r) == text) {
      role = r;
      return true;
    }
  }
  return false;
}

}  // namespace vigor::platform::auth
