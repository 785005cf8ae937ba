#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/challenges/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::challenges {

// The SQL of challenges, their members, invites and entries. Challenges are shared by their
// members, so reads take the viewer (NULL for the anonymous) and answer only what the viewer may
// reach: a public challenge, or one the viewer made, joined or was invited to.
class ChallengeRepository {
 public:
  using Session = platform::store::Session;

  void Insert(Session& s, const Challenge& c);
  void Update(Session& s, const Challenge& c);
  void Delete(Session& s, const std::string& id);

  // The challenge when the viewer may reach it (see above); nullopt otherwise.
  std::optional<Challenge> FindVisible(Session& s, const std::optional<std::string>& viewer,
                                       const std::string& id);
  // For the viewer's page: members, the viewer's membership, invite and progress.
  struct ViewerState {
    std::int64_t member_count = 0;
    bool joined = false;
    bool invited = false;
    bool count_private = false;
    std::string joined_at;
    double progress = 0;
  };
  ViewerState StateOf(Session& s, const std::optional<std::string>& viewer, const std::string& id);

  struct ListQuery {
    std::string viewer;
    std::optional<std::string> status;  // "upcoming" | "active" | "ended"
    std::optional<std::string> club_id;
    bool mine = false;
    std::string now;  // RFC 3339 UTC
    std::optional<std::string> after_starts_at;
    std::optional<std::string> after_id;
    int limit = 50;
  };
  struct Listed {
    Challenge challenge;
    ViewerState state;
  };
  std::vector<Listed> List(Session& s, const ListQuery& q);

  // Members and invites.
  bool IsMember(Session& s, const std::string& id, const std::string& user_id);
  bool IsInvited(Session& s, const std::string& id, const std::string& user_id);
  // Joins or changes the choice; true when the user was not a member before.
  void UpsertMember(Session& s, const std::string& id, const std::string& user_id,
                    bool count_private, const std::string& now);
  // Removes the member and their entries; false when they were not one.
  bool DeleteMember(Session& s, const std::string& id, const std::string& user_id);
  std::vector<std::string> MemberIds(Session& s, const std::string& id);
  // True when the invite is new.
  bool Invite(Session& s, const std::string& id, const std::string& user_id,
              const std::string& invited_by, const std::string& now);

  // Entries.
  // The challenges the user is a member of, with what deciding whether a workout counts needs.
  std::vector<Challenge> ChallengesOfMember(Session& s, const std::string& user_id);
  void DeleteEntriesOfWorkout(Session& s, const std::string& user_id,
                              const std::string& workout_id);
  void DeleteEntriesOfChallenge(Session& s, const std::string& id);
  void InsertEntry(Session& s, const std::string& id, const std::string& user_id,
                   const std::string& workout_id, double value, const std::string& visibility);

  // The board as `viewer` may see it, highest first, at most `limit` rows: members blocked
  // either way with the viewer are left out; each member's value counts the entries the policy
  // lets the viewer see, private ones too where the member allowed it, all of the viewer's own.
  struct BoardEntry {
    std::string user_id;
    double value = 0;
  };
  std::vector<BoardEntry> Board(Session& s, const std::optional<std::string>& viewer,
                                const std::string& id, int limit);

  // Housekeeping: challenges over by `now` whose members were not told yet, oldest end first.
  std::vector<Challenge> EndedUnannounced(Session& s, const std::string& now, int limit);
  // True when this call marked it (so that only one instance tells the members).
  bool MarkAnnounced(Session& s, const std::string& id);
};

}  // namespace vigor::features::challenges
