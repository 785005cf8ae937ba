#pragma once

#include "features/feed/feed_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::feed {

// /api/v1/feed, /api/v1/feed-items/{id}, .../kudos, .../comments, /api/v1/comments/{id}.
void RegisterRoutes(platform::http::Router& router, FeedService& feed);

}  // namespace vigor::features::feed
