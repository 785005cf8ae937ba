#pragma once

#include "features/exercises/exercise_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::exercises {

// The exercise catalogue shipped with Vigor and each user's own exercises: /api/v1/exercises...
// Other features ask it about exercises through its service (see app/feature_links.cpp).
class ExercisesFeature final : public platform::Feature {
 public:
  explicit ExercisesFeature(platform::FeatureContext& context);

  ExerciseService& service() { return service_; }

 private:
  ExerciseService service_;
};

}  // namespace vigor::features::exercises
