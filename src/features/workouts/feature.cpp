#include "features/workouts/feature.hpp"

#include "features/workouts/routes.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::workouts {

WorkoutsFeature::WorkoutsFeature(platform::FeatureContext& context, const ExerciseLookup& exercises)
    : workouts_(context.database, exercises, changes_),
      routines_(context.database, exercises.exists, exercises.in_catalogue),
      programs_(context.database) {
  RegisterWorkoutRoutes(context.router, workouts_);
  RegisterRoutineRoutes(context.router, routines_);
  RegisterProgramRoutes(context.router, programs_);

  using platform::store::Session;
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("idempotency_keys", [this](Session& s, TimePoint now, int limit) {
    return workouts_.PurgeIdempotencyKeys(s, now, limit);
  });
}

}  // namespace vigor::features::workouts
