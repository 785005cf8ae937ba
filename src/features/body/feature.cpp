#include "features/body/feature.hpp"

#include "features/body/routes.hpp"

namespace vigor::features::body {

BodyFeature::BodyFeature(platform::FeatureContext& context) : measurements_(context.database) {
  RegisterRoutes(context.router, measurements_);
}

}  // namespace vigor::features::body
