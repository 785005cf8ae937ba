#pragma once

#include "features/imports/import_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::imports {

// The largest upload: a FIT or GPX file of a very long activity, or a whole training log.
inline constexpr std::size_t kMaxUploadBytes = 64 * 1024 * 1024;

// /api/v1/imports..., /api/v1/workouts/{id}/track, /api/v1/workouts/{id}/gpx,
// /api/v1/exports/sets.csv
void RegisterRoutes(platform::http::Router& router, ImportService& imports);

}  // namespace vigor::features::imports
