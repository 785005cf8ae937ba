#pragma once

#include "features/webhooks/webhook_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::webhooks {

// /api/v1/webhooks (the app, with its client credentials) and
// /api/v1/me/apps/{client_id}/webhooks (the app's owner, signed in).
void RegisterRoutes(platform::http::Router& router, WebhookService& webhooks);

}  // namespace vigor::features::webhooks
