#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/trend.hpp"
#include "core/workout_totals.hpp"
#include "features/accounts/training_profile.hpp"
#include "platform/store/database.hpp"

// What the stats feature reads from other features, through narrow interfaces they answer: the
// composition root connects them (app/feature_links.cpp), so stats never reads their tables.
// Every function is called inside the caller's transaction.
namespace vigor::features::stats {

// A live workout as far as the aggregates go.
struct SourceWorkout {
  std::string started_at;  // RFC 3339 UTC
  std::optional<std::string> time_zone;
  bool cardio = false;
  std::string sport;  // "" for strength
  std::optional<std::int64_t> perceived_effort;
  double duration_s = 0;  // the cardio duration, else ended_at - started_at; 0 when unknown
  double distance_m = 0;
  double elevation_gain_m = 0;
  double volume_kg = 0;   // done sets' weight x reps
  std::int64_t sets = 0;  // done sets
  std::vector<core::BlockFigures> blocks;
};

// The user's live workouts that started in [from, to) (RFC 3339 UTC texts compared as text),
// oldest first, at most `limit`; a constant number of statements however many.
using WorkoutsStartedIn = std::function<std::vector<SourceWorkout>(
    platform::store::Session&, const std::string& user_id, const std::string& from,
    const std::string& to, int limit)>;

struct ExerciseMuscles {
  std::vector<std::string> primary;
  std::vector<std::string> secondary;
};

// The muscles of exercises (catalogue or the user's own, deleted ones too); unknown ids are left
// out.
using MusclesOfExercises = std::function<std::unordered_map<std::string, ExerciseMuscles>(
    platform::store::Session&, const std::string& user_id,
    const std::vector<std::string>& exercise_ids)>;

// The user's body-weight entries (kg) of the days in [from, to], oldest first.
using WeighInsBetween = std::function<std::vector<core::WeighIn>(
    platform::store::Session&, const std::string& user_id, core::Day from, core::Day to)>;

struct StatsSources {
  WorkoutsStartedIn workouts;
  MusclesOfExercises muscles;
  WeighInsBetween weigh_ins;
  accounts::TrainingProfileLookup profile;
};

}  // namespace vigor::features::stats
