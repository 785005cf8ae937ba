#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

// What challenges need of other features, as narrow functions the app connects
// (app/feature_links.*): challenges never read another feature's tables.
namespace vigor::features::challenges {

// One workout's figures in every metric a challenge can count: SI units, 0 where the workout
// has none (a strength session has no distance).
struct WorkoutFigures {
  std::string workout_id;
  std::string started_at;  // RFC 3339 UTC
  std::optional<std::string> sport;
  std::string visibility = "private";  // as the workout has it (core/privacy.hpp names)
  double distance_m = 0;
  double time_s = 0;     // moving time where known, else elapsed
  double volume_kg = 0;  // sum of weight x reps of the done sets
  double elevation_gain_m = 0;
};

struct WorkoutSource {
  using Session = platform::store::Session;
  // The user's live workout `workout_id`, which started at `started_at` (its facts say so);
  // nullopt when there is none. Inside the caller's transaction.
  std::function<std::optional<WorkoutFigures>(Session&, const std::string& user_id,
                                              const std::string& workout_id,
                                              const std::string& started_at)>
      one;
  // The user's live workouts that started in [from, to) (RFC 3339 UTC), oldest first.
  std::function<std::vector<WorkoutFigures>(Session&, const std::string& user_id,
                                            const std::string& from, const std::string& to)>
      started_in;
};

// Whether a user is a member of a club (the clubs feature connects it). Unset: there are no
// clubs, and a challenge naming one is refused.
using ClubMembership = std::function<bool(platform::store::Session&, const std::string& club_id,
                                          const std::string& user_id)>;
// Whether a user may create challenges for a club (a club admin or owner). Unset: nobody may.
using ClubAdministration = std::function<bool(platform::store::Session&, const std::string& club_id,
                                              const std::string& user_id)>;

}  // namespace vigor::features::challenges
