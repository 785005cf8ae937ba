#include "features/operations/routes.hpp"

#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::operations {

namespace http = platform::http;
using platform::Error;
using platform::ErrorKind;

void RegisterRoutes(http::Router& router, platform::store::Database& database,
                    int expected_schema_version, const platform::obs::MetricsRegistry& metrics) {
  router.Add({.method = http::Method::kGet,
              .path = "/healthz",
              .access = http::Access::kPublic,
              .blocking = false},
             [](const http::Request&, http::RequestContext&) {
               return http::Response::JsonText(200, R"({"status":"ok"})");
             });

  router.Add({.method = http::Method::kGet, .path = "/readyz", .access = http::Access::kPublic},
             [&database, expected_schema_version](const http::Request&, http::RequestContext&) {
               int version = 0;
               try {
                 version = database.SchemaVersion();
               } catch (const std::exception&) {
                 throw Error(ErrorKind::kUnavailable, Msg("database_not_answering"));
               }
               if (version < expected_schema_version) {
                 throw Error(ErrorKind::kUnavailable, Msg("migrations_pending"));
               }
               return http::Json(200, {{"status", "ready"}, {"schema_version", version}});
             });

  router.Add({.method = http::Method::kGet,
              .path = "/metrics",
              .access = http::Access::kPublic,
              .blocking = false},
             [&metrics](const http::Request&, http::RequestContext&) {
               return http::Response::Text(200, metrics.Render(),
                                           "text/plain; version=0.0.4; charset=utf-8");
             });
}

}  // namespace vigor::features::operations
