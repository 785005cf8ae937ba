#include "features/workouts/program_service.hpp"

#include <map>

#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::workouts {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;

namespace {
Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_program")); }
Error NameTaken() { return Error(ErrorKind::kConflict, Msg("program_name_taken")); }
}  // namespace

void ProgramService::FillNext(Session& s, const std::string& user_id, Program& program) {
  auto last = programs_.LastDoneRoutines(s, user_id, program.id);
  auto it = last.find(program.id);
  program.next_routine_id = NextRoutineId(
      program.routines, it == last.end() ? std::nullopt : std::optional<std::string>(it->second));
}

void ProgramService::Check(Session& s, const std::string& user_id, const ProgramInput& input,
                           const std::string& except_id) {
  platform::FieldErrors errors;
  std::map<std::string, bool> live;
  for (std::size_t i = 0; i < input.routines.size(); ++i) {
    const auto& id = input.routines[i].routine_id;
    auto it = live.find(id);
    if (it == live.end()) it = live.emplace(id, routines_.IsLive(s, user_id, id)).first;
    if (!it->second) {
      errors.Add("routines[" + std::to_string(i) + "].routine_id", Msg("routine_not_yours"));
    }
  }
  errors.ThrowIfAny();
  if (programs_.NameTaken(s, user_id, input.name, except_id)) throw NameTaken();
}

std::vector<Program> ProgramService::List(const Principal& principal) {
  return database_.ReadResult([&](Session& s) {
    auto programs = programs_.List(s, principal.user_id);
    auto last = programs_.LastDoneRoutines(s, principal.user_id);
    for (auto& p : programs) {
      auto it = last.find(p.id);
      p.next_routine_id = NextRoutineId(
          p.routines, it == last.end() ? std::nullopt : std::optional<std::string>(it->second));
    }
    return programs;
  });
}

Program ProgramService::Get(const Principal& principal, const std::string& id) {
  auto program = database_.ReadResult([&](Session& s) {
    auto found = programs_.Find(s, principal.user_id, id);
    if (found) FillNext(s, principal.user_id, *found);
    return found;
  });
  if (!program) throw NotFound();
  return std::move(*program);
}

Program ProgramService::Create(const Principal& principal, const ProgramInput& input) {
  return database_.WriteResult([&](Session& s) {
    Check(s, principal.user_id, input, "");
    Program program;
    program.id = platform::NewId();
    program.name = input.name;
    program.notes = input.notes;
    program.created_at = program.updated_at = platform::NowRfc3339();
    program.routines = input.routines;
    try {
      program.rev = programs_.Insert(s, principal.user_id, program);
    } catch (const platform::store::ConstraintViolation&) {
      throw NameTaken();  // the unique index agrees with the check above
    }
    // Read back for the routines' names.
    auto saved = std::move(*programs_.Find(s, principal.user_id, program.id));
    FillNext(s, principal.user_id, saved);
    return saved;
  });
}

Program ProgramService::Replace(const Principal& principal, const std::string& id,
                                const ProgramInput& input, const std::optional<IfMatch>& if_match) {
  return database_.WriteResult([&](Session& s) {
    programs_.LockForChange(s, principal.user_id, id);
    auto current = programs_.Find(s, principal.user_id, id);
    if (!current) throw NotFound();
    // If-Match is optional here (last write wins without it), but a stale one is refused.
    RequireCurrent(if_match, current->rev, "program");
    Check(s, principal.user_id, input, id);
    Program program = std::move(*current);
    program.name = input.name;
    program.notes = input.notes;
    program.routines = input.routines;
    program.updated_at = platform::NowRfc3339();
    try {
      if (!programs_.Replace(s, principal.user_id, program)) throw NotFound();
    } catch (const platform::store::ConstraintViolation&) {
      throw NameTaken();
    }
    auto saved = std::move(*programs_.Find(s, principal.user_id, id));
    FillNext(s, principal.user_id, saved);
    return saved;
  });
}

void ProgramService::Delete(const Principal& principal, const std::string& id) {
  bool deleted = database_.WriteResult([&](Session& s) {
    return programs_.Tombstone(s, principal.user_id, id, platform::NowRfc3339());
  });
  if (!deleted) throw NotFound();
}

}  // namespace vigor::features::workouts
