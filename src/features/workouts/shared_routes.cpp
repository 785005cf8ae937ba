#include "features/workouts/routes.hpp"
#include "features/workouts/shared_workouts.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::workouts {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

// A file name safe in a Content-Disposition header: letters, digits, '-', '_', ' ' and '.'.
std::string SafeFileName(std::string_view title) {
  std::string out;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ' ' ||
        c == '.') {
      out.push_back(c);
    }
  }
  if (out.size() > 80) out.resize(80);
  return out.empty() ? std::string("workout") : out;
}

}  // namespace

// Anyone may ask (Access::kPublic with a scope: a signed-in caller is known, so the privacy
// policy sees who looks); what is shown is what the policy lets the caller see.
void RegisterSharedWorkoutRoutes(http::Router& router, SharedWorkoutService& shared) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/workouts",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&shared](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(
                   200, shared.List(ctx.principal, ctx.Param("username"), page.cursor, page.limit));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/workouts/{id}",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&shared](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 shared.Get(ctx.principal, ctx.Param("username"), ctx.Param("id")));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/workouts/{id}/track",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&shared](const Request&, RequestContext& ctx) {
               return http::Json(
                   200, shared.Track(ctx.principal, ctx.Param("username"), ctx.Param("id")));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/workouts/{id}/gpx",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&shared](const Request&, RequestContext& ctx) {
               std::string title;
               auto gpx = shared.Gpx(ctx.principal, ctx.Param("username"), ctx.Param("id"), title);
               auto response = Response::Text(200, std::move(gpx), "application/gpx+xml");
               response.headers.Set("Content-Disposition",
                                    "attachment; filename=\"" + SafeFileName(title) + ".gpx\"");
               return response;
             });
}

void RegisterVisibilityChangeRoutes(http::Router& router, VisibilityChangeService& changes) {
  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/visibility-changes",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&changes](const Request& request, RequestContext& ctx) {
               auto input = DecodeVisibilityChangeRequest(http::ParseJsonObject(request));
               auto job = changes.Submit(ctx.User(), input);
               auto response = http::Json(202, EncodeVisibilityChange(job));
               response.headers.Set("Location", "/api/v1/me/visibility-changes/" + job.id);
               return response;
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/visibility-changes/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&changes](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeVisibilityChange(changes.Get(ctx.User(), ctx.Param("id"))));
             });
}

}  // namespace vigor::features::workouts
