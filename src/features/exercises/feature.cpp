#include "features/exercises/feature.hpp"

#include "features/exercises/routes.hpp"

namespace vigor::features::exercises {

ExercisesFeature::ExercisesFeature(platform::FeatureContext& context,
                                   ProfileLanguage profile_language)
    : service_(context.database, Catalog::Embedded(), std::move(profile_language)) {
  RegisterRoutes(context.router, service_);
}

}  // namespace vigor::features::exercises
