#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/heart_rate_zones.hpp"
#include "features/accounts/training_profile.hpp"
#include "features/records/model.hpp"
#include "features/records/record_changes.hpp"
#include "features/records/record_repository.hpp"
#include "features/records/workout_log.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::records {

// Personal records, a lift's progress and heart-rate zones. Records are kept by OnChanges, the
// observer of every workout write, inside that write's transaction: for each exercise and sport
// the changes touched, the progression is computed again from the earliest started_at they
// touched (before or after the change), starting from the bests recorded before that point. So
// an edit, a delete or an import changes exactly the records it touched, and deleting the
// workout that set a record brings back the one before. Another user's workout or exercise is
// "not found".
class RecordsService {
 public:
  RecordsService(platform::store::Database& database, WorkoutLog log,
                 accounts::TrainingProfileLookup profile)
      : database_(database), log_(std::move(log)), profile_(std::move(profile)) {}

  // The observer of workouts::WorkoutChangeObservers: one call per transaction, the work done
  // once per exercise and sport of the batch.
  void OnChanges(Session& s, std::span<const workouts::WorkoutChange> changes);

  std::vector<PersonalRecord> Current(const platform::auth::Principal& principal,
                                      const RecordFilter& filter);
  // `cursor` is a next_cursor handed out before, or empty.
  RecordPage History(const platform::auth::Principal& principal, const RecordFilter& filter,
                     const std::string& cursor, int limit);
  std::vector<PersonalRecord> OfWorkout(const platform::auth::Principal& principal,
                                        const std::string& workout_id);
  ExerciseProgress Progress(const platform::auth::Principal& principal,
                            const std::string& exercise_id, const ProgressRange& range);
  core::HeartRateZones Zones(const platform::auth::Principal& principal,
                             const std::string& workout_id);

  // For goals (read in the caller's transaction): the best estimated 1RM by `formula`
  // ("epley" or "brzycki") of done sets of 1-12 reps in workouts started in [from_utc, to_utc),
  // RFC 3339 UTC text.
  std::optional<double> BestOneRepMax(Session& s, const std::string& user_id,
                                      const std::string& exercise_id, std::string_view formula,
                                      const std::string& from_utc, const std::string& to_utc);
  // For goals: the heaviest weight of a done (not warm-up) set with at least `reps` reps in
  // workouts started in [from_utc, to_utc).
  std::optional<double> HeaviestForReps(Session& s, const std::string& user_id,
                                        const std::string& exercise_id, int reps,
                                        const std::string& from_utc, const std::string& to_utc);
  // For the dashboard: the newest `limit` records (the user's formula), newest first.
  std::vector<PersonalRecord> Recent(Session& s, const std::string& user_id, int limit);

  // Observers of each recomputed series (the feed's record items); added while installing.
  RecordObservers& observers() { return observers_; }

  static std::string EncodeCursor(const RecordCursor& cursor);
  static std::optional<RecordCursor> DecodeCursor(const std::string& text);

 private:
  void RecomputeExercise(Session& s, const std::string& user_id, const std::string& exercise_id,
                         const std::string& from, const std::vector<std::string>& touched,
                         const std::string& profile_zone);
  void RecomputeSport(Session& s, const std::string& user_id, const std::string& sport,
                      const std::string& from);

  platform::store::Database& database_;
  WorkoutLog log_;
  accounts::TrainingProfileLookup profile_;
  RecordRepository records_;
  RecordObservers observers_;
};

}  // namespace vigor::features::records
