#pragma once

#include <functional>
#include <optional>
#include <string>

#include "features/social/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::social {

// The counts a profile shows, read inside the profile's read transaction from the feature that
// keeps them (the stats feature's aggregates; connected in app/feature_links). Unconnected
// (a test of the social feature alone), profiles carry no stats.
using ProfileStatsSource =
    std::function<std::optional<ProfileStats>(platform::store::Session&, const std::string&)>;

}  // namespace vigor::features::social
