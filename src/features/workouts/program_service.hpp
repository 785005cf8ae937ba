#pragma once

#include <string>
#include <vector>

#include "features/workouts/model.hpp"
#include "features/workouts/program_repository.hpp"
#include "features/workouts/revision.hpp"
#include "features/workouts/routine_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// Programs: an ordered list of the user's own routines, each with an optional label ("Day A"),
// done in turn. A name is unique among the user's live programs (ASCII case ignored); a deleted
// program leaves a tombstone and frees its name. A routine deleted later stays in the list with
// no name, so the program shows the gap. Every program read says which routine is next: the one
// after the routine of the user's latest workout started from one of its routines.
class ProgramService {
 public:
  explicit ProgramService(platform::store::Database& database) : database_(database) {}

  std::vector<Program> List(const platform::auth::Principal& principal);
  Program Get(const platform::auth::Principal& principal, const std::string& id);
  Program Create(const platform::auth::Principal& principal, const ProgramInput& input);
  Program Replace(const platform::auth::Principal& principal, const std::string& id,
                  const ProgramInput& input, const std::optional<IfMatch>& if_match = std::nullopt);
  void Delete(const platform::auth::Principal& principal, const std::string& id);

 private:
  using Session = platform::store::Session;

  // Every routine a live one of the user's, and a name no other live program of theirs has.
  void Check(Session& s, const std::string& user_id, const ProgramInput& input,
             const std::string& except_id);
  // Sets `program.next_routine_id` from the user's workouts.
  void FillNext(Session& s, const std::string& user_id, Program& program);

  platform::store::Database& database_;
  ProgramRepository programs_;
  RoutineRepository routines_;
};

}  // namespace vigor::features::workouts
