#include "app/feature_links.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/one_rep_max.hpp"
#include "core/text_fold.hpp"
#include "features/goals/json_codec.hpp"
#include "features/nutrition/targets_exercise.hpp"
#include "features/records/json_codec.hpp"
#include "features/stats/json_codec.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

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

features::goals::MetricSources GoalMetricSourcesOf(
    features::stats::StatsService& stats, features::records::RecordsService& records,
    features::body::MeasurementService& body, features::exercises::ExerciseService& exercises) {
  using features::goals::MetricSources;
  using platform::store::Session;
  MetricSources sources;
  // The daily aggregates the stats feature keeps with every workout write.
  sources.daily_totals = [&stats](Session& s, const std::string& user_id, const std::string& metric,
                                  const std::optional<std::string>& sport,
                                  const std::optional<std::string>& exercise_id,
                                  const std::optional<std::string>& muscle,
                                  const core::DayRange& days) {
    using features::stats::TotalMetric;
    static const std::map<std::string, TotalMetric, std::less<>> kMetrics{
        {"sessions", TotalMetric::kSessions},    {"duration_s", TotalMetric::kDurationS},
        {"distance_m", TotalMetric::kDistanceM}, {"elevation_gain_m", TotalMetric::kElevationGainM},
        {"volume_kg", TotalMetric::kVolumeKg},   {"muscle_sets", TotalMetric::kMuscleSets}};
    auto found = kMetrics.find(metric);
    if (found == kMetrics.end()) return MetricSources::DayValues{};
    return stats.DailyTotals(
        s, user_id, found->second,
        {.sport = sport, .kind = std::nullopt, .exercise_id = exercise_id, .muscle = muscle}, days);
  };
  // The records feature's per-workout figures (one-rep max) and the log's sets (weight x reps).
  sources.best_one_rep_max =
      [&records](Session& s, const std::string& user_id, const std::string& exercise_id,
                 core::OneRepMaxFormula formula, const std::string& from, const std::string& to) {
        std::string_view name = formula == core::OneRepMaxFormula::kBrzycki ? "brzycki" : "epley";
        return records.BestOneRepMax(s, user_id, exercise_id, name, from, to);
      };
  sources.heaviest_for_reps = [&records](Session& s, const std::string& user_id,
                                         const std::string& exercise_id, int reps,
                                         const std::string& from, const std::string& to) {
    return records.HeaviestForReps(s, user_id, exercise_id, reps, from, to);
  };
  sources.measurements = [&body](Session& s, const std::string& user_id, const std::string& kind,
                                 const core::DayRange& days) {
    MetricSources::Measurements out;
    auto values = body.ValuesForGoals(s, user_id, kind, core::FormatDay(days.first),
                                      core::FormatDay(days.last));
    if (values.before) {
      if (auto day = core::ParseDay(values.before->day)) {
        out.before = std::pair{*day, values.before->value};
      }
    }
    for (const auto& m : values.in_range) {
      if (auto day = core::ParseDay(m.day)) out.in_range.emplace_back(*day, m.value);
    }
    return out;
  };
  sources.exercise_exists = [&exercises](Session& s, const std::string& user_id,
                                         const std::string& exercise_id) {
    return exercises.Exists(s, user_id, exercise_id);
  };
  return sources;
}

features::stats::StatsSources StatsSourcesOf(features::workouts::WorkoutService& workouts,
                                             features::exercises::ExerciseService& exercises,
                                             features::body::MeasurementService& measurements,
                                             features::accounts::AccountService& accounts) {
  using platform::store::Session;
  namespace stats = features::stats;
  stats::StatsSources sources;
  sources.workouts = [&workouts](Session& s, const std::string& user_id, const std::string& from,
                                 const std::string& to, int limit) {
    std::vector<stats::SourceWorkout> items;
    for (auto& w : workouts.LiveWorkoutsStartedIn(s, user_id, from, to, limit)) {
      stats::SourceWorkout item;
      item.started_at = std::move(w.started_at);
      item.time_zone = std::move(w.time_zone);
      item.cardio = w.kind == features::workouts::WorkoutKind::kCardio;
      item.perceived_effort = w.perceived_effort;
      item.duration_s = w.totals.duration_s.value_or(0);
      item.volume_kg = w.totals.sets.volume_kg;
      item.sets = w.totals.sets.sets;
      if (w.cardio) {
        item.sport = w.cardio->sport;
        item.distance_m = w.cardio->distance_m.value_or(0);
        item.elevation_gain_m = w.cardio->elevation_gain_m.value_or(0);
      }
      for (auto& block : w.blocks) {
        core::BlockFigures figures{.exercise_id = std::move(block.exercise_id), .sets = {}};
        for (const auto& set : block.sets) {
          figures.sets.push_back({.done = set.done, .reps = set.reps, .weight_kg = set.weight_kg});
        }
        item.blocks.push_back(std::move(figures));
      }
      items.push_back(std::move(item));
    }
    return items;
  };
  sources.muscles = [&exercises](Session& s, const std::string& user_id,
                                 const std::vector<std::string>& ids) {
    std::unordered_map<std::string, stats::ExerciseMuscles> muscles;
    for (const auto& [id, exercise] : exercises.FindForDisplay(s, user_id, ids)) {
      stats::ExerciseMuscles m;
      for (auto muscle : exercise.primary_muscles) {
        m.primary.emplace_back(features::exercises::Name(muscle));
      }
      for (auto muscle : exercise.secondary_muscles) {
        m.secondary.emplace_back(features::exercises::Name(muscle));
      }
      muscles.emplace(id, std::move(m));
    }
    return muscles;
  };
  sources.weigh_ins = [&measurements](Session& s, const std::string& user_id, core::Day from,
                                      core::Day to) {
    std::vector<core::WeighIn> weigh_ins;
    for (const auto& [day, value] : measurements.DailyValues(
             s, user_id, "weight", core::FormatDay(from), core::FormatDay(to))) {
      if (auto parsed = core::ParseDay(day)) weigh_ins.push_back({*parsed, value});
    }
    return weigh_ins;
  };
  sources.profile = TrainingProfileOf(accounts);
  return sources;
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

features::dashboard::DashboardSources DashboardSourcesOf(
    features::stats::StatsService& stats, features::goals::GoalService& goals,
    features::records::RecordsService& records, features::accounts::TrainingProfileLookup profile) {
  using platform::store::Session;
  features::dashboard::DashboardSources sources;
  sources.profile = std::move(profile);
  sources.totals = [&stats](Session& s, const std::string& user_id, core::DayRange days) {
    return boost::json::value(
        features::stats::EncodeStatsTotals(stats.WeekTotals(s, user_id, days.first)));
  };
  sources.goals = [&goals](Session& s, const platform::auth::Principal& principal) {
    boost::json::array items;
    for (const auto& goal : goals.ActiveWithProgress(s, principal)) {
      items.emplace_back(features::goals::EncodeGoal(goal));
    }
    return boost::json::value(std::move(items));
  };
  sources.recent_records = [&records](Session& s, const std::string& user_id, int limit) {
    boost::json::array items;
    for (const auto& record : records.Recent(s, user_id, limit)) {
      items.emplace_back(features::records::EncodePersonalRecord(record));
    }
    return boost::json::value(std::move(items));
  };
  sources.calendar = [&stats](Session& s, const std::string& user_id, core::DayRange days) {
    return boost::json::value(
        features::stats::EncodeTrainingCalendar(stats.Calendar(s, user_id, days)));
  };
  sources.load = [&stats](Session& s, const std::string& user_id, core::DayRange days) {
    return boost::json::value(features::stats::EncodeTrainingLoad(stats.Load(s, user_id, days)));
  };
  return sources;
}

namespace {

// The user's latest body weight on or before `day`, in kg.
std::optional<double> LatestWeightKg(features::body::MeasurementService& body,
                                     platform::store::Session& s, const std::string& user_id,
                                     core::Day day) {
  auto next = core::FormatDay(day + std::chrono::days(1));
  auto values = body.ValuesForGoals(s, user_id, "weight", next, next);
  if (!values.before) return std::nullopt;
  return values.before->value;
}

}  // namespace

features::nutrition::ExerciseEnergy ExerciseEnergyOf(features::workouts::WorkoutService& workouts,
                                                     features::body::MeasurementService& body,
                                                     features::accounts::AccountService& accounts) {
  using platform::store::Session;
  return
      [&workouts, &body, &accounts](Session& s, const std::string& user_id, core::DayRange days) {
        std::vector<std::pair<core::Day, double>> out;
        auto profile = accounts.TrainingProfileOf(s, user_id);
        std::string zone = platform::IsKnownTimeZone(profile.time_zone) ? profile.time_zone : "UTC";
        // Every workout whose local day can be in the range, whatever its zone (none is more than
        // 14 hours from UTC; a day of slack either side): filtered by local day below.
        constexpr std::int64_t kMsPerDay = 86'400'000;
        auto first_ms = std::int64_t{days.first.time_since_epoch().count()} * kMsPerDay;
        auto end_ms = (std::int64_t{days.last.time_since_epoch().count()} + 1) * kMsPerDay;
        auto from = platform::FormatUtcMs(first_ms - kMsPerDay);
        auto to = platform::FormatUtcMs(end_ms + kMsPerDay);
        constexpr int kMaxWorkouts = 10'000;
        auto found = workouts.LiveWorkoutsStartedIn(s, user_id, from, to, kMaxWorkouts);
        if (found.empty()) return out;
        auto weight = LatestWeightKg(body, s, user_id, days.last);
        std::map<core::Day, double> by_day;
        for (const auto& w : found) {
          auto ms = platform::ParseRfc3339Ms(w.started_at);
          if (!ms) continue;
          bool own_zone = w.time_zone && platform::IsKnownTimeZone(*w.time_zone);
          auto day = platform::LocalDayOf(*ms, own_zone ? *w.time_zone : zone);
          if (!day || !days.contains(*day)) continue;
          features::nutrition::ExerciseWorkout item;
          item.cardio = w.kind == features::workouts::WorkoutKind::kCardio;
          item.duration_s = w.totals.duration_s;
          if (w.cardio) {
            item.sport = w.cardio->sport;
            item.distance_m = w.cardio->distance_m;
            item.calories_kcal = w.cardio->calories_kcal;
            // Speed and MET over the time in motion where the file says it.
            if (w.cardio->moving_time_s) {
              item.duration_s = w.cardio->moving_time_s;
            } else if (w.cardio->duration_s) {
              item.duration_s = w.cardio->duration_s;
            }
          }
          if (auto kcal = features::nutrition::WorkoutExerciseKcal(item, weight)) {
            by_day[*day] += *kcal;
          }
        }
        for (const auto& [day, kcal] : by_day) out.emplace_back(day, kcal);
        return out;
      };
}

features::nutrition::TargetsSources NutritionSourcesOf(
    features::accounts::AccountService& accounts, features::body::MeasurementService& body,
    features::workouts::WorkoutService& workouts) {
  using platform::store::Session;
  features::nutrition::TargetsSources sources;
  sources.profile = TrainingProfileOf(accounts);
  sources.body_weight_kg = [&body](Session& s, const std::string& user_id, core::Day day) {
    return LatestWeightKg(body, s, user_id, day);
  };
  sources.exercise_energy = ExerciseEnergyOf(workouts, body, accounts);
  return sources;
}

features::goals::MetricSources::NutritionDays GoalNutritionDaysOf(
    features::nutrition::TargetsService& targets) {
  using platform::store::Session;
  return [&targets](Session& s, const std::string& user_id, const std::string& metric,
                    const core::DayRange& days) {
    features::goals::MetricSources::DayValues values;
    bool protein = metric == "nutrition_protein_days";
    if (!protein && metric != "nutrition_energy_days") return values;
    for (auto day : targets.DaysOnTarget(s, user_id, days, protein)) values.emplace_back(day, 1.0);
    return values;
  };
}

features::notifications::DigestRecipientLookup DigestRecipientOf(
    features::accounts::AccountService& accounts) {
  return [&accounts](platform::store::Session& s, const std::string& user_id)
             -> std::optional<features::notifications::DigestRecipient> {
    auto contact = accounts.MailContactOf(s, user_id);
    if (!contact) return std::nullopt;
    return features::notifications::DigestRecipient{.email = std::move(contact->email),
                                                    .username = std::move(contact->username),
                                                    .locale = std::move(contact->locale),
                                                    .time_zone = std::move(contact->time_zone),
                                                    .mailable = contact->mailable};
  };
}

}  // namespace vigor::app

namespace vigor::app {

features::social::ProfileStatsSource ProfileStatsOf(features::stats::StatsService& stats) {
  return [&stats](platform::store::Session& s, const std::string& user_id) {
    using features::stats::TotalMetric;
    auto today = stats.Today(s, user_id);
    auto week_start = stats.WeekStartOf(s, user_id);
    auto year = core::PeriodContaining(today, core::Period::kYear, week_start);
    features::social::ProfileStats out;
    for (const auto& [day, sessions] :
         stats.DailyTotals(s, user_id, TotalMetric::kSessions, {}, year)) {
      out.workouts_this_year += static_cast<std::int64_t>(sessions);
    }
    for (const auto& [day, metres] :
         stats.DailyTotals(s, user_id, TotalMetric::kDistanceM, {}, year)) {
      out.distance_this_year_m += metres;
    }
    out.workouts_this_week = stats.ThisWeekTotals(s, user_id).sessions;
    return std::optional<features::social::ProfileStats>(out);
  };
}

features::feed::WorkoutSnapshotOf FeedWorkoutSnapshotOf(
    features::workouts::WorkoutService& workouts) {
  return [&workouts](
             platform::store::Session& s, const std::string& user_id, const std::string& workout_id,
             const std::string& started_at) -> std::optional<features::feed::WorkoutSnapshot> {
    // The workouts that started in the same millisecond: read with their sets (a constant number
    // of statements), the one with this id picked.
    auto at = platform::ParseRfc3339Ms(started_at);
    if (!at) return std::nullopt;
    for (auto& w : workouts.LiveWorkoutsStartedIn(s, user_id, platform::FormatUtcMs(*at),
                                                  platform::FormatUtcMs(*at + 1), 100)) {
      if (w.id != workout_id) continue;
      features::feed::WorkoutSnapshot snapshot{
          .title = w.title,
          .kind = w.kind == features::workouts::WorkoutKind::kCardio ? "cardio" : "strength",
          .sport = std::nullopt,
          .distance_m = std::nullopt,
          .duration_s = w.totals.duration_s,
          .volume_kg = std::nullopt};
      if (w.cardio) {
        snapshot.sport = w.cardio->sport;
        snapshot.distance_m = w.cardio->distance_m;
      }
      if (w.totals.sets.volume_kg > 0) snapshot.volume_kg = w.totals.sets.volume_kg;
      return snapshot;
    }
    return std::nullopt;
  };
}

namespace {

features::challenges::WorkoutFigures ChallengeFiguresOf(const features::workouts::Workout& w) {
  features::challenges::WorkoutFigures figures;
  figures.workout_id = w.id;
  figures.started_at = w.started_at;
  figures.visibility = features::workouts::FactsOf(w).visibility;
  figures.time_s = w.totals.duration_s.value_or(0);
  figures.volume_kg = w.totals.sets.volume_kg;
  if (w.cardio) {
    figures.sport = w.cardio->sport;
    figures.distance_m = w.cardio->distance_m.value_or(0);
    figures.elevation_gain_m = w.cardio->elevation_gain_m.value_or(0);
    if (w.cardio->moving_time_s) figures.time_s = *w.cardio->moving_time_s;
  }
  return figures;
}

}  // namespace

features::challenges::WorkoutSource ChallengeWorkoutsOf(
    features::workouts::WorkoutService& workouts) {
  using platform::store::Session;
  features::challenges::WorkoutSource source;
  source.one =
      [&workouts](
          Session& s, const std::string& user_id, const std::string& workout_id,
          const std::string& started_at) -> std::optional<features::challenges::WorkoutFigures> {
    // The workouts that started in the millisecond the workout did: it is among them.
    auto ms = platform::ParseRfc3339Ms(started_at);
    if (!ms) return std::nullopt;
    constexpr int kSameInstant = 1'000;
    for (const auto& w :
         workouts.LiveWorkoutsStartedIn(s, user_id, platform::FormatUtcMs(*ms),
                                        platform::FormatUtcMs(*ms + 1), kSameInstant)) {
      if (w.id == workout_id) return ChallengeFiguresOf(w);
    }
    return std::nullopt;
  };
  source.started_in = [&workouts](Session& s, const std::string& user_id, const std::string& from,
                                  const std::string& to) {
    // A year and a day of training, more than anyone logs.
    constexpr int kMaxWorkouts = 20'000;
    std::vector<features::challenges::WorkoutFigures> out;
    for (const auto& w : workouts.LiveWorkoutsStartedIn(s, user_id, from, to, kMaxWorkouts)) {
      out.push_back(ChallengeFiguresOf(w));
    }
    return out;
  };
  return source;
}

features::challenges::ClubMembership ChallengeClubMemberOf(features::clubs::ClubService& clubs) {
  return [&clubs](platform::store::Session& s, const std::string& club_id,
                  const std::string& user_id) { return clubs.IsActiveMember(s, club_id, user_id); };
}

features::challenges::ClubAdministration ChallengeClubAdminOf(features::clubs::ClubService& clubs) {
  return [&clubs](platform::store::Session& s, const std::string& club_id,
                  const std::string& user_id) { return clubs.IsAdminOrOwner(s, club_id, user_id); };
}

}  // namespace vigor::app
