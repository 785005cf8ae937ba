#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "features/exercises/model.hpp"
#include "platform/http/message.hpp"

// How exercises look on the wire (api/openapi.yaml: Exercise, ExerciseInput).
namespace vigor::features::exercises {

boost::json::object EncodeExercise(const Exercise& exercise);
boost::json::object EncodeExercisePage(const ExercisePage& page);

// An ExerciseInput body; throws kValidation listing every bad field at once.
ExerciseInput DecodeExerciseInput(const boost::json::object& body);
// `?q=&muscle=&equipment=&category=&limit=&cursor=`; throws kValidation.
ExerciseQuery DecodeExerciseQuery(const platform::http::Request& request);

}  // namespace vigor::features::exercises
