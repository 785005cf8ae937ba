#include "features/nutrition/targets_routes.hpp"

#include "features/nutrition/targets_json.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::nutrition {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

void RegisterTargetsRoutes(http::Router& router, TargetsService& targets) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/nutrition/targets",
              .access = Access::kAuthenticated,
              .scope = "nutrition:read"},
             [&targets](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeTargets(targets.Get(ctx.User())));
             });

  router.Add({.method = Method::kPut,
              .path = "/api/v1/nutrition/targets",
              .access = Access::kAuthenticated,
              .scope = "nutrition:write"},
             [&targets](const Request& request, RequestContext& ctx) {
               auto settings = DecodeTargetsSettings(http::ParseJsonObject(request));
               return http::Json(200, EncodeTargets(targets.Set(ctx.User(), settings)));
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/nutrition/targets/preview",
              .access = Access::kAuthenticated,
              .scope = "nutrition:read"},
             [&targets](const Request& request, RequestContext& ctx) {
               auto settings = DecodeTargetsSettings(http::ParseJsonObject(request));
               return http::Json(200, EncodeTargets(targets.Preview(ctx.User(), settings)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/nutrition/days/{date}",
              .access = Access::kAuthenticated,
              .scope = "nutrition:read"},
             [&targets](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeNutrientDay(targets.Day(ctx.User(), ctx.Param("date"))));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/nutrition/week",
              .access = Access::kAuthenticated,
              .scope = "nutrition:read"},
             [&targets](const Request& request, RequestContext& ctx) {
               return http::Json(
                   200, EncodeNutritionWeek(targets.Week(ctx.User(), request.QueryParam("date"))));
             });
}

}  // namespace vigor::features::nutrition
