#pragma once

#include "features/oauth/oauth_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::platform::ratelimit {
class RateLimiter;
}

namespace vigor::features::oauth {

// /oauth/* (form bodies in, RFC 6749 JSON out), /.well-known/oauth-authorization-server, and
// the web app's /api/v1 routes for the consent and device pages and connected apps.
void RegisterRoutes(platform::http::Router& router, OAuthService& oauth,
                    platform::ratelimit::RateLimiter& limiter);

}  // namespace vigor::features::oauth
