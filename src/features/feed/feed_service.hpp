#pragma once

#include <optional>
#include <span>
#include <string>

#include "features/feed/feed_repository.hpp"
#include "features/feed/feed_sources.hpp"
#include "features/feed/model.hpp"
#include "features/goals/goal_reached.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/records/record_changes.hpp"
#include "features/social/privacy_policy.hpp"
#include "features/social/social_lookup.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/auth/principal.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::feed {

// The feed's rules. Items are kept by observers of the workouts', records' and goals' writes (in
// their transactions) and fanned out on write to the inboxes of the owner and their approved
// followers; the social graph's changes backfill or empty inboxes. Reads apply the privacy
// policy again (visibility may have narrowed since an item was fanned out) and leave out muted
// users. An item or comment the viewer may not see is "not found", never "forbidden".
class FeedService {
 public:
  using Session = platform::store::Session;
  using Principal = platform::auth::Principal;

  struct Dependencies {
    platform::store::Database& database;
    const social::PrivacyPolicy& policy;
    social::SocialLookup& lookup;
    notifications::Notifier& notifier;
    platform::ratelimit::RateLimiter& limiter;
    WorkoutSnapshotOf workout_snapshot;
  };
  explicit FeedService(Dependencies d) : d_(std::move(d)) {}

  // ---- observers --------------------------------------------------------------------------------
  void OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes);
  void OnRecordsRecomputed(Session& s, const records::RecordsRecomputed& change);
  void OnGoalReached(Session& s, const goals::GoalReached& reached);
  void OnGraphChange(Session& s, const social::GraphChange& change);
  // The resolver of the "comment" kind of ReportableKinds.
  std::optional<moderation::ReportedContent> ReportedComment(Session& s,
                                                             const std::string& viewer_id,
                                                             std::string_view comment_id);

  // ---- reads and writes of the API ------------------------------------------------------------
  FeedPage Page(const Principal& viewer, const std::string& cursor, int limit);
  FeedPage Item(const Principal& viewer, const std::string& item_id);  // one item, or kNotFound

  KudosState GiveKudos(const Principal& viewer, const std::string& item_id);
  void TakeKudos(const Principal& viewer, const std::string& item_id);
  KudosPage Givers(const Principal& viewer, const std::string& item_id, const std::string& cursor,
                   int limit);

  CommentPage Comments(const Principal& viewer, const std::string& item_id,
                       const std::string& cursor, int limit);
  CommentPage AddComment(const Principal& viewer, const std::string& item_id,
                         const std::string& body);
  CommentPage EditComment(const Principal& viewer, const std::string& comment_id,
                          const std::string& body);
  void DeleteComment(const Principal& viewer, const std::string& comment_id);

  // The @usernames of a comment, in order, without repeats (at most `limit`).
  static std::vector<std::string> MentionsOf(std::string_view body, int limit);
  static std::string EncodeCursor(const FeedCursor& cursor);
  static std::optional<FeedCursor> DecodeCursor(const std::string& text);

 private:
  // The item if the viewer may see it.
  std::optional<FeedItem> Visible(Session& s, const std::string& viewer_id,
                                  const std::string& item_id);
  FeedItem VisibleOrNotFound(Session& s, const std::string& viewer_id, const std::string& item_id);
  // The item as the owner keeps it in the table (the visibility its workout gives records).
  std::string WorkoutVisibility(Session& s, const std::string& owner_id,
                                const std::string& workout_id, const std::string& fallback);
  void Notify(Session& s, const std::string& recipient, const std::string& kind,
              const std::string& actor, const std::string& subject_kind,
              const std::string& subject_owner, const std::string& subject_id,
              const std::string& excerpt);

  Dependencies d_;
  FeedRepository repo_;
};

}  // namespace vigor::features::feed
