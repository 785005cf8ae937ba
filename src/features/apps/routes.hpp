#pragma once

#include "features/apps/app_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::apps {

// /api/v1/me/apps... (the signed-in user's own apps, from the web app only: a token may not
// register apps) and /api/v1/admin/apps... (admins, from the web app only).
void RegisterRoutes(platform::http::Router& router, AppService& apps);

}  // namespace vigor::features::apps
