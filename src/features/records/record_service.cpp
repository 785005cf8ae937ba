#include "features/records/record_service.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "core/one_rep_max.hpp"
#include "core/personal_records.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::records {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;

namespace {

std::string FormulaOf(const accounts::TrainingProfile& profile) {
  return profile.one_rep_max_formula == "brzycki" ? "brzycki" : "epley";
}

// The local day (YYYY-MM-DD) of a UTC instant in `zone` (UTC when the zone is unknown).
std::string LocalDay(const std::string& started_at, const std::string& zone) {
  auto ms = platform::ParseRfc3339Ms(started_at);
  if (!ms) return started_at.substr(0, 10);
  auto offset = platform::UtcOffsetSeconds(*ms, zone).value_or(0);
  return platform::FormatUtcMs(*ms + std::int64_t{offset} * 1000).substr(0, 10);
}

bool Counts(const LoggedSet& set) { return set.done && !set.warmup; }

// The figures of one workout's sets of an exercise (sets[begin, end)); nullopt when none counts.
std::optional<ExerciseWorkoutStats> StatsOfWorkout(const std::vector<LoggedSet>& sets,
                                                   std::size_t begin, std::size_t end,
                                                   const std::string& exercise_id,
                                                   const std::string& profile_zone) {
  ExerciseWorkoutStats x;
  x.workout_id = sets[begin].workout_id;
  x.exercise_id = exercise_id;
  x.started_at = sets[begin].started_at;
  x.day = LocalDay(x.started_at, sets[begin].time_zone.value_or(profile_zone));
  auto keep_max = [](std::optional<double>& best, std::optional<double> v) {
    if (v && (!best || *v > *best)) best = v;
  };
  for (std::size_t i = begin; i < end; ++i) {
    const LoggedSet& set = sets[i];
    if (!Counts(set)) continue;
    ++x.sets;
    const std::int64_t reps = std::max<std::int64_t>(0, set.reps.value_or(0));
    x.reps += reps;
    if (!set.weight_kg || !(*set.weight_kg > 0)) continue;
    const double w = *set.weight_kg;
    keep_max(x.heaviest_weight_kg, w);
    x.volume_kg += w * static_cast<double>(reps);
    x.best_set_volume_kg = std::max(x.best_set_volume_kg, w * static_cast<double>(reps));
    if (reps >= 1 && reps <= core::kMaxRepsForOneRepMax) {
      const int r = static_cast<int>(reps);
      keep_max(x.one_rep_max_epley_kg,
               core::EstimateOneRepMax(w, r, core::OneRepMaxFormula::kEpley));
      keep_max(x.one_rep_max_brzycki_kg,
               core::EstimateOneRepMax(w, r, core::OneRepMaxFormula::kBrzycki));
    }
  }
  if (x.sets == 0) return std::nullopt;
  return x;
}

std::vector<core::LiftSet> LiftSetsOf(const std::vector<LoggedSet>& sets) {
  std::vector<core::LiftSet> lifts;
  lifts.reserve(sets.size());
  for (const auto& set : sets) {
    const std::int64_t reps = set.reps.value_or(0);
    lifts.push_back({.workout_id = set.workout_id,
                     .started_at = set.started_at,
                     .weight_kg = set.weight_kg.value_or(0),
                     .reps = static_cast<int>(std::clamp<std::int64_t>(reps, 0, 1'000'000)),
                     .warmup = set.warmup,
                     .done = set.done});
  }
  return lifts;
}

// Strength first (by exercise, kind, reps), then cardio (by sport, kind, distance); kinds in the
// order the contract lists them.
int KindRank(std::string_view kind) {
  namespace k = core::record_kind;
  constexpr std::string_view kOrder[] = {
      k::kOneRepMax,  k::kRepMax,          k::kSetVolume,       k::kSessionVolume,
      k::kBestEffort, k::kLongestDistance, k::kLongestDuration, k::kMostElevationGain};
  for (int i = 0; i < 8; ++i) {
    if (kOrder[i] == kind) return i;
  }
  return 8;
}

void SortForList(std::vector<PersonalRecord>& records) {
  std::sort(records.begin(), records.end(), [](const PersonalRecord& a, const PersonalRecord& b) {
    auto key = [](const PersonalRecord& r) {
      return std::make_tuple(r.exercise_id ? 0 : 1, r.exercise_id.value_or(""),
                             r.sport.value_or(""), KindRank(r.kind), r.reps.value_or(0),
                             r.distance_m.value_or(0));
    };
    return key(a) < key(b);
  });
}

Error NoSuchWorkout() { return Error(ErrorKind::kNotFound, Msg("no_such_workout")); }

}  // namespace

void RecordsService::OnChanges(Session& s, std::span<const workouts::WorkoutChange> changes) {
  // What the batch touched, per user (a batch is one user's, but nothing depends on that).
  struct Touched {
    std::vector<std::string> workout_ids;
    std::map<std::string, std::string> exercises;  // id -> earliest started_at touched
    std::map<std::string, std::string> sports;
    struct Cardio {
      std::string workout_id, sport, started_at;
    };
    std::vector<Cardio> cardio;  // workouts that are cardio after the change
  };
  std::map<std::string, Touched> by_user;
  auto earliest = [](std::map<std::string, std::string>& map, const std::string& key,
                     const std::string& at) {
    auto [it, inserted] = map.emplace(key, at);
    if (!inserted && at < it->second) it->second = at;
  };
  for (const auto& change : changes) {
    Touched& t = by_user[change.user_id];
    t.workout_ids.push_back(change.workout_id);
    for (const auto* facts : {&change.before, &change.after}) {
      if (!*facts) continue;
      for (const auto& e : (*facts)->exercise_ids) earliest(t.exercises, e, (*facts)->started_at);
      if ((*facts)->kind == workouts::WorkoutKind::kCardio && (*facts)->sport) {
        earliest(t.sports, *(*facts)->sport, (*facts)->started_at);
      }
    }
    if (change.after && change.after->kind == workouts::WorkoutKind::kCardio &&
        change.after->sport) {
      t.cardio.push_back({change.workout_id, *change.after->sport, change.after->started_at});
    }
  }

  for (auto& [user_id, t] : by_user) {
    records_.DeleteStatsOf(s, user_id, t.workout_ids);
    records_.DeleteEffortsOf(s, user_id, t.workout_ids);
    // A track is decoded once, when its workout is written.
    for (const auto& c : t.cardio) {
      auto track = log_.track(s, user_id, c.workout_id);
      if (!track) continue;
      for (const auto& effort : core::BestEfforts(*track)) {
        records_.InsertEffort(s, user_id, c.workout_id, c.sport, c.started_at, effort);
      }
    }
    std::string zone;
    if (!t.exercises.empty()) zone = profile_(s, user_id).time_zone;
    std::sort(t.workout_ids.begin(), t.workout_ids.end());
    for (const auto& [exercise_id, from] : t.exercises) {
      RecomputeExercise(s, user_id, exercise_id, from, t.workout_ids, zone);
    }
    for (const auto& [sport, from] : t.sports) RecomputeSport(s, user_id, sport, from);
  }
}

void RecordsService::RecomputeExercise(Session& s, const std::string& user_id,
                                       const std::string& exercise_id, const std::string& from,
                                       const std::vector<std::string>& touched,
                                       const std::string& profile_zone) {
  auto bests = records_.BestsBefore(s, user_id, exercise_id, "", from);
  records_.DeleteSince(s, user_id, exercise_id, "", from);
  const auto sets = log_.sets(s, user_id, exercise_id, from, std::nullopt);
  auto entries = core::StrengthProgression(LiftSetsOf(sets), bests);
  for (const auto& entry : entries) records_.Insert(s, user_id, exercise_id, "", entry);
  records_.MarkCurrent(s, user_id, exercise_id, "");
  observers_.Notify(s, {.user_id = user_id,
                        .exercise_id = exercise_id,
                        .sport = "",
                        .from = from,
                        .records = std::move(entries)});
  // The figures of the touched workouts (the others since `from` are unchanged).
  for (std::size_t begin = 0; begin < sets.size();) {
    std::size_t end = begin;
    while (end < sets.size() && sets[end].workout_id == sets[begin].workout_id) ++end;
    if (std::binary_search(touched.begin(), touched.end(), sets[begin].workout_id)) {
      if (auto x = StatsOfWorkout(sets, begin, end, exercise_id, profile_zone)) {
        records_.InsertStats(s, user_id, *x);
      }
    }
    begin = end;
  }
}

void RecordsService::RecomputeSport(Session& s, const std::string& user_id,
                                    const std::string& sport, const std::string& from) {
  auto bests = records_.BestsBefore(s, user_id, "", sport, from);
  records_.DeleteSince(s, user_id, "", sport, from);
  std::map<std::string, std::vector<core::BestEffort>> efforts;
  for (auto& e : records_.EffortsSince(s, user_id, sport, from)) {
    efforts[e.workout_id].push_back(e.effort);
  }
  std::vector<core::CardioSession> sessions;
  for (auto& w : log_.cardio(s, user_id, sport, from)) {
    core::CardioSession session{.workout_id = w.workout_id,
                                .started_at = w.started_at,
                                .distance_m = w.distance_m,
                                .duration_s = w.duration_s,
                                .elevation_gain_m = w.elevation_gain_m};
    if (auto it = efforts.find(w.workout_id); it != efforts.end()) {
      session.best_efforts = std::move(it->second);
    }
    sessions.push_back(std::move(session));
  }
  auto entries = core::CardioProgression(sessions, bests);
  for (const auto& entry : entries) records_.Insert(s, user_id, "", sport, entry);
  records_.MarkCurrent(s, user_id, "", sport);
  observers_.Notify(s, {.user_id = user_id,
                        .exercise_id = "",
                        .sport = sport,
                        .from = from,
                        .records = std::move(entries)});
}

std::vector<PersonalRecord> RecordsService::Current(const Principal& principal,
                                                    const RecordFilter& filter) {
  return database_.ReadResult([&](Session& s) {
    auto records =
        records_.Current(s, principal.user_id, filter, FormulaOf(profile_(s, principal.user_id)));
    SortForList(records);
    return records;
  });
}

RecordPage RecordsService::History(const Principal& principal, const RecordFilter& filter,
                                   const std::string& cursor, int limit) {
  std::optional<RecordCursor> after;
  if (!cursor.empty()) {
    after = DecodeCursor(cursor);
    if (!after) {
      throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                  {{"cursor", Msg("cursor_invalid")}});
    }
  }
  RecordPage page;
  page.items = database_.ReadResult([&](Session& s) {
    return records_.History(s, principal.user_id, filter, FormulaOf(profile_(s, principal.user_id)),
                            after, limit + 1);
  });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(limit);
    page.next_cursor = EncodeCursor({page.items.back().achieved_at, page.items.back().id});
  }
  return page;
}

std::vector<PersonalRecord> RecordsService::OfWorkout(const Principal& principal,
                                                      const std::string& workout_id) {
  auto records =
      database_.ReadResult([&](Session& s) -> std::optional<std::vector<PersonalRecord>> {
        if (!log_.workout_exists(s, principal.user_id, workout_id)) return std::nullopt;
        return records_.OfWorkout(s, principal.user_id, workout_id,
                                  FormulaOf(profile_(s, principal.user_id)));
      });
  if (!records) throw NoSuchWorkout();
  SortForList(*records);
  return std::move(*records);
}

ExerciseProgress RecordsService::Progress(const Principal& principal,
                                          const std::string& exercise_id,
                                          const ProgressRange& range) {
  auto progress = database_.ReadResult([&](Session& s) -> std::optional<ExerciseProgress> {
    const std::string& user_id = principal.user_id;
    if (!log_.exercise_exists(s, user_id, exercise_id)) return std::nullopt;
    ExerciseProgress p;
    p.exercise_id = exercise_id;
    p.formula = FormulaOf(profile_(s, user_id));
    for (auto& x : records_.StatsOf(s, user_id, exercise_id, range)) {
      p.points.push_back({.workout_id = std::move(x.workout_id),
                          .started_at = std::move(x.started_at),
                          .day = std::move(x.day),
                          .one_rep_max_kg = p.formula == "brzycki" ? x.one_rep_max_brzycki_kg
                                                                   : x.one_rep_max_epley_kg,
                          .heaviest_weight_kg = x.heaviest_weight_kg,
                          .best_set_volume_kg = x.best_set_volume_kg,
                          .volume_kg = x.volume_kg,
                          .sets = x.sets,
                          .reps = x.reps});
    }
    for (auto& r : records_.Current(s, user_id, {.exercise_id = exercise_id}, p.formula)) {
      if (r.kind != core::record_kind::kRepMax || !r.reps) continue;
      p.rep_maxes.push_back({*r.reps, r.value, r.workout_id, r.achieved_at});
    }
    std::sort(p.rep_maxes.begin(), p.rep_maxes.end(),
              [](const RepMax& a, const RepMax& b) { return a.reps < b.reps; });
    return p;
  });
  if (!progress) throw Error(ErrorKind::kNotFound, Msg("no_such_exercise_here"));
  return std::move(*progress);
}

core::HeartRateZones RecordsService::Zones(const Principal& principal,
                                           const std::string& workout_id) {
  std::optional<core::Track> track;
  accounts::TrainingProfile profile;
  database_.Read([&](Session& s) {
    track = log_.track(s, principal.user_id, workout_id);
    if (track) profile = profile_(s, principal.user_id);
  });
  if (!track) {
    throw Error(ErrorKind::kNotFound, Msg("workout_no_heart_rate"));
  }
  const auto now = std::chrono::system_clock::now();
  const int year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
  auto narrow = [](const std::optional<std::int64_t>& v) -> std::optional<int> {
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
  };
  auto zones = core::ZonesFor(narrow(profile.max_heart_rate), narrow(profile.birth_year),
                              narrow(profile.resting_heart_rate), year);
  if (!core::AddTimeInZones(*track, zones)) {
    throw Error(ErrorKind::kNotFound, Msg("workout_no_heart_rate"));
  }
  return zones;
}

std::optional<double> RecordsService::BestOneRepMax(Session& s, const std::string& user_id,
                                                    const std::string& exercise_id,
                                                    std::string_view formula,
                                                    const std::string& from_utc,
                                                    const std::string& to_utc) {
  return records_.BestOneRepMax(s, user_id, exercise_id, std::string(formula), from_utc, to_utc);
}

std::optional<double> RecordsService::HeaviestForReps(Session& s, const std::string& user_id,
                                                      const std::string& exercise_id, int reps,
                                                      const std::string& from_utc,
                                                      const std::string& to_utc) {
  std::optional<double> heaviest;
  for (const auto& set : log_.sets(s, user_id, exercise_id, from_utc, to_utc)) {
    if (!Counts(set) || !set.weight_kg || !(*set.weight_kg > 0)) continue;
    if (set.reps.value_or(0) < std::max(reps, 1)) continue;
    if (!heaviest || *set.weight_kg > *heaviest) heaviest = set.weight_kg;
  }
  return heaviest;
}

std::vector<PersonalRecord> RecordsService::Recent(Session& s, const std::string& user_id,
                                                   int limit) {
  return records_.History(s, user_id, {}, FormulaOf(profile_(s, user_id)), std::nullopt, limit);
}

std::string RecordsService::EncodeCursor(const RecordCursor& cursor) {
  return platform::crypto::Base64UrlEncode(cursor.achieved_at + "|" + cursor.id);
}

std::optional<RecordCursor> RecordsService::DecodeCursor(const std::string& text) {
  auto raw = platform::crypto::Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  auto bar = raw->find('|');
  if (bar == std::string::npos) return std::nullopt;
  RecordCursor cursor{raw->substr(0, bar), raw->substr(bar + 1)};
  if (!platform::ParseRfc3339Ms(cursor.achieved_at) || cursor.id.empty()) return std::nullopt;
  return cursor;
}

}  // namespace vigor::features::records
