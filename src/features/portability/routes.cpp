#include "features/portability/routes.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <iterator>

#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::portability {

namespace http = platform::http;
namespace json = boost::json;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

json::object EncodeExport(const DataExport& e) {
  json::object o{{"id", e.id},
                 {"status", e.status},
                 {"progress", e.status == "ready" ? 1.0 : e.progress},
                 {"created_at", e.created_at},
                 {"expires_at", e.expires_at}};
  o["ready_at"] = e.ready_at ? json::value(*e.ready_at) : json::value(nullptr);
  o["size_bytes"] = e.size_bytes ? json::value(*e.size_bytes) : json::value(nullptr);
  o["sha256"] = e.sha256 ? json::value(*e.sha256) : json::value(nullptr);
  o["download_url"] = e.status == "ready" ? json::value("/api/v1/me/exports/" + e.id + "/download")
                                          : json::value(nullptr);
  return o;
}

json::object EncodeOutcome(const ImportOutcome& outcome) {
  json::object o{{"id", outcome.id}, {"status", outcome.status}};
  o["report"] = outcome.report ? json::value(*outcome.report) : json::value(nullptr);
  o["error"] = outcome.error ? json::value(*outcome.error) : json::value(nullptr);
  return o;
}

}  // namespace

void RegisterRoutes(http::Router& router, PortabilityService& service) {
  // Everything a user owns leaves or arrives only through the user's own browser session: no
  // token, however scoped, can take the whole account.
  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/exports",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&service](const Request&, RequestContext& ctx) {
               auto created = service.Request(ctx.User());
               auto response = http::Json(202, EncodeExport(created));
               response.headers.Set("Location", "/api/v1/me/exports/" + created.id);
               return response;
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/exports",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&service](const Request&, RequestContext& ctx) {
               json::array items;
               for (const auto& e : service.List(ctx.User())) items.push_back(EncodeExport(e));
               return http::Json(200, json::object{{"items", std::move(items)}});
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/exports/{id}",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&service](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeExport(service.Get(ctx.User(), ctx.Param("id"))));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/exports/{id}/download",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&service](const Request&, RequestContext& ctx) {
               auto path = service.FileOf(ctx.User(), ctx.Param("id"));
               std::ifstream in(path, std::ios::binary);
               std::string bytes(std::istreambuf_iterator<char>(in), {});
               auto response = Response::Text(200, std::move(bytes), "application/zip");
               response.headers.Set("Content-Disposition",
                                    "attachment; filename=\"vigor-export.zip\"");
               response.headers.Set("Cache-Control", "no-store");
               return response;
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/import",
              .access = Access::kAuthenticated,
              .session_only = true,
              .max_body_bytes = kMaxImportBytes},
             [&service](const Request& request, RequestContext& ctx) {
               auto outcome = service.Import(ctx.User(), request.body);
               int status = outcome.status == "queued" || outcome.status == "running" ? 202 : 200;
               return http::Json(status, EncodeOutcome(outcome));
             });
}

}  // namespace vigor::features::portability
