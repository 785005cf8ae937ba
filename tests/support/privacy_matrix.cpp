#include "support/privacy_matrix.hpp"

#include <chrono>

#include "platform/store/database.hpp"
#include "platform/time.hpp"

namespace vigor::testing {

namespace {

using platform::store::Statement;

constexpr Statement kFollow{"test.privacy_world.follow",
                            "INSERT INTO follows (follower_id, followee_id, state, created_at, "
                            "approved_at) VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kBlock{"test.privacy_world.block",
                           "INSERT INTO blocks (user_id, blocked_id, created_at) "
                           "VALUES ($1, $2, $3)"};
constexpr Statement kMakeModerator{"test.privacy_world.moderator",
                                   "UPDATE users SET role = 'moderator' WHERE id = $1"};

}  // namespace

std::vector<ViewerKind> AllViewerKinds() {
  return {ViewerKind::kOwner,     ViewerKind::kFollower,       ViewerKind::kPendingFollower,
          ViewerKind::kStranger,  ViewerKind::kBlockedByOwner, ViewerKind::kBlockingOwner,
          ViewerKind::kAnonymous, ViewerKind::kModerator,      ViewerKind::kAdmin};
}

const char* ViewerKindName(ViewerKind viewer) {
  switch (viewer) {
    case ViewerKind::kOwner:
      return "owner";
    case ViewerKind::kFollower:
      return "follower";
    case ViewerKind::kPendingFollower:
      return "pending follower";
    case ViewerKind::kStranger:
      return "stranger";
    case ViewerKind::kBlockedByOwner:
      return "blocked by the owner";
    case ViewerKind::kBlockingOwner:
      return "blocking the owner";
    case ViewerKind::kAnonymous:
      return "anonymous";
    case ViewerKind::kModerator:
      return "moderator";
    case ViewerKind::kAdmin:
      return "admin";
  }
  return "?";
}

core::privacy::Relation RelationOf(ViewerKind viewer) {
  using core::privacy::Relation;
  switch (viewer) {
    case ViewerKind::kOwner:
      return Relation::kOwner;
    case ViewerKind::kFollower:
      return Relation::kFollower;
    case ViewerKind::kPendingFollower:
      return Relation::kPendingFollower;
    case ViewerKind::kBlockedByOwner:
    case ViewerKind::kBlockingOwner:
      return Relation::kBlocked;
    case ViewerKind::kAnonymous:
      return Relation::kAnonymous;
    case ViewerKind::kStranger:
    case ViewerKind::kModerator:
    case ViewerKind::kAdmin:
      return Relation::kStranger;
  }
  return Relation::kAnonymous;
}

PrivacyWorld::PrivacyWorld() {
  const std::map<ViewerKind, std::string> names = {
      {ViewerKind::kOwner, kOwnerName},         {ViewerKind::kFollower, "follower"},
      {ViewerKind::kPendingFollower, "asker"},  {ViewerKind::kStranger, "stranger"},
      {ViewerKind::kBlockedByOwner, "blocked"}, {ViewerKind::kBlockingOwner, "blocker"},
      {ViewerKind::kModerator, "moderator"},    {ViewerKind::kAdmin, "boss"}};
  for (const auto& [kind, name] : names) {
    user_ids_[kind] = h_.CreateUser(name, /*admin=*/kind == ViewerKind::kAdmin);
  }
  owner_id_ = user_ids_.at(ViewerKind::kOwner);
  auto now = platform::FormatRfc3339(std::chrono::system_clock::now());
  h_.app().database->Write([&](platform::store::Session& s) {
    s.Execute(kFollow, user_ids_.at(ViewerKind::kFollower), owner_id_, "approved", now, now);
    s.Execute(kFollow, user_ids_.at(ViewerKind::kPendingFollower), owner_id_, "pending", now,
              nullptr);
    s.Execute(kBlock, owner_id_, user_ids_.at(ViewerKind::kBlockedByOwner), now);
    s.Execute(kBlock, user_ids_.at(ViewerKind::kBlockingOwner), owner_id_, now);
    s.Execute(kMakeModerator, user_ids_.at(ViewerKind::kModerator));
  });
  for (const auto& [kind, name] : names) h_.SignIn(browsers_[kind], name);
  browsers_[ViewerKind::kAnonymous] = Browser{};
}

std::vector<PrivacyReadPath>& PrivacyReadPaths() {
  static std::vector<PrivacyReadPath> paths;
  return paths;
}

}  // namespace vigor::testing
