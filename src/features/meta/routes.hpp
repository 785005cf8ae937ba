#pragma once

#include <functional>
#include <string>

#include "platform/http/router.hpp"

namespace vigor::features::meta {

// What a client may know about this instance before signing in.
struct InstanceInfo {
  std::string version;
  std::string instance_name;
  std::function<std::string()> registration;  // admins change it at run time
};

void RegisterRoutes(platform::http::Router& router, InstanceInfo info);

}  // namespace vigor::features::meta
