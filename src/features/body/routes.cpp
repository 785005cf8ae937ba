#include "features/body/routes.hpp"

#include <boost/json/array.hpp>

#include "features/body/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::body {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

// ?kind=&from=&to= (the service checks the values)
MeasurementFilter ParseFilter(const Request& request) {
  auto kind = request.QueryParam("kind");
  if (!kind) {
    throw platform::Error(platform::ErrorKind::kValidation, Msg("invalid_fields"),
                          {{"kind", Msg("required")}});
  }
  return {
      .kind = std::move(*kind), .from = request.QueryParam("from"), .to = request.QueryParam("to")};
}

}  // namespace

void RegisterRoutes(http::Router& router, MeasurementService& measurements) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/measurements",
              .access = Access::kAuthenticated,
              .scope = "body:read"},
             [&measurements](const Request& request, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& m : measurements.List(ctx.User(), ParseFilter(request))) {
                 items.push_back(EncodeMeasurement(m));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/measurements/kinds",
              .access = Access::kAuthenticated,
              .scope = "body:read"},
             [&measurements](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& k : measurements.Kinds(ctx.User())) {
                 items.push_back(EncodeMeasurementKind(k));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kPut,
              .path = "/api/v1/measurements",
              .access = Access::kAuthenticated,
              .scope = "body:write"},
             [&measurements](const Request& request, RequestContext& ctx) {
               auto input = DecodeMeasurementInput(http::ParseJsonObject(request));
               return http::Json(200, EncodeMeasurement(measurements.Put(ctx.User(), input)));
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/measurements/{id}",
              .access = Access::kAuthenticated,
              .scope = "body:write"},
             [&measurements](const Request&, RequestContext& ctx) {
               measurements.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });

  // One user's entries as others see them: anyone may ask (a signed-in caller is known, so the
  // privacy policy sees who looks); body entries are private unless their owner shares them.
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/measurements",
              .access = Access::kPublic,
              .scope = "body:read"},
             [&measurements](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               std::optional<std::string> viewer_id;
               if (ctx.principal) viewer_id = ctx.principal->user_id;
               auto shared =
                   measurements.ListOf(viewer_id, ctx.Param("username"), request.QueryParam("kind"),
                                       page.cursor, page.limit);
               boost::json::array items;
               for (const auto& m : shared.items) {
                 items.push_back(boost::json::object{{"id", m.id},
                                                     {"kind", m.kind},
                                                     {"day", m.day},
                                                     {"value", m.value},
                                                     {"unit", m.unit},
                                                     {"visibility", m.visibility}});
               }
               boost::json::object o{{"items", std::move(items)}};
               o["next_cursor"] = shared.next_cursor ? boost::json::value(*shared.next_cursor)
                                                     : boost::json::value(nullptr);
               return http::Json(200, std::move(o));
             });
}

}  // namespace vigor::features::body
