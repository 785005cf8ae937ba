#pragma once

#include <optional>
#include <string>

#include "core/token_bucket.hpp"
#include "features/clubs/club_repository.hpp"
#include "features/clubs/model.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/social_lookup.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::clubs {

struct ClubRateLimits {
  core::BucketRule creates;
  core::BucketRule joins;
  core::BucketRule posts;
};
ClubRateLimits DefaultClubRateLimits();

// The rules of clubs. Anyone (the anonymous too) sees a club's name, description and member
// count; a public club's members and posts are for everyone, a private club's for its active
// members only (to anyone else they are as missing: 404). Members and posts of users the viewer
// blocked or is blocked by are left out, and so are posts a moderator hid (but for their author).
// Roles: the owner (one; edits, deletes the club, makes admins, passes ownership), admins (edit,
// approve requests, remove members and posts) and members (post). `viewer` is nullopt for the
// anonymous; every id a client names that does not exist, or that the viewer may not see, is a
// 404.
class ClubService {
 public:
  using Viewer = std::optional<std::string>;

  ClubService(platform::store::Database& database, platform::ratelimit::RateLimiter& limiter,
              notifications::Notifier& notifier, social::SocialLookup& people,
              ClubRateLimits limits = DefaultClubRateLimits());

  ClubPage List(const Viewer& viewer, bool mine, const std::string& query,
                const std::string& cursor, int limit);
  ClubView Create(const std::string& user_id, const ClubInput& input);
  ClubView Get(const Viewer& viewer, const std::string& club_id);
  ClubView Update(const std::string& user_id, const std::string& club_id, const ClubInput& patch);
  void Delete(const std::string& user_id, const std::string& club_id);

  // Joining a public club makes an active member at once; a private club's join is a request
  // its admins hear about. Joining again changes nothing.
  ClubView Join(const std::string& user_id, const std::string& club_id);
  // Leaves, or withdraws a request. The owner must pass ownership first.
  void Leave(const std::string& user_id, const std::string& club_id);

  MemberPage Members(const Viewer& viewer, const std::string& club_id, const std::string& cursor,
                     int limit);
  MemberPage Requests(const std::string& user_id, const std::string& club_id,
                      const std::string& cursor, int limit);
  MemberView Approve(const std::string& user_id, const std::string& club_id,
                     const std::string& username);
  void Decline(const std::string& user_id, const std::string& club_id, const std::string& username);
  // The owner makes a member an admin or a member again, or passes ownership ("owner": the
  // owner becomes an admin).
  MemberView SetRole(const std::string& user_id, const std::string& club_id,
                     const std::string& username, const std::string& role);
  // Admins remove members; only the owner removes admins; nobody removes the owner.
  void RemoveMember(const std::string& user_id, const std::string& club_id,
                    const std::string& username);

  PostPage Posts(const Viewer& viewer, const std::string& club_id, const std::string& cursor,
                 int limit);
  PostView CreatePost(const std::string& user_id, const std::string& club_id,
                      const std::string& body);
  void DeletePost(const std::string& user_id, const std::string& club_id,
                  const std::string& post_id);

  // For ReportableKinds "club" and "club_post": the item as the viewer sees it.
  std::optional<moderation::ReportedContent> ReportedClub(platform::store::Session& s,
                                                          const std::string& viewer_id,
                                                          std::string_view club_id);
  std::optional<moderation::ReportedContent> ReportedPost(platform::store::Session& s,
                                                          const std::string& viewer_id,
                                                          std::string_view post_id);

  // For other features (challenges), inside the caller's transaction: whether the user is an
  // active member of the club (a pending request is not), and whether an active admin or owner.
  // A club that does not exist has no members.
  bool IsActiveMember(platform::store::Session& s, const std::string& club_id,
                      const std::string& user_id);
  bool IsAdminOrOwner(platform::store::Session& s, const std::string& club_id,
                      const std::string& user_id);

 private:
  using Session = platform::store::Session;
  Club FindClub(Session& s, const std::string& club_id);
  // Whether the viewer may read the club's members and posts.
  bool MayRead(Session& s, const Club& club, const Viewer& viewer);
  // The caller's active membership with at least admin rights; 404 for a club the caller may not
  // read, 403 otherwise.
  Membership RequireAdmin(Session& s, const Club& club, const std::string& user_id);
  std::string UserIdOf(Session& s, const std::string& username);
  ClubView ViewOf(Session& s, Club club, const Viewer& viewer);
  std::vector<MemberView> MemberViews(Session& s, std::vector<Membership> members);

  platform::store::Database& database_;
  platform::ratelimit::RateLimiter& limiter_;
  notifications::Notifier& notifier_;
  social::SocialLookup& people_;
  ClubRateLimits limits_;
  ClubRepository repo_;
};

}  // namespace vigor::features::clubs
