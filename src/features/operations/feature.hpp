#pragma once

#include "platform/feature.hpp"

namespace vigor::features::operations {

// /healthz, /readyz and /metrics: for load balancers, orchestrators and Prometheus.
class OperationsFeature final : public platform::Feature {
 public:
  explicit OperationsFeature(platform::FeatureContext& context);
};

}  // namespace vigor::features::operations
