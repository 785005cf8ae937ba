#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/clubs/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::clubs {

// The SQL of clubs, their members and posts. Reads that show members or posts to a viewer take
// the viewer (nullopt: anonymous) and leave out, by the privacy fragment, users the viewer
// blocked or is blocked by, and posts a moderator hid.
class ClubRepository {
 public:
  using Session = platform::store::Session;
  using Viewer = std::optional<std::string>;

  void Insert(Session& s, const Club& club);
  std::optional<Club> Find(Session& s, const std::string& club_id);
  void Update(Session& s, const Club& club);
  void Delete(Session& s, const std::string& club_id);
  void SetOwner(Session& s, const std::string& club_id, const std::string& owner_id);
  void AddToMemberCount(Session& s, const std::string& club_id, int delta);
  // Public clubs and the viewer's own (any state), or only the viewer's own (`mine`), whose name
  // contains `query` (case-insensitive for ASCII letters); newest first, after `before_id`.
  // Each with the viewer's membership (owner cards are left to the service).
  std::vector<ClubView> List(Session& s, const Viewer& viewer, bool mine, const std::string& query,
                             const std::string& before_id, int limit);

  std::optional<Membership> MembershipOf(Session& s, const std::string& club_id,
                                         const std::string& user_id);
  void InsertMember(Session& s, const std::string& club_id, const Membership& membership);
  void SetRole(Session& s, const std::string& club_id, const std::string& user_id,
               const std::string& role);
  void Activate(Session& s, const std::string& club_id, const std::string& user_id,
                const std::string& at);
  void DeleteMember(Session& s, const std::string& club_id, const std::string& user_id);
  // Active members (state "active") or requests ("pending"), by user id, after `after_user_id`.
  std::vector<Membership> Members(Session& s, const std::string& club_id, const Viewer& viewer,
                                  const std::string& state, const std::string& after_user_id,
                                  int limit);
  // The owner and the admins: who hears about join requests.
  std::vector<std::string> AdminIds(Session& s, const std::string& club_id);

  void InsertPost(Session& s, const ClubPost& post);
  // A post that is not deleted.
  std::optional<ClubPost> FindPost(Session& s, const std::string& club_id,
                                   const std::string& post_id);
  // The same as the viewer may see it (not hidden by a moderator unless theirs, no block).
  std::optional<ClubPost> FindVisiblePost(Session& s, const Viewer& viewer,
                                          const std::string& post_id);
  void DeletePost(Session& s, const std::string& post_id, const std::string& at);
  std::vector<ClubPost> Posts(Session& s, const std::string& club_id, const Viewer& viewer,
                              const std::string& before_id, int limit);
};

}  // namespace vigor::features::clubs
