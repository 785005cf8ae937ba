#include "features/workouts/routine_service.hpp"

#include <algorithm>
#include <map>

#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::workouts {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;

namespace {
Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_routine")); }
Error TemplateNotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_template")); }
Error NameTaken() { return Error(ErrorKind::kConflict, Msg("routine_name_taken")); }
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
      errors.Add("items[" + std::to_string(i) + "].exercise_id", Msg("exercise_not_yours"));
    }
  }
  if (input.visibility == Visibility::kPublic) {
    // A template must work for whoever copies it, and must not show the owner's own exercises:
    // public routines use catalogue exercises only.
    for (std::size_t i = 0; i < input.items.size(); ++i) {
      const auto& id = input.items[i].exercise_id;
      if (exists[id] && !in_catalogue_(id)) {
        errors.Add("items[" + std::to_string(i) + "].exercise_id",
                   Msg("public_routine_own_exercise"));
      }
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
    routine.visibility = input.visibility;
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
                                const RoutineInput& input, const std::optional<IfMatch>& if_match) {
  return database_.WriteResult([&](Session& s) {
    routines_.LockForChange(s, principal.user_id, id);
    auto current = routines_.Find(s, principal.user_id, id);
    if (!current) throw NotFound();
    // If-Match is optional here (last write wins without it), but a stale one is refused.
    RequireCurrent(if_match, current->rev, "routine");
    Check(s, principal.user_id, input, id);
    Routine routine = std::move(*current);
    routine.name = input.name;
    routine.notes = input.notes;
    routine.items = input.items;
    routine.visibility = input.visibility;
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

TemplatePage RoutineService::ListTemplates(const Principal&, const std::string& cursor, int limit) {
  std::optional<TemplateCursor> after;
  if (!cursor.empty()) {
    after = DecodeCursor(cursor);
    if (!after) {
      throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                  {{"cursor", Msg("cursor_invalid")}});
    }
  }
  TemplatePage page;
  page.items =
      database_.ReadResult([&](Session& s) { return routines_.ListPublic(s, after, limit + 1); });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    const auto& last = page.items.back().routine;
    page.next_cursor = EncodeCursor({last.created_at, last.id});
  }
  return page;
}

Routine RoutineService::CopyTemplate(const Principal& principal, const std::string& id) {
  return database_.WriteResult([&](Session& s) {
    auto source = routines_.FindPublic(s, id);
    if (!source) throw TemplateNotFound();  // a private routine does not exist for others
    Routine routine;
    routine.id = platform::NewId();
    routine.notes = source->routine.notes;
    routine.items = source->routine.items;
    routine.visibility = Visibility::kPrivate;  // the copy is the caller's, private until shared
    routine.created_at = routine.updated_at = platform::NowRfc3339();
    // The template's name, or the first free "name (2)", "name (3)"...
    const std::string& name = source->routine.name;
    routine.name = name;
    for (int n = 2; routines_.NameTaken(s, principal.user_id, routine.name, ""); ++n) {
      if (n > 100) throw NameTaken();
      std::string suffix = " (" + std::to_string(n) + ")";
      std::size_t keep = std::min(name.size(), kNameMax - suffix.size());
      while (keep > 0 && keep < name.size() && (name[keep] & 0xC0) == 0x80) --keep;  // UTF-8
      routine.name = name.substr(0, keep) + suffix;
    }
    try {
      routine.rev = routines_.Insert(s, principal.user_id, routine);
    } catch (const platform::store::ConstraintViolation&) {
      throw NameTaken();
    }
    return routine;
  });
}

std::string RoutineService::EncodeCursor(const TemplateCursor& cursor) {
  return platform::crypto::Base64UrlEncode(cursor.created_at + "|" + cursor.id);
}

std::optional<TemplateCursor> RoutineService::DecodeCursor(const std::string& text) {
  auto raw = platform::crypto::Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  auto bar = raw->find('|');
  if (bar == std::string::npos) return std::nullopt;
  TemplateCursor cursor{raw->substr(0, bar), raw->substr(bar + 1)};
  if (!platform::ParseRfc3339Ms(cursor.created_at) || cursor.id.empty()) return std::nullopt;
  return cursor;
}

}  // namespace vigor::features::workouts
