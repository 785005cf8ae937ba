#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/track.hpp"
#include "core/units.hpp"
#include "features/workouts/model.hpp"
#include "platform/i18n/messages.hpp"

// Imports of activity files (GPX, TCX, FIT) and of other apps' training logs (Strong and Hevy
// CSV exports), the export of every set as CSV, and the tracks of imported activities.
namespace vigor::features::imports {

enum class ImportFormat { kGpx, kTcx, kFit, kStrongCsv, kHevyCsv };
std::string_view FormatName(ImportFormat format);
std::optional<ImportFormat> ParseFormat(std::string_view text);
inline bool IsActivityFormat(ImportFormat f) {
  return f == ImportFormat::kGpx || f == ImportFormat::kTcx || f == ImportFormat::kFit;
}

// What a POST /imports asks for (from the query string).
struct ImportRequest {
  ImportFormat format = ImportFormat::kGpx;
  std::optional<std::string> file_name;  // the title of an activity comes from it
  bool allow_duplicate = false;
  bool dry_run = false;
  core::WeightUnit weight_unit = core::WeightUnit::kKilograms;         // Strong CSV weights
  core::DistanceUnit distance_unit = core::DistanceUnit::kKilometers;  // Strong CSV distances
  // The IANA zone the file's local times are in (Strong and Hevy write wall-clock times without
  // a zone). Absent in the request: the user's profile zone, resolved when the import is asked
  // for and kept with its job. Imported workouts carry it as their time_zone.
  std::optional<std::string> time_zone;
  // The language of what the import writes for its owner (an activity's title made of its
  // sport and date): the profile's, settled when the import is asked for.
  platform::i18n::Language language = platform::i18n::Language::kEnglish;
  // What a one-request upload (POST /api/v1/uploads) may say about the activity, in place of
  // what the file says or the owner's defaults: its title, its visibility ("private",
  // "followers", "public") and its sport (workouts::IsCardioSport). Activity files only.
  std::optional<std::string> title;
  std::optional<std::string> visibility;
  std::optional<std::string> sport;
  // A one-request upload's Idempotency-Key and the SHA-256 (hex) of its file: a retry with the
  // key finds this import again (ImportService::FindByIdempotencyKey).
  std::optional<std::string> idempotency_key;
  std::optional<std::string> file_sha256;
};

// A set as a training-log CSV gives it, before its exercise is resolved.
struct ParsedBlock {
  std::string exercise_name;
  std::optional<std::int64_t> superset_group;
  std::optional<std::string> notes;
  std::vector<workouts::WorkoutSet> sets;
  std::vector<std::size_t> set_rows;  // the line of each set in the file
};

struct ParsedWorkout {
  std::size_t first_row = 0;  // 1-based line in the file
  std::string title;
  std::int64_t started_ms = 0;
  std::optional<std::int64_t> ended_ms;
  std::optional<std::string> notes;
  std::vector<ParsedBlock> blocks;
};

struct RowError {
  std::size_t row = 0;  // 1-based line in the file; the header is line 1
  std::string message;
  std::string column;  // the file's column at fault, as its header writes it; empty: the row
};

// The file's column (as its header names it) that gives each field of a workout input, for
// telling the user where a value the API refuses came from: "weight_kg" -> "Weight" (Strong).
// Keys are the API's field names; workout-level ones are prefixed "workout." ("workout.notes").
using ColumnOfField = std::map<std::string, std::string>;

// A whole training-log CSV, read.
struct ParsedLog {
  std::vector<ParsedWorkout> workouts;
  std::vector<std::string> unknown_columns;
  std::vector<RowError> row_errors;  // rows left out
  std::size_t rows = 0;              // data rows read
  ColumnOfField columns;
  std::size_t sets() const;
};

// What an exercise name of a file turns into.
struct ExerciseMatch {
  std::string name;                        // as the file writes it
  std::optional<std::string> exercise_id;  // a catalogue slug or the user's own; empty: create it
};

// A workout of the file that is in the user's log already (or earlier in the same file), so
// importing it again would make a duplicate.
struct SkippedWorkout {
  std::size_t row = 0;  // the file's line where the workout starts
  std::string title;
  std::int64_t started_ms = 0;
  std::optional<std::string> existing_workout_id;  // absent: a duplicate within the file
  std::string reason;
};

// What a dry run shows, and a real import reports when done.
struct LogImportSummary {
  std::size_t rows = 0;
  std::size_t workouts = 0;
  std::size_t sets = 0;
  std::vector<ExerciseMatch> exercises;  // every distinct name, in order of appearance
  std::vector<std::string> unknown_columns;
  std::vector<RowError> row_errors;
  std::vector<ParsedWorkout> sample;    // the first few workouts to be imported, for a preview
  std::string time_zone;                // the zone the file's times were read in
  std::size_t skipped_count = 0;        // workouts left out as already in the log
  std::vector<SkippedWorkout> skipped;  // the first few of them
};

// The track of a workout, decoded.
struct StoredTrack {
  std::optional<std::int64_t> start_unix_ms;
  std::string sport;
  std::vector<core::TrackPoint> points;
  std::string splits_json;
};

}  // namespace vigor::features::imports
