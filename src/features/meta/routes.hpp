#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/map_tiles.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::meta {

// What a client may know about this instance before signing in.
struct InstanceInfo {
  std::string version;
  std::string instance_name;
  std::function<std::string()> registration;                 // admins change it at run time
  std::function<std::optional<core::MapTiles>()> map_tiles;  // likewise
};

void RegisterRoutes(platform::http::Router& router, InstanceInfo info);

}  // namespace vigor::features::meta
