#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "features/workouts/model.hpp"
#include "features/workouts/workout_service.hpp"

// How workouts, routines and programs look on the wire (api/openapi.yaml). Decoders check
// every field against the spec's types and ranges and throw one kValidation error listing all
// problems, each named by its path (`blocks[2].sets[0].reps`).
namespace vigor::features::workouts {

WorkoutInput DecodeWorkoutInput(const boost::json::object& body);
RoutineInput DecodeRoutineInput(const boost::json::object& body);
ProgramInput DecodeProgramInput(const boost::json::object& body);

// What a client would send for `input`: DecodeWorkoutInput gives back an equal input.
boost::json::object EncodeWorkoutInput(const WorkoutInput& input);
// Checks an input that did not arrive as JSON (an imported workout) by exactly the rules a
// client's request meets: the decoder's types, ranges and lengths (core/limits.hpp) and
// WorkoutService::CheckRules. Throws the kValidation error the API would answer, its fields
// named by path (`blocks[2].sets[0].weight_kg`). Existence of exercises is not checked.
void CheckWorkoutInput(const WorkoutInput& input);

boost::json::object EncodeWorkout(const Workout& workout);
// As JSON text, written without a boost::json tree: the history page is the hottest read
// (issue 16).
std::string EncodeWorkoutPage(const WorkoutPage& page);
boost::json::object EncodeLastSets(const LastSets& last);
boost::json::object EncodeRoutine(const Routine& routine);
boost::json::object EncodeTemplatePage(const TemplatePage& page);
boost::json::object EncodeProgram(const Program& program);

}  // namespace vigor::features::workouts
