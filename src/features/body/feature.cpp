#include "features/body/feature.hpp"

#include "features/body/routes.hpp"

namespace vigor::features::body {

BodyFeature::BodyFeature(platform::FeatureContext& context, ProfileTimeZone profile_time_zone,
                         social::SocialFeature& social)
    : measurements_(context.database, std::move(profile_time_zone), &social.lookup(),
                    &social.policy()) {
  RegisterRoutes(context.router, measurements_);
}

}  // namespace vigor::features::body
