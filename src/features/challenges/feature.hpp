#pragma once

#include "features/challenges/challenge_service.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/social_lookup.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/feature.hpp"

namespace vigor::features::challenges {

// Challenges: /api/v1/challenges... Adds the workout observer that keeps the members' entries
// (install after workouts) and the housekeeping task that tells members a challenge ended.
class ChallengesFeature final : public platform::Feature {
 public:
  ChallengesFeature(platform::FeatureContext& context, social::SocialLookup& social,
                    notifications::Notifier& notifier, workouts::WorkoutChangeObservers& changes,
                    ChallengeService::Links links);

  ChallengeService& service() { return challenges_; }

 private:
  ChallengeService challenges_;
};

}  // namespace vigor::features::challenges
