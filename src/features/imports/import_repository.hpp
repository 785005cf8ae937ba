#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/imports/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::imports {

// One set of the user's training log, as the CSV export reads it.
struct ExportedSet {
  std::string workout_id;
  std::string title;
  std::string started_at;
  std::optional<std::string> ended_at;
  std::optional<std::string> time_zone;
  std::optional<std::string> workout_notes;
  std::int64_t block_position = 0;
  std::string exercise_id;
  std::optional<std::string> block_notes;
  workouts::WorkoutSet set;
};

// The SQL of imports: uploads waiting for their job, tracks, what an import created, and the
// read of the whole log for the export. Every method takes the owner.
class ImportRepository {
 public:
  using Session = platform::store::Session;

  void InsertUpload(Session& s, const std::string& job_id, const std::string& user_id,
                    std::string content);
  std::optional<std::string> FindUpload(Session& s, const std::string& job_id,
                                        const std::string& user_id);
  void DeleteUpload(Session& s, const std::string& job_id, const std::string& user_id);

  // The id of the user's newest import job asked for with this Idempotency-Key.
  std::optional<std::string> JobByIdempotencyKey(Session& s, const std::string& user_id,
                                                 const std::string& key);

  // A live cardio workout of the user that started at `started_at` with this sport.
  std::optional<std::string> FindSameActivity(Session& s, const std::string& user_id,
                                              const std::string& started_at,
                                              const std::string& sport);

  // The ids of the user's live workouts (of any kind) that started at `started_at` (stored form).
  std::vector<std::string> LiveWorkoutsStartingAt(Session& s, const std::string& user_id,
                                                  const std::string& started_at);

  // What an import created that is still there: workouts, and their sets (all done).
  struct CreatedCounts {
    std::int64_t workouts = 0;
    std::int64_t sets = 0;
  };
  CreatedCounts CreatedBy(Session& s, const std::string& user_id, const std::string& import_id);

  // Stamps a custom exercise as created by the import `import_id` (a workout carries its
  // import_id from its INSERT).
  void MarkExercise(Session& s, const std::string& user_id, const std::string& exercise_id,
                    const std::string& import_id);
  // Live rows an import created.
  std::vector<std::string> WorkoutsOf(Session& s, const std::string& user_id,
                                      const std::string& import_id);
  struct CreatedExercise {
    std::string id;
    std::string name;
  };
  std::vector<CreatedExercise> ExercisesOf(Session& s, const std::string& user_id,
                                           const std::string& import_id);

  void InsertTrack(Session& s, const std::string& workout_id, const std::string& user_id,
                   const StoredTrack& track, const std::string& points, const std::string& now);
  // The track of the user's live workout; nullopt when there is none (or not theirs).
  struct TrackRow {
    int format = 0;
    std::optional<std::int64_t> start_unix_ms;
    std::string sport;
    std::string points;
    std::string splits;
    std::string title;
  };
  std::optional<TrackRow> FindTrack(Session& s, const std::string& user_id,
                                    const std::string& workout_id);
  void DeleteTrack(Session& s, const std::string& user_id, const std::string& workout_id);

  // The activity file a workout was made from, byte for byte (activity_originals).
  struct Original {
    std::optional<std::string> file_name;
    std::string format;  // FormatName: gpx, tcx, fit
    std::string sha256;  // hex
    std::string content;
  };
  void InsertOriginal(Session& s, const std::string& user_id, const std::string& workout_id,
                      const Original& original, const std::string& now);
  void DeleteOriginal(Session& s, const std::string& user_id, const std::string& workout_id);

  // Every set of the user's live workouts, oldest workout first, in block and set order. One
  // statement for the whole log.
  std::vector<ExportedSet> AllSets(Session& s, const std::string& user_id);
};

}  // namespace vigor::features::imports
