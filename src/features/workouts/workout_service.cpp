#include "features/workouts/workout_service.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::workouts {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;

namespace {

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_workout")); }

// A q naming more exercises than this ("a") matches the first ones by name only.
constexpr int kMaxQueryExercises = 100;

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// What an Idempotency-Key stands for: the content and the client's id, if it chose one.
std::string RequestHash(const std::string& fingerprint, const WorkoutInput& input) {
  return platform::crypto::Sha256Hex(fingerprint + "|" + input.id.value_or(""));
}

}  // namespace

void WorkoutService::CheckRules(const WorkoutInput& input) {
  platform::FieldErrors errors;
  auto started = platform::ParseRfc3339Ms(input.started_at);
  if (!started) errors.Add("started_at", Msg("date_time_invalid"));
  if (input.ended_at) {
    auto ended = platform::ParseRfc3339Ms(*input.ended_at);
    if (!ended) {
      errors.Add("ended_at", Msg("date_time_invalid"));
    } else if (started && *ended < *started) {
      errors.Add("ended_at", Msg("before_start"));
    }
  }
  if (input.cardio) {
    const auto& c = *input.cardio;
    if (c.avg_heart_rate && c.max_heart_rate && *c.avg_heart_rate > *c.max_heart_rate) {
      errors.Add("cardio.avg_heart_rate", Msg("heart_rate_above_max"));
    }
    if (c.moving_time_s && c.duration_s && *c.moving_time_s > *c.duration_s) {
      errors.Add("cardio.moving_time_s", Msg("longer_than_duration"));
    }
  }
  errors.ThrowIfAny();
}

void WorkoutService::CheckReferences(Session& s, const std::string& user_id,
                                     const WorkoutInput& input,
                                     const std::vector<std::string>& already_used) {
  platform::FieldErrors errors;
  std::set<std::string> known(already_used.begin(), already_used.end());
  std::set<std::string> unknown;
  for (std::size_t b = 0; b < input.blocks.size(); ++b) {
    const auto& id = input.blocks[b].exercise_id;
    if (!known.contains(id) && !unknown.contains(id)) {
      (exercises_.exists(s, user_id, id) ? known : unknown).insert(id);
    }
    if (unknown.contains(id)) {
      errors.Add("blocks[" + std::to_string(b) + "].exercise_id", Msg("exercise_not_yours"));
    }
  }
  if (input.routine_id && !routines_.Owns(s, user_id, *input.routine_id)) {
    errors.Add("routine_id", Msg("routine_not_yours_id"));
  }
  errors.ThrowIfAny();
}

Workout WorkoutService::Get(const Principal& principal, const std::string& id) {
  auto workout = database_.ReadResult(
      [&](Session& s) { return workouts_.Find(s, principal.user_id, Lowercase(id)); });
  if (!workout) throw NotFound();
  return std::move(*workout);
}

WorkoutPage WorkoutService::List(const Principal& principal, const WorkoutFilter& filter,
                                 const std::string& cursor, int limit) {
  auto after = CursorOrError(cursor);
  return database_.ReadResult(
      [&](Session& s) { return ListIn(s, principal, filter, after, limit); });
}

std::optional<WorkoutCursor> WorkoutService::CursorOrError(const std::string& cursor) {
  if (cursor.empty()) return std::nullopt;
  auto after = DecodeCursor(cursor);
  if (!after) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"cursor", Msg("cursor_invalid")}});
  }
  return after;
}

WorkoutPage WorkoutService::ListIn(Session& s, const Principal& principal,
                                   const WorkoutFilter& filter,
                                   const std::optional<WorkoutCursor>& after, int limit) {
  WorkoutPage page;
  std::vector<std::string> matching_exercises;
  if (filter.q && exercises_.search) {
    matching_exercises = exercises_.search(s, principal.user_id, *filter.q, kMaxQueryExercises);
  }
  page.items = workouts_.List(s, principal.user_id, filter, matching_exercises, after, limit + 1);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = EncodeCursor({page.items.back().started_at, page.items.back().id});
  }
  if (!exercises_.names) return page;
  // One look-up for the whole page.
  std::vector<std::string> ids;
  std::unordered_set<std::string> seen;
  for (const auto& item : page.items) {
    for (const auto& id : item.exercise_ids) {
      if (seen.insert(id).second) ids.push_back(id);
    }
  }
  if (ids.empty()) return page;
  auto names = exercises_.names(s, principal.user_id, ids, principal.locale);
  for (auto& item : page.items) {
    for (const auto& id : item.exercise_ids) {
      if (auto it = names.find(id); it != names.end()) item.exercise_names.push_back(it->second);
    }
  }
  return page;
}

WriteOutcome WorkoutService::Create(const Principal& principal, const WorkoutInput& input_as_sent,
                                    const std::optional<std::string>& idempotency_key) {
  CheckRules(input_as_sent);
  const std::string& user_id = principal.user_id;
  // Everything from the look-up of the key to the insert is one transaction, and the user's
  // change lock is taken first: the user's writes run one at a time, on PostgreSQL with several
  // instances too, so of ten concurrent retries exactly one inserts and the others find its work.
  return database_.WriteResult([&](Session& s) -> WriteOutcome {
    platform::store::LockUserChanges(s, user_id);
    // The visibility it gets is part of what it is: a retry (which names none either) resolves to
    // the same default and so to the same fingerprint.
    WorkoutInput input = input_as_sent;
    if (!input.visibility) {
      input.visibility = DefaultVisibilityOf(
          s, user_id, input.cardio ? std::optional(input.cardio->sport) : std::nullopt);
    }
    std::string fingerprint = Fingerprint(input);
    std::string request_hash = RequestHash(fingerprint, input);
    std::string now = platform::NowRfc3339();
    if (idempotency_key) {
      if (auto record = workouts_.FindIdempotencyKey(s, user_id, *idempotency_key)) {
        if (record->request_hash != request_hash) {
          throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
        }
        auto existing = workouts_.Find(s, user_id, record->workout_id);
        if (!existing) {
          throw Error(ErrorKind::kConflict, Msg("idempotent_workout_deleted"));
        }
        return {std::move(*existing), false};
      }
    }
    auto remember_key = [&](const std::string& workout_id) {
      if (idempotency_key) {
        workouts_.InsertIdempotencyKey(s, user_id, *idempotency_key, {request_hash, workout_id},
                                       now);
      }
    };
    if (input.id) {
      if (auto head = workouts_.FindHead(s, user_id, *input.id)) {
        if (head->deleted) {
          throw Error(ErrorKind::kConflict, Msg("workout_deleted"));
        }
        if (head->input_hash != fingerprint) {
          throw Error(ErrorKind::kConflict, Msg("workout_id_conflict"));
        }
        remember_key(head->id);
        return {std::move(*workouts_.Find(s, user_id, head->id)), false};
      }
    }
    CheckReferences(s, user_id, input, {});
    Workout workout =
        MakeWorkout(user_id, input.id.value_or(platform::NewId()), input, fingerprint, now);
    // Ids are per user (migration 0013): another user's workout of this id is no obstacle, and
    // the user's own was looked for above under the change lock, so the id is free.
    auto rev = workouts_.Insert(s, workout);
    if (!rev) throw std::logic_error("a free workout id was taken under the change lock");
    workout.rev = *rev;
    remember_key(workout.id);
    Report(s, {user_id, workout.id, std::nullopt, FactsOf(workout)});
    return {std::move(workout), true};
  });
}

WriteOutcome WorkoutService::Put(const Principal& principal, const std::string& raw_id,
                                 const WorkoutInput& input_as_sent,
                                 const std::optional<IfMatch>& if_match) {
  std::string id = Lowercase(raw_id);
  if (input_as_sent.id && *input_as_sent.id != id) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"id", Msg("id_mismatch")}});
  }
  CheckRules(input_as_sent);
  const std::string& user_id = principal.user_id;
  return database_.WriteResult([&](Session& s) -> WriteOutcome {
    std::string now = platform::NowRfc3339();
    // The user's change lock, as a create takes it: a PUT may create, and "the user has no
    // workout of this id" must still hold at the insert (two PUTs of a new id at once: the second
    // finds the first's workout). It also holds the workout as read until a replace is written.
    platform::store::LockUserChanges(s, user_id);
    auto head = workouts_.FindHead(s, user_id, id);
    // A replace that names no visibility (or no hidden details) keeps what is stored; a create
    // takes the owner's default. Resolved before the fingerprint: a change of visibility alone is
    // a change (observers hear of it as a replace), naming what is stored is none.
    WorkoutInput input = input_as_sent;
    if (!input.visibility) {
      input.visibility =
          head && !head->deleted
              ? head->visibility
              : DefaultVisibilityOf(
                    s, user_id, input.cardio ? std::optional(input.cardio->sport) : std::nullopt);
    }
    if (!input.hide && head && !head->deleted) input.hide = head->hidden_details;
    std::string fingerprint = Fingerprint(input);
    if (!head) {
      // If-Match says "change the one I read": there is none of this user's to change.
      if (if_match) throw NotFound();
      if (!platform::IsUuid(id)) {
        throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"id", Msg("not_uuid")}});
      }
      CheckReferences(s, user_id, input, {});
      Workout workout = MakeWorkout(user_id, id, input, fingerprint, now);
      // Ids are per user (migration 0013): another user's workout of this id is no obstacle.
      auto rev = workouts_.Insert(s, workout);
      if (!rev) throw std::logic_error("a free workout id was taken under the change lock");
      workout.rev = *rev;
      Report(s, {user_id, workout.id, std::nullopt, FactsOf(workout)});
      return {std::move(workout), true};
    }
    if (head->deleted) throw NotFound();
    if (head->input_hash == fingerprint) {
      // Already so (a retry whose answer was lost): RFC 9110 section 13.2.2 allows a 2xx.
      return {std::move(*workouts_.Find(s, user_id, id)), false};
    }
    if (!if_match) {
      throw Error(ErrorKind::kPreconditionRequired, Msg("workout_exists_if_match"));
    }
    RequireCurrent(if_match, head->rev, "workout");
    CheckReferences(s, user_id, input, workouts_.ExerciseIds(s, user_id, id));
    Workout workout = MakeWorkout(user_id, id, input, fingerprint, now);
    workout.created_at = head->created_at;
    auto rev = workouts_.Replace(s, workout, head->rev);
    if (!rev) throw NotFound();
    workout.rev = *rev;
    Report(s, {user_id, workout.id, FactsOf(*head), FactsOf(workout)});
    return {std::move(workout), false};
  });
}

void WorkoutService::Delete(const Principal& principal, const std::string& id,
                            const std::optional<IfMatch>& if_match) {
  bool deleted = database_.WriteResult([&](Session& s) {
    // The change lock holds the workout as read until the tombstone is written, as for a
    // replace: "delete the one I read" (If-Match) holds, and what observers are told it was is
    // what was deleted.
    platform::store::LockUserChanges(s, principal.user_id);
    auto head = workouts_.FindHead(s, principal.user_id, Lowercase(id));
    if (!head || head->deleted) return false;
    if (if_match) RequireCurrent(if_match, head->rev, "workout");
    if (!workouts_.Tombstone(s, principal.user_id, head->id, platform::NowRfc3339())) return false;
    Report(s, {principal.user_id, head->id, FactsOf(*head), std::nullopt});
    return true;
  });
  if (!deleted) throw NotFound();
}

LastSets WorkoutService::LastSetsOf(const Principal& principal, const std::string& exercise_id) {
  auto last = database_.ReadResult([&](Session& s) -> std::optional<LastSets> {
    if (!exercises_.exists(s, principal.user_id, exercise_id)) return std::nullopt;
    return workouts_.FindLastSets(s, principal.user_id, exercise_id);
  });
  if (!last) throw Error(ErrorKind::kNotFound, Msg("no_such_exercise_here"));
  return std::move(*last);
}

std::string WorkoutService::EncodeCursor(const WorkoutCursor& cursor) {
  return platform::crypto::Base64UrlEncode(cursor.started_at + "|" + cursor.id);
}

std::optional<WorkoutCursor> WorkoutService::DecodeCursor(const std::string& text) {
  auto raw = platform::crypto::Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  auto bar = raw->find('|');
  if (bar == std::string::npos) return std::nullopt;
  WorkoutCursor cursor{raw->substr(0, bar), raw->substr(bar + 1)};
  if (!platform::ParseRfc3339Ms(cursor.started_at) || cursor.id.empty()) return std::nullopt;
  return cursor;
}

std::int64_t WorkoutService::PurgeIdempotencyKeys(Session& s,
                                                  std::chrono::system_clock::time_point now,
                                                  int limit) {
  return workouts_.DeleteIdempotencyKeysBefore(
      s, platform::FormatRfc3339(now - kIdempotencyKeyLifetime), limit);
}

}  // namespace vigor::features::workouts
