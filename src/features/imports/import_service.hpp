#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "features/exercises/custom_exercise_repository.hpp"
#include "features/exercises/exercise_service.hpp"
#include "features/imports/import_repository.hpp"
#include "features/imports/model.hpp"
#include "features/workouts/workout_changes.hpp"
#include "features/workouts/workout_repository.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/auth/principal.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::imports {

// The kind of the jobs this service runs.
inline constexpr std::string_view kImportJobKind = "import";

// The IANA zone of a user's profile, read in the caller's transaction (the accounts feature
// answers; app/feature_links.cpp wires it in).
using ProfileTimeZone =
    std::function<std::string(platform::store::Session& session, const std::string& user_id)>;

// Whether two workouts are the same training: the same exercises in the same order, each with
// the same sets (type, reps, weight, duration, distance). Titles, notes, RPE, supersets and
// zones may differ: a workout whose title was edited after an import is still the one imported.
bool SameTraining(const std::vector<workouts::WorkoutBlock>& a,
                  const std::vector<workouts::WorkoutBlock>& b);

// Holds every workout of `log` to the API's own rules (workouts::CheckWorkoutInput, whose limits
// live in core/limits.hpp): a set with a value the API refuses is left out with a RowError naming
// its line and column; a workout with a problem of its own (a note too long, too many sets) is
// left out whole, reported at its first line. What is left is what a client could have sent.
void CheckParsedLog(ParsedLog& log, const std::string& time_zone);

// Imports and exports of the training log. An import is a background job (its id is the
// import's id): the upload is stored with the job in one transaction and the job does the rest.
// An activity file becomes one cardio workout with its track, written in one transaction, or
// nothing at all; a training-log CSV becomes workouts (one transaction per kBatchWorkouts) and
// the custom exercises it needs, each stamped with the import's id so that Undo removes exactly
// them. A CSV import whose runner died resumes after its last committed batch. Another user's
// import, workout or track is "not found". A training-log workout already in the log (the same
// start and the same training, SameTraining) is skipped, and shown so in the dry run; a file
// imported twice creates nothing the second time. Times without a zone are read in the zone the
// request names, else the user's profile zone.
class ImportService {
 public:
  using Session = platform::store::Session;
  static constexpr std::size_t kBatchWorkouts = 200;
  static constexpr std::size_t kPreviewWorkouts = 20;

  // `changes` hears of every workout an import creates or its undo deletes, inside the
  // transaction that writes them (records, aggregates).
  ImportService(platform::store::Database& database, platform::jobs::JobQueue& jobs,
                exercises::ExerciseService& exercises, ProfileTimeZone profile_time_zone,
                const workouts::WorkoutChangeObservers& changes);

  // Stores the upload and queues its job; returns the job. `start_in_background` false: the
  // queue's runner is not woken (the caller runs the job itself, JobQueue::RunNow; a runner's
  // next poll still finds it if the caller does not).
  platform::jobs::Job Submit(const platform::auth::Principal& principal,
                             const ImportRequest& request, const std::string& body,
                             bool start_in_background = true);
  // Reads a training-log CSV and says what an import would do, writing nothing.
  LogImportSummary DryRun(const platform::auth::Principal& principal, const ImportRequest& request,
                          const std::string& body);
  platform::jobs::Job Get(const platform::auth::Principal& principal, const std::string& id);
  // Deletes what the import created (workouts, their tracks, custom exercises) and the import
  // itself; a queued import is cancelled. kConflict while it runs.
  void Undo(const platform::auth::Principal& principal, const std::string& id);

  // The user's newest import asked for with this Idempotency-Key (ImportRequest), if any.
  std::optional<platform::jobs::Job> FindByIdempotencyKey(
      const platform::auth::Principal& principal, const std::string& key);
  // The user's live workout of that id (an upload's answer shows the workout it created).
  std::optional<workouts::Workout> FindWorkout(const platform::auth::Principal& principal,
                                               const std::string& workout_id);

  StoredTrack Track(const platform::auth::Principal& principal, const std::string& workout_id);
  // Deletes the originals of deleted workouts: a workout observer (app/build_app.cpp), since a
  // deleted workout stays as a tombstone and its row's ON DELETE CASCADE does not fire.
  void ForgetOriginals(Session& s, std::span<const workouts::WorkoutChange> changes);
  // The track as GPX 1.1; `title` receives the workout's title.
  std::string Gpx(const platform::auth::Principal& principal, const std::string& workout_id,
                  std::string& title);
  // Every set of the user's workouts in Strong's CSV layout (kg, km).
  std::string ExportSetsCsv(const platform::auth::Principal& principal);

  // Installation: the visibility of the workouts an import creates (the owner's default,
  // workouts::WorkoutService answers); unset, they are private.
  void SetDefaultVisibility(workouts::DefaultVisibility default_visibility) {
    default_visibility_ = std::move(default_visibility);
  }

  // The job handler of kImportJobKind (the imports feature registers it with the queue).
  std::string RunJob(platform::jobs::JobContext& context);

 private:
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
  // The request's zone, else the user's profile zone (UTC if that is not a known zone).
  std::string ZoneOf(Session& s, const std::string& user_id, const ImportRequest& request);
  // The user's live workout that a workout starting at `started_at` with these blocks would
  // duplicate.
  std::optional<std::string> FindDuplicate(Session& s, const std::string& user_id,
                                           const std::string& started_at,
                                           const std::vector<workouts::WorkoutBlock>& blocks);

  platform::store::Database& database_;
  platform::jobs::JobQueue& jobs_;
  exercises::ExerciseService& exercises_;
  ProfileTimeZone profile_time_zone_;
  const workouts::WorkoutChangeObservers& workout_changes_;
  workouts::DefaultVisibility default_visibility_;
  // Search key of every catalogue name and alias -> slug.
  std::unordered_map<std::string, std::string> catalogue_keys_;
  ImportRepository imports_;
  workouts::WorkoutRepository workouts_;
  exercises::CustomExerciseRepository custom_;

 public:
  // The stored track of the user's live workout, decoded, inside the caller's transaction
  // (records' best efforts, heart-rate zones); nullopt when it has none. Throws when a stored
  // track cannot be decoded.
  std::optional<core::Track> StoredTrackOf(Session& s, const std::string& user_id,
                                           const std::string& workout_id);
};

// The parameters of an import as its job keeps them, and back.
std::string EncodeRequest(const ImportRequest& request);
ImportRequest DecodeRequest(std::string_view text);

}  // namespace vigor::features::imports
