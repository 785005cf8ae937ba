#include "features/workouts/routes.hpp"

namespace vigor::features::workouts {

void RegisterRoutes(platform::http::Router& router, WorkoutService& workouts,
                    RoutineService& routines, MeasurementService& measurements) {
  RegisterWorkoutRoutes(router, workouts);
  RegisterRoutineRoutes(router, routines);
  RegisterMeasurementRoutes(router, measurements);
}

}  // namespace vigor::features::workouts
