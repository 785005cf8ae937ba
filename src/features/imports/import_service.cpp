#include "features/imports/import_service.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <future>
#include <map>
#include <set>

#include "core/csv.hpp"
#include "core/fit.hpp"
#include "core/gpx.hpp"
#include "core/limits.hpp"
#include "core/tcx.hpp"
#include "core/text_fold.hpp"
#include "core/track.hpp"
#include "core/workout_totals.hpp"
#include "features/imports/track_codec.hpp"
#include "features/imports/training_log_csv.hpp"
#include "features/workouts/json_codec.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::imports {

namespace json = boost::json;
using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::jobs::Job;
using platform::jobs::JobContext;
using platform::jobs::JobFailed;
using platform::store::Session;

namespace {

Error ImportNotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_import")); }
Error TrackNotFound() { return Error(ErrorKind::kNotFound, Msg("workout_no_track")); }

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A failure the user can act on, with the HTTP status a synchronous answer would have had.
JobFailed Failure(const std::string& message, int status, json::object extra = {}) {
  extra["status"] = status;
  return JobFailed(message, json::serialize(extra));
}

// An activity's title when its file names none: its sport (indoor or not) and its date, in
// `language` ("Ride on 2024-05-01", "Radfahrt am 01.05.2024"). `date` is YYYY-MM-DD.
std::string ActivityTitle(std::string_view sport, bool indoor, std::string_view date,
                          platform::i18n::Language language) {
  struct Names {
    std::string_view outdoor;
    std::string_view indoor;
  };
  static const std::map<std::string_view, Names> kNames{
      {"run", {"activity_run", "activity_run_indoor"}},
      {"ride", {"activity_ride", "activity_ride_indoor"}},
      {"walk", {"activity_walk", "activity_walk_indoor"}},
      {"hike", {"activity_hike", "activity_hike_indoor"}},
      {"swim", {"activity_swim", "activity_swim_indoor"}},
      {"row", {"activity_row", "activity_row_indoor"}},
      {"ski", {"activity_ski", "activity_ski_indoor"}},
      {"elliptical", {"activity_elliptical", "activity_elliptical_indoor"}}};
  auto it = kNames.find(sport);
  Names names = it == kNames.end() ? Names{"activity_other", "activity_other_indoor"} : it->second;
  std::string activity = Msg(indoor ? names.indoor : names.outdoor).Text(language);
  return Msg("activity_title", {{"activity", activity},
                                {"year", std::string(date.substr(0, 4))},
                                {"month", std::string(date.substr(5, 2))},
                                {"day", std::string(date.substr(8, 2))}})
      .Text(language);
}

// The activity's own name as its file gives it (GPX <name>), as a title: control characters
// dropped, at most 200 bytes (not cutting a UTF-8 sequence); none when nothing is left. The
// file's name on disk is not used: devices name files by number ("12345678901.fit").
std::optional<std::string> TitleFromTrackName(const std::string& track_name) {
  std::string name = track_name;
  std::erase_if(name, [](unsigned char c) { return c < 0x20 || c == 0x7F; });
  if (name.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) return std::nullopt;
  return name;
}

std::string SplitsJson(const std::vector<core::Split>& splits) {
  json::array out;
  for (const auto& s : splits) {
    json::object o{{"distance_m", s.distance_m},
                   {"duration_s", s.duration_s},
                   {"moving_time_s", s.moving_time_s},
                   {"elevation_gain_m", s.elevation_gain_m}};
    o["avg_heart_rate"] = s.avg_heart_rate ? json::value(*s.avg_heart_rate) : json::value(nullptr);
    out.push_back(std::move(o));
  }
  return json::serialize(out);
}

// What a custom exercise created for a file records, judged from its sets.
exercises::LogType InferLogType(const ParsedLog& log, const std::string& name) {
  bool weight = false, reps = false, duration = false, distance = false;
  for (const auto& w : log.workouts) {
    for (const auto& b : w.blocks) {
      if (b.exercise_name != name) continue;
      for (const auto& s : b.sets) {
        weight |= s.weight_kg.has_value();
        reps |= s.reps.has_value();
        duration |= s.duration_s.has_value();
        distance |= s.distance_m.has_value();
      }
    }
  }
  using exercises::LogType;
  if (weight && !reps && duration) return LogType::kWeightDuration;
  if (weight) return LogType::kWeightReps;
  if (reps) return LogType::kReps;
  if (distance && duration) return LogType::kDistanceDuration;
  if (distance) return LogType::kDistance;
  if (duration) return LogType::kDuration;
  return LogType::kWeightReps;
}

ParsedLog ParseLog(const ImportRequest& request, std::string_view text, const std::string& zone) {
  if (request.format == ImportFormat::kStrongCsv) {
    return ParseStrongCsv(text, request.weight_unit, request.distance_unit, zone);
  }
  return ParseHevyCsv(text, zone);
}

// The workout a parsed one becomes, each block's exercise given by `exercise_id` (of its name).
workouts::WorkoutInput InputOf(const ParsedWorkout& pw, const std::string& zone,
                               const std::function<std::string(const std::string&)>& exercise_id) {
  workouts::WorkoutInput input;
  input.title = pw.title.substr(0, 200);
  input.started_at = platform::FormatUtcMs(pw.started_ms);
  if (pw.ended_ms) input.ended_at = platform::FormatUtcMs(*pw.ended_ms);
  input.time_zone = zone;
  input.notes = pw.notes;
  input.blocks.reserve(pw.blocks.size());
  for (const auto& pb : pw.blocks) {
    workouts::WorkoutBlock block;
    block.exercise_id = exercise_id(pb.exercise_name);
    block.superset_group = pb.superset_group;
    block.notes = pb.notes;
    block.sets = pb.sets;
    input.blocks.push_back(std::move(block));
  }
  return input;
}

// Where a field error of the API points: "blocks[2].sets[0].weight_kg" is block 2, set 0, field
// weight_kg; "blocks[1].notes" block 1; "notes" the workout.
struct FieldPath {
  std::optional<std::size_t> block;
  std::optional<std::size_t> set;
  std::string name;
};

FieldPath ParsePath(std::string_view path) {
  FieldPath out;
  auto index = [&](std::string_view prefix) -> std::optional<std::size_t> {
    if (!path.starts_with(prefix)) return std::nullopt;
    auto close = path.find(']', prefix.size());
    if (close == std::string_view::npos) return std::nullopt;
    std::size_t n = 0;
    auto digits = path.substr(prefix.size(), close - prefix.size());
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    path.remove_prefix(close + 1);
    if (path.starts_with('.')) path.remove_prefix(1);
    return n;
  };
  out.block = index("blocks[");
  if (out.block) out.set = index("sets[");
  out.name = std::string(path);
  return out;
}

bool Near(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::abs(*a - *b) <= 1e-9 * std::max(1.0, std::abs(*a));
}

// Drops the summary heart rates of an activity that the API would refuse (a sensor's glitch):
// the rest of the activity is good.
void DropImplausibleHeartRates(workouts::Cardio& cardio) {
  constexpr auto kRange = core::limits::kHeartRateBpm;
  if ((cardio.avg_heart_rate && !kRange.Contains(*cardio.avg_heart_rate)) ||
      (cardio.max_heart_rate && !kRange.Contains(*cardio.max_heart_rate))) {
    cardio.avg_heart_rate.reset();
    cardio.max_heart_rate.reset();
  }
}

// "Weight: weight_kg is out of range": the file's column, then the API's words.
std::string RowMessage(const std::string& column, const FieldPath& path,
                       const std::string& message) {
  std::string text = path.name + " " + message;
  return column.empty() ? text : column + ": " + text;
}

}  // namespace

bool SameTraining(const std::vector<workouts::WorkoutBlock>& a,
                  const std::vector<workouts::WorkoutBlock>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].exercise_id != b[i].exercise_id || a[i].sets.size() != b[i].sets.size()) return false;
    for (std::size_t j = 0; j < a[i].sets.size(); ++j) {
      const auto& x = a[i].sets[j];
      const auto& y = b[i].sets[j];
      if (x.set_type != y.set_type || x.reps != y.reps || !Near(x.weight_kg, y.weight_kg) ||
          !Near(x.duration_s, y.duration_s) || !Near(x.distance_m, y.distance_m)) {
        return false;
      }
    }
  }
  return true;
}

void CheckParsedLog(ParsedLog& log, const std::string& time_zone) {
  auto column_of = [&](const FieldPath& path) -> std::string {
    std::string key = path.block ? path.name : "workout." + path.name;
    auto it = log.columns.find(key);
    return it == log.columns.end() ? std::string() : it->second;
  };
  // Exercises are resolved later and their existence is not the API's range rule: any id does.
  auto placeholder = [](const std::string&) { return std::string("exercise"); };
  for (auto& w : log.workouts) {
    // Two rounds at most: sets the API refuses go, then what is left is checked again.
    for (int round = 0; round < 2 && !w.blocks.empty(); ++round) {
      std::vector<platform::FieldError> fields;
      try {
        workouts::CheckWorkoutInput(InputOf(w, time_zone, placeholder));
        break;
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::kValidation) throw;
        fields = e.fields();
      }
      std::set<std::pair<std::size_t, std::size_t>> bad_sets;
      std::optional<RowError> whole;  // a problem of the workout or a block: it goes whole
      for (const auto& f : fields) {
        FieldPath path = ParsePath(f.field);
        bool set_error = path.block && path.set && *path.block < w.blocks.size() &&
                         *path.set < w.blocks[*path.block].sets.size();
        if (set_error) {
          bad_sets.insert({*path.block, *path.set});
          log.row_errors.push_back({w.blocks[*path.block].set_rows[*path.set],
                                    RowMessage(column_of(path), path, f.message.English()),
                                    column_of(path)});
        } else if (!whole) {
          std::size_t row =
              path.block && *path.block < w.blocks.size() && !w.blocks[*path.block].set_rows.empty()
                  ? w.blocks[*path.block].set_rows.front()
                  : w.first_row;
          whole = RowError{row,
                           RowMessage(column_of(path), path, f.message.English()) +
                               " (the workout starting on line " + std::to_string(w.first_row) +
                               " is left out)",
                           column_of(path)};
        }
      }
      if (whole) {
        log.row_errors.push_back(std::move(*whole));
        w.blocks.clear();
        break;
      }
      if (bad_sets.empty()) {  // an error the file's rows cannot explain: leave the workout out
        log.row_errors.push_back(
            {w.first_row, fields.empty() ? "invalid" : fields[0].message.English(), ""});
        w.blocks.clear();
        break;
      }
      for (std::size_t b = w.blocks.size(); b-- > 0;) {
        auto& block = w.blocks[b];
        for (std::size_t i = block.sets.size(); i-- > 0;) {
          if (!bad_sets.contains({b, i})) continue;
          block.sets.erase(block.sets.begin() + static_cast<std::ptrdiff_t>(i));
          block.set_rows.erase(block.set_rows.begin() + static_cast<std::ptrdiff_t>(i));
        }
        if (block.sets.empty()) w.blocks.erase(w.blocks.begin() + static_cast<std::ptrdiff_t>(b));
      }
    }
  }
  std::erase_if(log.workouts, [](const ParsedWorkout& w) { return w.blocks.empty(); });
  std::stable_sort(log.row_errors.begin(), log.row_errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
}

std::string EncodeRequest(const ImportRequest& r) {
  json::object o{{"format", FormatName(r.format)},
                 {"allow_duplicate", r.allow_duplicate},
                 {"weight_unit", r.weight_unit == core::WeightUnit::kPounds ? "lb" : "kg"},
                 {"distance_unit", r.distance_unit == core::DistanceUnit::kMiles ? "mi" : "km"}};
  if (r.file_name) o["file_name"] = *r.file_name;
  if (r.time_zone) o["time_zone"] = *r.time_zone;
  o["language"] = platform::i18n::LanguageTag(r.language);
  if (r.title) o["title"] = *r.title;
  if (r.visibility) o["visibility"] = *r.visibility;
  if (r.sport) o["sport"] = *r.sport;
  if (r.idempotency_key) o["idempotency_key"] = *r.idempotency_key;
  if (r.file_sha256) o["file_sha256"] = *r.file_sha256;
  return json::serialize(o);
}

ImportRequest DecodeRequest(std::string_view text) {
  auto o = json::parse(text).as_object();
  ImportRequest r;
  r.format = ParseFormat(o.at("format").as_string()).value();
  r.allow_duplicate = o.at("allow_duplicate").as_bool();
  r.weight_unit = o.at("weight_unit").as_string() == "lb" ? core::WeightUnit::kPounds
                                                          : core::WeightUnit::kKilograms;
  r.distance_unit = o.at("distance_unit").as_string() == "mi" ? core::DistanceUnit::kMiles
                                                              : core::DistanceUnit::kKilometers;
  if (auto* f = o.if_contains("file_name")) r.file_name = std::string(f->as_string());
  // Jobs queued before imports kept a zone have none: their user's profile zone is read then.
  if (auto* z = o.if_contains("time_zone")) r.time_zone = std::string(z->as_string());
  if (auto* t = o.if_contains("title")) r.title = std::string(t->as_string());
  if (auto* v = o.if_contains("visibility")) r.visibility = std::string(v->as_string());
  if (auto* sp = o.if_contains("sport")) r.sport = std::string(sp->as_string());
  if (auto* k = o.if_contains("idempotency_key")) r.idempotency_key = std::string(k->as_string());
  if (auto* h = o.if_contains("file_sha256")) r.file_sha256 = std::string(h->as_string());
  // Jobs queued before imports kept a language write English, as they did then.
  if (auto* l = o.if_contains("language")) {
    r.language = platform::i18n::LanguageFromLocale(l->as_string());
  }
  return r;
}

ImportService::ImportService(platform::store::Database& database, platform::jobs::JobQueue& jobs,
                             exercises::ExerciseService& exercises,
                             ProfileTimeZone profile_time_zone,
                             const workouts::WorkoutChangeObservers& workout_changes)
    : database_(database),
      jobs_(jobs),
      exercises_(exercises),
      profile_time_zone_(std::move(profile_time_zone)),
      workout_changes_(workout_changes) {
  // Names first, so an alias never hides another exercise's name.
  for (const auto& entry : exercises.catalog().entries()) {
    catalogue_keys_.emplace(core::SearchKey(entry.exercise.name), entry.exercise.id);
  }
  for (const auto& entry : exercises.catalog().entries()) {
    for (const auto& alias : entry.exercise.aliases) {
      catalogue_keys_.emplace(core::SearchKey(alias), entry.exercise.id);
    }
  }
}

Job ImportService::Submit(const Principal& principal, const ImportRequest& request,
                          const std::string& body, bool start_in_background) {
  if (body.empty()) {
    throw Error(ErrorKind::kValidation, Msg("file_empty"), {{"body", Msg("empty")}});
  }
  auto job = database_.WriteResult([&](Session& s) {
    // The zone is settled now: a later change of the profile does not change what was asked.
    ImportRequest settled = request;
    settled.time_zone = ZoneOf(s, principal.user_id, request);
    settled.language = platform::i18n::LanguageFromLocale(principal.locale);
    auto id = jobs_.Enqueue(s, principal.user_id, kImportJobKind, EncodeRequest(settled));
    imports_.InsertUpload(s, id, principal.user_id, body);
    return *jobs_.Find(s, principal.user_id, id);
  });
  if (start_in_background) jobs_.Notify();
  return job;
}

std::optional<Job> ImportService::FindByIdempotencyKey(const Principal& principal,
                                                       const std::string& key) {
  return database_.ReadResult([&](Session& s) -> std::optional<Job> {
    auto id = imports_.JobByIdempotencyKey(s, principal.user_id, key);
    if (!id) return std::nullopt;
    return jobs_.Find(s, principal.user_id, *id);
  });
}

std::optional<workouts::Workout> ImportService::FindWorkout(const Principal& principal,
                                                            const std::string& workout_id) {
  return database_.ReadResult(
      [&](Session& s) { return workouts_.Find(s, principal.user_id, workout_id); });
}

std::string ImportService::ZoneOf(Session& s, const std::string& user_id,
                                  const ImportRequest& request) {
  if (request.time_zone) return *request.time_zone;
  std::string zone = profile_time_zone_ ? profile_time_zone_(s, user_id) : "UTC";
  return platform::IsKnownTimeZone(zone) ? zone : "UTC";
}

std::optional<std::string> ImportService::FindDuplicate(
    Session& s, const std::string& user_id, const std::string& started_at,
    const std::vector<workouts::WorkoutBlock>& blocks) {
  for (const auto& id : imports_.LiveWorkoutsStartingAt(s, user_id, started_at)) {
    auto existing = workouts_.Find(s, user_id, id);
    if (existing && SameTraining(existing->blocks, blocks)) return id;
  }
  return std::nullopt;
}

Job ImportService::Get(const Principal& principal, const std::string& id) {
  auto job = database_.ReadResult(
      [&](Session& s) { return jobs_.Find(s, principal.user_id, Lowercase(id)); });
  if (!job || job->kind != kImportJobKind) throw ImportNotFound();
  return std::move(*job);
}

void ImportService::Undo(const Principal& principal, const std::string& raw_id) {
  std::string id = Lowercase(raw_id);
  const std::string& user_id = principal.user_id;
  database_.Write([&](Session& s) {
    auto job = jobs_.Find(s, user_id, id);
    if (!job || job->kind != kImportJobKind) throw ImportNotFound();
    if (job->status == platform::jobs::JobStatus::kRunning) {
      throw Error(ErrorKind::kConflict, Msg("import_running"));
    }
    RemoveCreated(s, user_id, id);
    if (!jobs_.Remove(s, user_id, id)) {
      throw Error(ErrorKind::kConflict, Msg("import_running"));
    }
  });
}

void ImportService::RemoveCreated(Session& s, const std::string& user_id,
                                  const std::string& import_id) {
  std::string now = platform::NowRfc3339();
  std::vector<workouts::WorkoutChange> removed;
  for (const auto& workout_id : imports_.WorkoutsOf(s, user_id, import_id)) {
    auto head = workouts_.FindHead(s, user_id, workout_id);
    if (head && !head->deleted && workouts_.Tombstone(s, user_id, workout_id, now)) {
      removed.push_back({user_id, workout_id, workouts::FactsOf(*head), std::nullopt});
    }
    imports_.DeleteTrack(s, user_id, workout_id);
    imports_.DeleteOriginal(s, user_id, workout_id);
  }
  // After the tracks are gone too: what observers keep from a track goes with it.
  workout_changes_.Notify(s, removed);
  for (const auto& exercise : imports_.ExercisesOf(s, user_id, import_id)) {
    custom_.MarkDeleted(s, user_id, exercise.id, now);
  }
}

std::string ImportService::RunJob(JobContext& context) {
  const Job& job = context.job();
  ImportRequest request = DecodeRequest(job.payload);
  auto bytes =
      database_.ReadResult([&](Session& s) { return imports_.FindUpload(s, job.id, job.user_id); });
  if (!bytes) throw Failure("The uploaded file is gone.", 410);
  try {
    return IsActivityFormat(request.format) ? RunActivityImport(context, request, *bytes)
                                            : RunLogImport(context, request, *bytes);
  } catch (...) {
    // A failed import leaves nothing: the batches a CSV import committed go too, and the file.
    // Unless another runner holds the job now (this one was presumed dead): it goes on with them.
    database_.Write([&](Session& s) {
      if (!context.Progress(s, 0, std::nullopt)) return;
      RemoveCreated(s, job.user_id, job.id);
      imports_.DeleteUpload(s, job.id, job.user_id);
    });
    throw;
  }
}

std::string ImportService::RunActivityImport(JobContext& context, const ImportRequest& request,
                                             const std::string& bytes) {
  const Job& job = context.job();
  core::Track track;
  try {
    switch (request.format) {
      case ImportFormat::kGpx:
        track = core::ParseGpx(bytes);
        break;
      case ImportFormat::kTcx:
        track = core::ParseTcx(bytes);
        break;
      default:
        track = core::ParseFit(bytes).track;
        break;
    }
  } catch (const core::TrackParseError& e) {
    std::string message = e.what();
    if (!message.empty()) message[0] = static_cast<char>(std::toupper(message[0]));
    throw Failure(message + ".", 422);
  }
  auto stats = core::ComputeStats(track);
  bool indoor = !track.has_positions();
  std::string sport = workouts::IsCardioSport(track.sport) ? track.sport : "other";
  if (request.sport && workouts::IsCardioSport(*request.sport)) sport = *request.sport;

  std::int64_t start_ms =
      track.start_unix_ms.value_or(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
  workouts::WorkoutInput input;
  input.id = platform::NewId();
  input.started_at = platform::FormatUtcMs(start_ms);
  input.time_zone = request.time_zone;
  if (stats.duration_s > 0) {
    input.ended_at = platform::FormatUtcMs(
        start_ms + static_cast<std::int64_t>(std::llround(stats.duration_s * 1000)));
  }
  std::string date = input.started_at.substr(0, 10);
  input.title = request.title ? *request.title
                              : TitleFromTrackName(track.name)
                                    .value_or(ActivityTitle(sport, indoor, date, request.language));
  workouts::Cardio cardio;
  cardio.sport = sport;
  if (stats.distance_m > 0) cardio.distance_m = stats.distance_m;
  if (stats.duration_s > 0) cardio.duration_s = stats.duration_s;
  if (stats.duration_s > 0) cardio.moving_time_s = std::min(stats.moving_time_s, stats.duration_s);
  bool has_elevation = std::any_of(track.points.begin(), track.points.end(),
                                   [](const auto& p) { return p.elevation_m.has_value(); });
  if (has_elevation) cardio.elevation_gain_m = stats.elevation_gain_m;
  if (stats.avg_heart_rate) cardio.avg_heart_rate = std::llround(*stats.avg_heart_rate);
  if (stats.max_heart_rate) cardio.max_heart_rate = *stats.max_heart_rate;
  if (cardio.avg_heart_rate && cardio.max_heart_rate &&
      *cardio.avg_heart_rate > *cardio.max_heart_rate) {
    cardio.avg_heart_rate = cardio.max_heart_rate;
  }
  DropImplausibleHeartRates(cardio);
  if (track.calories_kcal && core::limits::kCardioCaloriesKcal.Contains(*track.calories_kcal) &&
      *track.calories_kcal > 0) {
    cardio.calories_kcal = std::round(*track.calories_kcal);
  }
  input.cardio = cardio;
  // The API's rules hold for files too (core/limits.hpp through the API's own check).
  try {
    workouts::CheckWorkoutInput(input);
  } catch (const Error& e) {
    std::string fields;
    for (const auto& f : e.fields())
      fields += (fields.empty() ? "" : "; ") + f.field + " " + f.message.English();
    throw Failure("The file has values Vigor does not accept: " + fields + ".", 422);
  }

  StoredTrack stored{track.start_unix_ms, sport, {}, SplitsJson(stats.splits)};
  std::string points = EncodeTrackPoints(track.points);
  stored.points = std::move(track.points);
  context.Progress(0, 1);

  return database_.WriteResult([&](Session& s) {
    if (!request.allow_duplicate) {
      if (auto existing = imports_.FindSameActivity(s, job.user_id, input.started_at, sport)) {
        throw Failure("This activity is in your log already (workout " + *existing +
                          "). Import it with allow_duplicate=true to keep both.",
                      409, {{"existing_workout_id", *existing}});
      }
    }
    std::string now = platform::NowRfc3339();
    if (request.visibility) {
      input.visibility = request.visibility;
    } else if (default_visibility_) {
      input.visibility = default_visibility_(s, job.user_id, sport);
    }
    std::string fingerprint = workouts::Fingerprint(input);
    std::string id = *input.id;
    auto workout = workouts::MakeWorkout(job.user_id, std::move(id), std::move(input),
                                         std::move(fingerprint), now);
    workout.import_id = job.id;
    if (!workouts_.Insert(s, workout)) throw std::runtime_error("a new workout id is taken");
    imports_.InsertTrack(s, workout.id, job.user_id, stored, points, now);
    // The file itself, kept with the workout it became (the account export holds it).
    imports_.InsertOriginal(s, job.user_id, workout.id,
                            {.file_name = request.file_name,
                             .format = std::string(FormatName(request.format)),
                             .sha256 = platform::crypto::Sha256Hex(bytes),
                             .content = bytes},
                            now);
    // With its track stored: records read best efforts from it.
    workouts::WorkoutChange created{job.user_id, workout.id, std::nullopt,
                                    workouts::FactsOf(workout)};
    workout_changes_.Notify(s, std::span<const workouts::WorkoutChange>(&created, 1));
    imports_.DeleteUpload(s, job.id, job.user_id);
    json::object result{{"workouts_created", 1},
                        {"workout_id", workout.id},
                        {"indoor", indoor},
                        {"points", static_cast<std::int64_t>(stored.points.size())}};
    std::string text = json::serialize(result);
    if (!context.Progress(s, 1, 1)) throw std::runtime_error("the import's lease was lost");
    context.Succeed(s, text);
    return text;
  });
}

std::vector<ExerciseMatch> ImportService::Resolve(Session& s, const std::string& user_id,
                                                  const ParsedLog& log) {
  std::vector<ExerciseMatch> matches;
  std::set<std::string> seen;
  auto catalogue = [&](const std::string& text) -> std::optional<std::string> {
    auto it = catalogue_keys_.find(core::SearchKey(text));
    if (it == catalogue_keys_.end()) return std::nullopt;
    return it->second;
  };
  for (const auto& w : log.workouts) {
    for (const auto& b : w.blocks) {
      if (!seen.insert(b.exercise_name).second) continue;
      ExerciseMatch m{b.exercise_name, std::nullopt};
      std::string key = core::SearchKey(b.exercise_name);
      if (auto own = custom_.LiveIdByKey(s, user_id, key)) {
        m.exercise_id = own;
      } else if (auto slug = catalogue(b.exercise_name)) {
        m.exercise_id = slug;
      } else if (auto open = b.exercise_name.rfind('(');
                 open != std::string::npos && b.exercise_name.back() == ')') {
        // Strong and Hevy write "Bench Press (Barbell)": try "Barbell Bench Press".
        std::string base = b.exercise_name.substr(0, open);
        std::string equipment = b.exercise_name.substr(open + 1, b.exercise_name.size() - open - 2);
        std::string equipment_first = equipment + " ";
        equipment_first += base;
        m.exercise_id = catalogue(equipment_first);
        if (!m.exercise_id) {
          // "Lat Pulldown (Cable)": the plain name, when that exercise uses this equipment.
          auto slug = catalogue(base);
          const auto* entry = slug ? exercises_.catalog().Find(*slug) : nullptr;
          std::string wanted = core::SearchKey(equipment);
          if (entry) {
            for (auto e : entry->exercise.equipment) {
              std::string name(exercises::Name(e));
              std::replace(name.begin(), name.end(), '_', ' ');
              if (name == wanted) m.exercise_id = slug;
            }
          }
        }
      }
      matches.push_back(std::move(m));
    }
  }
  return matches;
}

LogImportSummary ImportService::DryRun(const Principal& principal, const ImportRequest& request,
                                       const std::string& body) {
  const std::string& user_id = principal.user_id;
  std::string zone = database_.ReadResult([&](Session& s) { return ZoneOf(s, user_id, request); });
  ParsedLog log;
  try {
    log = ParseLog(request, body, zone);
  } catch (const LogFormatError& e) {
    throw Error(ErrorKind::kValidation, e.message(), {{"body", e.message()}});
  }
  CheckParsedLog(log, zone);
  LogImportSummary summary;
  summary.time_zone = zone;
  summary.rows = log.rows;
  database_.Read([&](Session& s) {
    summary.exercises = Resolve(s, user_id, log);
    // Exercises still to create cannot be in the log yet; within the file they are told apart
    // by name (a text no real id has).
    std::map<std::string, std::string> ids;
    for (const auto& m : summary.exercises) ids[m.name] = m.exercise_id.value_or("\x1f" + m.name);
    auto id_of = [&](const std::string& name) { return ids.at(name); };
    std::multimap<std::int64_t, std::size_t> kept_by_start;  // earlier workouts of the file
    for (std::size_t i = 0; i < log.workouts.size(); ++i) {
      const auto& pw = log.workouts[i];
      auto input = InputOf(pw, zone, id_of);
      std::optional<SkippedWorkout> skip;
      if (!request.allow_duplicate) {
        if (auto existing = FindDuplicate(s, user_id, input.started_at, input.blocks)) {
          skip = SkippedWorkout{pw.first_row, pw.title, pw.started_ms, existing,
                                "already in your log"};
        } else {
          auto [from, to] = kept_by_start.equal_range(pw.started_ms);
          for (auto it = from; it != to && !skip; ++it) {
            const auto& earlier = log.workouts[it->second];
            if (SameTraining(InputOf(earlier, zone, id_of).blocks, input.blocks)) {
              skip = SkippedWorkout{
                  pw.first_row, pw.title, pw.started_ms, std::nullopt,
                  "the same as the workout on line " + std::to_string(earlier.first_row)};
            }
          }
        }
      }
      if (skip) {
        ++summary.skipped_count;
        if (summary.skipped.size() < kPreviewWorkouts) summary.skipped.push_back(std::move(*skip));
        continue;
      }
      kept_by_start.emplace(pw.started_ms, i);
      ++summary.workouts;
      for (const auto& b : pw.blocks) summary.sets += b.sets.size();
      if (summary.sample.size() < kPreviewWorkouts) summary.sample.push_back(pw);
    }
  });
  summary.unknown_columns = std::move(log.unknown_columns);
  summary.row_errors = std::move(log.row_errors);
  return summary;
}

std::map<std::string, std::string> ImportService::PrepareExercises(Session& s,
                                                                   const std::string& user_id,
                                                                   const std::string& import_id,
                                                                   const ParsedLog& log) {
  std::map<std::string, std::string> ids;     // name in the file -> id
  std::map<std::string, std::string> by_key;  // search key -> id created here
  std::string now = platform::NowRfc3339();
  for (const auto& m : Resolve(s, user_id, log)) {
    if (m.exercise_id) {
      ids[m.name] = *m.exercise_id;
      continue;
    }
    std::string name = m.name.substr(0, 100);
    std::string key = core::SearchKey(name);
    if (key.empty()) {
      name = "Imported exercise";
      key = core::SearchKey(name);
    }
    if (auto it = by_key.find(key); it != by_key.end()) {
      ids[m.name] = it->second;
      continue;
    }
    if (auto own = custom_.LiveIdByKey(s, user_id, key)) {
      ids[m.name] = *own;
      continue;
    }
    exercises::Exercise e;
    e.id = platform::NewId();
    e.user_id = user_id;
    e.custom = true;
    e.name = name;
    e.slug = core::Slugify(name);
    e.log_type = InferLogType(log, m.name);
    e.created_at = e.updated_at = now;
    custom_.Insert(s, e);
    imports_.MarkExercise(s, user_id, e.id, import_id);
    by_key[key] = e.id;
    ids[m.name] = e.id;
  }
  return ids;
}

std::string ImportService::RunLogImport(JobContext& context, const ImportRequest& request,
                                        const std::string& text) {
  const Job& job = context.job();
  const std::string& user_id = job.user_id;
  std::string zone = database_.ReadResult([&](Session& s) { return ZoneOf(s, user_id, request); });
  ParsedLog log;
  try {
    log = ParseLog(request, text, zone);
  } catch (const LogFormatError& e) {
    throw Failure(e.what(), 422);
  }
  CheckParsedLog(log, zone);
  const std::size_t count = log.workouts.size();
  const auto total = static_cast<std::int64_t>(count);
  // A job claimed again after its runner died goes on after the batches that committed: each
  // recorded its progress in its own transaction, and the file parses to the same workouts.
  std::size_t next = std::min(count, static_cast<std::size_t>(std::max<std::int64_t>(job.done, 0)));

  // The exercises the file needs, each created once (found again by name when resuming).
  auto exercise_ids =
      database_.WriteResult([&](Session& s) { return PrepareExercises(s, user_id, job.id, log); });
  auto id_of = [&](const std::string& name) { return exercise_ids.at(name); };

  struct Built {
    workouts::Workout workout;
    const ParsedWorkout* parsed = nullptr;
  };
  auto build = [&](std::size_t from) {
    std::vector<Built> batch;
    std::size_t end = std::min(count, from + kBatchWorkouts);
    batch.reserve(end - from);
    std::string now = platform::NowRfc3339();
    for (std::size_t i = from; i < end; ++i) {
      auto input = InputOf(log.workouts[i], zone, id_of);
      std::string fingerprint = workouts::Fingerprint(input);
      auto workout = workouts::MakeWorkout(user_id, platform::NewId(), std::move(input),
                                           std::move(fingerprint), now);
      workout.import_id = job.id;
      batch.push_back({std::move(workout), &log.workouts[i]});
    }
    return batch;
  };

  std::vector<SkippedWorkout> skipped;  // in this run, for the result (the first few)
  std::string result;
  auto finish = [&](Session& s) {
    json::array created;
    for (const auto& e : imports_.ExercisesOf(s, user_id, job.id)) {
      created.push_back(json::object{{"id", e.id}, {"name", e.name}});
    }
    json::array errors;
    for (const auto& e : log.row_errors) {
      json::object error{{"row", e.row}, {"message", e.message}};
      error["column"] = e.column.empty() ? json::value(nullptr) : json::value(e.column);
      errors.push_back(std::move(error));
    }
    json::array unknown;
    for (const auto& c : log.unknown_columns) unknown.push_back(json::string(c));
    json::array skipped_list;
    for (const auto& w : skipped) {
      json::object o{{"row", w.row},
                     {"title", w.title},
                     {"started_at", core::FormatIsoTimeMs(w.started_ms)},
                     {"reason", w.reason}};
      o["existing_workout_id"] =
          w.existing_workout_id ? json::value(*w.existing_workout_id) : json::value(nullptr);
      skipped_list.push_back(std::move(o));
    }
    // Counted from what is stored: right after a resume too, when earlier batches were written
    // by another runner.
    auto stored = imports_.CreatedBy(s, user_id, job.id);
    result = json::serialize(json::object{{"workouts_created", stored.workouts},
                                          {"sets_created", stored.sets},
                                          {"workouts_skipped", total - stored.workouts},
                                          {"skipped", std::move(skipped_list)},
                                          {"time_zone", zone},
                                          {"exercises_created", std::move(created)},
                                          {"unknown_columns", std::move(unknown)},
                                          {"row_errors", std::move(errors)}});
    imports_.DeleteUpload(s, job.id, user_id);
    context.Succeed(s, result);
  };

  // The writer thread inserts one batch while this thread builds the next (fingerprints and
  // totals are a fair share of the work), so the single writer only runs SQL. Each workout is
  // looked for in the log just before its insert, so a duplicate within the file is found too.
  auto batch = build(next);
  while (true) {
    std::size_t end = next + batch.size();
    bool last = end >= count;
    auto written = std::async(std::launch::async, [&, current = std::move(batch), end, last] {
      const std::size_t skipped_before = skipped.size();
      database_.Write([&](Session& s) {
        skipped.resize(skipped_before);  // a retried transaction runs this again
        std::vector<workouts::WorkoutChange> created;
        // The owner's default visibility, per sport, read once a batch.
        std::map<std::optional<std::string>, std::string> visibility_of;
        for (const auto& [built, parsed] : current) {
          workouts::Workout workout = built;
          if (default_visibility_) {
            std::optional<std::string> sport;
            if (workout.cardio) sport = workout.cardio->sport;
            auto known = visibility_of.find(sport);
            if (known == visibility_of.end()) {
              known = visibility_of.emplace(sport, default_visibility_(s, user_id, sport)).first;
            }
            workout.visibility = known->second;
          }
          if (!request.allow_duplicate) {
            if (auto existing = FindDuplicate(s, user_id, workout.started_at, workout.blocks)) {
              if (skipped.size() < kPreviewWorkouts) {
                skipped.push_back({parsed->first_row, parsed->title, parsed->started_ms, existing,
                                   "already in your log"});
              }
              continue;
            }
          }
          if (!workouts_.Insert(s, workout)) throw std::runtime_error("a new workout id is taken");
          created.push_back({user_id, workout.id, std::nullopt, workouts::FactsOf(workout)});
        }
        // One report for the batch: observers do their work once per exercise or day.
        workout_changes_.Notify(s, created);
        if (!context.Progress(s, static_cast<std::int64_t>(end), total)) {
          throw std::runtime_error("the import's lease was lost");
        }
        if (last) finish(s);
      });
    });
    // The next batch is built while this one is written, and becomes `batch` only after.
    decltype(batch) following;
    if (!last) following = build(end);
    written.get();
    if (last) return result;
    batch = std::move(following);
    next = end;
  }
}

void ImportService::ForgetOriginals(Session& s, std::span<const workouts::WorkoutChange> changes) {
  for (const auto& change : changes) {
    if (!change.after) imports_.DeleteOriginal(s, change.user_id, change.workout_id);
  }
}

StoredTrack ImportService::Track(const Principal& principal, const std::string& workout_id) {
  auto row = database_.ReadResult(
      [&](Session& s) { return imports_.FindTrack(s, principal.user_id, Lowercase(workout_id)); });
  if (!row) throw TrackNotFound();
  auto points = DecodeTrackPoints(row->points);
  if (!points || row->format != kTrackFormat) {
    throw std::runtime_error("a stored track cannot be decoded");
  }
  return StoredTrack{row->start_unix_ms, row->sport, std::move(*points), row->splits};
}

std::string ImportService::Gpx(const Principal& principal, const std::string& workout_id,
                               std::string& title) {
  auto row = database_.ReadResult(
      [&](Session& s) { return imports_.FindTrack(s, principal.user_id, Lowercase(workout_id)); });
  if (!row) throw TrackNotFound();
  auto points = DecodeTrackPoints(row->points);
  if (!points) throw std::runtime_error("a stored track cannot be decoded");
  core::Track track;
  track.start_unix_ms = row->start_unix_ms;
  track.sport = row->sport;
  track.points = std::move(*points);
  if (!track.has_positions()) {
    throw Error(ErrorKind::kNotFound, Msg("workout_indoor_no_track"));
  }
  title = row->title;
  return core::WriteGpx(track, row->title);
}

std::string ImportService::ExportSetsCsv(const Principal& principal) {
  const std::string& user_id = principal.user_id;
  std::vector<ExportedSet> rows;
  std::unordered_map<std::string, exercises::Exercise> names;
  std::string profile_zone;
  database_.Read([&](Session& s) {
    profile_zone = ZoneOf(s, user_id, ImportRequest{});
    rows = imports_.AllSets(s, user_id);
    std::set<std::string> ids;
    for (const auto& r : rows) ids.insert(r.exercise_id);
    names = exercises_.FindForDisplay(s, user_id, {ids.begin(), ids.end()});
  });
  std::string out = core::CsvLine(StrongHeader());
  std::string block_key;
  int numbered = 0;
  for (const auto& r : rows) {
    std::string key = r.workout_id + '/' + std::to_string(r.block_position);
    if (key != block_key) {
      block_key = key;
      numbered = 0;
    }
    StrongRow row;
    std::int64_t started_ms = platform::ParseRfc3339Ms(r.started_at).value_or(0);
    if (r.ended_at) {
      if (auto ended = platform::ParseRfc3339Ms(*r.ended_at)) {
        row.duration_s = static_cast<double>(*ended - started_ms) / 1000;
      }
    }
    // Strong writes the wall-clock time: the workout's own zone, else the profile's, as an
    // import of the file reads it back.
    const std::string& zone =
        r.time_zone && platform::IsKnownTimeZone(*r.time_zone) ? *r.time_zone : profile_zone;
    row.started_ms =
        started_ms + std::int64_t{1000} * platform::UtcOffsetSeconds(started_ms, zone).value_or(0);
    row.workout_name = r.title;
    auto name = names.find(r.exercise_id);
    row.exercise_name = name == names.end() ? r.exercise_id : name->second.name;
    row.set_order = StrongSetOrder(r.set.set_type, numbered);
    row.set = r.set;
    // Strong's Notes column is per set: the set's note is written there, and an import of the
    // file reads it back into the set. The block's notes go in the added Exercise Notes column.
    row.exercise_notes = r.block_notes;
    row.workout_notes = r.workout_notes;
    out += core::CsvLine(StrongFields(row));
  }
  return out;
}

std::optional<core::Track> ImportService::StoredTrackOf(Session& s, const std::string& user_id,
                                                        const std::string& workout_id) {
  auto row = imports_.FindTrack(s, user_id, workout_id);
  if (!row) return std::nullopt;
  auto points = DecodeTrackPoints(row->points);
  if (!points || row->format != kTrackFormat) {
    throw std::runtime_error("a stored track cannot be decoded");
  }
  core::Track track;
  track.start_unix_ms = row->start_unix_ms;
  track.sport = row->sport;
  track.name = row->title;
  track.points = std::move(*points);
  return track;
}

}  // namespace vigor::features::imports
