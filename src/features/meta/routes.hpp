#pragma once

#include <string>

#include "platform/http/router.hpp"

namespace vigor::features::meta {

// What a client may know about this instance before signing in.
struct InstanceInfo {
  std::string version;
  std::string instance_name;
  std::string registration;
};

void RegisterRoutes(platform::http::Router& router, const InstanceInfo& info);

}  // namespace vigor::features::meta
