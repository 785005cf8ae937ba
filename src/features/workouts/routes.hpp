#pragma once

#include "features/workouts/history_pages.hpp"
#include "features/workouts/program_service.hpp"
#include "features/workouts/routine_service.hpp"
#include "features/workouts/shared_workouts.hpp"
#include "features/workouts/visibility_changes.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::workouts {

// /api/v1/workouts..., /api/v1/exercises/{id}/last-sets
void RegisterWorkoutRoutes(platform::http::Router& router, WorkoutService& workouts,
                           HistoryPages& history);
// /api/v1/routines..., /api/v1/routine-templates...
void RegisterRoutineRoutes(platform::http::Router& router, RoutineService& routines);
// /api/v1/programs...
void RegisterProgramRoutes(platform::http::Router& router, ProgramService& programs);
// /api/v1/users/{username}/workouts...: one user's workouts as others see them
void RegisterSharedWorkoutRoutes(platform::http::Router& router, SharedWorkoutService& shared);
// /api/v1/me/visibility-changes...: bulk changes of past items' visibility
void RegisterVisibilityChangeRoutes(platform::http::Router& router,
                                    VisibilityChangeService& changes);

}  // namespace vigor::features::workouts
