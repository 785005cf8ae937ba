#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/one_rep_max.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::goals {

// Where goals get the values they measure: the narrow interface goals declare and other
// features answer (stats: daily aggregates; records: lifts; body: measurements), connected in
// app/feature_links.cpp. Every function reads in the caller's session (so a goal evaluated in a
// workout write sees that write) and is scoped to the user.
struct MetricSources {
  using Session = platform::store::Session;
  using DayValues = std::vector<std::pair<core::Day, double>>;

  // The user's daily totals of `metric` on the local days of `days` (the user's zone), oldest
  // first, only days with a non-zero value. metric: "sessions", "duration_s", "distance_m",
  // "elevation_gain_m", "volume_kg", "muscle_sets" (sets of `muscle`: primary 1, secondary 0.5).
  // Filters: `sport` (cardio workouts of that sport), `exercise_id` (workouts holding it).
  std::function<DayValues(Session&, const std::string& user_id, const std::string& metric,
                          const std::optional<std::string>& sport,
                          const std::optional<std::string>& exercise_id,
                          const std::optional<std::string>& muscle, const core::DayRange& days)>
      daily_totals;

  // The best estimated one-rep max (kg) of the exercise's done sets in workouts started in
  // [from_utc, to_utc) (RFC 3339 UTC), by `formula`; nullopt when there is none.
  std::function<std::optional<double>(
      Session&, const std::string& user_id, const std::string& exercise_id,
      core::OneRepMaxFormula formula, const std::string& from_utc, const std::string& to_utc)>
      best_one_rep_max;

  // The heaviest weight (kg) of the exercise's done sets of at least `reps` reps in workouts
  // started in [from_utc, to_utc); nullopt when there is none.
  std::function<std::optional<double>(Session&, const std::string& user_id,
                                      const std::string& exercise_id, int reps,
                                      const std::string& from_utc, const std::string& to_utc)>
      heaviest_for_reps;

  // The user's values of a measurement kind ("weight", "body_fat", their own kinds) on the days
  // of `days`, oldest first, and the latest value before them (the value a period starts from).
  struct Measurements {
    std::optional<std::pair<core::Day, double>> before;
    DayValues in_range;
  };
  std::function<Measurements(Session&, const std::string& user_id, const std::string& kind,
                             const core::DayRange& days)>
      measurements;

  // The days of `days` the user's eating met a target, each with the value 1: metric
  // "nutrition_energy_days" (energy within 10 % of the target) or "nutrition_protein_days"
  // (protein at or above it), answered by nutrition targets. Empty until nutrition is connected
  // (GoalService::SetNutritionDays): such goals then count nothing.
  using NutritionDays = std::function<DayValues(
      Session&, const std::string& user_id, const std::string& metric, const core::DayRange& days)>;
  NutritionDays nutrition_days;

  // Whether the user may use this exercise (a catalogue one or their own): an unknown exercise
  // is refused when a goal is set.
  std::function<bool(Session&, const std::string& user_id, const std::string& exercise_id)>
      exercise_exists;
};

}  // namespace vigor::features::goals
