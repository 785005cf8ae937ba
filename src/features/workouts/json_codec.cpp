#include "features/workouts/json_codec.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <cctype>
#include <charconv>
#include <limits>

#include "core/limits.hpp"
#include "core/privacy.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"
#include "platform/http/json_writer.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::workouts {

namespace http = platform::http;
namespace limits = core::limits;
using platform::FieldErrors;

namespace {

constexpr std::size_t kIdMax = 64;

// Reads a nested object with JsonFields, reporting its problems under `prefix` ("blocks[2].").
template <class Read>
void ReadNested(const boost::json::value& value, const std::string& path, FieldErrors& errors,
                Read&& read) {
  if (!value.is_object()) {
    errors.Add(path, Msg("not_object"));
    return;
  }
  FieldErrors local;
  http::JsonFields fields(value.as_object(), local);
  read(fields, local);
  try {
    local.ThrowIfAny();
  } catch (const platform::Error& e) {
    for (const auto& f : e.fields()) errors.Add(path + "." + f.field, f.message);
  }
}

// The array `name`: empty when absent or null, an error when it is anything else or too long.
const boost::json::array* ArrayField(const boost::json::object& object, std::string_view name,
                                     std::size_t max_items, bool required, FieldErrors& errors) {
  const auto* v = object.if_contains(name);
  if (v == nullptr || v->is_null()) {
    if (required) errors.Add(std::string(name), Msg("required"));
    return nullptr;
  }
  if (!v->is_array()) {
    errors.Add(std::string(name), Msg("not_list"));
    return nullptr;
  }
  if (v->as_array().size() > max_items) {
    errors.Add(std::string(name), Msg("too_many_items", {{"max", max_items}}));
    return nullptr;
  }
  return &v->as_array();
}

std::string Indexed(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// An RFC 3339 date-time in its stored form (UTC, milliseconds).
std::optional<std::string> Timestamp(http::JsonFields& fields, std::string_view name, bool required,
                                     FieldErrors& errors) {
  auto text = fields.String(name, {.required = required, .max_length = 64});
  if (!text) return std::nullopt;
  auto ms = platform::ParseRfc3339Ms(*text);
  if (!ms) {
    errors.Add(std::string(name), Msg("date_time_invalid_example"));
    return std::nullopt;
  }
  return platform::FormatUtcMs(*ms);
}

WorkoutSet DecodeSet(http::JsonFields& f, FieldErrors& errors) {
  WorkoutSet s;
  if (auto type = f.String("set_type", {.max_length = 16})) {
    if (auto parsed = ParseSetType(*type)) {
      s.set_type = *parsed;
    } else {
      errors.Add("set_type", Msg("set_type_invalid"));
    }
  }
  s.reps = f.Int("reps", false, limits::kSetReps.min, limits::kSetReps.max);
  s.weight_kg = f.Number("weight_kg", false, limits::kSetWeightKg.min, limits::kSetWeightKg.max);
  s.duration_s =
      f.Number("duration_s", false, limits::kSetDurationS.min, limits::kSetDurationS.max);
  s.distance_m =
      f.Number("distance_m", false, limits::kSetDistanceM.min, limits::kSetDistanceM.max);
  s.rpe = f.Number("rpe", false, limits::kSetRpe.min, limits::kSetRpe.max);
  s.rir = f.Int("rir", false, limits::kSetRir.min, limits::kSetRir.max);
  s.done = f.Bool("done", false).value_or(true);
  s.target_reps = f.Int("target_reps", false, limits::kSetReps.min, limits::kSetReps.max);
  s.target_weight_kg =
      f.Number("target_weight_kg", false, limits::kSetWeightKg.min, limits::kSetWeightKg.max);
  s.target_rir = f.Int("target_rir", false, limits::kSetRir.min, limits::kSetRir.max);
  s.notes = f.String(
      "notes", {.max_length = limits::kSetNotesLength, .text = http::JsonFields::Text::kMultiLine});
  f.RejectUnknown({"set_type", "reps", "weight_kg", "duration_s", "distance_m", "rpe", "rir",
                   "done", "target_reps", "target_weight_kg", "target_rir", "notes"});
  return s;
}

WorkoutBlock DecodeBlock(const boost::json::object& o, http::JsonFields& f, FieldErrors& errors) {
  WorkoutBlock b;
  b.exercise_id = f.String("exercise_id", {.required = true, .min_length = 1, .max_length = kIdMax})
                      .value_or("");
  b.superset_group =
      f.Int("superset_group", false, limits::kSupersetGroup.min, limits::kSupersetGroup.max);
  b.rest_s = f.Int("rest_s", false, limits::kRestS.min, limits::kRestS.max);
  b.notes = f.String("notes", {.max_length = 1000, .text = http::JsonFields::Text::kMultiLine});
  if (const auto* sets = ArrayField(o, "sets", limits::kSetsPerBlock, true, errors)) {
    for (std::size_t i = 0; i < sets->size(); ++i) {
      ReadNested(
          (*sets)[i], Indexed("sets", i), errors,
          [&](http::JsonFields& sf, FieldErrors& se) { b.sets.push_back(DecodeSet(sf, se)); });
    }
  }
  f.RejectUnknown({"exercise_id", "superset_group", "rest_s", "notes", "sets"});
  return b;
}

Cardio DecodeCardio(http::JsonFields& f, FieldErrors& errors) {
  Cardio c;
  if (auto sport = f.String("sport", {.max_length = 16})) {
    if (IsCardioSport(*sport)) {
      c.sport = *sport;
    } else {
      errors.Add("sport", Msg("sport_invalid"));
    }
  }
  c.distance_m = f.Number("distance_m", false, limits::kCardioDistanceM);
  c.duration_s = f.Number("duration_s", false, limits::kCardioDurationS);
  c.moving_time_s = f.Number("moving_time_s", false, limits::kCardioDurationS);
  c.elevation_gain_m = f.Number("elevation_gain_m", false, limits::kCardioElevationGainM);
  c.avg_heart_rate =
      f.Int("avg_heart_rate", false, limits::kHeartRateBpm.min, limits::kHeartRateBpm.max);
  c.max_heart_rate =
      f.Int("max_heart_rate", false, limits::kHeartRateBpm.min, limits::kHeartRateBpm.max);
  c.calories_kcal = f.Number("calories_kcal", false, limits::kCardioCaloriesKcal);
  f.RejectUnknown({"sport", "distance_m", "duration_s", "moving_time_s", "elevation_gain_m",
                   "avg_heart_rate", "max_heart_rate", "calories_kcal"});
  return c;
}

// A required name of 1 to 100 characters, surrounding blanks trimmed.
std::string TrimmedName(http::JsonFields& f, FieldErrors& errors) {
  auto name = f.String("name", {.required = true, .min_length = 1, .max_length = 100});
  if (!name) return "";
  auto first = name->find_first_not_of(" \t");
  auto last = name->find_last_not_of(" \t");
  if (first == std::string::npos) {
    errors.Add("name", Msg("empty"));
    return "";
  }
  return name->substr(first, last - first + 1);
}

RoutineItem DecodeRoutineItem(http::JsonFields& f) {
  RoutineItem item;
  item.exercise_id =
      f.String("exercise_id", {.required = true, .min_length = 1, .max_length = kIdMax})
          .value_or("");
  item.superset_group =
      f.Int("superset_group", false, limits::kSupersetGroup.min, limits::kSupersetGroup.max);
  item.target_sets = f.Int("target_sets", true, limits::kRoutineTargetSets).value_or(1);
  item.target_reps = f.Int("target_reps", false, limits::kRoutineTargetReps);
  item.target_weight_kg =
      f.Number("target_weight_kg", false, limits::kSetWeightKg.min, limits::kSetWeightKg.max);
  item.target_percent_1rm =
      f.Number("target_percent_1rm", false, limits::kRoutineTargetPercentOneRepMax);
  item.rest_s = f.Int("rest_s", false, limits::kRestS.min, limits::kRestS.max);
  f.RejectUnknown({"exercise_id", "superset_group", "target_sets", "target_reps",
                   "target_weight_kg", "target_percent_1rm", "rest_s"});
  return item;
}

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object EncodeSet(const WorkoutSet& s) {
  return {{"set_type", SetTypeName(s.set_type)},
          {"reps", OrNull(s.reps)},
          {"weight_kg", OrNull(s.weight_kg)},
          {"duration_s", OrNull(s.duration_s)},
          {"distance_m", OrNull(s.distance_m)},
          {"rpe", OrNull(s.rpe)},
          {"rir", OrNull(s.rir)},
          {"done", s.done},
          {"target_reps", OrNull(s.target_reps)},
          {"target_weight_kg", OrNull(s.target_weight_kg)},
          {"target_rir", OrNull(s.target_rir)},
          {"notes", OrNull(s.notes)}};
}

// The members of a cardio summary and of a workout's totals, listed once for both encoders: the
// boost::json trees (a workout, an input) and the JsonWriter of the history page.
template <class Member>
void CardioMembers(const Cardio& c, Member&& member) {
  member("sport", c.sport);
  member("distance_m", c.distance_m);
  member("duration_s", c.duration_s);
  member("moving_time_s", c.moving_time_s);
  member("elevation_gain_m", c.elevation_gain_m);
  member("avg_heart_rate", c.avg_heart_rate);
  member("max_heart_rate", c.max_heart_rate);
  member("calories_kcal", c.calories_kcal);
}

template <class Member>
void TotalsMembers(const Totals& t, Member&& member) {
  member("sets", t.sets.sets);
  member("reps", t.sets.reps);
  member("volume_kg", t.sets.volume_kg);
  member("exercises", t.sets.exercises);
  member("duration_s", t.duration_s);
}

template <class T>
boost::json::value Tree(const T& value) {
  return boost::json::value(value);
}
template <class T>
boost::json::value Tree(const std::optional<T>& value) {
  return OrNull(value);
}

// Adds each member to `object`.
auto MembersOf(boost::json::object& object) {
  return [&object](std::string_view key, const auto& value) { object[key] = Tree(value); };
}
// Writes each member to `json`.
auto MembersOf(http::JsonWriter& json) {
  return [&json](std::string_view key, const auto& value) { json.Field(key, value); };
}

boost::json::value EncodeCardio(const std::optional<Cardio>& cardio) {
  if (!cardio) return nullptr;
  boost::json::object o;
  CardioMembers(*cardio, MembersOf(o));
  return o;
}

void WriteCardio(http::JsonWriter& json, const std::optional<Cardio>& cardio) {
  if (!cardio) {
    json.Null();
    return;
  }
  json.BeginObject();
  CardioMembers(*cardio, MembersOf(json));
  json.EndObject();
}

boost::json::object EncodeTotals(const Totals& t) {
  boost::json::object o;
  TotalsMembers(t, MembersOf(o));
  return o;
}

void WriteTotals(http::JsonWriter& json, const Totals& t) {
  json.BeginObject();
  TotalsMembers(t, MembersOf(json));
  json.EndObject();
}

boost::json::object EncodeRoutineContent(const Routine& r);  // below EncodeRoutine

boost::json::array StringArray(const std::vector<std::string>& texts) {
  boost::json::array out;
  for (const auto& text : texts) out.emplace_back(text);
  return out;
}

boost::json::array EncodeSets(const std::vector<WorkoutSet>& sets) {
  boost::json::array out;
  for (const auto& s : sets) out.push_back(EncodeSet(s));
  return out;
}

}  // namespace

WorkoutInput DecodeWorkoutInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  WorkoutInput in;
  if (auto id = f.String("id", {.max_length = kIdMax})) {
    std::transform(id->begin(), id->end(), id->begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (platform::IsUuid(*id)) {
      in.id = std::move(*id);
    } else {
      errors.Add("id", Msg("not_uuid"));
    }
  }
  in.title = f.String("title", {.max_length = 200}).value_or("");
  in.started_at = Timestamp(f, "started_at", true, errors).value_or("");
  in.ended_at = Timestamp(f, "ended_at", false, errors);
  if (auto zone = f.String("time_zone", {.max_length = 64})) {
    if (platform::IsKnownTimeZone(*zone)) {
      in.time_zone = std::move(*zone);
    } else {
      errors.Add("time_zone", Msg("time_zone_invalid"));
    }
  }
  in.notes = f.String("notes", {.max_length = 5000, .text = http::JsonFields::Text::kMultiLine});
  in.perceived_effort =
      f.Int("perceived_effort", false, limits::kPerceivedEffort.min, limits::kPerceivedEffort.max);
  in.routine_id = f.String("routine_id", {.max_length = kIdMax});
  if (const auto* cardio = body.if_contains("cardio"); cardio && !cardio->is_null()) {
    ReadNested(*cardio, "cardio", errors,
               [&](http::JsonFields& cf, FieldErrors& ce) { in.cardio = DecodeCardio(cf, ce); });
  }
  if (const auto* blocks = ArrayField(body, "blocks", limits::kBlocksPerWorkout, false, errors)) {
    for (std::size_t i = 0; i < blocks->size(); ++i) {
      ReadNested((*blocks)[i], Indexed("blocks", i), errors,
                 [&](http::JsonFields& bf, FieldErrors& be) {
                   in.blocks.push_back(DecodeBlock((*blocks)[i].as_object(), bf, be));
                 });
    }
  }
  if (auto visibility = f.String("visibility", {.max_length = 16})) {
    if (core::privacy::ParseVisibility(*visibility)) {
      in.visibility = std::move(*visibility);
    } else {
      errors.Add("visibility", Msg("item_visibility_invalid"));
    }
  }
  if (const auto* hide = ArrayField(body, "hide", std::size(kHiddenDetailNames), false, errors)) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < hide->size(); ++i) {
      const auto* name = (*hide)[i].if_string();
      if (!name || !IsHiddenDetailName(*name)) {
        errors.Add(Indexed("hide", i), Msg("hidden_detail_invalid"));
        continue;
      }
      names.emplace_back(*name);
    }
    in.hide = NormalizedHiddenDetails(names);
  }
  f.RejectUnknown({"id", "title", "started_at", "ended_at", "time_zone", "notes",
                   "perceived_effort", "routine_id", "cardio", "blocks", "visibility", "hide"});
  errors.ThrowIfAny();
  return in;
}

RoutineInput DecodeRoutineInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  RoutineInput in;
  in.name = TrimmedName(f, errors);
  in.notes = f.String("notes", {.max_length = 2000, .text = http::JsonFields::Text::kMultiLine});
  if (auto visibility = f.String("visibility", {.max_length = 16})) {
    if (auto parsed = ParseVisibility(*visibility)) {
      in.visibility = *parsed;
    } else {
      errors.Add("visibility", Msg("visibility_invalid"));
    }
  }
  if (const auto* items = ArrayField(body, "items", 50, true, errors)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      ReadNested(
          (*items)[i], Indexed("items", i), errors,
          [&](http::JsonFields& itf, FieldErrors&) { in.items.push_back(DecodeRoutineItem(itf)); });
    }
  }
  f.RejectUnknown({"name", "notes", "items", "visibility"});
  errors.ThrowIfAny();
  return in;
}

ProgramInput DecodeProgramInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  ProgramInput in;
  in.name = TrimmedName(f, errors);
  in.notes = f.String("notes", {.max_length = 2000, .text = http::JsonFields::Text::kMultiLine});
  if (const auto* routines = ArrayField(body, "routines", 20, true, errors)) {
    for (std::size_t i = 0; i < routines->size(); ++i) {
      ReadNested(
          (*routines)[i], Indexed("routines", i), errors, [&](http::JsonFields& ef, FieldErrors&) {
            ProgramEntry entry;
            entry.routine_id =
                ef.String("routine_id", {.required = true, .min_length = 1, .max_length = kIdMax})
                    .value_or("");
            entry.label = ef.String("label", {.max_length = 40});
            ef.RejectUnknown({"routine_id", "label"});
            in.routines.push_back(std::move(entry));
          });
    }
  }
  f.RejectUnknown({"name", "notes", "routines"});
  errors.ThrowIfAny();
  return in;
}

boost::json::object EncodeWorkout(const Workout& w) {
  boost::json::array blocks;
  for (const auto& b : w.blocks) {
    blocks.push_back(boost::json::object{{"exercise_id", b.exercise_id},
                                         {"superset_group", OrNull(b.superset_group)},
                                         {"rest_s", OrNull(b.rest_s)},
                                         {"notes", OrNull(b.notes)},
                                         {"sets", EncodeSets(b.sets)}});
  }
  boost::json::object o{{"id", w.id},
                        {"kind", KindName(w.kind)},
                        {"title", w.title},
                        {"started_at", w.started_at},
                        {"ended_at", OrNull(w.ended_at)},
                        {"notes", OrNull(w.notes)},
                        {"perceived_effort", OrNull(w.perceived_effort)},
                        {"routine_id", OrNull(w.routine_id)},
                        {"cardio", EncodeCardio(w.cardio)},
                        {"blocks", std::move(blocks)},
                        {"totals", EncodeTotals(w.totals)},
                        {"created_at", w.created_at},
                        {"updated_at", w.updated_at},
                        {"rev", w.rev},
                        {"visibility", w.visibility},
                        {"hide", StringArray(w.hidden_details)}};
  if (w.time_zone) o["time_zone"] = *w.time_zone;  // a string when present, per WorkoutInput
  return o;
}

boost::json::object EncodeWorkoutInput(const WorkoutInput& in) {
  boost::json::array blocks;
  for (const auto& b : in.blocks) {
    boost::json::object block{{"exercise_id", b.exercise_id}, {"sets", EncodeSets(b.sets)}};
    if (b.superset_group) block["superset_group"] = *b.superset_group;
    if (b.rest_s) block["rest_s"] = *b.rest_s;
    if (b.notes) block["notes"] = *b.notes;
    blocks.push_back(std::move(block));
  }
  boost::json::object o{
      {"title", in.title}, {"started_at", in.started_at}, {"blocks", std::move(blocks)}};
  if (in.id) o["id"] = *in.id;
  if (in.ended_at) o["ended_at"] = *in.ended_at;
  if (in.time_zone) o["time_zone"] = *in.time_zone;
  if (in.notes) o["notes"] = *in.notes;
  if (in.perceived_effort) o["perceived_effort"] = *in.perceived_effort;
  if (in.routine_id) o["routine_id"] = *in.routine_id;
  if (in.cardio) o["cardio"] = EncodeCardio(in.cardio);
  if (in.visibility) o["visibility"] = *in.visibility;
  if (in.hide) o["hide"] = StringArray(*in.hide);
  return o;
}

void CheckWorkoutInput(const WorkoutInput& input) {
  WorkoutService::CheckRules(DecodeWorkoutInput(EncodeWorkoutInput(input)));
}

std::string EncodeWorkoutPage(const WorkoutPage& page) {
  http::JsonWriter json(512 * (page.items.size() + 1));
  json.BeginObject().Key("items").BeginArray();
  for (const auto& w : page.items) {
    json.BeginObject()
        .Field("id", w.id)
        .Field("title", w.title)
        .Field("kind", KindName(w.kind))
        .Field("started_at", w.started_at)
        .Field("ended_at", w.ended_at)
        .Field("time_zone", w.time_zone)
        .Key("totals");
    WriteTotals(json, w.totals);
    json.Key("cardio");
    WriteCardio(json, w.cardio);
    json.Key("exercise_names").BeginArray();
    for (const auto& name : w.exercise_names) json.Value(name);
    json.EndArray()
        .Field("perceived_effort", w.perceived_effort)
        .Field("visibility", w.visibility)
        .Field("has_notes", w.has_notes)
        .EndObject();
  }
  json.EndArray().Field("next_cursor", page.next_cursor).EndObject();
  return std::move(json).Take();
}

boost::json::object EncodeLastSets(const LastSets& last) {
  return {{"workout_id", OrNull(last.workout_id)},
          {"started_at", OrNull(last.started_at)},
          {"items", EncodeSets(last.items)},
          {"best_weight_kg", OrNull(last.best_weight_kg)},
          {"best_reps", OrNull(last.best_reps)}};
}

boost::json::object EncodeRoutine(const Routine& r) {
  boost::json::object o = EncodeRoutineContent(r);
  o["visibility"] = VisibilityName(r.visibility);
  o["rev"] = r.rev;
  return o;
}

boost::json::object EncodeTemplatePage(const TemplatePage& page) {
  boost::json::array items;
  for (const auto& t : page.items) {
    boost::json::object o = EncodeRoutineContent(t.routine);
    o["author"] = t.author;
    items.push_back(std::move(o));
  }
  return {{"items", std::move(items)}, {"next_cursor", OrNull(page.next_cursor)}};
}

boost::json::object EncodeProgram(const Program& p) {
  boost::json::array routines;
  for (const auto& e : p.routines) {
    routines.push_back(boost::json::object{{"routine_id", e.routine_id},
                                           {"label", OrNull(e.label)},
                                           {"routine_name", OrNull(e.routine_name)}});
  }
  return {{"id", p.id},
          {"name", p.name},
          {"notes", OrNull(p.notes)},
          {"routines", std::move(routines)},
          {"next_routine_id", OrNull(p.next_routine_id)},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at},
          {"rev", p.rev}};
}

namespace {
// What a routine and a template share.
boost::json::object EncodeRoutineContent(const Routine& r) {
  boost::json::array items;
  for (const auto& i : r.items) {
    items.push_back(boost::json::object{{"exercise_id", i.exercise_id},
                                        {"superset_group", OrNull(i.superset_group)},
                                        {"target_sets", i.target_sets},
                                        {"target_reps", OrNull(i.target_reps)},
                                        {"target_weight_kg", OrNull(i.target_weight_kg)},
                                        {"target_percent_1rm", OrNull(i.target_percent_1rm)},
                                        {"rest_s", OrNull(i.rest_s)}});
  }
  return {{"id", r.id},
          {"name", r.name},
          {"notes", OrNull(r.notes)},
          {"items", std::move(items)},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}
}  // namespace

}  // namespace vigor::features::workouts
