#include "features/admin/routes.hpp"

#include <boost/json/array.hpp>

#include "features/accounts/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::admin {

namespace http = platform::http;
using accounts::ClientFrom;
using accounts::EncodeAdminUser;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {
// Unset map fields are empty strings, the way the admin form shows them.
boost::json::object EncodeSettings(const Settings& settings) {
  return {{"registration", settings.registration},
          {"map_tile_url", settings.map ? settings.map->tile_url : ""},
          {"map_attribution", settings.map ? settings.map->attribution : ""},
          {"webhooks_allow_private_targets", settings.webhooks_allow_private_targets},
          {"erasure_grace_days", settings.erasure_grace_days}};
}
}  // namespace

void RegisterRoutes(http::Router& router, AdminService& admin) {
  auto spec = [](Method method, std::string path) {
    return http::RouteSpec{
        .method = method, .path = std::move(path), .access = Access::kAdmin, .session_only = true};
  };

  router.Add(spec(Method::kGet, "/api/v1/admin/users"),
             [&admin](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               auto q = request.QueryParam("q").value_or("");
               if (q.size() > 100) {
                 throw platform::Error(platform::ErrorKind::kValidation, Msg("invalid_query"),
                                       {{"q", Msg("at_most_100_characters")}});
               }
               auto users = admin.ListUsers(ctx.User(), q, page.cursor, page.limit);
               boost::json::array items;
               for (const auto& u : users.items) items.push_back(EncodeAdminUser(u));
               return http::Json(
                   200, {{"items", std::move(items)},
                         {"next_cursor", users.next_cursor ? boost::json::value(*users.next_cursor)
                                                           : boost::json::value(nullptr)}});
             });

  router.Add(spec(Method::kGet, "/api/v1/admin/users/{id}"),
             [&admin](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeAdminUser(admin.GetUser(ctx.User(), ctx.Param("id"))));
             });

  router.Add(spec(Method::kPatch, "/api/v1/admin/users/{id}"), [&admin](const Request& request,
                                                                        RequestContext& ctx) {
    http::JsonBody body(request);
    UserChange change;
    if (auto role = body.String("role", {.max_length = 20})) {
      platform::auth::Role parsed;
      if (platform::auth::ParseRole(*role, parsed)) {
        change.role = parsed;
      } else {
        body.field_errors().Add("role", Msg("role_invalid"));
      }
    }
    if (auto status = body.String("status", {.max_length = 20})) {
      if (*status == "active" || *status == "disabled") {
        change.status = accounts::ParseStatus(*status);
      } else {
        body.field_errors().Add("status", Msg("user_status_invalid"));
      }
    }
    body.Finish({"role", "status"});
    return http::Json(200, EncodeAdminUser(admin.UpdateUser(ctx.User(), ctx.Param("id"), change,
                                                            ClientFrom(request))));
  });

  router.Add(spec(Method::kDelete, "/api/v1/admin/users/{id}"),
             [&admin](const Request& request, RequestContext& ctx) {
               admin.DeleteUser(ctx.User(), ctx.Param("id"), ClientFrom(request));
               return Response::Empty(204);
             });

  router.Add(spec(Method::kPost, "/api/v1/admin/users/{id}/password-reset"),
             [&admin](const Request& request, RequestContext& ctx) {
               admin.ForcePasswordReset(ctx.User(), ctx.Param("id"), ClientFrom(request));
               return Response::Empty(204);
             });

  router.Add(spec(Method::kGet, "/api/v1/admin/settings"),
             [&admin](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeSettings(admin.GetSettings(ctx.User())));
             });

  router.Add(spec(Method::kPut, "/api/v1/admin/settings"), [&admin](const Request& request,
                                                                    RequestContext& ctx) {
    http::JsonBody body(request);
    SettingsChange change;
    change.registration = body.String("registration", {.max_length = 20});
    // Length and content are the service's rules; this bound only keeps the body small.
    auto url = body.String("map_tile_url", {.max_length = 4096});
    auto attribution = body.String("map_attribution", {.max_length = 4096});
    change.webhooks_allow_private_targets = body.Bool("webhooks_allow_private_targets", false);
    // The range is the service's rule (a field error there); this only keeps the number sane.
    change.erasure_grace_days = body.Int("erasure_grace_days", false, -1'000'000, 1'000'000);
    body.Finish({"registration", "map_tile_url", "map_attribution",
                 "webhooks_allow_private_targets", "erasure_grace_days"});
    if (url || attribution) change.map = core::MapTiles{url.value_or(""), attribution.value_or("")};
    return http::Json(
        200, EncodeSettings(admin.ChangeSettings(ctx.User(), change, ClientFrom(request))));
  });

  router.Add(spec(Method::kPost, "/api/v1/admin/invites"),
             [&admin](const Request& request, RequestContext& ctx) {
               auto invite = admin.CreateInvite(ctx.User(), ClientFrom(request));
               return http::Json(201, {{"code", invite.code}, {"expires_at", invite.expires_at}});
             });

  router.Add(spec(Method::kGet, "/api/v1/admin/audit-events"), [&admin](const Request& request,
                                                                        RequestContext& ctx) {
    auto page = http::ParsePage(request);
    return http::Json(
        200, accounts::EncodeAuditPage(admin.AuditEvents(ctx.User(), page.cursor, page.limit)));
  });
}

}  // namespace vigor::features::admin
