#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>

#include "features/challenges/challenge_repository.hpp"
#include "features/challenges/links.hpp"
#include "features/challenges/model.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/social_lookup.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/auth/principal.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::challenges {

// The rules of challenges: who may see, edit, join and invite; which workouts count and for how
// much; the board as each viewer may see it. An invite-only challenge is not found for anyone
// who is neither its creator, a member nor invited; a public one for anyone blocked with its
// creator.
class ChallengeService {
 public:
  using Principal = platform::auth::Principal;
  using Session = platform::store::Session;

  struct Links {
    WorkoutSource workouts;
    ClubMembership club_member;     // unset: no club challenges
    ClubAdministration club_admin;  // unset: nobody creates club challenges
  };

  ChallengeService(platform::store::Database& database, platform::ratelimit::RateLimiter& limiter,
                   social::SocialLookup& social, notifications::Notifier& notifier, Links links);

  ChallengeView Create(const Principal& principal, const ChallengeInput& input);
  // `viewer`: nullopt for the anonymous (public challenges only).
  ChallengeView Get(const std::optional<std::string>& viewer, const std::string& id);
  ChallengePage List(const Principal& principal, const ChallengeFilter& filter,
                     const std::optional<std::string>& cursor, int limit);
  // The creator only (kForbidden for others who can see it). A change of what counts (metric,
  // sport, dates, zone) counts every member's workouts again.
  ChallengeView Update(const Principal& principal, const std::string& id,
                       const ChallengePatch& patch);
  void Delete(const Principal& principal, const std::string& id);

  // Joins (or changes the private-workouts choice of a member); the member's workouts already
  // logged in the challenge's days count at once.
  Membership Join(const Principal& principal, const std::string& id, bool count_private);
  void Leave(const Principal& principal, const std::string& id);
  // A member (or the creator) invites a user by username; true when the invite is new (the
  // user is told). A user not found, or blocked either way with the inviter, is kNotFound.
  bool Invite(const Principal& principal, const std::string& id, const std::string& username);

  Leaderboard Board(const std::optional<std::string>& viewer, const std::string& id, int limit);

  // The workouts observer: keeps the members' entries in the write's transaction.
  void OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes);
  // Housekeeping: tells the members of challenges that ended, once; at most `limit`.
  std::int64_t AnnounceEnded(Session& s, std::chrono::system_clock::time_point now, int limit);

  // Whether a workout that started at `started_at` (RFC 3339 UTC) of `sport` counts.
  static bool Counts(const Challenge& c, const std::string& started_at,
                     const std::optional<std::string>& sport);
  static double ValueOf(Metric metric, const WorkoutFigures& figures);

 private:
  Challenge Reachable(Session& s, const std::optional<std::string>& viewer, const std::string& id);
  ChallengeView ViewOf(Session& s, const std::optional<std::string>& viewer, Challenge c);
  void Backfill(Session& s, const Challenge& c, const std::string& user_id);
  // Fills starts_at/ends_at from the local dates and the zone; throws field errors.
  static void Schedule(Challenge& c, core::Day starts_on, core::Day ends_on);

  platform::store::Database& database_;
  platform::ratelimit::RateLimiter& limiter_;
  social::SocialLookup& social_;
  notifications::Notifier& notifier_;
  Links links_;
  ChallengeRepository repo_;
};

}  // namespace vigor::features::challenges
