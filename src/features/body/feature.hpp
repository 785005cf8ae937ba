#pragma once

#include "features/body/measurement_service.hpp"
#include "features/social/feature.hpp"
#include "platform/feature.hpp"

namespace vigor::features::body {

// Body measurements (weight, body fat, circumferences, resting heart rate and the user's own
// kinds): /api/v1/measurements...
class BodyFeature final : public platform::Feature {
 public:
  // `social`: the owners' defaults, user names and the privacy policy, for what others see.
  BodyFeature(platform::FeatureContext& context, ProfileTimeZone profile_time_zone,
              social::SocialFeature& social);

  MeasurementService& measurements() { return measurements_; }

 private:
  MeasurementService measurements_;
};

}  // namespace vigor::features::body
