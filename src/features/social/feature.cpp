#include "features/social/feature.hpp"

namespace vigor::features::social {

SocialFeature::SocialFeature(platform::FeatureContext& context) : lookup_(context.secrets) {}

}  // namespace vigor::features::social
