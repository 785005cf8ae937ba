#include "core/privacy.hpp"

namespace vigor::core::privacy {

std::string_view VisibilityName(Visibility visibility) {
  switch (visibility) {
    case Visibility::kPrivate:
      return "private";
    case Visibility::kFollowers:
      return "followers";
    case Visibility::kPublic:
      return "public";
  }
  return "private";
}

std::optional<Visibility> ParseVisibility(std::string_view text) {
  if (text == "private") return Visibility::kPrivate;
  if (text == "followers") return Visibility::kFollowers;
  if (text == "public") return Visibility::kPublic;
  return std::nullopt;
}

}  // namespace vigor::core::privacy
