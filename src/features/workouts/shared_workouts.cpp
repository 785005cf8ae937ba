#include "features/workouts/shared_workouts.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <cctype>
#include <unordered_set>

#include "core/calendar.hpp"
#include "core/gpx.hpp"
#include "core/privacy_zones.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/error.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::workouts {

namespace json = boost::json;
using platform::Error;
using platform::ErrorKind;
using platform::store::Session;

namespace {

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_workout")); }

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

template <class T>
json::value OrNull(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Names(const std::vector<std::string>& names) {
  json::array out;
  for (const auto& name : names) out.emplace_back(name);
  return out;
}

// The cardio figures others may see.
json::value CardioForOthers(const std::optional<Cardio>& cardio,
                            const std::vector<std::string>& hidden) {
  if (!cardio) return nullptr;
  const auto& c = *cardio;
  bool pace = Hides(hidden, "pace");
  bool hr = Hides(hidden, "heart_rate");
  return json::object{{"sport", c.sport},
                      {"distance_m", OrNull(c.distance_m)},
                      // Distance and time give the pace: with pace hidden, the time goes.
                      {"duration_s", pace ? json::value(nullptr) : OrNull(c.duration_s)},
                      {"moving_time_s", pace ? json::value(nullptr) : OrNull(c.moving_time_s)},
                      {"elevation_gain_m", OrNull(c.elevation_gain_m)},
                      {"avg_heart_rate", hr ? json::value(nullptr) : OrNull(c.avg_heart_rate)},
                      {"max_heart_rate", hr ? json::value(nullptr) : OrNull(c.max_heart_rate)},
                      {"calories_kcal",
                       Hides(hidden, "calories") ? json::value(nullptr) : OrNull(c.calories_kcal)}};
}

json::object TotalsForOthers(const Totals& t, const std::vector<std::string>& hidden, bool cardio) {
  json::object o{{"sets", t.sets.sets}, {"reps", t.sets.reps}, {"exercises", t.sets.exercises}};
  o["volume_kg"] = Hides(hidden, "weights") ? json::value(nullptr) : json::value(t.sets.volume_kg);
  o["duration_s"] = cardio && Hides(hidden, "pace") ? json::value(nullptr) : OrNull(t.duration_s);
  return o;
}

// Start (and end) as others may see them: the local date always, the times unless hidden.
void PutTimes(json::object& o, const std::string& started_at,
              const std::optional<std::string>& ended_at, const std::optional<std::string>& zone,
              const std::vector<std::string>& hidden, bool cardio) {
  o["date"] = LocalDateOf(started_at, zone);
  bool start_hidden = Hides(hidden, "start_time");
  o["started_at"] = start_hidden ? json::value(nullptr) : json::value(started_at);
  bool end_hidden = start_hidden || (cardio && Hides(hidden, "pace"));
  o["ended_at"] = end_hidden ? json::value(nullptr) : OrNull(ended_at);
  o["time_zone"] = OrNull(zone);
}

std::vector<core::ZoneCircle> CirclesOf(const std::vector<social::PrivacyZone>& zones) {
  std::vector<core::ZoneCircle> circles;
  circles.reserve(zones.size());
  for (const auto& z : zones) {
    circles.push_back({.latitude = z.latitude, .longitude = z.longitude, .radius_m = z.radius_m});
  }
  return circles;
}

bool HasPosition(const core::Track& track) {
  return std::any_of(track.points.begin(), track.points.end(),
                     [](const core::TrackPoint& p) { return p.lat && p.lon; });
}

json::array SplitsOf(const core::Track& track) {
  json::array splits;
  for (const auto& split : core::ComputeStats(track).splits) {
    splits.push_back(json::object{{"distance_m", split.distance_m},
                                  {"duration_s", split.duration_s},
                                  {"moving_time_s", split.moving_time_s},
                                  {"avg_heart_rate", OrNull(split.avg_heart_rate)},
                                  {"elevation_gain_m", split.elevation_gain_m}});
  }
  return splits;
}

}  // namespace

std::string LocalDateOf(const std::string& started_at, const std::optional<std::string>& zone) {
  auto ms = platform::ParseRfc3339Ms(started_at);
  if (!ms) return started_at.substr(0, 10);
  if (zone) {
    if (auto day = platform::LocalDayOf(*ms, *zone)) return core::FormatDay(*day);
  }
  return platform::FormatUtcMs(*ms).substr(0, 10);
}

json::object EncodeWorkoutForOthers(const Workout& w, bool has_map,
                                    const std::unordered_map<std::string, std::string>& names) {
  const auto& hidden = w.hidden_details;
  bool weights = Hides(hidden, "weights");
  json::array blocks;
  for (const auto& b : w.blocks) {
    json::array sets;
    for (const auto& s : b.sets) {
      sets.push_back(
          json::object{{"set_type", SetTypeName(s.set_type)},
                       {"reps", OrNull(s.reps)},
                       {"weight_kg", weights ? json::value(nullptr) : OrNull(s.weight_kg)},
                       {"duration_s", OrNull(s.duration_s)},
                       {"distance_m", OrNull(s.distance_m)},
                       {"done", s.done}});
    }
    auto name = names.find(b.exercise_id);
    blocks.push_back(json::object{
        {"exercise_id", b.exercise_id},
        {"exercise_name", name == names.end() ? json::value(nullptr) : json::value(name->second)},
        {"superset_group", OrNull(b.superset_group)},
        {"notes", OrNull(b.notes)},
        {"sets", std::move(sets)}});
  }
  bool cardio = w.kind == WorkoutKind::kCardio;
  json::object o{{"id", w.id},
                 {"kind", KindName(w.kind)},
                 {"title", w.title},
                 {"notes", OrNull(w.notes)},
                 {"perceived_effort", OrNull(w.perceived_effort)},
                 {"cardio", CardioForOthers(w.cardio, hidden)},
                 {"blocks", std::move(blocks)},
                 {"totals", TotalsForOthers(w.totals, hidden, cardio)},
                 {"visibility", w.visibility},
                 {"hide", Names(hidden)},
                 {"has_map", has_map}};
  PutTimes(o, w.started_at, w.ended_at, w.time_zone, hidden, cardio);
  return o;
}

std::optional<SharedWorkoutService::Found> SharedWorkoutService::Find(
    Session& s, const std::optional<std::string>& viewer_id, const std::string& username,
    const std::string& id) {
  auto owner_id = social_.UserIdOf(s, username);
  if (!owner_id) return std::nullopt;
  auto workout = workouts_.Find(s, *owner_id, Lowercase(id));
  if (!workout) return std::nullopt;
  bool owner = viewer_id && *viewer_id == *owner_id;
  if (!owner) {
    auto visibility = core::privacy::ParseVisibility(workout->visibility)
                          .value_or(core::privacy::Visibility::kPrivate);
    if (!policy_.MaySee(s, viewer_id, *owner_id, visibility, "workout", workout->id)) {
      return std::nullopt;
    }
  }
  return Found{std::move(*workout), owner};
}

SharedWorkoutService::Found SharedWorkoutService::Require(Session& s, const Viewer& viewer,
                                                          const std::string& username,
                                                          const std::string& id) {
  std::optional<std::string> viewer_id;
  if (viewer) viewer_id = viewer->user_id;
  auto found = Find(s, viewer_id, username, id);
  if (!found) throw NotFound();
  return std::move(*found);
}

std::optional<Workout> SharedWorkoutService::VisibleWorkout(Session& s,
                                                            const std::string& viewer_id,
                                                            const std::string& username,
                                                            const std::string& id) {
  auto found = Find(s, viewer_id, username, id);
  if (!found) return std::nullopt;
  return std::move(found->workout);
}

std::optional<core::Track> SharedWorkoutService::VisibleTrack(Session& s, const Found& found) {
  if (!tracks_) return std::nullopt;
  const auto& w = found.workout;
  if (!found.owner && Hides(w.hidden_details, "map")) return std::nullopt;
  auto track = tracks_(s, w.user_id, w.id);
  if (!track || !HasPosition(*track)) return std::nullopt;
  if (found.owner) return track;
  auto circles = CirclesOf(social_.ZonesOf(s, w.user_id));
  track->points = core::CutByZones(track->points, circles);
  const auto& hidden = w.hidden_details;
  for (auto& p : track->points) {
    // The device's cumulative distance counts from the start, which may be inside a zone.
    p.distance_m.reset();
    if (Hides(hidden, "heart_rate")) p.heart_rate.reset();
  }
  // Without times a track gives no pace; without its start, no time of day.
  if (Hides(hidden, "start_time") || Hides(hidden, "pace")) track->start_unix_ms.reset();
  if (Hides(hidden, "pace")) {
    for (auto& p : track->points) p.time_s = 0;
  }
  if (!HasPosition(*track)) return std::nullopt;
  return track;
}

json::object SharedWorkoutService::List(const Viewer& viewer, const std::string& username,
                                        const std::string& cursor, int limit) {
  std::optional<WorkoutCursor> after;
  if (!cursor.empty()) {
    after = WorkoutService::DecodeCursor(cursor);
    if (!after) {
      throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                  {{"cursor", Msg("cursor_invalid")}});
    }
  }
  std::optional<std::string> viewer_id;
  if (viewer) viewer_id = viewer->user_id;
  return database_.ReadResult([&](Session& s) {
    auto owner_id = social_.UserIdOf(s, username);
    // A user the viewer blocked or is blocked by is not there, as an unknown one.
    if (!owner_id ||
        policy_.RelationOf(s, viewer_id, *owner_id) == core::privacy::Relation::kBlocked) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_user"));
    }
    bool owner = viewer_id && *viewer_id == *owner_id;
    auto items = workouts_.ListVisibleTo(s, *owner_id, viewer_id, after, limit + 1);
    std::optional<std::string> next;
    if (static_cast<int>(items.size()) > limit) {
      items.pop_back();
      next = WorkoutService::EncodeCursor({items.back().started_at, items.back().id});
    }
    std::unordered_map<std::string, std::string> names;
    if (exercises_.names) {
      std::vector<std::string> ids;
      std::unordered_set<std::string> seen;
      for (const auto& item : items) {
        for (const auto& id : item.exercise_ids) {
          if (seen.insert(id).second) ids.push_back(id);
        }
      }
      if (!ids.empty()) {
        names = exercises_.names(s, *owner_id, ids, viewer ? viewer->locale : std::string("en"));
      }
    }
    json::array out;
    for (const auto& w : items) {
      static const std::vector<std::string> kNothingHidden;
      const auto& hidden = owner ? kNothingHidden : w.hidden_details;
      bool cardio = w.kind == WorkoutKind::kCardio;
      json::array exercise_names;
      for (const auto& id : w.exercise_ids) {
        if (auto it = names.find(id); it != names.end()) exercise_names.emplace_back(it->second);
      }
      json::object o{{"id", w.id},
                     {"title", w.title},
                     {"kind", KindName(w.kind)},
                     {"totals", TotalsForOthers(w.totals, hidden, cardio)},
                     {"cardio", CardioForOthers(w.cardio, hidden)},
                     {"exercise_names", std::move(exercise_names)},
                     {"perceived_effort", OrNull(w.perceived_effort)},
                     {"visibility", w.visibility},
                     {"hide", Names(w.hidden_details)}};
      PutTimes(o, w.started_at, w.ended_at, w.time_zone, hidden, cardio);
      out.push_back(std::move(o));
    }
    return json::object{{"items", std::move(out)}, {"next_cursor", OrNull(next)}};
  });
}

json::object SharedWorkoutService::Get(const Viewer& viewer, const std::string& username,
                                       const std::string& id) {
  return database_.ReadResult([&](Session& s) {
    auto found = Require(s, viewer, username, id);
    bool has_map = VisibleTrack(s, found).has_value();
    std::unordered_map<std::string, std::string> names;
    if (exercises_.names && !found.workout.blocks.empty()) {
      std::vector<std::string> ids;
      for (const auto& b : found.workout.blocks) ids.push_back(b.exercise_id);
      names = exercises_.names(s, found.workout.user_id, ids,
                               viewer ? viewer->locale : std::string("en"));
    }
    if (found.owner) found.workout.hidden_details.clear();
    auto o = EncodeWorkoutForOthers(found.workout, has_map, names);
    return o;
  });
}

json::object SharedWorkoutService::Track(const Viewer& viewer, const std::string& username,
                                         const std::string& id) {
  return database_.ReadResult([&](Session& s) {
    auto found = Require(s, viewer, username, id);
    auto track = VisibleTrack(s, found);
    if (!track) throw Error(ErrorKind::kNotFound, Msg("workout_no_track"));
    bool pace_hidden = !found.owner && Hides(found.workout.hidden_details, "pace");
    json::array points;
    points.reserve(track->points.size());
    for (const auto& p : track->points) {
      json::object o;
      if (!pace_hidden) o["t"] = p.time_s;
      if (p.lat) o["lat"] = *p.lat;
      if (p.lon) o["lon"] = *p.lon;
      if (p.elevation_m) o["ele"] = *p.elevation_m;
      if (p.heart_rate) o["hr"] = *p.heart_rate;
      if (p.cadence) o["cad"] = *p.cadence;
      if (p.power_w) o["pwr"] = *p.power_w;
      if (p.distance_m) o["dist"] = *p.distance_m;
      points.push_back(std::move(o));
    }
    json::object o{{"sport", track->sport}, {"points", std::move(points)}};
    o["start_time"] = track->start_unix_ms
                          ? json::value(core::FormatIsoTimeMs(*track->start_unix_ms))
                          : json::value(nullptr);
    // Splits from the points shown: figures of the cut track, none at all without times.
    o["splits"] = pace_hidden ? json::array() : SplitsOf(*track);
    return o;
  });
}

std::string SharedWorkoutService::Gpx(const Viewer& viewer, const std::string& username,
                                      const std::string& id, std::string& title) {
  return database_.ReadResult([&](Session& s) {
    auto found = Require(s, viewer, username, id);
    auto track = VisibleTrack(s, found);
    if (!track) throw Error(ErrorKind::kNotFound, Msg("workout_no_track"));
    title = found.workout.title;
    return core::WriteGpx(*track, found.workout.title);
  });
}

}  // namespace vigor::features::workouts
