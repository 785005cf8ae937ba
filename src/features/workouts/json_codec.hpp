#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "features/workouts/model.hpp"
#include "features/workouts/workout_service.hpp"

// How workouts, routines and measurements look on the wire (api/openapi.yaml). Decoders check
// every field against the spec's types and ranges and throw one kValidation error listing all
// problems, each named by its path (`blocks[2].sets[0].reps`).
namespace vigor::features::workouts {

WorkoutInput DecodeWorkoutInput(const boost::json::object& body);
RoutineInput DecodeRoutineInput(const boost::json::object& body);
MeasurementInput DecodeMeasurementInput(const boost::json::object& body);
ProgramInput DecodeProgramInput(const boost::json::object& body);

boost::json::object EncodeWorkout(const Workout& workout);
boost::json::object EncodeWorkoutPage(const WorkoutPage& page);
boost::json::object EncodeLastSets(const LastSets& last);
boost::json::object EncodeRoutine(const Routine& routine);
boost::json::object EncodeTemplatePage(const TemplatePage& page);
boost::json::object EncodeProgram(const Program& program);
boost::json::object EncodeMeasurement(const Measurement& measurement);
boost::json::object EncodeMeasurementKind(const MeasurementKindSummary& kind);

// A workout's ETag: its revision, quoted ("w-7").
std::string WorkoutETag(std::int64_t rev);
// The If-Match header as revisions; nullopt when absent. Tags this server did not hand out (and
// weak ones, which If-Match never matches) are left out, so they match nothing.
std::optional<IfMatch> ParseIfMatch(std::optional<std::string_view> header);

}  // namespace vigor::features::workouts
