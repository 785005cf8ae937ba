#include <boost/json/array.hpp>

#include "features/workouts/json_codec.hpp"
#include "features/workouts/routes.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::workouts {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

void RegisterProgramRoutes(http::Router& router, ProgramService& programs) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/programs",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&programs](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& p : programs.List(ctx.User())) items.push_back(EncodeProgram(p));
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/programs",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&programs](const Request& request, RequestContext& ctx) {
               auto input = DecodeProgramInput(http::ParseJsonObject(request));
               return http::Json(201, EncodeProgram(programs.Create(ctx.User(), input)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/programs/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&programs](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeProgram(programs.Get(ctx.User(), ctx.Param("id"))));
             });

  router.Add({.method = Method::kPut,
              .path = "/api/v1/programs/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&programs](const Request& request, RequestContext& ctx) {
               auto input = DecodeProgramInput(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodeProgram(programs.Replace(ctx.User(), ctx.Param("id"), input)));
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/programs/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&programs](const Request&, RequestContext& ctx) {
               programs.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });
}

}  // namespace vigor::features::workouts
