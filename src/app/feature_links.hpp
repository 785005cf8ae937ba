#pragma once

#include "features/accounts/account_service.hpp"
#include "features/body/measurement_service.hpp"
#include "features/exercises/exercise_service.hpp"
#include "features/goals/metric_sources.hpp"
#include "features/imports/import_service.hpp"
#include "features/stats/sources.hpp"
#include "features/stats/stats_service.hpp"
#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/workout_service.hpp"

// How one feature answers another's narrow interface, where neither may depend on the other: the
// consumer declares what it needs (workouts/exercise_lookup.hpp), the provider's service has the
// methods, and the composition root connects the two here.
namespace vigor::app {

// What workouts and routines ask about exercises, answered by the exercises service.
features::workouts::ExerciseLookup ExerciseLookupOf(
    features::exercises::ExerciseService& exercises);

// The profile zone imports read local times in, answered by the accounts service.
features::imports::ProfileTimeZone ProfileTimeZoneOf(features::accounts::AccountService& accounts);

// What records, goals and analytics read of a user's profile, answered by the accounts service.
features::accounts::TrainingProfileLookup TrainingProfileOf(
    features::accounts::AccountService& accounts);

// What goals measure: daily_totals are the stats feature's daily aggregates; the lifts read
// the workout log through WorkoutService's goal methods; measurements come from the body
// service.
features::goals::MetricSources GoalMetricSourcesOf(features::stats::StatsService& stats,
                                                   features::workouts::WorkoutService& workouts,
                                                   features::body::MeasurementService& body,
                                                   features::exercises::ExerciseService& exercises);
// What analytics read of workouts, exercises' muscles, body weights and the profile, answered by
// those features' services.
features::stats::StatsSources StatsSourcesOf(features::workouts::WorkoutService& workouts,
                                             features::exercises::ExerciseService& exercises,
                                             features::body::MeasurementService& measurements,
                                             features::accounts::AccountService& accounts);

}  // namespace vigor::app
