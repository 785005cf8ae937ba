#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/best_efforts.hpp"

// Personal records as a progression: every workout that beat the best before it, per series (a
// kind with its formula, rep count or distance). Pure: the caller reads the sets or sessions in
// time order and the bests before the first of them, and stores what comes out.
namespace vigor::core {

namespace record_kind {
inline constexpr std::string_view kOneRepMax = "one_rep_max";
inline constexpr std::string_view kRepMax = "rep_max";
inline constexpr std::string_view kSetVolume = "set_volume";
inline constexpr std::string_view kSessionVolume = "session_volume";
inline constexpr std::string_view kBestEffort = "best_effort";
inline constexpr std::string_view kLongestDistance = "longest_distance";
inline constexpr std::string_view kLongestDuration = "longest_duration";
inline constexpr std::string_view kMostElevationGain = "most_elevation_gain";
}  // namespace record_kind

// A series: the kind and what tells its records apart within an exercise or sport ("epley" or
// "brzycki" for one_rep_max, the rep count for rep_max, the distance in metres for best_effort,
// "" otherwise).
using RecordSeries = std::pair<std::string, std::string>;
// The best value of each series so far (the last record of each).
using RunningBests = std::map<RecordSeries, double>;

// Lower is better for best efforts (seconds), higher for everything else.
bool LowerIsBetter(std::string_view kind);
// The series key of a best effort's distance ("400", "1609.344", "21097.5").
std::string DistanceVariant(double distance_m);

struct RecordEntry {
  std::string kind;
  std::string variant;
  std::optional<int> reps;  // one_rep_max, rep_max, set_volume: the set's reps
  std::optional<double> weight_kg;
  std::optional<double> distance_m;  // best_effort
  double value = 0;                  // kg, s or m
  std::string workout_id;
  std::string achieved_at;  // the workout's started_at
  std::optional<double> previous_value;
};

// One done set of an exercise, as the log has it.
struct LiftSet {
  std::string workout_id;
  std::string started_at;
  double weight_kg = 0;
  int reps = 0;
  bool warmup = false;
  bool done = true;
};

// Strength records of one exercise from its sets in time order (a workout's sets together):
// per workout, its best for each series, kept when it beats `bests` (which it updates). A
// series: estimated 1RM by Epley and by Brzycki (sets of 1-12 reps), the heaviest weight for
// exactly 1..12 reps, the heaviest set volume (weight x reps), the session volume (the sum of
// weight x reps of the workout's counted sets). Warm-up sets, sets not done and sets without
// a positive weight and reps do not count. Ties do not beat a record.
std::vector<RecordEntry> StrengthProgression(std::span<const LiftSet> sets, RunningBests& bests);

// One cardio workout of a sport, with its best efforts.
struct CardioSession {
  std::string workout_id;
  std::string started_at;
  std::optional<double> distance_m;
  std::optional<double> duration_s;
  std::optional<double> elevation_gain_m;
  std::vector<BestEffort> best_efforts;
};

// Cardio records of one sport from its workouts in time order: best effort per distance
// (fastest), longest distance, longest duration, most elevation gain.
std::vector<RecordEntry> CardioProgression(std::span<const CardioSession> sessions,
                                           RunningBests& bests);

}  // namespace vigor::core
