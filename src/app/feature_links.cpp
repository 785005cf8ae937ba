#include "app/feature_links.hpp"

#include "core/text_fold.hpp"

namespace vigor::app {

features::workouts::ExerciseLookup ExerciseLookupOf(
    features::exercises::ExerciseService& exercises) {
  using platform::store::Session;
  features::workouts::ExerciseLookup lookup;
  lookup.exists = [&exercises](Session& s, const std::string& user_id,
                               const std::string& exercise_id) {
    return exercises.Exists(s, user_id, exercise_id);
  };
  lookup.names = [&exercises](Session& s, const std::string& user_id,
                              const std::vector<std::string>& ids, const std::string& language) {
    std::unordered_map<std::string, std::string> names;
    for (auto& [id, exercise] : exercises.FindForDisplay(s, user_id, ids, language)) {
      names.emplace(id, std::move(exercise.name));
    }
    return names;
  };
  lookup.search = [&exercises](Session& s, const std::string& user_id, const std::string& text,
                               int limit) {
    std::vector<std::string> ids;
    // The exercise search lists everything for a text without words ("%"): match none.
    if (core::SearchWords(text).empty()) return ids;
    for (auto& e : exercises.Search(s, user_id, {.text = text, .limit = limit}).items) {
      ids.push_back(std::move(e.id));
    }
    return ids;
  };
  lookup.in_catalogue = [&exercises](const std::string& exercise_id) {
    return exercises.catalog().Find(exercise_id) != nullptr;
  };
  return lookup;
}

features::imports::ProfileTimeZone ProfileTimeZoneOf(features::accounts::AccountService& accounts) {
  return [&accounts](platform::store::Session& s, const std::string& user_id) {
    return accounts.TimeZoneOf(s, user_id);
  };
}

features::accounts::TrainingProfileLookup TrainingProfileOf(
    features::accounts::AccountService& accounts) {
  return [&accounts](platform::store::Session& s, const std::string& user_id) {
    return accounts.TrainingProfileOf(s, user_id);
  };
}

features::records::WorkoutLog WorkoutLogOf(features::workouts::WorkoutService& workouts,
                                           features::imports::ImportService& imports,
                                           features::exercises::ExerciseService& exercises) {
  using platform::store::Session;
  namespace records = features::records;
  records::WorkoutLog log;
  log.sets = [&workouts](Session& s, const std::string& user_id, const std::string& exercise_id,
                         const std::string& from, const std::optional<std::string>& to) {
    std::vector<records::LoggedSet> sets;
    for (auto& row : workouts.SetsOfExercise(s, user_id, exercise_id, from, to)) {
      sets.push_back({.workout_id = std::move(row.workout_id),
                      .started_at = std::move(row.started_at),
                      .time_zone = std::move(row.time_zone),
                      .warmup = row.set_type == features::workouts::SetType::kWarmup,
                      .reps = row.reps,
                      .weight_kg = row.weight_kg,
                      .done = row.done});
    }
    return sets;
  };
  log.cardio = [&workouts](Session& s, const std::string& user_id, const std::string& sport,
                           const std::string& from) {
    std::vector<records::LoggedCardio> rows;
    for (auto& row : workouts.CardioOfSport(s, user_id, sport, from)) {
      rows.push_back({.workout_id = std::move(row.workout_id),
                      .started_at = std::move(row.started_at),
                      .distance_m = row.distance_m,
                      .duration_s = row.duration_s,
                      .elevation_gain_m = row.elevation_gain_m});
    }
    return rows;
  };
  log.workout_exists = [&workouts](Session& s, const std::string& user_id,
                                   const std::string& workout_id) {
    return workouts.IsLive(s, user_id, workout_id);
  };
  log.track = [&imports](Session& s, const std::string& user_id, const std::string& workout_id) {
    return imports.StoredTrackOf(s, user_id, workout_id);
  };
  log.exercise_exists = [&exercises](Session& s, const std::string& user_id,
                                     const std::string& exercise_id) {
    return exercises.Exists(s, user_id, exercise_id);
  };
  return log;
}

}  // namespace vigor::app
