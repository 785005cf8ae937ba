#include "features/workouts/json_codec.hpp"
#include "features/workouts/owned_collection_routes.hpp"
#include "features/workouts/routes.hpp"

namespace vigor::features::workouts {

void RegisterProgramRoutes(platform::http::Router& router, ProgramService& programs) {
  AddOwnedCollectionRoutes(
      router, "/api/v1/programs", kProgramTag, programs,
      [](const boost::json::object& body) { return DecodeProgramInput(body); },
      [](const Program& program) { return EncodeProgram(program); });
}

}  // namespace vigor::features::workouts
