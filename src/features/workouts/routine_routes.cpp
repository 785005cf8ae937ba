#include <boost/json/array.hpp>

#include "features/workouts/json_codec.hpp"
#include "features/workouts/routes.hpp"
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

void RegisterRoutineRoutes(http::Router& router, RoutineService& routines) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/routines",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&routines](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& r : routines.List(ctx.User())) items.push_back(EncodeRoutine(r));
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/routines",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&routines](const Request& request, RequestContext& ctx) {
               auto input = DecodeRoutineInput(http::ParseJsonObject(request));
               return http::Json(201, EncodeRoutine(routines.Create(ctx.User(), input)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/routines/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&routines](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeRoutine(routines.Get(ctx.User(), ctx.Param("id"))));
             });

  router.Add({.method = Method::kPut,
              .path = "/api/v1/routines/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&routines](const Request& request, RequestContext& ctx) {
               auto input = DecodeRoutineInput(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodeRoutine(routines.Replace(ctx.User(), ctx.Param("id"), input)));
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/routines/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&routines](const Request&, RequestContext& ctx) {
               routines.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });

  // Templates: public routines of every user, read and copied by any signed-in user.
  router.Add({.method = Method::kGet,
              .path = "/api/v1/routine-templates",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&routines](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(200, EncodeTemplatePage(routines.ListTemplates(
                                          ctx.User(), page.cursor, page.limit)));
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/routine-templates/{id}/copy",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&routines](const Request&, RequestContext& ctx) {
               return http::Json(201,
                                 EncodeRoutine(routines.CopyTemplate(ctx.User(), ctx.Param("id"))));
             });
}

}  // namespace vigor::features::workouts
