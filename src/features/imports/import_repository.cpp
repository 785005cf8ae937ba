#include "features/imports/import_repository.hpp"

#include <stdexcept>

#include "platform/crypto/random.hpp"

namespace vigor::features::imports {

namespace {
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kInsertUpload{
    "import_uploads.insert",
    "INSERT INTO import_uploads (job_id, user_id, content, bytes) VALUES ($1, $2, '', $3)"};
constexpr Statement kFindUpload{
    "import_uploads.find",
    "SELECT content, bytes FROM import_uploads WHERE job_id = $1 AND user_id = $2"};
constexpr Statement kDeleteUpload{"import_uploads.delete",
                                  "DELETE FROM import_uploads WHERE job_id = $1 AND user_id = $2"};
constexpr Statement kSameActivity{
    "workouts.same_activity",
    "SELECT id FROM workouts WHERE user_id = $1 AND started_at = $2 AND sport = $3 "
    "AND deleted_at IS NULL AND kind = 'cardio' LIMIT 1"};
// The user's newest import job asked for with this Idempotency-Key (a one-request upload keeps
// the key in the job's parameters): JSON is read the way each database reads it.
constexpr Statement kJobByIdempotencyKey{
    "imports.job_by_idempotency_key",
    "SELECT id FROM jobs WHERE user_id = $1 AND kind = 'import' "
    "AND json_extract(payload, '$.idempotency_key') = $2 ORDER BY created_at DESC, id DESC LIMIT 1",
    "SELECT id FROM jobs WHERE user_id = $1 AND kind = 'import' "
    "AND (payload::jsonb ->> 'idempotency_key') = $2 ORDER BY created_at DESC, id DESC LIMIT 1"};
constexpr Statement kStartingAt{
    "workouts.starting_at",
    "SELECT id FROM workouts WHERE user_id = $1 AND started_at = $2 AND deleted_at IS NULL "
    "ORDER BY id"};
constexpr Statement kCreatedBy{
    "workouts.created_by_import",
    "SELECT COUNT(*) AS workouts, CAST(COALESCE(SUM(total_sets), 0) AS BIGINT) AS sets "
    "FROM workouts "
    "WHERE user_id = $1 AND import_id = $2 AND deleted_at IS NULL"};
constexpr Statement kMarkExercise{
    "custom_exercises.mark_import",
    "UPDATE custom_exercises SET import_id = $3 WHERE user_id = $1 AND id = $2"};
constexpr Statement kWorkoutsOf{
    "workouts.of_import",
    "SELECT id FROM workouts WHERE user_id = $1 AND import_id = $2 AND deleted_at IS NULL"};
constexpr Statement kExercisesOf{
    "custom_exercises.of_import",
    "SELECT id, name FROM custom_exercises WHERE user_id = $1 AND import_id = $2 "
    "AND deleted_at IS NULL ORDER BY id"};
constexpr Statement kInsertTrack{
    "workout_tracks.insert",
    "INSERT INTO workout_tracks (workout_id, user_id, format, start_unix_ms, sport, point_count, "
    "points, splits, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr Statement kFindTrack{
    "workout_tracks.find",
    "SELECT t.format, t.start_unix_ms, t.sport, t.points, t.splits, w.title FROM workout_tracks t "
    "JOIN workouts w ON w.user_id = t.user_id AND w.id = t.workout_id "
    "WHERE t.workout_id = $2 AND t.user_id = $1 "
    "AND w.user_id = $1 AND w.deleted_at IS NULL"};
constexpr Statement kDeleteTrack{
    "workout_tracks.delete", "DELETE FROM workout_tracks WHERE user_id = $1 AND workout_id = $2"};
constexpr Statement kInsertOriginal{
    "activity_originals.insert",
    "INSERT INTO activity_originals (user_id, workout_id, file_name, format, size_bytes, sha256, "
    "content, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Statement kDeleteOriginal{
    "activity_originals.delete",
    "DELETE FROM activity_originals WHERE user_id = $1 AND workout_id = $2"};
constexpr Statement kAllSets{
    "workout_sets.export",
    "SELECT w.id AS workout_id, w.title, w.started_at, w.ended_at, w.time_zone, "
    "w.notes AS workout_notes, "
    "b.position AS block_position, b.exercise_id, b.notes AS block_notes, "
    "s.set_type, s.reps, s.weight_kg, s.duration_s, s.distance_m, s.rpe, s.rir, s.done, "
    "s.notes AS set_notes "
    "FROM workouts w JOIN workout_blocks b ON b.user_id = w.user_id AND b.workout_id = w.id "
    "JOIN workout_sets s ON s.user_id = b.user_id AND s.workout_id = b.workout_id "
    "AND s.block_position = b.position "
    "WHERE w.user_id = $1 AND w.deleted_at IS NULL AND b.user_id = $1 AND s.user_id = $1 "
    "ORDER BY w.started_at, w.id, b.position, s.position"};

std::vector<std::string> Ids(const std::vector<Row>& rows) {
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.Text("id"));
  return ids;
}

ImportRepository::TrackRow TrackRowFromRow(const Row& r) {
  return ImportRepository::TrackRow{.format = static_cast<int>(r.Int("format")),
                                    .start_unix_ms = r.OptInt("start_unix_ms"),
                                    .sport = r.Text("sport"),
                                    .points = r.Text("points"),
                                    .splits = r.Text("splits"),
                                    .title = r.Text("title")};
}

ExportedSet ExportedSetFromRow(const Row& r) {
  ExportedSet e;
  e.workout_id = r.Text("workout_id");
  e.title = r.Text("title");
  e.started_at = r.Text("started_at");
  e.ended_at = r.OptText("ended_at");
  e.time_zone = r.OptText("time_zone");
  e.workout_notes = r.OptText("workout_notes");
  e.block_position = r.Int("block_position");
  e.exercise_id = r.Text("exercise_id");
  e.block_notes = r.OptText("block_notes");
  e.set.set_type = workouts::ParseSetType(r.Text("set_type")).value_or(workouts::SetType::kNormal);
  e.set.reps = r.OptInt("reps");
  e.set.weight_kg = r.OptReal("weight_kg");
  e.set.duration_s = r.OptReal("duration_s");
  e.set.distance_m = r.OptReal("distance_m");
  e.set.rpe = r.OptReal("rpe");
  e.set.rir = r.OptInt("rir");
  e.set.done = r.Bool("done");
  e.set.notes = r.OptText("set_notes");
  return e;
}

}  // namespace

void ImportRepository::InsertUpload(Session& s, const std::string& job_id,
                                    const std::string& user_id, std::string content) {
  s.Execute(kInsertUpload, job_id, user_id, platform::store::Blob{std::move(content)});
}

std::optional<std::string> ImportRepository::FindUpload(Session& s, const std::string& job_id,
                                                        const std::string& user_id) {
  auto row = s.QueryOne(kFindUpload, job_id, user_id);
  if (!row) return std::nullopt;
  if (!row->IsNull("bytes")) return row->Text("bytes");
  // Queued before migration 0009, as base64url text.
  auto bytes = platform::crypto::Base64UrlDecode(row->Text("content"));
  if (!bytes) throw std::runtime_error("an import upload is not base64url");
  return std::move(*bytes);
}

void ImportRepository::DeleteUpload(Session& s, const std::string& job_id,
                                    const std::string& user_id) {
  s.Execute(kDeleteUpload, job_id, user_id);
}

std::optional<std::string> ImportRepository::FindSameActivity(Session& s,
                                                              const std::string& user_id,
                                                              const std::string& started_at,
                                                              const std::string& sport) {
  auto row = s.QueryOne(kSameActivity, user_id, started_at, sport);
  if (!row) return std::nullopt;
  return row->Text("id");
}

std::optional<std::string> ImportRepository::JobByIdempotencyKey(Session& s,
                                                                 const std::string& user_id,
                                                                 const std::string& key) {
  auto row = s.QueryOne(kJobByIdempotencyKey, user_id, key);
  if (!row) return std::nullopt;
  return row->Text("id");
}

std::vector<std::string> ImportRepository::LiveWorkoutsStartingAt(Session& s,
                                                                  const std::string& user_id,
                                                                  const std::string& started_at) {
  return Ids(s.Query(kStartingAt, user_id, started_at));
}

ImportRepository::CreatedCounts ImportRepository::CreatedBy(Session& s, const std::string& user_id,
                                                            const std::string& import_id) {
  auto row = s.QueryOne(kCreatedBy, user_id, import_id);
  if (!row) return {};
  return {.workouts = row->Int("workouts"), .sets = row->Int("sets")};
}

void ImportRepository::MarkExercise(Session& s, const std::string& user_id,
                                    const std::string& exercise_id, const std::string& import_id) {
  s.Execute(kMarkExercise, user_id, exercise_id, import_id);
}

std::vector<std::string> ImportRepository::WorkoutsOf(Session& s, const std::string& user_id,
                                                      const std::string& import_id) {
  return Ids(s.Query(kWorkoutsOf, user_id, import_id));
}

std::vector<ImportRepository::CreatedExercise> ImportRepository::ExercisesOf(
    Session& s, const std::string& user_id, const std::string& import_id) {
  std::vector<CreatedExercise> out;
  for (auto& r : s.Query(kExercisesOf, user_id, import_id)) {
    out.push_back({.id = r.Text("id"), .name = r.Text("name")});
  }
  return out;
}

void ImportRepository::InsertTrack(Session& s, const std::string& workout_id,
                                   const std::string& user_id, const StoredTrack& track,
                                   const std::string& points, const std::string& now) {
  s.Execute(kInsertTrack, workout_id, user_id, 1, track.start_unix_ms, track.sport,
            static_cast<std::int64_t>(track.points.size()), points, track.splits_json, now);
}

std::optional<ImportRepository::TrackRow> ImportRepository::FindTrack(
    Session& s, const std::string& user_id, const std::string& workout_id) {
  auto row = s.QueryOne(kFindTrack, user_id, workout_id);
  if (!row) return std::nullopt;
  return TrackRowFromRow(*row);
}

void ImportRepository::DeleteTrack(Session& s, const std::string& user_id,
                                   const std::string& workout_id) {
  s.Execute(kDeleteTrack, user_id, workout_id);
}

void ImportRepository::InsertOriginal(Session& s, const std::string& user_id,
                                      const std::string& workout_id, const Original& original,
                                      const std::string& now) {
  s.Execute(kInsertOriginal, user_id, workout_id, original.file_name, original.format,
            static_cast<std::int64_t>(original.content.size()), original.sha256,
            platform::store::Blob{original.content}, now);
}

void ImportRepository::DeleteOriginal(Session& s, const std::string& user_id,
                                      const std::string& workout_id) {
  s.Execute(kDeleteOriginal, user_id, workout_id);
}

std::vector<ExportedSet> ImportRepository::AllSets(Session& s, const std::string& user_id) {
  std::vector<ExportedSet> out;
  for (auto& r : s.Query(kAllSets, user_id)) out.push_back(ExportedSetFromRow(r));
  return out;
}

}  // namespace vigor::features::imports
