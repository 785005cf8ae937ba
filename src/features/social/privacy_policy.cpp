#include "features/social/privacy_policy.hpp"

namespace vigor::features::social {

namespace {

using platform::store::Statement;

// Both directions of blocking and the viewer's follow of the owner, in one statement.
constexpr Statement kRelation{
    "privacy.relation",
    "SELECT (SELECT COUNT(*) FROM blocks WHERE (user_id = $1 AND blocked_id = $2) "
    "OR (user_id = $2 AND blocked_id = $1)) AS blocks, "
    "(SELECT state FROM follows WHERE follower_id = $1 AND followee_id = $2) AS follow_state, "
    "(SELECT COUNT(*) FROM account_erasures WHERE user_id = $2) AS erasing"};
// An owner pending erasure, for an anonymous viewer.
constexpr Statement kErasing{"privacy.erasing",
                             "SELECT 1 AS erasing FROM account_erasures WHERE user_id = $1"};

constexpr Statement kHidden{"privacy.hidden",
                            "SELECT 1 AS hidden FROM hidden_content WHERE kind = $1 "
                            "AND owner_id = $2 AND item_id = $3"};

}  // namespace

core::privacy::Relation PrivacyPolicy::RelationOf(Session& s,
                                                  const std::optional<std::string>& viewer,
                                                  std::string_view owner_id) const {
  // An account pending erasure reads to everyone else as if it did not exist; kBlocked is the
  // relation that sees nothing of an owner (the SQL fragment treats it the same way).
  if (!viewer) {
    return s.QueryOne(kErasing, owner_id) ? Relation::kBlocked : Relation::kAnonymous;
  }
  if (*viewer == owner_id) return Relation::kOwner;
  auto row = s.QueryOne(kRelation, *viewer, owner_id);
  if (row && (row->Int("blocks") > 0 || row->Int("erasing") > 0)) return Relation::kBlocked;
  auto state = row ? row->OptText("follow_state") : std::nullopt;
  if (state == "approved") return Relation::kFollower;
  if (state == "pending") return Relation::kPendingFollower;
  return Relation::kStranger;
}

bool PrivacyPolicy::IsHidden(Session& s, std::string_view kind, std::string_view owner_id,
                             std::string_view item_id) const {
  return s.QueryOne(kHidden, kind, owner_id, item_id).has_value();
}

bool PrivacyPolicy::MaySee(Session& s, const std::optional<std::string>& viewer,
                           std::string_view owner_id, Visibility visibility, std::string_view kind,
                           std::string_view item_id) const {
  auto relation = RelationOf(s, viewer, owner_id);
  if (relation == Relation::kOwner) return true;
  return core::privacy::MaySee(relation, visibility, IsHidden(s, kind, owner_id, item_id));
}

}  // namespace vigor::features::social
