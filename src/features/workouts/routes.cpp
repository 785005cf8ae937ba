#include "features/workouts/routes.hpp"

namespace vigor::features::workouts {

void RegisterRoutes(platform::http::Router& router, WorkoutService& workouts,
                    RoutineService& routines) {
  RegisterWorkoutRoutes(router, workouts);
  RegisterRoutineRoutes(router, routines);
}

}  // namespace vigor::features::workouts
