#include "features/stats/day_rows.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/training_load.hpp"

namespace vigor::features::stats {

DayRows AggregateDay(std::span<const SourceWorkout* const> workouts,
                     const std::unordered_map<std::string, ExerciseMuscles>& muscles) {
  std::map<std::pair<std::string, std::string>, KindTotalsRow> totals;
  std::map<std::string, MuscleRow> by_muscle;
  std::map<std::string, ExerciseRow> by_exercise;
  for (const SourceWorkout* w : workouts) {
    std::string kind = w->cardio ? "cardio" : "strength";
    auto& t = totals[{kind, w->sport}];
    t.kind = kind;
    t.sport = w->sport;
    t.sessions += 1;
    t.duration_s += w->duration_s;
    t.distance_m += w->distance_m;
    t.elevation_gain_m += w->elevation_gain_m;
    t.volume_kg += w->volume_kg;
    t.sets += w->sets;
    t.load += core::SessionLoad(w->perceived_effort, w->duration_s);

    std::set<std::string> in_workout;
    for (const auto& block : w->blocks) {
      core::BlockFigures one[] = {block};
      auto figures = core::ComputeTotals(one);
      auto& e = by_exercise[block.exercise_id];
      e.exercise_id = block.exercise_id;
      if (in_workout.insert(block.exercise_id).second) e.sessions += 1;
      e.sets += figures.sets;
      e.volume_kg += figures.volume_kg;
      if (figures.sets == 0) continue;
      auto found = muscles.find(block.exercise_id);
      if (found == muscles.end()) continue;
      auto add = [&](const std::string& muscle, double share) {
        auto& m = by_muscle[muscle];
        m.muscle = muscle;
        m.sets += share * static_cast<double>(figures.sets);
        m.volume_kg += share * figures.volume_kg;
      };
      const auto& primary = found->second.primary;
      for (const auto& muscle : primary) add(muscle, 1.0);
      for (const auto& muscle : found->second.secondary) {
        // A muscle listed as both counts once, fully.
        if (std::find(primary.begin(), primary.end(), muscle) == primary.end()) add(muscle, 0.5);
      }
    }
  }
  DayRows rows;
  for (auto& [key, row] : totals) rows.totals.push_back(std::move(row));
  for (auto& [key, row] : by_muscle) rows.muscles.push_back(std::move(row));
  for (auto& [key, row] : by_exercise) rows.exercises.push_back(std::move(row));
  return rows;
}

}  // namespace vigor::features::stats
