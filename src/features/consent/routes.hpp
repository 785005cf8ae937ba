#pragma once

#include "features/consent/consent_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::consent {

void RegisterRoutes(platform::http::Router& router, ConsentService& consent);

}  // namespace vigor::features::consent
