#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/workouts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// The SQL of workouts, their blocks and sets, and the Idempotency-Key records of workout
// creates. Every method takes the owner: there is no way to reach another user's rows here.
// Reading a whole workout costs three statements however many sets it has; a page of the history
// costs one, because the totals live on the workouts row.
class WorkoutRepository {
 public:
  using Session = platform::store::Session;

  // `rev` is the user's change sequence: each write gives the row the user's next number
  // (store/revisions.hpp, shared by all their tables), so a sync feed can ask for what changed
  // since a number (tombstones included).

  // Inserts the workout with its blocks and sets; returns its rev. nullopt, with nothing
  // written, when the user has a workout of that id already. Ids are per user (migration 0013):
  // another user's workout of the same id is another row.
  std::optional<std::int64_t> Insert(Session& s, const Workout& workout);
  // Writes `workout` over the user's live workout of that id whose rev is `expected_rev`: the row
  // is updated, blocks and sets deleted and inserted again. Returns the new rev; nullopt when
  // there is no such workout.
  std::optional<std::int64_t> Replace(Session& s, const Workout& workout,
                                      std::int64_t expected_rev);
  // Leaves a tombstone (deleted_at, a new rev) and deletes the blocks and sets. False when the
  // user has no live workout of that id.
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now);

  // The user's workout of that id, live or deleted, without its blocks.
  std::optional<WorkoutHead> FindHead(Session& s, const std::string& user_id,
                                      const std::string& id);
  // The user's live workout of that id with its blocks and sets.
  std::optional<Workout> Find(Session& s, const std::string& user_id, const std::string& id);
  // Exercise ids used by one of the user's workouts.
  std::vector<std::string> ExerciseIds(Session& s, const std::string& user_id,
                                       const std::string& workout_id);

  // Live workouts, newest first (started_at, then id, descending), after `after` when given.
  // `filter.q` matches the title or the notes, or a block of one of `q_exercise_ids`.
  std::vector<WorkoutSummary> List(Session& s, const std::string& user_id,
                                   const WorkoutFilter& filter,
                                   const std::vector<std::string>& q_exercise_ids,
                                   const std::optional<WorkoutCursor>& after, int limit);

  // The owner's live workouts that `viewer_id` (nullopt: anonymous) may see by the privacy
  // policy (privacy_sql.hpp), newest first, after `after` when given. One statement.
  std::vector<WorkoutSummary> ListVisibleTo(Session& s, const std::string& owner_id,
                                            const std::optional<std::string>& viewer_id,
                                            const std::optional<WorkoutCursor>& after, int limit);
  // The user's live workouts whose visibility is not `visibility`, started in
  // [started_from, started_before) (RFC 3339 UTC texts), of `sport` when given, after `after`
  // in (started_at, id) order, oldest first, at most `limit`.
  std::vector<WorkoutHead> VisibilityCandidates(Session& s, const std::string& user_id,
                                                const std::string& visibility,
                                                const std::string& started_from,
                                                const std::string& started_before,
                                                const std::optional<std::string>& sport,
                                                const WorkoutCursor& after, int limit);
  // Gives the user's live workout of that id another visibility (a new rev); false when there is
  // none or it has that visibility already (nothing written).
  bool SetVisibility(Session& s, const std::string& user_id, const std::string& id,
                     const std::string& visibility, const std::string& now);

  // The sets of `exercise_id` in the user's latest live workout that has it.
  LastSets FindLastSets(Session& s, const std::string& user_id, const std::string& exercise_id);

  std::optional<IdempotencyRecord> FindIdempotencyKey(Session& s, const std::string& user_id,
                                                      const std::string& key);
  void InsertIdempotencyKey(Session& s, const std::string& user_id, const std::string& key,
                            const IdempotencyRecord& record, const std::string& now);
  // At most `limit` keys created before `cutoff`; returns how many were deleted.
  std::int64_t DeleteIdempotencyKeysBefore(Session& s, const std::string& cutoff, int limit);

  // ---- for the aggregates of analytics (stats) ------------------------------------------------
  // The user's live workouts that started in [from, to) (RFC 3339 UTC, compared as text) with
  // their blocks and sets, oldest first (started_at, then id), at most `limit`: three statements
  // however many.
  std::vector<Workout> FindStartedIn(Session& s, const std::string& user_id,
                                     const std::string& from, const std::string& to, int limit);

  // ---- for records (issue 11), through WorkoutService's methods of the same names ------------

  // A set of one exercise with what its workout says about when it was.
  struct ExerciseSetRow {
    std::string workout_id;
    std::string started_at;
    std::optional<std::string> time_zone;
    SetType set_type = SetType::kNormal;
    std::optional<std::int64_t> reps;
    std::optional<double> weight_kg;
    bool done = true;
  };
  // The sets of `exercise_id` in the user's live workouts that started in [from, to) (no end
  // when `to` is nullopt), in time order: started_at, workout id, block and set order. One
  // statement, served by workout_blocks_exercise.
  std::vector<ExerciseSetRow> SetsOfExercise(Session& s, const std::string& user_id,
                                             const std::string& exercise_id,
                                             const std::string& from,
                                             const std::optional<std::string>& to);
  // A cardio workout's summary.
  struct CardioRow {
    std::string workout_id;
    std::string started_at;
    std::optional<double> distance_m;
    std::optional<double> duration_s;
    std::optional<double> elevation_gain_m;
  };
  // The user's live cardio workouts of `sport` that started at or after `from`, in time order.
  std::vector<CardioRow> CardioOfSport(Session& s, const std::string& user_id,
                                       const std::string& sport, const std::string& from);

 private:
  void InsertChildren(Session& s, const Workout& workout);
};

}  // namespace vigor::features::workouts
