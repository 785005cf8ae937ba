#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::social {

// How a user appears next to what they shared (a feed item, a comment, a leaderboard row).
struct UserCard {
  std::string user_id;
  std::string username;
  std::string display_name;  // the username until the user chooses one
  std::optional<std::string> avatar_url;
};

// A privacy zone with its centre opened (only the owner's reads and the track cutting see it).
struct PrivacyZone {
  std::string id;
  std::string name;
  double latitude = 0;
  double longitude = 0;
  double radius_m = 0;
};

// What other features ask of the social feature. The social graph's tables (follows, blocks,
// mutes, hidden_content: migration 0022) may be read in any feature's SQL, as the privacy
// fragment does; only the social feature (and moderation, for hidden_content) writes them.
class SocialLookup {
 public:
  using Session = platform::store::Session;
  using Visibility = core::privacy::Visibility;

  // The visibility a new item of the user's gets when its writer names none. `kind`: "workout",
  // "record", "goal" or "body"; `sport` (workouts): a per-sport default wins over the kind's.
  virtual Visibility DefaultVisibility(Session& s, std::string_view user_id, std::string_view kind,
                                       const std::optional<std::string>& sport) = 0;
  // The user's privacy zones (decrypted), oldest first.
  virtual std::vector<PrivacyZone> ZonesOf(Session& s, std::string_view user_id) = 0;
  // An active user's id by username (case as stored); nullopt for none.
  virtual std::optional<std::string> UserIdOf(Session& s, std::string_view username) = 0;
  // Cards for many users in one statement (ids not found are absent from the map).
  virtual std::map<std::string, UserCard> CardsOf(Session& s,
                                                  std::span<const std::string> user_ids) = 0;

 protected:
  ~SocialLookup() = default;
};

// A change in the social graph, reported inside the write's transaction to the features that keep
// something derived from it (the feed's inboxes): a follow approved (or made, when no approval is
// needed), a follow ended (unfollowed, removed by the followee, or ended by a block), a block.
struct GraphChange {
  enum class Kind { kFollowApproved, kFollowEnded, kBlocked };
  Kind kind;
  std::string from_user_id;  // the follower; the blocker
  std::string to_user_id;    // the followee; the blocked
};

class GraphChangeObservers {
 public:
  using Observer = std::function<void(platform::store::Session&, const GraphChange&)>;
  // Installation only.
  void Add(Observer observer) { observers_.push_back(std::move(observer)); }
  void Notify(platform::store::Session& s, const GraphChange& change) const {
    for (const auto& observer : observers_) observer(s, change);
  }

 private:
  std::vector<Observer> observers_;
};

}  // namespace vigor::features::social
