#pragma once

#include "features/clubs/club_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::clubs {

void RegisterClubRoutes(platform::http::Router& router, ClubService& service);

}  // namespace vigor::features::clubs
