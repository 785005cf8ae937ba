#include "core/tcx.hpp"

#include <cmath>
#include <pugixml.hpp>
#include <string>

#include "core/gpx.hpp"

namespace vigor::core {

using xml_detail::LoadXml;
using xml_detail::LocalName;
using xml_detail::ParseNumber;
using xml_detail::ParseSensor;

namespace {

// As in GPX: a sentinel elevation drops the elevation, not the file.
constexpr double kMinElevationM = -1000;
constexpr double kMaxElevationM = 10000;
constexpr int kMaxExtensionDepth = 3;

[[noreturn]] void Fail(const std::string& message) { throw TrackParseError(message); }

[[noreturn]] void FailAt(std::size_t point, const char* what) {
  Fail("point " + std::to_string(point) + " " + what);
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local_name) {
  for (const pugi::xml_node& child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) return child;
  }
  return {};
}

// Watts and RunCadence of the ActivityExtension's <TPX> (prefix ns3:, ax:, or none).
void ReadExtensions(const pugi::xml_node& node, TrackPoint& p, std::optional<int>& run_cadence,
                    int depth) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view name = LocalName(child);
    if (name == "Watts") {
      if (auto v = ParseSensor(child.child_value(), 0, 5000)) p.power_w = v;
    } else if (name == "RunCadence") {
      if (auto v = ParseSensor(child.child_value(), 0, 300)) run_cadence = v;
    } else if (depth < kMaxExtensionDepth) {
      ReadExtensions(child, p, run_cadence, depth + 1);
    }
  }
}

}  // namespace

Track ParseTcx(std::string_view xml) {
  pugi::xml_document doc;
  LoadXml(doc, xml, "not a TCX file");
  pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "TrainingCenterDatabase") Fail("not a TCX file");
  // A file may hold several activities (a history export); an upload is about one.
  pugi::xml_node activity = Child(Child(root, "Activities"), "Activity");
  if (!activity) Fail("the TCX file has no activity");

  Track track;
  track.sport = SportFromLabel(activity.attribute("Sport").value());
  std::size_t number = 0;
  std::optional<std::int64_t> last_ms;
  for (const pugi::xml_node& lap : activity.children()) {
    if (lap.type() != pugi::node_element || LocalName(lap) != "Lap") continue;
    if (pugi::xml_node calories = Child(lap, "Calories")) {
      auto kcal = ParseNumber(calories.child_value());
      if (kcal && *kcal >= 0) track.calories_kcal = track.calories_kcal.value_or(0) + *kcal;
    }
    for (const pugi::xml_node& trk : lap.children()) {
      if (trk.type() != pugi::node_element || LocalName(trk) != "Track") continue;
      for (const pugi::xml_node& tp : trk.children()) {
        if (tp.type() != pugi::node_element || LocalName(tp) != "Trackpoint") continue;
        ++number;
        if (number > kMaxTrackPoints) {
          Fail("the TCX file has more than " + std::to_string(kMaxTrackPoints) + " points");
        }
        TrackPoint p;
        std::optional<std::int64_t> ms;
        bool has_time = false;
        std::optional<int> run_cadence;
        for (const pugi::xml_node& field : tp.children()) {
          if (field.type() != pugi::node_element) continue;
          std::string_view name = LocalName(field);
          if (name == "Time") {
            has_time = true;
            ms = ParseIsoTimeMs(field.child_value());
            if (!ms) FailAt(number, "has an invalid time");
          } else if (name == "Position") {
            auto lat = ParseNumber(Child(field, "LatitudeDegrees").child_value());
            if (!lat || std::abs(*lat) > 90) FailAt(number, "has an invalid latitude");
            auto lon = ParseNumber(Child(field, "LongitudeDegrees").child_value());
            if (!lon || std::abs(*lon) > 180) FailAt(number, "has an invalid longitude");
            p.lat = lat;
            p.lon = lon;
          } else if (name == "AltitudeMeters") {
            auto ele = ParseNumber(field.child_value());
            if (!ele) FailAt(number, "has an invalid elevation");
            if (*ele >= kMinElevationM && *ele <= kMaxElevationM) p.elevation_m = ele;
          } else if (name == "DistanceMeters") {
            auto d = ParseNumber(field.child_value());
            if (!d || *d < 0) FailAt(number, "has an invalid distance");
            p.distance_m = d;
          } else if (name == "HeartRateBpm") {
            p.heart_rate = ParseSensor(Child(field, "Value").child_value(), 1, 300);
          } else if (name == "Cadence") {
            p.cadence = ParseSensor(field.child_value(), 0, 300);
          } else if (name == "Extensions") {
            ReadExtensions(field, p, run_cadence, 1);
          }
        }
        if (!has_time) FailAt(number, "has no time");
        if (!p.cadence) p.cadence = run_cadence;
        if (last_ms && *ms < *last_ms) {
          Fail("times go backwards at point " + std::to_string(number));
        }
        if (!track.start_unix_ms) track.start_unix_ms = ms;
        p.time_s = static_cast<double>(*ms - *track.start_unix_ms) / 1000;
        last_ms = ms;
        track.points.push_back(p);
      }
    }
  }
  if (track.points.empty()) Fail("the TCX file has no track points");
  return track;
}

}  // namespace vigor::core
