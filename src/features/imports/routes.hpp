#pragma once

#include <boost/json/object.hpp>

#include "core/limits.hpp"
#include "features/imports/import_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::imports {

// The largest upload: a FIT or GPX file of a very long activity, or a whole training log (one
// limit for every way in: core/limits.hpp).
inline constexpr std::size_t kMaxUploadBytes = core::limits::kImportFileBytes;

// /api/v1/imports..., /api/v1/workouts/{id}/track, /api/v1/workouts/{id}/gpx,
// /api/v1/exports/sets.csv
void RegisterRoutes(platform::http::Router& router, ImportService& imports);

// An import as GET /api/v1/imports/{id} shows it.
boost::json::object EncodeImport(const platform::jobs::Job& job);

}  // namespace vigor::features::imports
