#pragma once

#include <optional>
#include <string_view>

// Who may see what: the one rule every read path that can show one user's data to another goes
// through. features/social/privacy_sql.hpp is the same rule as an SQL fragment, for lists read
// straight from the database; a test checks the two agree on every combination.
namespace vigor::core::privacy {

// How widely an item (a workout, a record, a reached goal, a body entry) is shared.
enum class Visibility { kPrivate, kFollowers, kPublic };

std::string_view VisibilityName(Visibility visibility);  // "private", "followers", "public"
std::optional<Visibility> ParseVisibility(std::string_view text);

// What the viewer is to the item's owner. Staff roles (moderator, admin) are not relations:
// on every read path staff see what their relation lets them see, no more; reported content
// reaches moderators through the moderation queue only.
enum class Relation {
  kOwner,            // the viewer owns the item
  kFollower,         // an approved follower of the owner
  kPendingFollower,  // asked to follow, not yet approved: a stranger until then
  kStranger,         // signed in, neither of the above
  kBlocked,          // the owner blocked the viewer, or the viewer blocked the owner
  kAnonymous,        // not signed in
};

// The rule. `hidden_by_moderation`: a moderator hid the item; only its owner still sees it.
constexpr bool MaySee(Relation relation, Visibility visibility, bool hidden_by_moderation = false) {
  if (relation == Relation::kOwner) return true;
  if (hidden_by_moderation || relation == Relation::kBlocked) return false;
  switch (visibility) {
    case Visibility::kPublic:
      return true;
    case Visibility::kFollowers:
      return relation == Relation::kFollower;
    case Visibility::kPrivate:
      return false;
  }
  return false;
}

}  // namespace vigor::core::privacy
