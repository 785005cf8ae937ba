#pragma once

#include "features/diagnostics/write_probe.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::diagnostics {

void RegisterRoutes(platform::http::Router& router, WriteProbeService& probes);

}  // namespace vigor::features::diagnostics
