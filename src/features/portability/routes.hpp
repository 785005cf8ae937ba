#pragma once

#include "features/portability/portability_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::portability {

// Largest export accepted for import (a zip of years of tracks).
inline constexpr std::size_t kMaxImportBytes = 256 * 1024 * 1024;

void RegisterRoutes(platform::http::Router& router, PortabilityService& service);

}  // namespace vigor::features::portability
