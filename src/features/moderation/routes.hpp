#pragma once

#include "features/moderation/moderation_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::moderation {

// POST /api/v1/reports; the moderators' queue and appeals under /api/v1/admin/moderation/...;
// the reported user's /api/v1/me/moderation-decisions and their appeal.
void RegisterModerationRoutes(platform::http::Router& router, ModerationService& moderation);

}  // namespace vigor::features::moderation
