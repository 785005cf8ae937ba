#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/track.hpp"
#include "platform/store/database.hpp"

// What records need to know about the training log, its tracks and exercises. The workouts,
// imports and exercises features answer; the composition root connects them
// (app/feature_links.cpp), so this feature depends on none of their repositories. Every function
// runs inside the caller's transaction.
namespace vigor::features::records {

using Session = platform::store::Session;

// A set of one exercise, with when its workout was.
struct LoggedSet {
  std::string workout_id;
  std::string started_at;
  std::optional<std::string> time_zone;  // the workout's
  bool warmup = false;
  std::optional<std::int64_t> reps;
  std::optional<double> weight_kg;
  bool done = true;
};

// A cardio workout's summary.
struct LoggedCardio {
  std::string workout_id;
  std::string started_at;
  std::optional<double> distance_m;
  std::optional<double> duration_s;
  std::optional<double> elevation_gain_m;
};

// The sets of an exercise in the user's live workouts that started in [from, to) (to nullopt:
// no end), in time order (started_at, workout id, block and set order).
using ExerciseSets = std::function<std::vector<LoggedSet>(
    Session&, const std::string& user_id, const std::string& exercise_id, const std::string& from,
    const std::optional<std::string>& to)>;
// The user's live cardio workouts of a sport that started at or after `from`, in time order.
using SportWorkouts = std::function<std::vector<LoggedCardio>(
    Session&, const std::string& user_id, const std::string& sport, const std::string& from)>;
// Whether the user has a live workout of that id.
using WorkoutExists =
    std::function<bool(Session&, const std::string& user_id, const std::string& workout_id)>;
// The decoded track of the user's live workout; nullopt when it has none.
using TrackSource = std::function<std::optional<core::Track>(Session&, const std::string& user_id,
                                                             const std::string& workout_id)>;
// Whether `exercise_id` is an exercise the user may log (the catalogue's or their own).
using ExerciseExists =
    std::function<bool(Session&, const std::string& user_id, const std::string& exercise_id)>;

struct WorkoutLog {
  ExerciseSets sets;
  SportWorkouts cardio;
  WorkoutExists workout_exists;
  TrackSource track;
  ExerciseExists exercise_exists;
};

}  // namespace vigor::features::records
