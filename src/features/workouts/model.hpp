#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workout_totals.hpp"

// Training sessions (strength and cardio in one table), routines and programs.
// Values are SI (kg, m, s, kcal); timestamps RFC 3339 UTC with milliseconds.
namespace vigor::features::workouts {

enum class SetType { kWarmup, kNormal, kDrop, kFailure, kAmrap };
std::string_view SetTypeName(SetType type);
std::optional<SetType> ParseSetType(std::string_view text);

enum class WorkoutKind { kStrength, kCardio };
std::string_view KindName(WorkoutKind kind);
std::optional<WorkoutKind> ParseKind(std::string_view text);

// Targets are what was planned; the rest is what was done.
struct WorkoutSet {
  SetType set_type = SetType::kNormal;
  std::optional<std::int64_t> reps;
  std::optional<double> weight_kg;
  std::optional<double> duration_s;
  std::optional<double> distance_m;
  std::optional<double> rpe;
  std::optional<std::int64_t> rir;
  bool done = true;
  std::optional<std::int64_t> target_reps;
  std::optional<double> target_weight_kg;
  std::optional<std::int64_t> target_rir;
  std::optional<std::string> notes;  // the set's own note; the block has notes of its own
  bool operator==(const WorkoutSet&) const = default;
};

struct WorkoutBlock {
  std::string exercise_id;
  std::optional<std::int64_t> superset_group;
  std::optional<std::int64_t> rest_s;
  std::optional<std::string> notes;
  std::vector<WorkoutSet> sets;
  bool operator==(const WorkoutBlock&) const = default;
};

struct Cardio {
  std::string sport = "other";
  std::optional<double> distance_m;
  std::optional<double> duration_s;
  std::optional<double> moving_time_s;
  std::optional<double> elevation_gain_m;
  std::optional<std::int64_t> avg_heart_rate;
  std::optional<std::int64_t> max_heart_rate;
  std::optional<double> calories_kcal;
  bool operator==(const Cardio&) const = default;
};
bool IsCardioSport(std::string_view sport);

// The details of a workout its owner can hide from the others who may see it, by name: the start
// time (others see the local date only), the map (no track, no GPX, no coordinates), heart rate,
// pace and speed, calories, weights lifted (no weight on sets, no volume).
inline constexpr std::string_view kHiddenDetailNames[] = {"start_time", "map",      "heart_rate",
                                                          "pace",       "calories", "weights"};
bool IsHiddenDetailName(std::string_view name);
// Distinct known names in the order of kHiddenDetailNames (what is stored and shown).
std::vector<std::string> NormalizedHiddenDetails(const std::vector<std::string>& names);
bool Hides(const std::vector<std::string>& hidden_details, std::string_view name);

// What a client sends; timestamps already normalized to the stored form.
struct WorkoutInput {
  std::optional<std::string> id;  // client-chosen UUID (lowercase)
  std::string title;
  std::string started_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> time_zone;
  std::optional<std::string> notes;
  std::optional<std::int64_t> perceived_effort;
  std::optional<std::string> routine_id;
  std::optional<Cardio> cardio;
  std::vector<WorkoutBlock> blocks;
  // Who may see it ("private", "followers", "public"): when a create names none, the owner's
  // default for workouts (of this sport); when a replace names none, what is stored stays.
  std::optional<std::string> visibility;
  // The details hidden from others (kHiddenDetailNames); a replace that names none keeps them.
  std::optional<std::vector<std::string>> hide;
};

// A stable digest of everything an input says except its id: two requests with the same
// content have the same fingerprint whatever their key order, spacing or time-zone offsets.
std::string Fingerprint(const WorkoutInput& input);

struct Totals {
  core::WorkoutTotals sets;
  std::optional<double> duration_s;
};

struct Workout {
  std::string id;
  std::string user_id;
  WorkoutKind kind = WorkoutKind::kStrength;
  std::string title;
  std::string started_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> time_zone;
  std::optional<std::string> notes;
  std::optional<std::int64_t> perceived_effort;
  std::optional<std::string> routine_id;
  std::optional<Cardio> cardio;
  std::vector<WorkoutBlock> blocks;
  Totals totals;
  std::string input_hash;  // Fingerprint of the input it was last written from
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 1;
  std::optional<std::string> import_id;     // the import job that created it (undo finds it so)
  std::string visibility = "private";       // core/privacy.hpp
  std::vector<std::string> hidden_details;  // NormalizedHiddenDetails
};

// The workout `input` describes as it is stored: its totals computed, stamped `now`. Takes the
// input by value, so that a caller that built it for this alone moves its sets in.
Workout MakeWorkout(std::string user_id, std::string id, WorkoutInput input,
                    std::string fingerprint, const std::string& now);

// The row without its blocks: enough to decide what a write does.
struct WorkoutHead {
  std::string id;
  std::int64_t rev = 0;
  std::string input_hash;
  bool deleted = false;
  std::string created_at;
  // What the stored workout is, for the change it is about to undergo (WorkoutChange::before).
  std::string started_at;
  std::optional<std::string> time_zone;
  WorkoutKind kind = WorkoutKind::kStrength;
  std::optional<std::string> sport;
  std::vector<std::string> exercise_ids;
  std::string visibility = "private";
  std::vector<std::string> hidden_details;
};

// A line of the history list; read from the workouts row alone (totals are kept on it).
struct WorkoutSummary {
  std::string id;
  std::string title;
  WorkoutKind kind = WorkoutKind::kStrength;
  std::string started_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> time_zone;
  std::optional<Cardio> cardio;
  Totals totals;
  std::vector<std::string> exercise_ids;         // distinct, in block order
  std::vector<std::string> exercise_names;       // of those ids, where known
  std::optional<std::int64_t> perceived_effort;  // 1-10, as the user rated the workout
  std::string visibility = "private";
  std::vector<std::string> hidden_details;
  bool has_notes = false;  // a note on the workout, one of its exercises or sets (the list's)
};

struct WorkoutFilter {
  std::optional<std::string> q;
  std::optional<WorkoutKind> kind;
  std::optional<std::string> from;  // started_at >= from
  std::optional<std::string> to;    // started_at <= to
};

// Keyset position in the history: newest first by started_at, then id.
struct WorkoutCursor {
  std::string started_at;
  std::string id;
};

struct WorkoutPage {
  std::vector<WorkoutSummary> items;
  std::optional<std::string> next_cursor;
};

// The sets of one exercise in the latest workout that had it.
struct LastSets {
  std::optional<std::string> workout_id;
  std::optional<std::string> started_at;
  std::vector<WorkoutSet> items;
  // The heaviest weight and the most reps of any done set of the exercise in any live workout:
  // what the logging screen's typo guard compares a new set with.
  std::optional<double> best_weight_kg;
  std::optional<std::int64_t> best_reps;
};

struct IdempotencyRecord {
  std::string request_hash;
  std::string workout_id;
};

// ---- routines ------------------------------------------------------------------------------

struct RoutineItem {
  std::string exercise_id;
  std::optional<std::int64_t> superset_group;
  std::int64_t target_sets = 1;
  std::optional<std::int64_t> target_reps;
  std::optional<double> target_weight_kg;
  std::optional<double> target_percent_1rm;
  std::optional<std::int64_t> rest_s;
};

// Who sees a routine besides its owner: nobody (the default), or every signed-in user, as a
// template to copy. Only the owner can change it either way.
enum class Visibility { kPrivate, kPublic };
std::string_view VisibilityName(Visibility visibility);
std::optional<Visibility> ParseVisibility(std::string_view text);

struct RoutineInput {
  std::string name;
  std::optional<std::string> notes;
  std::vector<RoutineItem> items;
  Visibility visibility = Visibility::kPrivate;
};

struct Routine {
  std::string id;
  std::string name;
  std::optional<std::string> notes;
  std::vector<RoutineItem> items;
  Visibility visibility = Visibility::kPrivate;
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 1;
};

// A public routine as others see it: no rev (their sync does not carry it), the author's
// username instead.
struct RoutineTemplate {
  Routine routine;
  std::string author;
};

struct TemplateCursor {
  std::string created_at;
  std::string id;
};

struct TemplatePage {
  std::vector<RoutineTemplate> items;
  std::optional<std::string> next_cursor;
};

// ---- programs ------------------------------------------------------------------------------

// One place in a program: a routine of the user's, with a label such as "Day A".
struct ProgramEntry {
  std::string routine_id;
  std::optional<std::string> label;
  // Read only: the routine's name, nullopt once the routine is deleted.
  std::optional<std::string> routine_name;
};

struct ProgramInput {
  std::string name;
  std::optional<std::string> notes;
  std::vector<ProgramEntry> routines;
};

// An ordered set of routines done in turn (a 3-day split).
struct Program {
  std::string id;
  std::string name;
  std::optional<std::string> notes;
  std::vector<ProgramEntry> routines;
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 1;
  // Read only: the routine to do next (see NextRoutineId); nullopt when no entry is live.
  std::optional<std::string> next_routine_id;
};

// The routine of a program to do next, given the routine of the user's latest workout among
// the program's routines (nullopt: none yet). It is the live entry after that routine's first
// place in the program, wrapping round to the start; the first live entry when there is no such
// workout (or its routine has left the program). Entries whose routine is deleted are skipped;
// nullopt when the program has no live entry.
std::optional<std::string> NextRoutineId(const std::vector<ProgramEntry>& entries,
                                         const std::optional<std::string>& last_routine_id);

}  // namespace vigor::features::workouts
