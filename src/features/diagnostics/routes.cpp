#include "features/diagnostics/routes.hpp"

#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::diagnostics {

namespace http = platform::http;

namespace {

boost::json::object Encode(const WriteProbe& probe) {
  return {{"key", probe.key}, {"value", probe.value}, {"updated_at", probe.updated_at}};
}

std::chrono::milliseconds HoldFrom(const http::Request& request) {
  auto text = request.QueryParam("hold_ms");
  if (!text) return std::chrono::milliseconds(0);
  try {
    std::size_t used = 0;
    long long ms = std::stoll(*text, &used);
    if (used == text->size()) return std::chrono::milliseconds(ms);
  } catch (const std::exception&) {
  }
  throw platform::Error(platform::ErrorKind::kValidation, Msg("invalid_fields"),
                        {{"hold_ms", Msg("not_whole_milliseconds")}});
}

}  // namespace

void RegisterRoutes(http::Router& router, WriteProbeService& probes) {
  router.Add({.method = http::Method::kPut,
              .path = "/diagnostics/write-probe/{key}",
              .access = http::Access::kPublic,
              .csrf_exempt = true},
             [&probes](const http::Request& request, http::RequestContext& ctx) {
               http::JsonBody body(request);
               auto value = body.Required("value", 1024, 0);
               body.Finish({"value"});
               auto probe = probes.Put(ctx.Param("key"), value, HoldFrom(request));
               return http::Json(200, Encode(probe));
             });
  router.Add({.method = http::Method::kGet,
              .path = "/diagnostics/write-probe/{key}",
              .access = http::Access::kPublic},
             [&probes](const http::Request&, http::RequestContext& ctx) {
               return http::Json(200, Encode(probes.Get(ctx.Param("key"))));
             });
}

}  // namespace vigor::features::diagnostics
