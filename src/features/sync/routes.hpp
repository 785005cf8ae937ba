#pragma once

#include "features/sync/change_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::sync {

// GET /api/v1/changes?since=&limit=: a token needs workouts:read or body:read and sees the kinds
// those cover (the service decides, so the route itself names no single scope).
void RegisterRoutes(platform::http::Router& router, ChangeService& changes);

}  // namespace vigor::features::sync
