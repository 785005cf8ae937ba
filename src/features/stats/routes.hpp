#pragma once

#include "features/stats/stats_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::stats {

// /api/v1/stats/...: summary, muscles, calendar and load need workouts:read; body-weight
// body:read.
void RegisterRoutes(platform::http::Router& router, StatsService& stats);

}  // namespace vigor::features::stats
