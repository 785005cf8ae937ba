#pragma once

#include "features/challenges/challenge_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::challenges {

void RegisterChallengeRoutes(platform::http::Router& router, ChallengeService& challenges);

}  // namespace vigor::features::challenges
