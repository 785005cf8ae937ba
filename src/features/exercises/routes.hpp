#pragma once

#include "features/exercises/exercise_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::exercises {

// /api/v1/exercises and /api/v1/exercises/{id}: reads need workouts:read, writes workouts:write.
void RegisterRoutes(platform::http::Router& router, ExerciseService& exercises);

}  // namespace vigor::features::exercises
