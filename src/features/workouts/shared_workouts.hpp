#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "core/track.hpp"
#include "features/social/privacy_policy.hpp"
#include "features/social/social_lookup.hpp"
#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/model.hpp"
#include "features/workouts/workout_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// The stored track of a user's workout, decoded, inside the caller's transaction; nullopt when it
// has none (the imports feature answers; app/build_app.cpp wires it in).
using TrackSource = std::function<std::optional<core::Track>(
    platform::store::Session&, const std::string& user_id, const std::string& workout_id)>;

// One user's workouts as another user (or nobody signed in) sees them: only those the privacy
// policy lets the viewer see (the SQL fragment for the list, PrivacyPolicy::MaySee for one), the
// details the owner hides left out, and the track cut by the owner's privacy zones. An owner
// looking at their own sees everything. What the viewer may not see, a blocked viewer, an
// unknown user: all "not found", exactly as a workout that does not exist.
class SharedWorkoutService {
 public:
  using Viewer = std::optional<platform::auth::Principal>;

  SharedWorkoutService(platform::store::Database& database, social::SocialLookup& social,
                       const social::PrivacyPolicy& policy, ExerciseLookup exercises)
      : database_(database), social_(social), policy_(policy), exercises_(std::move(exercises)) {}

  // Installation: where tracks come from (imports are installed after workouts).
  void SetTrackSource(TrackSource tracks) { tracks_ = std::move(tracks); }

  // {items, next_cursor}: a summary per workout, newest first.
  boost::json::object List(const Viewer& viewer, const std::string& username,
                           const std::string& cursor, int limit);
  // The workout as the viewer may see it, with `has_map` (whether Track answers).
  boost::json::object Get(const Viewer& viewer, const std::string& username, const std::string& id);
  // The track's points outside the owner's zones (all of them for the owner).
  boost::json::object Track(const Viewer& viewer, const std::string& username,
                            const std::string& id);
  // The same points as GPX 1.1; `title` receives the workout's title.
  std::string Gpx(const Viewer& viewer, const std::string& username, const std::string& id,
                  std::string& title);

  // For reports (moderation): the workout as `viewer_id` sees it, or nullopt.
  std::optional<Workout> VisibleWorkout(platform::store::Session& s, const std::string& viewer_id,
                                        const std::string& username, const std::string& id);

 private:
  using Session = platform::store::Session;
  struct Found {
    Workout workout;
    bool owner = false;
  };
  // The workout, when the viewer may see it; throws kNotFound otherwise.
  Found Require(Session& s, const Viewer& viewer, const std::string& username,
                const std::string& id);
  std::optional<Found> Find(Session& s, const std::optional<std::string>& viewer_id,
                            const std::string& username, const std::string& id);
  // The track as the viewer may see it: nullopt when there is none, or the map is hidden, or
  // nothing with a position is left once the zones are cut.
  std::optional<core::Track> VisibleTrack(Session& s, const Found& found);

  platform::store::Database& database_;
  social::SocialLookup& social_;
  const social::PrivacyPolicy& policy_;
  ExerciseLookup exercises_;
  TrackSource tracks_;
  WorkoutRepository workouts_;
};

// The workout as others see it, the hidden details left out (see kHiddenDetailNames): pure, so
// that the rules can be tested without a database. `has_map` says whether a track is given.
boost::json::object EncodeWorkoutForOthers(
    const Workout& workout, bool has_map,
    const std::unordered_map<std::string, std::string>& exercise_names);
// The local date (YYYY-MM-DD) a workout started on, in its own zone (UTC without one).
std::string LocalDateOf(const std::string& started_at, const std::optional<std::string>& zone);

}  // namespace vigor::features::workouts
