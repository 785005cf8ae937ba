#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "features/exercises/custom_exercise_repository.hpp"
#include "features/exercises/exercise_service.hpp"
#include "features/imports/import_repository.hpp"
#include "features/imports/model.hpp"
#include "features/workouts/workout_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::imports {

// The kind of the jobs this service runs.
inline constexpr std::string_view kImportJobKind = "import";

// Imports and exports of the training log. An import is a background job (its id is the
// import's id): the upload is stored with the job in one transaction and the job does the rest.
// An activity file becomes one cardio workout with its track, written in one transaction, or
// nothing at all; a training-log CSV becomes workouts (one transaction per kBatchWorkouts) and
// the custom exercises it needs, each stamped with the import's id so that Undo removes exactly
// them. A CSV import whose runner died resumes after its last committed batch. Another user's
// import, workout or track is "not found".
class ImportService {
 public:
  static constexpr std::size_t kBatchWorkouts = 200;
  static constexpr std::size_t kPreviewWorkouts = 20;

  ImportService(platform::store::Database& database, platform::jobs::JobQueue& jobs,
                exercises::ExerciseService& exercises);

  // Stores the upload and queues its job; returns the job.
  platform::jobs::Job Submit(const platform::auth::Principal& principal,
                             const ImportRequest& request, const std::string& body);
  // Reads a training-log CSV and says what an import would do, writing nothing.
  LogImportSummary DryRun(const platform::auth::Principal& principal, const ImportRequest& request,
                          const std::string& body);
  platform::jobs::Job Get(const platform::auth::Principal& principal, const std::string& id);
  // Deletes what the import created (workouts, their tracks, custom exercises) and the import
  // itself; a queued import is cancelled. kConflict while it runs.
  void Undo(const platform::auth::Principal& principal, const std::string& id);

  StoredTrack Track(const platform::auth::Principal& principal, const std::string& workout_id);
  // The track as GPX 1.1; `title` receives the workout's title.
  std::string Gpx(const platform::auth::Principal& principal, const std::string& workout_id,
                  std::string& title);
  // Every set of the user's workouts in Strong's CSV layout (kg, km).
  std::string ExportSetsCsv(const platform::auth::Principal& principal);

  // The job handler of kImportJobKind (the imports feature registers it with the queue).
  std::string RunJob(platform::jobs::JobContext& context);

 private:
  using Session = platform::store::Session;

  std::string RunActivityImport(platform::jobs::JobContext& context, const ImportRequest& request,
                                const std::string& bytes);
  std::string RunLogImport(platform::jobs::JobContext& context, const ImportRequest& request,
                           const std::string& text);
  // The id of every exercise name of `log`: the catalogue's or the user's own, else a custom
  // exercise created now and stamped with the import.
  std::map<std::string, std::string> PrepareExercises(Session& s, const std::string& user_id,
                                                      const std::string& import_id,
                                                      const ParsedLog& log);
  // Tombstones the workouts and custom exercises the import created (and the workouts' tracks).
  void RemoveCreated(Session& s, const std::string& user_id, const std::string& import_id);
  // Every distinct exercise name of `log`, resolved against the catalogue and the user's own.
  std::vector<ExerciseMatch> Resolve(Session& s, const std::string& user_id, const ParsedLog& log);

  platform::store::Database& database_;
  platform::jobs::JobQueue& jobs_;
  exercises::ExerciseService& exercises_;
  // Search key of every catalogue name and alias -> slug.
  std::unordered_map<std::string, std::string> catalogue_keys_;
  ImportRepository imports_;
  workouts::WorkoutRepository workouts_;
  exercises::CustomExerciseRepository custom_;
};

// The parameters of an import as its job keeps them, and back.
std::string EncodeRequest(const ImportRequest& request);
ImportRequest DecodeRequest(std::string_view text);

}  // namespace vigor::features::imports
