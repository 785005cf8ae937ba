#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/social/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::social {

// The SQL of profiles, follows, blocks, mutes, privacy settings and zones. Every list that shows
// one user's connections to another leaves out users blocked either way with the viewer
// (VIGOR_PRIVACY_NOT_BLOCKED).
class SocialRepository {
 public:
  using Session = platform::store::Session;

  struct UserRef {
    std::string id;
    std::string username;
  };
  std::optional<UserRef> FindActiveUser(Session& s, std::string_view username);

  // ---- profiles ----
  MyProfile LoadProfile(Session& s, const std::string& user_id);
  void SaveProfile(Session& s, const std::string& user_id, const ProfileInput& input,
                   const std::string& display_key, const std::string& now);
  void SetAvatar(Session& s, const std::string& user_id, std::string bytes, const std::string& etag,
                 const std::string& now);
  bool ClearAvatar(Session& s, const std::string& user_id, const std::string& now);
  struct Avatar {
    std::string bytes;
    std::string etag;
  };
  std::optional<Avatar> LoadAvatar(Session& s, const std::string& user_id);
  std::int64_t CountFollowers(Session& s, const std::string& user_id);
  std::int64_t CountFollowing(Session& s, const std::string& user_id);

  // ---- settings ----
  PrivacySettings LoadSettings(Session& s, const std::string& user_id);
  void SaveSettings(Session& s, const std::string& user_id, const PrivacySettings& settings,
                    const std::string& now);

  // ---- follows ----
  std::optional<FollowState> FollowStateOf(Session& s, const std::string& follower,
                                           const std::string& followee);
  void InsertFollow(Session& s, const std::string& follower, const std::string& followee,
                    FollowState state, const std::string& now);
  bool ApproveFollow(Session& s, const std::string& follower, const std::string& followee,
                     const std::string& now);
  // The state the removed follow had; nullopt when there was none.
  std::optional<FollowState> DeleteFollow(Session& s, const std::string& follower,
                                          const std::string& followee);
  // `state`: "approved" or "pending". `viewer` (may be empty: anonymous) filters out users
  // blocked either way with the viewer.
  PersonPage Followers(Session& s, const std::string& user_id, std::string_view state,
                       const std::optional<std::string>& viewer, const std::string& cursor,
                       int limit);
  PersonPage Following(Session& s, const std::string& user_id,
                       const std::optional<std::string>& viewer, const std::string& cursor,
                       int limit);

  // ---- blocks and mutes ----
  bool BlockedEitherWay(Session& s, const std::string& a, const std::string& b);
  bool Blocks(Session& s, const std::string& user_id, const std::string& other);
  bool InsertBlock(Session& s, const std::string& user_id, const std::string& other,
                   const std::string& now);
  bool DeleteBlock(Session& s, const std::string& user_id, const std::string& other);
  bool Mutes(Session& s, const std::string& user_id, const std::string& other);
  bool InsertMute(Session& s, const std::string& user_id, const std::string& other,
                  const std::string& now);
  bool DeleteMute(Session& s, const std::string& user_id, const std::string& other);
  PersonPage BlockList(Session& s, const std::string& user_id, const std::string& cursor,
                       int limit);
  PersonPage MuteList(Session& s, const std::string& user_id, const std::string& cursor, int limit);

  // ---- directory ----
  // `folded_query`: core::SearchKey of the query (letters, digits, single spaces).
  PersonPage Directory(Session& s, const std::optional<std::string>& viewer,
                       const std::string& folded_query, const std::string& cursor, int limit);

  // ---- zones ----
  std::int64_t CountZones(Session& s, const std::string& user_id);
  void InsertZone(Session& s, const std::string& user_id, const std::string& id,
                  const std::string& name, const std::string& sealed_center, double radius_m,
                  const std::string& now);
  bool UpdateZone(Session& s, const std::string& user_id, const std::string& id,
                  const std::string& name, const std::string& sealed_center, double radius_m);
  bool DeleteZone(Session& s, const std::string& user_id, const std::string& id);
};

std::string EncodePersonCursor(const PersonRow& last);

}  // namespace vigor::features::social
