#include "features/workouts/routine_service.hpp"

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
Error NotFound() { return Error(ErrorKind::kNotFound, "There is no such routine."); }
Error NameTaken() {
  return Error(ErrorKind::kConflict, "You have a routine of this name already.");
}
}  // namespace

void RoutineService::Check(Session& s, const std::string& user_id, const RoutineInput& input,
                           const std::string& except_id) {
  platform::FieldErrors errors;
  std::map<std::string, bool> exists;
  for (std::size_t i = 0; i < input.items.size(); ++i) {
    const auto& id = input.items[i].exercise_id;
    auto it = exists.find(id);
    if (it == exists.end()) it = exists.emplace(id, exercise_exists_(s, user_id, id)).first;
    if (!it->second) {
      errors.Add("items[" + std::to_string(i) + "].exercise_id", "is not an exercise you have");
    }
  }
  errors.ThrowIfAny();
  if (routines_.NameTaken(s, user_id, input.name, except_id)) throw NameTaken();
}

std::vector<Routine> RoutineService::List(const Principal& principal) {
  return database_.ReadResult([&](Session& s) { return routines_.List(s, principal.user_id); });
}

Routine RoutineService::Get(const Principal& principal, const std::string& id) {
  auto routine =
      database_.ReadResult([&](Session& s) { return routines_.Find(s, principal.user_id, id); });
  if (!routine) throw NotFound();
  return std::move(*routine);
}

Routine RoutineService::Create(const Principal& principal, const RoutineInput& input) {
  return database_.WriteResult([&](Session& s) {
    Check(s, principal.user_id, input, "");
    Routine routine;
    routine.id = platform::NewId();
    routine.name = input.name;
    routine.notes = input.notes;
    routine.items = input.items;
    routine.created_at = routine.updated_at = platform::NowRfc3339();
    try {
      routine.rev = routines_.Insert(s, principal.user_id, routine);
    } catch (const platform::store::ConstraintViolation&) {
      throw NameTaken();  // the unique index agrees with the check above
    }
    return routine;
  });
}

Routine RoutineService::Replace(const Principal& principal, const std::string& id,
                                const RoutineInput& input) {
  return database_.WriteResult([&](Session& s) {
    auto current = routines_.Find(s, principal.user_id, id);
    if (!current) throw NotFound();
    Check(s, principal.user_id, input, id);
    Routine routine = std::move(*current);
    routine.name = input.name;
    routine.notes = input.notes;
    routine.items = input.items;
    routine.updated_at = platform::NowRfc3339();
    try {
      auto rev = routines_.Replace(s, principal.user_id, routine);
      if (!rev) throw NotFound();
      routine.rev = *rev;
    } catch (const platform::store::ConstraintViolation&) {
      throw NameTaken();
    }
    return routine;
  });
}

void RoutineService::Delete(const Principal& principal, const std::string& id) {
  bool deleted = database_.WriteResult([&](Session& s) {
    return routines_.Tombstone(s, principal.user_id, id, platform::NowRfc3339());
  });
  if (!deleted) throw NotFound();
}

}  // namespace vigor::features::workouts
