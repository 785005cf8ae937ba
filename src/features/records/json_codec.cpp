#include "features/records/json_codec.hpp"

#include <boost/json/array.hpp>

#include "core/personal_records.hpp"

namespace vigor::features::records {

namespace {

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  if (!v) return nullptr;
  return boost::json::value(*v);
}

}  // namespace

std::string_view UnitOf(std::string_view kind) {
  namespace k = core::record_kind;
  if (kind == k::kBestEffort || kind == k::kLongestDuration) return "s";
  if (kind == k::kLongestDistance || kind == k::kMostElevationGain) return "m";
  return "kg";
}

boost::json::object EncodePersonalRecord(const PersonalRecord& r) {
  return {{"kind", r.kind},
          {"exercise_id", OrNull(r.exercise_id)},
          {"sport", OrNull(r.sport)},
          {"reps", OrNull(r.reps)},
          {"weight_kg", OrNull(r.weight_kg)},
          {"distance_m", OrNull(r.distance_m)},
          {"value", r.value},
          {"unit", UnitOf(r.kind)},
          {"workout_id", r.workout_id},
          {"achieved_at", r.achieved_at},
          {"previous_value", OrNull(r.previous_value)},
          {"current", r.current}};
}

boost::json::object EncodeRecordList(const std::vector<PersonalRecord>& records) {
  boost::json::array items;
  for (const auto& r : records) items.push_back(EncodePersonalRecord(r));
  return {{"items", std::move(items)}};
}

boost::json::object EncodeRecordPage(const RecordPage& page) {
  auto object = EncodeRecordList(page.items);
  object["next_cursor"] = OrNull(page.next_cursor);
  return object;
}

boost::json::object EncodeExerciseProgress(const ExerciseProgress& p) {
  boost::json::array points;
  for (const auto& x : p.points) {
    points.push_back(boost::json::object{{"workout_id", x.workout_id},
                                         {"started_at", x.started_at},
                                         {"day", x.day},
                                         {"one_rep_max_kg", OrNull(x.one_rep_max_kg)},
                                         {"heaviest_weight_kg", OrNull(x.heaviest_weight_kg)},
                                         {"best_set_volume_kg", x.best_set_volume_kg},
                                         {"volume_kg", x.volume_kg},
                                         {"sets", x.sets},
                                         {"reps", x.reps}});
  }
  boost::json::array rep_maxes;
  for (const auto& r : p.rep_maxes) {
    rep_maxes.push_back(boost::json::object{{"reps", r.reps},
                                            {"weight_kg", r.weight_kg},
                                            {"workout_id", r.workout_id},
                                            {"achieved_at", r.achieved_at}});
  }
  return {{"exercise_id", p.exercise_id},
          {"formula", p.formula},
          {"points", std::move(points)},
          {"rep_maxes", std::move(rep_maxes)}};
}

boost::json::object EncodeHeartRateZones(const core::HeartRateZones& z) {
  boost::json::array zones;
  for (const auto& zone : z.zones) {
    zones.push_back(boost::json::object{{"zone", zone.zone},
                                        {"min_bpm", zone.min_bpm},
                                        {"max_bpm", zone.max_bpm},
                                        {"seconds", zone.seconds}});
  }
  return {{"max_heart_rate", z.max_heart_rate},
          {"resting_heart_rate", OrNull(z.resting_heart_rate)},
          {"source", core::MaxHeartRateSourceName(z.source)},
          {"method", core::ZoneMethodName(z.method)},
          {"zones", std::move(zones)},
          {"total_s", z.total_s}};
}

}  // namespace vigor::features::records
