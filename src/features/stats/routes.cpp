#include "features/stats/routes.hpp"

#include "features/stats/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::stats {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

namespace {

RangeQuery RangeOf(const Request& request) {
  return {.from = request.QueryParam("from"), .to = request.QueryParam("to")};
}

}  // namespace

void RegisterRoutes(http::Router& router, StatsService& stats) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/stats/summary",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&stats](const Request& request, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeStatsSummary(stats.Summary(
                                     ctx.User(), request.QueryParam("period"), RangeOf(request),
                                     request.QueryParam("kind"), request.QueryParam("sport"))));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/stats/muscles",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&stats](const Request& request, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeMuscleStats(stats.Muscles(ctx.User(), RangeOf(request))));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/stats/calendar",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&stats](const Request& request, RequestContext& ctx) {
               return http::Json(
                   200, EncodeTrainingCalendar(stats.Calendar(ctx.User(), RangeOf(request))));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/stats/load",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&stats](const Request& request, RequestContext& ctx) {
               return http::Json(200, EncodeTrainingLoad(stats.Load(ctx.User(), RangeOf(request))));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/stats/body-weight",
              .access = Access::kAuthenticated,
              .scope = "body:read"},
             [&stats](const Request& request, RequestContext& ctx) {
               return http::Json(
                   200, EncodeBodyWeightTrend(stats.BodyWeight(ctx.User(), RangeOf(request))));
             });
}

}  // namespace vigor::features::stats
