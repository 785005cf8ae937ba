#include "features/meta/routes.hpp"

#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::meta {

namespace http = platform::http;

void RegisterRoutes(http::Router& router, InstanceInfo info) {
  router.Add(
      {.method = http::Method::kGet, .path = "/api/v1/meta", .access = http::Access::kPublic},
      [info = std::move(info)](const http::Request&, http::RequestContext&) {
        auto response = http::Json(200, {{"name", "Vigor"},
                                         {"version", info.version},
                                         {"api_version", "v1"},
                                         {"instance_name", info.instance_name},
                                         {"registration", info.registration()}});
        response.headers.Set("Cache-Control", "no-cache");
        return response;
      });
}

}  // namespace vigor::features::meta
