#include "features/dashboard/feature.hpp"

#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::dashboard {

DashboardFeature::DashboardFeature(platform::FeatureContext& context, DashboardSources sources)
    : service_(context.database, std::move(sources), platform::http::SerializeJson) {
  namespace http = platform::http;
  context.router.Add({.method = http::Method::kGet,
                      .path = "/api/v1/dashboard",
                      .access = http::Access::kAuthenticated,
                      .scope = "workouts:read"},
                     [this](const http::Request&, http::RequestContext& ctx) {
                       return http::Response::JsonText(
                           200, *service_.Body(ctx.User(), std::chrono::system_clock::now()));
                     });
}

}  // namespace vigor::features::dashboard
