#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/workouts/exercise_lookup.hpp"
#include "features/workouts/model.hpp"
#include "features/workouts/revision.hpp"
#include "features/workouts/routine_repository.hpp"
#include "features/workouts/workout_changes.hpp"
#include "features/workouts/workout_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// The visibility ("private", "followers", "public") a new workout of the user's gets when its
// writer names none: the owner's default for workouts, or for the sport (the social feature
// answers; app/build_app.cpp wires it in). Unset: "private".
using DefaultVisibility =
    std::function<std::string(platform::store::Session&, const std::string& user_id,
                              const std::optional<std::string>& sport)>;

struct WriteOutcome {
  Workout workout;
  bool created = false;  // false: replaced, or a retry answered with what is stored
};

// Logging, changing and reading workouts. Each write, with its blocks, sets and checks, is one
// transaction: a retried create cannot slip in between another retry's check and its insert.
// Another user's workout is "not found", never "forbidden".
class WorkoutService {
 public:
  // How long an Idempotency-Key is remembered: a phone may retry days later, after a gym with no
  // signal. A retry after that still cannot duplicate a workout that has a client id.
  static constexpr std::chrono::hours kIdempotencyKeyLifetime{24 * 30};

  // `changes` hears of every write, inside its transaction (records, aggregates).
  WorkoutService(platform::store::Database& database, ExerciseLookup exercises,
                 const WorkoutChangeObservers& changes, DefaultVisibility default_visibility = {})
      : database_(database),
        exercises_(std::move(exercises)),
        changes_(changes),
        default_visibility_(std::move(default_visibility)) {}

  // What a new workout of the user's is shared with when its writer names nothing: for imports,
  // which write workouts of their own, inside the caller's transaction.
  std::string DefaultVisibilityOf(platform::store::Session& s, const std::string& user_id,
                                  const std::optional<std::string>& sport) const {
    return default_visibility_ ? default_visibility_(s, user_id, sport) : std::string("private");
  }
  const DefaultVisibility& default_visibility() const { return default_visibility_; }

  Workout Get(const platform::auth::Principal& principal, const std::string& id);
  // `cursor` is a next_cursor this method handed out, or empty for the first page. `filter.q`
  // matches the title, the notes or the name of an exercise in the workout.
  WorkoutPage List(const platform::auth::Principal& principal, const WorkoutFilter& filter,
                   const std::string& cursor, int limit);
  // List's parts: the cursor decoded (empty: none; not one List handed out: kValidation), and
  // the page read in the caller's snapshot (HistoryPages reads the user's rev in the same one).
  static std::optional<WorkoutCursor> CursorOrError(const std::string& cursor);
  WorkoutPage ListIn(platform::store::Session& s, const platform::auth::Principal& principal,
                     const WorkoutFilter& filter, const std::optional<WorkoutCursor>& after,
                     int limit);
  // A create that is safe to retry: with the same `idempotency_key`, or the same client id and
  // content, it answers with the workout already made (created = false) and makes nothing. The
  // same key or id with other content is a conflict.
  WriteOutcome Create(const platform::auth::Principal& principal, const WorkoutInput& input,
                      const std::optional<std::string>& idempotency_key);
  // Creates the workout under `id`, or replaces it. Replacing needs `if_match` naming the current
  // revision (else kPreconditionRequired, or kPreconditionFailed when stale) unless the content is
  // what is stored already: then nothing changes and the stored workout is the answer.
  WriteOutcome Put(const platform::auth::Principal& principal, const std::string& id,
                   const WorkoutInput& input, const std::optional<IfMatch>& if_match);
  // Leaves a tombstone (kNotFound when there is no live workout). With `if_match` (optional), only
  // the revision it names is deleted: a workout changed since is kPreconditionFailed.
  void Delete(const platform::auth::Principal& principal, const std::string& id,
              const std::optional<IfMatch>& if_match = std::nullopt);
  // What the logging screen pre-fills; kNotFound when the user has no such exercise.
  LastSets LastSetsOf(const platform::auth::Principal& principal, const std::string& exercise_id);

  // Housekeeping: forgets keys older than kIdempotencyKeyLifetime, at most `limit` of them.
  std::int64_t PurgeIdempotencyKeys(platform::store::Session& s,
                                    std::chrono::system_clock::time_point now, int limit);

  static std::string EncodeCursor(const WorkoutCursor& cursor);
  static std::optional<WorkoutCursor> DecodeCursor(const std::string& text);

  // The rules that need no database: ended_at after started_at, heart rates in order. Public so
  // that imported workouts meet them too (CheckWorkoutInput).
  static void CheckRules(const WorkoutInput& input);

  // ---- for the aggregates of analytics (stats), inside the caller's transaction ---------------
  // The user's live workouts that started in [from, to) (RFC 3339 UTC texts) with their blocks
  // and sets, oldest first, at most `limit`; a constant number of statements.
  std::vector<Workout> LiveWorkoutsStartedIn(platform::store::Session& s,
                                             const std::string& user_id, const std::string& from,
                                             const std::string& to, int limit) {
    return workouts_.FindStartedIn(s, user_id, from, to, limit);
  }

  // ---- for records (issue 11) ---------------------------------------------------------------
  // What records read of the log (issue 11), inside the caller's transaction; see
  // WorkoutRepository's methods of the same names.
  using ExerciseSetRow = WorkoutRepository::ExerciseSetRow;
  using CardioRow = WorkoutRepository::CardioRow;
  using Session = platform::store::Session;
  std::vector<ExerciseSetRow> SetsOfExercise(Session& s, const std::string& user_id,
                                             const std::string& exercise_id,
                                             const std::string& from,
                                             const std::optional<std::string>& to) {
    return workouts_.SetsOfExercise(s, user_id, exercise_id, from, to);
  }
  std::vector<CardioRow> CardioOfSport(Session& s, const std::string& user_id,
                                       const std::string& sport, const std::string& from) {
    return workouts_.CardioOfSport(s, user_id, sport, from);
  }
  // Whether the user has a live workout of that id.
  bool IsLive(Session& s, const std::string& user_id, const std::string& workout_id) {
    auto head = workouts_.FindHead(s, user_id, workout_id);
    return head && !head->deleted;
  }

 private:
  // Every exercise (and the routine) must be the user's to use. Ids already in the stored
  // workout stay allowed, so an old workout can be edited after its exercise was deleted.
  void CheckReferences(Session& s, const std::string& user_id, const WorkoutInput& input,
                       const std::vector<std::string>& already_used);
  void Report(Session& s, const WorkoutChange& change) const {
    changes_.Notify(s, std::span<const WorkoutChange>(&change, 1));
  }

  platform::store::Database& database_;
  ExerciseLookup exercises_;
  const WorkoutChangeObservers& changes_;
  DefaultVisibility default_visibility_;
  WorkoutRepository workouts_;
  RoutineRepository routines_;
};

}  // namespace vigor::features::workouts
