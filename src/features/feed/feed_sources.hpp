#pragma once

#include <functional>
#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::feed {

// What a workout's card shows, copied into the feed item when the workout is written (and again
// when it is edited), so a page of the feed reads no other feature's rows.
struct WorkoutSnapshot {
  std::string title;
  std::string kind;  // "strength" or "cardio"
  std::optional<std::string> sport;
  std::optional<double> distance_m;
  std::optional<double> duration_s;
  std::optional<double> volume_kg;  // strength: weight x reps of done sets
};

// The feed's narrow view of the workouts feature, connected in app/feature_links.cpp: the
// workout `workout_id` of `user_id`, started at `started_at` (RFC 3339 UTC as WorkoutFacts has
// it), read inside the caller's transaction; nullopt when it is not (or no longer) there.
using WorkoutSnapshotOf = std::function<std::optional<WorkoutSnapshot>(
    platform::store::Session&, const std::string& user_id, const std::string& workout_id,
    const std::string& started_at)>;

}  // namespace vigor::features::feed
