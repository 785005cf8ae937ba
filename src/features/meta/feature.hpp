#pragma once

#include "features/meta/routes.hpp"
#include "platform/feature.hpp"

namespace vigor::features::meta {

// /api/v1/meta: what a client may know about this instance before signing in.
class MetaFeature final : public platform::Feature {
 public:
  MetaFeature(platform::FeatureContext& context, InstanceInfo info) {
    RegisterRoutes(context.router, std::move(info));
  }
};

}  // namespace vigor::features::meta
