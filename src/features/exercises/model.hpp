#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Exercises: the catalogue shipped with Vigor (read-only, in memory) and each user's own
// (custom) exercises. The wire names of every enum are those of api/openapi.yaml.
namespace vigor::features::exercises {

enum class Category { kStrength, kCardio, kMobility, kPlyometric, kStretching, kOlympic };

enum class Muscle {
  kChest,
  kFrontDelts,
  kSideDelts,
  kRearDelts,
  kBiceps,
  kTriceps,
  kForearms,
  kTraps,
  kLats,
  kUpperBack,
  kLowerBack,
  kAbs,
  kObliques,
  kGlutes,
  kQuads,
  kHamstrings,
  kAdductors,
  kAbductors,
  kCalves,
  kNeck,
  kHipFlexors,
};

enum class Equipment {
  kBarbell,
  kDumbbell,
  kKettlebell,
  kMachine,
  kCable,
  kBodyweight,
  kBand,
  kSmithMachine,
  kEzBar,
  kTrapBar,
  kBench,
  kPullupBar,
  kMedicineBall,
  kPlate,
  kSuspension,
  kCardioMachine,
  kNone,
};

enum class Mechanics { kCompound, kIsolation };
enum class Force { kPush, kPull, kStatic };

// Which values a set of this exercise records.
enum class LogType {
  kWeightReps,        // load x reps: a barbell squat
  kReps,              // reps alone: a pull-up
  kDuration,          // time alone: a plank
  kDistance,          // distance alone: a farmer's walk
  kDistanceDuration,  // distance and time: a run, a row
  kWeightDuration,    // load held for a time: a weighted plank, a dead hang with a belt
};

// The wire names of each enum, in declaration order.
template <class E>
struct EnumNames;
template <>
struct EnumNames<Category> {
  static constexpr std::array<std::string_view, 6> kNames{"strength",   "cardio",     "mobility",
                                                          "plyometric", "stretching", "olympic"};
};
template <>
struct EnumNames<Muscle> {
  static constexpr std::array<std::string_view, 21> kNames{
      "chest", "front_delts", "side_delts", "rear_delts", "biceps", "triceps",  "forearms",
      "traps", "lats",        "upper_back", "lower_back", "abs",    "obliques", "glutes",
      "quads", "hamstrings",  "adductors",  "abductors",  "calves", "neck",     "hip_flexors"};
};
template <>
struct EnumNames<Equipment> {
  static constexpr std::array<std::string_view, 17> kNames{
      "barbell",       "dumbbell",      "kettlebell", "machine",        "cable", "bodyweight",
      "band",          "smith_machine", "ez_bar",     "trap_bar",       "bench", "pullup_bar",
      "medicine_ball", "plate",         "suspension", "cardio_machine", "none"};
};
template <>
struct EnumNames<Mechanics> {
  static constexpr std::array<std::string_view, 2> kNames{"compound", "isolation"};
};
template <>
struct EnumNames<Force> {
  static constexpr std::array<std::string_view, 3> kNames{"push", "pull", "static"};
};
template <>
struct EnumNames<LogType> {
  static constexpr std::array<std::string_view, 6> kNames{
      "weight_reps", "reps", "duration", "distance", "distance_duration", "weight_duration"};
};

template <class E>
constexpr std::string_view Name(E value) {
  return EnumNames<E>::kNames[static_cast<std::size_t>(value)];
}

// The value with that wire name; nullopt for anything else (case matters).
template <class E>
constexpr std::optional<E> Parse(std::string_view name) {
  for (std::size_t i = 0; i < EnumNames<E>::kNames.size(); ++i) {
    if (EnumNames<E>::kNames[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Every value of the enum, in declaration order.
template <class E>
std::vector<E> AllValues() {
  std::vector<E> values;
  for (std::size_t i = 0; i < EnumNames<E>::kNames.size(); ++i) values.push_back(static_cast<E>(i));
  return values;
}

// "one of a, b or c", for validation messages.
template <class E>
std::string OneOf() {
  std::string text = "must be one of ";
  const auto& names = EnumNames<E>::kNames;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

struct Exercise {
  // The slug for catalogue entries; a UUIDv7 for custom exercises.
  std::string id;
  // Kebab-case: stable and unique for catalogue entries; for custom ones derived from the name.
  std::string slug;
  // In the language it was asked in (catalogue entries; see Catalog::Entry::In).
  std::string name;
  // The English name of a catalogue entry whatever the language asked; empty for a custom
  // exercise, whose one name is `name`.
  std::string name_en;
  // Other names search finds (catalogue only), e.g. "développé couché" for the bench press.
  std::vector<std::string> aliases;
  Category category = Category::kStrength;
  std::vector<Muscle> primary_muscles;
  std::vector<Muscle> secondary_muscles;
  std::vector<Equipment> equipment;
  std::optional<Mechanics> mechanics;
  std::optional<Force> force;
  LogType log_type = LogType::kWeightReps;
  std::string description;
  bool custom = false;

  // Custom exercises only.
  std::string user_id;
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 0;
  std::optional<std::string> deleted_at;  // set on a tombstone
};

// What a user sends to create or replace a custom exercise (validated by the service).
struct ExerciseInput {
  std::string name;
  Category category = Category::kStrength;
  std::vector<Muscle> primary_muscles;
  std::vector<Muscle> secondary_muscles;
  std::vector<Equipment> equipment;
  std::optional<Mechanics> mechanics;
  std::optional<Force> force;
  LogType log_type = LogType::kWeightReps;
  std::string description;
};

// A search of the catalogue and the caller's own exercises.
struct ExerciseQuery {
  std::string text;  // words matched as prefixes, ignoring case and accents; empty: everything
  std::optional<Muscle> muscle;  // among the primary muscles
  std::optional<Equipment> equipment;
  std::optional<Category> category;
  std::string cursor;  // the next_cursor of the previous page; empty for the first
  int limit = 50;
  // The language names are shown and sorted in ("en", "de"); exact matches of the query in this
  // language come first.
  std::string language = "en";
};

struct ExercisePage {
  std::vector<Exercise> items;
  std::optional<std::string> next_cursor;
};

}  // namespace vigor::features::exercises
