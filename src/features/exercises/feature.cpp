#include "features/exercises/feature.hpp"

#include "features/exercises/routes.hpp"

namespace vigor::features::exercises {

ExercisesFeature::ExercisesFeature(platform::FeatureContext& context)
    : service_(context.database, Catalog::Embedded()) {
  RegisterRoutes(context.router, service_);
}

}  // namespace vigor::features::exercises
