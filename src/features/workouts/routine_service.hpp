#pragma once

#include <string>
#include <vector>

#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/model.hpp"
#include "features/workouts/revision.hpp"
#include "features/workouts/routine_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// Saved plans to start a workout from; the owner may share one publicly as a template. A name is
// unique among the user's live routines (ASCII case ignored); a deleted routine leaves a tombstone
// and frees its name.
class RoutineService {
 public:
  RoutineService(platform::store::Database& database, ExerciseExists exercise_exists,
                 InCatalogue in_catalogue)
      : database_(database),
        exercise_exists_(std::move(exercise_exists)),
        in_catalogue_(std::move(in_catalogue)) {}

  std::vector<Routine> List(const platform::auth::Principal& principal);
  Routine Get(const platform::auth::Principal& principal, const std::string& id);
  Routine Create(const platform::auth::Principal& principal, const RoutineInput& input);
  Routine Replace(const platform::auth::Principal& principal, const std::string& id,
                  const RoutineInput& input, const std::optional<IfMatch>& if_match = std::nullopt);
  void Delete(const platform::auth::Principal& principal, const std::string& id);

  // Public routines of all users (templates), newest first; any signed-in user may list them.
  TemplatePage ListTemplates(const platform::auth::Principal& principal, const std::string& cursor,
                             int limit);
  // Copies a public routine into the caller's routines as a new private routine that shares
  // nothing with the template; a name the caller has already gets " (2)", " (3)"... A private
  // routine of someone else is not found.
  Routine CopyTemplate(const platform::auth::Principal& principal, const std::string& id);

 private:
  using Session = platform::store::Session;

  static constexpr std::size_t kNameMax = 100;  // as the decoder allows

  static std::string EncodeCursor(const TemplateCursor& cursor);
  static std::optional<TemplateCursor> DecodeCursor(const std::string& text);

  // Exercises the user may log (catalogue ones only when public), and a name no other live routine
  // of theirs has.
  void Check(Session& s, const std::string& user_id, const RoutineInput& input,
             const std::string& except_id);

  platform::store::Database& database_;
  ExerciseExists exercise_exists_;
  InCatalogue in_catalogue_;
  RoutineRepository routines_;
};

}  // namespace vigor::features::workouts
