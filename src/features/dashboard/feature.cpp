#include "features/dashboard/feature.hpp"

#include "platform/http/conditional_get.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::dashboard {

DashboardFeature::DashboardFeature(platform::FeatureContext& context, DashboardSources sources)
    : service_(context.database, std::move(sources), platform::http::SerializeJson,
               platform::http::RepresentationETag) {
  namespace http = platform::http;
  context.router.Add({.method = http::Method::kGet,
                      .path = "/api/v1/dashboard",
                      .access = http::Access::kAuthenticated,
                      .scope = "workouts:read"},
                     [this](const http::Request&, http::RequestContext& ctx) {
                       auto home = service_.Body(ctx.User(), std::chrono::system_clock::now());
                       ctx.known_etag = home->etag;
                       return http::Response::JsonText(200, home->body);
                     });
}

}  // namespace vigor::features::dashboard
