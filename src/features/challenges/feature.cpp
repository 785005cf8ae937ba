#include "features/challenges/feature.hpp"

#include "features/challenges/routes.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::challenges {

ChallengesFeature::ChallengesFeature(platform::FeatureContext& context,
                                     social::SocialLookup& social,
                                     notifications::Notifier& notifier,
                                     workouts::WorkoutChangeObservers& changes,
                                     ChallengeService::Links links)
    : challenges_(context.database, context.rate_limiter, social, notifier, std::move(links)) {
  RegisterChallengeRoutes(context.router, challenges_);
  changes.Add([this](platform::store::Session& s, std::span<const workouts::WorkoutChange> batch) {
    challenges_.OnWorkoutChanges(s, batch);
  });
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("challenges_ended",
                           [this](platform::store::Session& s, TimePoint now, int limit) {
                             return challenges_.AnnounceEnded(s, now, limit);
                           });
}

}  // namespace vigor::features::challenges
