#include "core/personal_records.hpp"

#include <cmath>
#include <cstdio>

#include "core/one_rep_max.hpp"

namespace vigor::core {

namespace {

// A workout's best candidate for one series.
struct Candidate {
  double value = 0;
  std::optional<int> reps;
  std::optional<double> weight_kg;
  std::optional<double> distance_m;
};

class WorkoutBests {
 public:
  void Offer(const std::string& kind, std::string variant, Candidate c) {
    RecordSeries key{kind, std::move(variant)};
    auto it = candidates_.find(key);
    if (it == candidates_.end()) {
      candidates_.emplace(std::move(key), c);
    } else if (LowerIsBetter(kind) ? c.value < it->second.value : c.value > it->second.value) {
      it->second = c;
    }
  }

  // The candidates that beat `bests`, which take their place.
  void Settle(const std::string& workout_id, const std::string& started_at, RunningBests& bests,
              std::vector<RecordEntry>& out) {
    for (auto& [key, c] : candidates_) {
      auto it = bests.find(key);
      std::optional<double> previous;
      if (it != bests.end()) previous = it->second;
      const bool lower = LowerIsBetter(key.first);
      if (previous && (lower ? c.value >= *previous : c.value <= *previous)) continue;
      out.push_back({.kind = key.first,
                     .variant = key.second,
                     .reps = c.reps,
                     .weight_kg = c.weight_kg,
                     .distance_m = c.distance_m,
                     .value = c.value,
                     .workout_id = workout_id,
                     .achieved_at = started_at,
                     .previous_value = previous});
      bests[key] = c.value;
    }
    candidates_.clear();
  }

 private:
  std::map<RecordSeries, Candidate> candidates_;
};

bool Counts(const LiftSet& s) {
  return s.done && !s.warmup && s.reps >= 1 && s.weight_kg > 0 && std::isfinite(s.weight_kg);
}

}  // namespace

bool LowerIsBetter(std::string_view kind) { return kind == record_kind::kBestEffort; }

std::string DistanceVariant(double distance_m) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", distance_m);
  return text;
}

std::vector<RecordEntry> StrengthProgression(std::span<const LiftSet> sets, RunningBests& bests) {
  std::vector<RecordEntry> out;
  WorkoutBests workout;
  const std::string one_rep_max(record_kind::kOneRepMax);
  const std::string rep_max(record_kind::kRepMax);
  const std::string set_volume(record_kind::kSetVolume);
  const std::string session_volume(record_kind::kSessionVolume);
  std::size_t i = 0;
  while (i < sets.size()) {
    const std::string& workout_id = sets[i].workout_id;
    const std::string& started_at = sets[i].started_at;
    double volume = 0;
    bool any = false;
    for (; i < sets.size() && sets[i].workout_id == workout_id; ++i) {
      const LiftSet& s = sets[i];
      if (!Counts(s)) continue;
      any = true;
      const double set_kg = s.weight_kg * s.reps;
      volume += set_kg;
      const Candidate of_set{.value = set_kg, .reps = s.reps, .weight_kg = s.weight_kg};
      workout.Offer(set_volume, "", of_set);
      if (s.reps <= kMaxRepsForOneRepMax) {
        workout.Offer(rep_max, std::to_string(s.reps),
                      {.value = s.weight_kg, .reps = s.reps, .weight_kg = s.weight_kg});
        for (auto [formula, name] : {std::pair{OneRepMaxFormula::kEpley, "epley"},
                                     std::pair{OneRepMaxFormula::kBrzycki, "brzycki"}}) {
          if (auto e = EstimateOneRepMax(s.weight_kg, s.reps, formula)) {
            workout.Offer(one_rep_max, name,
                          {.value = *e, .reps = s.reps, .weight_kg = s.weight_kg});
          }
        }
      }
    }
    if (any) workout.Offer(session_volume, "", {.value = volume});
    workout.Settle(workout_id, started_at, bests, out);
  }
  return out;
}

std::vector<RecordEntry> CardioProgression(std::span<const CardioSession> sessions,
                                           RunningBests& bests) {
  std::vector<RecordEntry> out;
  WorkoutBests workout;
  const std::string best_effort(record_kind::kBestEffort);
  auto positive = [](const std::optional<double>& v) { return v && std::isfinite(*v) && *v > 0; };
  for (const CardioSession& s : sessions) {
    for (const BestEffort& e : s.best_efforts) {
      workout.Offer(best_effort, DistanceVariant(e.distance_m),
                    {.value = e.seconds, .distance_m = e.distance_m});
    }
    if (positive(s.distance_m)) {
      workout.Offer(std::string(record_kind::kLongestDistance), "", {.value = *s.distance_m});
    }
    if (positive(s.duration_s)) {
      workout.Offer(std::string(record_kind::kLongestDuration), "", {.value = *s.duration_s});
    }
    if (positive(s.elevation_gain_m)) {
      workout.Offer(std::string(record_kind::kMostElevationGain), "",
                    {.value = *s.elevation_gain_m});
    }
    workout.Settle(s.workout_id, s.started_at, bests, out);
  }
  return out;
}

}  // namespace vigor::core
