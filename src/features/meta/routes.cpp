#include "features/meta/routes.hpp"

#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::meta {

namespace http = platform::http;

void RegisterRoutes(http::Router& router, InstanceInfo info) {
  router.Add(
      // Answered from memory (InstanceSettings holds the values): no hop to the worker pool.
      {.method = http::Method::kGet,
       .path = "/api/v1/meta",
       .access = http::Access::kPublic,
       .blocking = false},
      [info = std::move(info)](const http::Request&, http::RequestContext&) {
        boost::json::value map = nullptr;
        if (auto tiles = info.map_tiles()) {
          map = boost::json::object{{"tile_url", tiles->tile_url},
                                    {"attribution", tiles->attribution}};
        }
        auto response = http::Json(200, {{"name", "Vigor"},
                                         {"version", info.version},
                                         {"api_version", "v1"},
                                         {"instance_name", info.instance_name},
                                         {"registration", info.registration()},
                                         {"map", std::move(map)}});
        response.headers.Set("Cache-Control", "no-cache");
        return response;
      });
}

}  // namespace vigor::features::meta
