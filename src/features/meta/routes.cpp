#include "features/meta/routes.hpp"

#include <boost/json/serialize.hpp>

#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::meta {

namespace http = platform::http;

void RegisterRoutes(http::Router& router, const InstanceInfo& info) {
  // The answer only changes with a restart, so it is rendered once.
  std::string body = boost::json::serialize(boost::json::object{
      {"name", "Vigor"},
      {"version", info.version},
      {"api_version", "v1"},
      {"instance_name", info.instance_name},
      {"registration", info.registration},
  });
  router.Add({.method = http::Method::kGet,
              .path = "/api/v1/meta",
              .access = http::Access::kPublic,
              .blocking = false},
             [body](const http::Request&, http::RequestContext&) {
               auto response = http::Response::JsonText(200, body);
               response.headers.Set("Cache-Control", "no-cache");
               return response;
             });
}

}  // namespace vigor::features::meta
