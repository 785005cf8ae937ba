#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/feed/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::feed {

// The feed's SQL: items, inboxes, kudos and comments. Writes of items take their owner; reads
// for a viewer take the viewer and apply the privacy fragment (features/social/privacy_sql.hpp).
class FeedRepository {
 public:
  using Session = platform::store::Session;

  // ---- items (written by the observers of workouts, records and goals) ----------------------
  struct StoredItem {
    std::string id;
    std::string subject;
    std::string occurred_at;
    std::string visibility;
  };
  struct NewItem {
    std::string owner_id;
    std::string kind;
    std::string subject;
    std::optional<std::string> workout_id;
    std::optional<std::string> series;
    std::string occurred_at;
    std::string base_visibility;
    std::string visibility;
    std::string summary;
  };
  std::optional<StoredItem> FindBySubject(Session& s, const std::string& owner_id,
                                          const std::string& kind, const std::string& subject);
  // Inserts the item and fans it out to the owner's inbox and every approved follower's.
  std::string Insert(Session& s, const NewItem& item);
  void Update(Session& s, const std::string& owner_id, const std::string& item_id,
              const NewItem& item);
  void Delete(Session& s, const std::string& owner_id, const std::string& item_id);
  // Record items of a series from `from` on.
  std::vector<StoredItem> RecordsOfSeries(Session& s, const std::string& owner_id,
                                          const std::string& series, const std::string& from);
  // The record items of a workout get the lesser of their base visibility and `visibility`.
  void CapRecordsOfWorkout(Session& s, const std::string& owner_id, const std::string& workout_id,
                           const std::string& visibility);

  // ---- inboxes (the social graph's changes) ---------------------------------------------------
  // The followee's newest `limit` items into the follower's inbox.
  void Backfill(Session& s, const std::string& follower_id, const std::string& followee_id,
                int limit);
  void RemoveFromInbox(Session& s, const std::string& viewer_id, const std::string& owner_id);

  // ---- reads for a viewer ---------------------------------------------------------------------
  // The viewer's feed, newest first, after `after` (exclusive), at most `limit`: one statement.
  std::vector<FeedItem> Page(Session& s, const std::string& viewer_id,
                             const std::optional<FeedCursor>& after, int limit);
  // One item by id, with the viewer's counts; the caller applies the policy.
  std::optional<FeedItem> Find(Session& s, const std::string& viewer_id,
                               const std::string& item_id);

  // ---- kudos --------------------------------------------------------------------------------
  bool GiveKudos(Session& s, const std::string& item_id, const std::string& user_id);
  void TakeKudos(Session& s, const std::string& item_id, const std::string& user_id);
  KudosState KudosOf(Session& s, const std::string& item_id, const std::string& user_id);
  struct Giver {
    std::string user_id;
    std::string created_at;
  };
  // Givers the viewer is not blocked with, newest first.
  std::vector<Giver> Givers(Session& s, const std::string& viewer_id, const std::string& item_id,
                            const std::optional<FeedCursor>& after, int limit);

  // ---- comments -------------------------------------------------------------------------------
  void InsertComment(Session& s, const Comment& comment);
  // Comments of the item the viewer may see (hidden ones only to their author), oldest first.
  std::vector<Comment> Comments(Session& s, const std::string& viewer_id,
                                const std::string& item_id, const std::optional<FeedCursor>& after,
                                int limit);
  // One comment the viewer may see, by id.
  std::optional<Comment> FindComment(Session& s, const std::string& viewer_id,
                                     const std::string& comment_id);
  void UpdateComment(Session& s, const std::string& author_id, const std::string& comment_id,
                     const std::string& body, const std::string& now);
  void DeleteComment(Session& s, const std::string& item_id, const std::string& comment_id);
};

}  // namespace vigor::features::feed
