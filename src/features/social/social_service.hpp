#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/notifications/notifier.hpp"
#include "features/social/model.hpp"
#include "features/social/privacy_policy.hpp"
#include "features/social/profile_stats.hpp"
#include "features/social/social_lookup.hpp"
#include "features/social/social_repository.hpp"
#include "platform/auth/principal.hpp"

namespace vigor::platform::crypto {
class SecretBox;
}
namespace vigor::platform::ratelimit {
class RateLimiter;
}

namespace vigor::features::social {

// People and privacy settings: profiles and avatars, follows (with approval), blocks, mutes, the
// directory, sharing defaults and privacy zones. Every user named by username that is unknown,
// inactive or blocked either way with the caller is "not found" (404), never "forbidden".
class SocialService {
 public:
  using Principal = platform::auth::Principal;
  using Session = platform::store::Session;
  using Viewer = std::optional<std::string>;  // the caller's user id; nullopt: anonymous

  struct Dependencies {
    platform::store::Database& database;
    const PrivacyPolicy& policy;
    SocialLookup& lookup;
    GraphChangeObservers& graph_changes;
    notifications::Notifier& notifier;
    platform::ratelimit::RateLimiter& limiter;
    const platform::crypto::SecretBox& secrets;
  };
  explicit SocialService(Dependencies d) : d_(d) {}

  // Connected once the stats feature is installed (app/build_app.cpp).
  void ConnectStats(ProfileStatsSource stats) { stats_ = std::move(stats); }

  // ---- profiles ----
  MyProfile MyProfileOf(const std::string& user_id);
  MyProfile SaveProfile(const std::string& user_id, const ProfileInput& input,
                        std::optional<Visibility> stats_visibility);
  ProfileView ViewProfile(const Viewer& viewer, std::string_view username);
  // Decodes, crops, scales and re-encodes the upload; throws a validation error (422) for
  // anything that is not a sound PNG or JPEG within the limits.
  MyProfile SetAvatar(const std::string& user_id, std::string_view upload);
  void DeleteAvatar(const std::string& user_id);
  struct AvatarImage {
    std::string jpeg;
    std::string etag;
  };
  AvatarImage AvatarOf(const Viewer& viewer, std::string_view username);

  // ---- follows ----
  FollowState Follow(const Principal& me, std::string_view username);
  void Unfollow(const Principal& me, std::string_view username);
  PersonPage Followers(const Viewer& viewer, std::string_view username, const std::string& cursor,
                       int limit);
  PersonPage Following(const Viewer& viewer, std::string_view username, const std::string& cursor,
                       int limit);
  PersonPage FollowRequests(const std::string& me, const std::string& cursor, int limit);
  void ApproveRequest(const std::string& me, std::string_view username);
  void DeclineRequest(const std::string& me, std::string_view username);
  void RemoveFollower(const std::string& me, std::string_view username);

  // ---- blocks, mutes ----
  void Block(const std::string& me, std::string_view username);
  void Unblock(const std::string& me, std::string_view username);
  void Mute(const std::string& me, std::string_view username);
  void Unmute(const std::string& me, std::string_view username);
  PersonPage Blocks(const std::string& me, const std::string& cursor, int limit);
  PersonPage Mutes(const std::string& me, const std::string& cursor, int limit);

  // ---- directory ----
  PersonPage Directory(const Viewer& viewer, std::string_view query, const std::string& cursor,
                       int limit);

  // ---- privacy settings and zones ----
  PrivacySettings Settings(const std::string& me);
  PrivacySettings SaveSettings(const std::string& me, const PrivacySettings& settings);
  std::vector<PrivacyZone> Zones(const std::string& me);
  PrivacyZone CreateZone(const std::string& me, const ZoneInput& input);
  PrivacyZone ReplaceZone(const std::string& me, const std::string& id, const ZoneInput& input);
  void DeleteZone(const std::string& me, const std::string& id);

  // For moderation's ReportableKinds ("user"): the excerpt of a profile the viewer may see.
  std::optional<std::string> ReportExcerpt(Session& s, const std::string& viewer_id,
                                           std::string_view username, std::string* owner_id);

  // The avatar's URL for a user with this avatar ETag (cards, profiles).
  static std::string AvatarUrl(std::string_view username, std::string_view etag);

 private:
  // The user named `username` as the viewer may address them: unknown, inactive and blocked
  // either way are all "not found".
  SocialRepository::UserRef Addressable(Session& s, const Viewer& viewer,
                                        std::string_view username);
  void EndFollow(Session& s, const std::string& follower, const std::string& followee);

  Dependencies d_;
  SocialRepository repo_;
  ProfileStatsSource stats_;
};

}  // namespace vigor::features::social
