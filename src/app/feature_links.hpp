#pragma once

#include "features/accounts/account_service.hpp"
#include "features/body/measurement_service.hpp"
#include "features/challenges/links.hpp"
#include "features/clubs/club_service.hpp"
#include "features/dashboard/dashboard_service.hpp"
#include "features/exercises/exercise_service.hpp"
#include "features/feed/feed_sources.hpp"
#include "features/goals/goal_service.hpp"
#include "features/goals/metric_sources.hpp"
#include "features/imports/import_service.hpp"
#include "features/notifications/model.hpp"
#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/targets_service.hpp"
#include "features/nutrition/targets_sources.hpp"
#include "features/records/record_service.hpp"
#include "features/records/workout_log.hpp"
#include "features/social/profile_stats.hpp"
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

// What goals measure: daily_totals are the stats feature's daily aggregates, the lifts the
// records feature's, measurements the body service's.
features::goals::MetricSources GoalMetricSourcesOf(features::stats::StatsService& stats,
                                                   features::records::RecordsService& records,
                                                   features::body::MeasurementService& body,
                                                   features::exercises::ExerciseService& exercises);

// What analytics read of workouts, exercises' muscles, body weights and the profile, answered by
// those features' services.
features::stats::StatsSources StatsSourcesOf(features::workouts::WorkoutService& workouts,
                                             features::exercises::ExerciseService& exercises,
                                             features::body::MeasurementService& measurements,
                                             features::accounts::AccountService& accounts);

// What records read of the log (workouts), tracks (imports) and exercises.
features::records::WorkoutLog WorkoutLogOf(features::workouts::WorkoutService& workouts,
                                           features::imports::ImportService& imports,
                                           features::exercises::ExerciseService& exercises);

// The dashboard's parts, each encoded by the feature that owns it.
features::dashboard::DashboardSources DashboardSourcesOf(
    features::stats::StatsService& stats, features::goals::GoalService& goals,
    features::records::RecordsService& records, features::accounts::TrainingProfileLookup profile);

// The energy of a user's workouts per local day, for nutrition's budget: each workout on the day
// its start falls on (in its own zone, else the profile's), its measured calories or its MET x
// the latest body weight x its duration (features/nutrition/targets_exercise.hpp).
features::nutrition::ExerciseEnergy ExerciseEnergyOf(features::workouts::WorkoutService& workouts,
                                                     features::body::MeasurementService& body,
                                                     features::accounts::AccountService& accounts);

// What nutrition targets read: the profile (accounts), the latest body weight (body) and the
// workouts' energy (ExerciseEnergyOf).
features::nutrition::TargetsSources NutritionSourcesOf(
    features::accounts::AccountService& accounts, features::body::MeasurementService& body,
    features::workouts::WorkoutService& workouts);

// Days on a nutrition target for goals (nutrition_energy_days, nutrition_protein_days),
// answered by nutrition targets.
features::goals::MetricSources::NutritionDays GoalNutritionDaysOf(
    features::nutrition::TargetsService& targets);

// Whom the notifications' daily digest writes to, in which language and time zone, answered by
// the accounts service.
features::notifications::DigestRecipientLookup DigestRecipientOf(
    features::accounts::AccountService& accounts);
// The counts a profile shows (sessions this year and this week, distance this year), answered
// by the stats feature's daily aggregates in the user's own calendar.
features::social::ProfileStatsSource ProfileStatsOf(features::stats::StatsService& stats);
// What a workout's feed card shows, read by the feed inside a workout write's transaction.
features::feed::WorkoutSnapshotOf FeedWorkoutSnapshotOf(
    features::workouts::WorkoutService& workouts);
// Challenges count the members' workouts in their metric: figures of one workout or of the
// workouts started in a challenge's days, read through the workouts service.
features::challenges::WorkoutSource ChallengeWorkoutsOf(
    features::workouts::WorkoutService& workouts);
// Club challenges: who belongs to a club (to join) and who runs it (to create), answered by the
// clubs service inside the challenge write's transaction.
features::challenges::ClubMembership ChallengeClubMemberOf(features::clubs::ClubService& clubs);
features::challenges::ClubAdministration ChallengeClubAdminOf(features::clubs::ClubService& clubs);

}  // namespace vigor::app
