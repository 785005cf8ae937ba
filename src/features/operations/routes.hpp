#pragma once

#include "platform/http/router.hpp"
#include "platform/obs/metrics.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::operations {

// /healthz, /readyz and /metrics: for load balancers, orchestrators and Prometheus.
void RegisterRoutes(platform::http::Router& router, platform::store::Database& database,
                    int expected_schema_version, const platform::obs::MetricsRegistry& metrics);

}  // namespace vigor::features::operations
