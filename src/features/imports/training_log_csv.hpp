#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/units.hpp"
#include "features/imports/model.hpp"

// Reading the training-log exports of Strong and Hevy, and writing Strong's layout. Pure
// functions: exercise names stay names here (the service resolves them).
namespace vigor::features::imports {

// The file cannot be read at all (not CSV, a required column missing); what() is for the user.
class LogFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Strong: Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,
// Workout Notes,RPE (',' or ';' separated). Dates without a zone are wall-clock times in
// `time_zone` (an IANA zone the caller checked), daylight-saving gaps and overlaps resolved as
// platform::ResolveLocalTime does; a date with a zone ("Z", "+01:00") is that instant. Weights are
// in `weight_unit`, distances in `distance_unit`; a 0 in Weight, Reps, Distance, Seconds or RPE
// means "not recorded". Values are not range-checked here: CheckParsedLog applies the API's rules.
// Set Order is a number for a normal set, W (warm-up), D (drop set) or F (failure); rest-timer
// rows are skipped. Rows of one workout share Date and Workout Name; consecutive rows of one
// exercise make a block. Notes is the set's own note (set.notes: Strong notes sets); Exercise
// Notes, a column Strong does not have that Vigor's export adds after RPE, is the block's notes
// (its first non-empty cell). Rows that cannot be read are left out with a RowError.
ParsedLog ParseStrongCsv(std::string_view text, core::WeightUnit weight_unit,
                         core::DistanceUnit distance_unit, std::string_view time_zone);

// Hevy: title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
// set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe (weight_lbs and
// distance_miles are accepted too). Times like "12 Jan 2024, 18:05", wall-clock times in
// `time_zone` as for Strong. A workout's superset ids (Hevy's count from 0) become superset
// groups 1, 2, ... in order of first appearance, as the API numbers them.
ParsedLog ParseHevyCsv(std::string_view text, std::string_view time_zone);

// Strong's header and one row of it (weights in kg, distances in km), as the export writes them:
// Strong's columns, then Exercise Notes (the block's notes, which Strong's layout has no room for).
std::vector<std::string> StrongHeader();
struct StrongRow {
  std::int64_t started_ms = 0;  // the wall-clock time to write, counted as if it were UTC
  std::string workout_name;
  std::optional<double> duration_s;
  std::string exercise_name;
  std::string set_order;     // see StrongSetOrder
  workouts::WorkoutSet set;  // its notes are written in Notes
  std::optional<std::string> workout_notes;
  std::optional<std::string> exercise_notes;  // the block's
};
// Numbers are number cells; names and notes are text cells, guarded against formula injection.
std::vector<core::CsvCell> StrongFields(const StrongRow& row);
// "W", "D", "F", or the number of the set among the block's numbered sets so far (1-based).
std::string StrongSetOrder(workouts::SetType type, int& numbered_so_far);
// "1h 2m", "45m", "1h 0m 30s"; what Strong writes in Duration.
std::string FormatStrongDuration(double seconds);
// A number without trailing zeros: 62.5, 100, 0.333 (at most 3 decimals).
std::string FormatDecimal(double value);

}  // namespace vigor::features::imports
