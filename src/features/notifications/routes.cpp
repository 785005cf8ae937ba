#include "features/notifications/routes.hpp"

#include "features/notifications/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::notifications {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

void RegisterNotificationRoutes(http::Router& router, NotificationService& service) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/notifications",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&service](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(200, EncodeNotificationPage(service.List(
                                          ctx.User().user_id, page.cursor, page.limit)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/notifications/unread-count",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&service](const Request&, RequestContext& ctx) {
               return http::Json(200, {{"unread_count", service.UnreadCount(ctx.User().user_id)}});
             });
  router.Add(
      {.method = Method::kPost,
       .path = "/api/v1/notifications/read",
       .access = Access::kAuthenticated,
       .scope = "social:write"},
      [&service](const Request& request, RequestContext& ctx) {
        auto ids =
            DecodeMarkRead(http::ParseJsonObject(request), NotificationService::kMarkReadMaxIds);
        return http::Json(200, {{"unread_count", service.MarkRead(ctx.User().user_id, ids)}});
      });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/notification-preferences",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&service](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodePreferences(service.Preferences(ctx.User().user_id)));
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/me/notification-preferences",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request& request, RequestContext& ctx) {
               auto patch = DecodePreferencesPatch(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodePreferences(service.UpdatePreferences(ctx.User().user_id, patch)));
             });
}

}  // namespace vigor::features::notifications
