#pragma once

#include "features/dashboard/dashboard_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::dashboard {

// The signed-in home: GET /api/v1/dashboard. It owns no data; its parts come from the stats,
// goals and records features through `sources`.
class DashboardFeature final : public platform::Feature {
 public:
  DashboardFeature(platform::FeatureContext& context, DashboardSources sources);

  DashboardService& service() { return service_; }

 private:
  DashboardService service_;
};

}  // namespace vigor::features::dashboard
