#pragma once

#include "features/nutrition/targets_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::nutrition {

// /api/v1/nutrition/targets, .../targets/preview, /api/v1/nutrition/days/{date},
// /api/v1/nutrition/week.
void RegisterTargetsRoutes(platform::http::Router& router, TargetsService& targets);

}  // namespace vigor::features::nutrition
