#pragma once

#include <string>
#include <vector>

#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/model.hpp"
#include "features/workouts/routine_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// Saved plans to start a workout from. A name is unique among the user's live routines (ASCII
// case ignored); a deleted routine leaves a tombstone and frees its name.
class RoutineService {
 public:
  RoutineService(platform::store::Database& database, ExerciseExists exercise_exists)
      : database_(database), exercise_exists_(std::move(exercise_exists)) {}

  std::vector<Routine> List(const platform::auth::Principal& principal);
  Routine Get(const platform::auth::Principal& principal, const std::string& id);
  Routine Create(const platform::auth::Principal& principal, const RoutineInput& input);
  Routine Replace(const platform::auth::Principal& principal, const std::string& id,
                  const RoutineInput& input);
  void Delete(const platform::auth::Principal& principal, const std::string& id);

 private:
  using Session = platform::store::Session;

  // Exercises the user may log, and a name no other live routine of theirs has.
  void Check(Session& s, const std::string& user_id, const RoutineInput& input,
             const std::string& except_id);

  platform::store::Database& database_;
  ExerciseExists exercise_exists_;
  RoutineRepository routines_;
};

}  // namespace vigor::features::workouts
