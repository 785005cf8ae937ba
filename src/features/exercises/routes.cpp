#include "features/exercises/routes.hpp"

#include "features/exercises/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::exercises {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

void RegisterRoutes(http::Router& router, ExerciseService& exercises) {
  auto spec = [](Method method, std::string path, std::string scope) {
    return http::RouteSpec{.method = method,
                           .path = std::move(path),
                           .access = Access::kAuthenticated,
                           .scope = std::move(scope)};
  };
  const std::string read = "workouts:read";
  const std::string write = "workouts:write";

  router.Add(spec(Method::kGet, "/api/v1/exercises", read),
             [&exercises](const Request& request, RequestContext& ctx) {
               auto query = DecodeExerciseQuery(request);
               return http::Json(200, EncodeExercisePage(exercises.Search(ctx.User(), query)));
             });

  router.Add(spec(Method::kPost, "/api/v1/exercises", write),
             [&exercises](const Request& request, RequestContext& ctx) {
               auto input = DecodeExerciseInput(http::ParseJsonObject(request));
               return http::Json(201, EncodeExercise(exercises.Create(ctx.User(), input)));
             });

  router.Add(spec(Method::kGet, "/api/v1/exercises/{id}", read),
             [&exercises](const Request& /*request*/, RequestContext& ctx) {
               return http::Json(200, EncodeExercise(exercises.Get(ctx.User(), ctx.Param("id"))));
             });

  router.Add(spec(Method::kPut, "/api/v1/exercises/{id}", write),
             [&exercises](const Request& request, RequestContext& ctx) {
               auto input = DecodeExerciseInput(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodeExercise(exercises.Update(ctx.User(), ctx.Param("id"), input)));
             });

  router.Add(spec(Method::kDelete, "/api/v1/exercises/{id}", write),
             [&exercises](const Request&, RequestContext& ctx) {
               exercises.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });
}

}  // namespace vigor::features::exercises
