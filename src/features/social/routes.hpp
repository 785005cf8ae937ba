#pragma once

#include "features/social/social_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::social {

// /api/v1/me/profile, /me/avatar, /me/privacy, /me/privacy-zones, /me/follow-requests,
// /me/followers, /me/blocks, /me/mutes, /users and /users/{username}/...
void RegisterSocialRoutes(platform::http::Router& router, SocialService& social);

}  // namespace vigor::features::social
