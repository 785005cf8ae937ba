#pragma once

#include "features/notifications/notification_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::notifications {

// /api/v1/notifications..., /api/v1/me/notification-preferences: the signed-in user's own.
void RegisterNotificationRoutes(platform::http::Router& router, NotificationService& service);

}  // namespace vigor::features::notifications
