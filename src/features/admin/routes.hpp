#pragma once

#include "features/admin/admin_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::admin {

// /api/v1/admin/...: every route needs the admin role and a browser session.
void RegisterRoutes(platform::http::Router& router, AdminService& admin);

}  // namespace vigor::features::admin
