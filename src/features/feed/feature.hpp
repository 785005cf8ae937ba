#pragma once

#include "features/feed/feed_service.hpp"
#include "features/goals/goal_reached.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/records/record_changes.hpp"
#include "features/social/feature.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/feature.hpp"

namespace vigor::features::feed {

// The community feed: items from workouts, records and reached goals (kept by observing their
// writes), fanned out to followers' inboxes (kept by observing the social graph), kudos,
// comments with @mentions and markdown-lite. Installed after records and goals, so its workout
// observer runs after the records' (it caps the new records' visibility by their workout's).
class FeedFeature final : public platform::Feature {
 public:
  struct Links {
    social::SocialFeature& social;
    workouts::WorkoutChangeObservers& workout_changes;
    records::RecordObservers& record_changes;
    goals::GoalReachedObservers& goals_reached;
    notifications::Notifier& notifier;
    moderation::ReportableKinds& reportable;
    WorkoutSnapshotOf workout_snapshot;
  };
  FeedFeature(platform::FeatureContext& context, Links links);

  FeedService& service() { return feed_; }

 private:
  FeedService feed_;
};

}  // namespace vigor::features::feed
