#pragma once

#include "features/body/measurement_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::body {

// /api/v1/measurements...: reads need body:read, writes body:write.
void RegisterRoutes(platform::http::Router& router, MeasurementService& measurements);

}  // namespace vigor::features::body
