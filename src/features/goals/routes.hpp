#pragma once

#include "features/goals/goal_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::goals {

// /api/v1/goals, /api/v1/goals/preview, /api/v1/goals/{id} and /api/v1/goals/{id}/history.
void RegisterGoalRoutes(platform::http::Router& router, GoalService& goals);

}  // namespace vigor::features::goals
