#include "app/feature_links.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/one_rep_max.hpp"
#include "core/text_fold.hpp"
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

namespace {

// [from, to) in UTC text for the local days of `days` in `zone`.
std::pair<std::string, std::string> UtcWindow(const core::DayRange& days, const std::string& zone) {
  auto from = platform::LocalDayStartMs(days.first, zone);
  auto to = platform::LocalDayStartMs(days.last + std::chrono::days(1), zone);
  return {platform::FormatUtcMs(from.value_or(0)), platform::FormatUtcMs(to.value_or(0))};
}

bool HoldsExercise(const std::string& exercise_ids, const std::string& exercise_id) {
  std::istringstream words(exercise_ids);
  std::string word;
  while (words >> word) {
    if (word == exercise_id) return true;
  }
  return false;
}

}  // namespace

features::goals::MetricSources GoalMetricSourcesOf(
    features::workouts::WorkoutService& workouts, features::body::MeasurementService& body,
    features::exercises::ExerciseService& exercises,
    features::accounts::TrainingProfileLookup profile) {
  using features::goals::MetricSources;
  using platform::store::Session;
  MetricSources sources;
  sources.daily_totals = [&workouts, profile](
                             Session& s, const std::string& user_id, const std::string& metric,
                             const std::optional<std::string>& sport,
                             const std::optional<std::string>& exercise_id,
                             const std::optional<std::string>&, const core::DayRange& days) {
    MetricSources::DayValues values;
    // Sets per muscle need the exercises' muscles per set: left to the stats aggregates.
    if (metric == "muscle_sets") return values;
    std::string zone = profile(s, user_id).time_zone;
    if (!platform::IsKnownTimeZone(zone)) zone = "UTC";
    auto [from, to] = UtcWindow(days, zone);
    std::map<core::Day, double> per_day;
    for (const auto& w : workouts.GoalFiguresBetween(s, user_id, from, to)) {
      if (sport && w.sport != sport) continue;
      if (exercise_id && !HoldsExercise(w.exercise_ids, *exercise_id)) continue;
      auto started = platform::ParseRfc3339Ms(w.started_at);
      auto day = started ? platform::LocalDayOf(*started, zone) : std::nullopt;
      if (!day || !days.contains(*day)) continue;
      double value = metric == "sessions"           ? 1.0
                     : metric == "duration_s"       ? w.duration_s.value_or(0)
                     : metric == "distance_m"       ? w.distance_m.value_or(0)
                     : metric == "elevation_gain_m" ? w.elevation_gain_m.value_or(0)
                     : metric == "volume_kg"        ? w.volume_kg
                                                    : 0.0;
      per_day[*day] += value;
    }
    for (const auto& [day, value] : per_day) {
      if (value != 0) values.emplace_back(day, value);
    }
    return values;
  };
  sources.best_one_rep_max = [&workouts](Session& s, const std::string& user_id,
                                         const std::string& exercise_id,
                                         core::OneRepMaxFormula formula, const std::string& from,
                                         const std::string& to) {
    std::optional<double> best;
    for (const auto& set : workouts.DoneSetsBetween(s, user_id, exercise_id, from, to)) {
      if (!set.reps || !set.weight_kg) continue;
      auto estimate = core::EstimateOneRepMax(*set.weight_kg, static_cast<int>(*set.reps), formula);
      if (estimate && (!best || *estimate > *best)) best = estimate;
    }
    return best;
  };
  sources.heaviest_for_reps = [&workouts](Session& s, const std::string& user_id,
                                          const std::string& exercise_id, int reps,
                                          const std::string& from, const std::string& to) {
    std::optional<double> best;
    for (const auto& set : workouts.DoneSetsBetween(s, user_id, exercise_id, from, to)) {
      if (!set.reps || !set.weight_kg || *set.reps < reps || *set.weight_kg <= 0) continue;
      if (!best || *set.weight_kg > *best) best = set.weight_kg;
    }
    return best;
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

}  // namespace vigor::app
