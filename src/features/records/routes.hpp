#pragma once

#include "features/records/record_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::records {

// /api/v1/records, /api/v1/records/history, /api/v1/workouts/{id}/records,
// /api/v1/exercises/{id}/progress and /api/v1/workouts/{id}/zones.
void RegisterRoutes(platform::http::Router& router, RecordsService& records);

}  // namespace vigor::features::records
