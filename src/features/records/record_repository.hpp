#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/best_efforts.hpp"
#include "core/personal_records.hpp"
#include "features/records/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::records {

// The SQL of records (migration 0016): the progression rows, the per workout and exercise
// figures and the best efforts of cardio workouts. Every method takes the owner. A series
// belongs to an exercise (sport "") or a sport (exercise_id ""); `formula` picks the
// one_rep_max rows shown (the other formula's are kept for when the user switches).
class RecordRepository {
 public:
  using Session = platform::store::Session;

  // The best of each series of the exercise or sport before `before` (its last record).
  core::RunningBests BestsBefore(Session& s, const std::string& user_id,
                                 const std::string& exercise_id, const std::string& sport,
                                 const std::string& before);
  // Forgets the records of the exercise or sport set at or after `from`.
  void DeleteSince(Session& s, const std::string& user_id, const std::string& exercise_id,
                   const std::string& sport, const std::string& from);
  void Insert(Session& s, const std::string& user_id, const std::string& exercise_id,
              const std::string& sport, const core::RecordEntry& entry);
  // Marks the last record of each series of the exercise or sport as current, the others not.
  void MarkCurrent(Session& s, const std::string& user_id, const std::string& exercise_id,
                   const std::string& sport);

  std::vector<PersonalRecord> Current(Session& s, const std::string& user_id,
                                      const RecordFilter& filter, const std::string& formula);
  // Newest first, after `after` when given, at most `limit`.
  std::vector<PersonalRecord> History(Session& s, const std::string& user_id,
                                      const RecordFilter& filter, const std::string& formula,
                                      const std::optional<RecordCursor>& after, int limit);
  std::vector<PersonalRecord> OfWorkout(Session& s, const std::string& user_id,
                                        const std::string& workout_id, const std::string& formula);

  // Per workout and exercise figures: `workout_ids` are forgotten in one statement.
  void DeleteStatsOf(Session& s, const std::string& user_id,
                     const std::vector<std::string>& workout_ids);
  void InsertStats(Session& s, const std::string& user_id, const ExerciseWorkoutStats& stats);
  std::vector<ExerciseWorkoutStats> StatsOf(Session& s, const std::string& user_id,
                                            const std::string& exercise_id,
                                            const ProgressRange& range);
  // The best estimated 1RM by `formula` of workouts started in [from, to).
  std::optional<double> BestOneRepMax(Session& s, const std::string& user_id,
                                      const std::string& exercise_id, const std::string& formula,
                                      const std::string& from, const std::string& to);

  // Best efforts of cardio workouts: `workout_ids` are forgotten in one statement.
  void DeleteEffortsOf(Session& s, const std::string& user_id,
                       const std::vector<std::string>& workout_ids);
  void InsertEffort(Session& s, const std::string& user_id, const std::string& workout_id,
                    const std::string& sport, const std::string& started_at,
                    const core::BestEffort& effort);
  struct WorkoutEffort {
    std::string workout_id;
    core::BestEffort effort;
  };
  // The best efforts of the sport's workouts started at or after `from`.
  std::vector<WorkoutEffort> EffortsSince(Session& s, const std::string& user_id,
                                          const std::string& sport, const std::string& from);
};

}  // namespace vigor::features::records
