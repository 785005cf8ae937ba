#include "features/workouts/json_codec.hpp"
#include "features/workouts/owned_collection_routes.hpp"
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

void RegisterRoutineRoutes(http::Router& router, RoutineService& routines) {
  AddOwnedCollectionRoutes(
      router, "/api/v1/routines", kRoutineTag, routines,
      [](const boost::json::object& body) { return DecodeRoutineInput(body); },
      [](const Routine& routine) { return EncodeRoutine(routine); });

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
