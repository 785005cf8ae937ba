#include "core/gpx.hpp"

#include <charconv>
#include <cmath>
#include <pugixml.hpp>

namespace vigor::core {

using xml_detail::LoadXml;
using xml_detail::LocalName;
using xml_detail::ParseNumber;
using xml_detail::ParseSensor;

namespace {

// Elevations outside this range are device sentinels or a flight recorded by mistake: the
// point keeps its position and time but loses its elevation, rather than the whole file.
constexpr double kMinElevationM = -1000;
constexpr double kMaxElevationM = 10000;
// Nesting of <extensions> searched for sensor values (Garmin puts them two levels deep).
constexpr int kMaxExtensionDepth = 4;

std::string_view Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

[[noreturn]] void Fail(const std::string& message) { throw TrackParseError(message); }

[[noreturn]] void FailAt(std::size_t point, const char* what) {
  Fail("point " + std::to_string(point) + " " + what);
}

// Heart rate, cadence and power wherever a vendor put them under <extensions>:
// <gpxtpx:TrackPointExtension><gpxtpx:hr>, <ns3:TrackPointExtension><ns3:cad>, <power>.
void ReadExtensions(const pugi::xml_node& node, TrackPoint& p, int depth) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view name = LocalName(child);
    if (EqualsIgnoringCase(name, "hr") || EqualsIgnoringCase(name, "heartrate")) {
      if (auto v = ParseSensor(child.child_value(), 1, 300)) p.heart_rate = v;
    } else if (EqualsIgnoringCase(name, "cad") || EqualsIgnoringCase(name, "cadence")) {
      if (auto v = ParseSensor(child.child_value(), 0, 300)) p.cadence = v;
    } else if (EqualsIgnoringCase(name, "power") || EqualsIgnoringCase(name, "watts")) {
      if (auto v = ParseSensor(child.child_value(), 0, 5000)) p.power_w = v;
    } else if (depth < kMaxExtensionDepth) {
      ReadExtensions(child, p, depth + 1);
    }
  }
}

void AppendNumber(std::string& out, double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) ptr = buf;  // cannot happen for the ranges written here
  out.append(buf, ptr);
}

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab and newlines are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out += c;
        }
    }
  }
}

std::string_view GpxTypeOf(std::string_view sport) {
  if (sport == "run") return "running";
  if (sport == "ride") return "cycling";
  if (sport == "walk") return "walking";
  if (sport == "hike") return "hiking";
  if (sport == "swim") return "swimming";
  if (sport == "row") return "rowing";
  return {};
}

bool ValidLatLon(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90 && std::abs(lon) <= 180;
}

}  // namespace

namespace xml_detail {

void LoadXml(pugi::xml_document& doc, std::string_view xml, const std::string& not_this_kind) {
  // Checked on the bytes first so that a hostile document costs nothing to refuse.
  constexpr std::string_view kDoctype = "<!DOCTYPE";
  if (xml.find(kDoctype) != std::string_view::npos) Fail(not_this_kind + " (it has a DOCTYPE)");
  pugi::xml_parse_result result =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype);
  if (!result) {
    Fail(not_this_kind + " (the XML is broken at byte " + std::to_string(result.offset) + ")");
  }
  // A UTF-16 document's DOCTYPE escapes the byte search; the parsed tree shows it.
  for (const pugi::xml_node& child : doc.children()) {
    if (child.type() == pugi::node_doctype) Fail(not_this_kind + " (it has a DOCTYPE)");
  }
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int> ParseSensor(std::string_view text, int lo, int hi) {
  auto v = ParseNumber(text);
  if (!v || *v < lo || *v > hi) return std::nullopt;
  return static_cast<int>(std::lround(*v));
}

}  // namespace xml_detail

Track ParseGpx(std::string_view xml) {
  pugi::xml_document doc;
  LoadXml(doc, xml, "not a GPX file");
  pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "gpx") Fail("not a GPX file");

  Track track;
  std::size_t number = 0;  // of the point, from 1, as the user would count them in the file
  std::optional<std::int64_t> last_ms;
  bool sport_seen = false;
  // The file's own name: <metadata><name>, else the first track's <name>.
  for (const pugi::xml_node& part : root.children()) {
    if (part.type() != pugi::node_element || LocalName(part) != "metadata") continue;
    for (const pugi::xml_node& field : part.children()) {
      if (field.type() == pugi::node_element && LocalName(field) == "name") {
        track.name = std::string(Trim(field.child_value()));
        break;
      }
    }
    break;
  }
  for (const pugi::xml_node& trk : root.children()) {
    if (trk.type() != pugi::node_element || LocalName(trk) != "trk") continue;
    for (const pugi::xml_node& seg : trk.children()) {
      std::string_view seg_name = LocalName(seg);
      if (seg_name == "name" && track.name.empty())
        track.name = std::string(Trim(seg.child_value()));
      if (seg_name == "type" && !sport_seen) {
        track.sport = SportFromLabel(seg.child_value());
        sport_seen = true;
      }
      if (seg.type() != pugi::node_element || seg_name != "trkseg") continue;
      for (const pugi::xml_node& pt : seg.children()) {
        if (pt.type() != pugi::node_element || LocalName(pt) != "trkpt") continue;
        ++number;
        if (number > kMaxTrackPoints) {
          Fail("the GPX file has more than " + std::to_string(kMaxTrackPoints) + " points");
        }
        TrackPoint p;
        auto lat = ParseNumber(pt.attribute("lat").value());
        if (!lat || std::abs(*lat) > 90) FailAt(number, "has an invalid latitude");
        auto lon = ParseNumber(pt.attribute("lon").value());
        if (!lon || std::abs(*lon) > 180) FailAt(number, "has an invalid longitude");
        p.lat = lat;
        p.lon = lon;
        std::optional<std::int64_t> ms;
        for (const pugi::xml_node& field : pt.children()) {
          if (field.type() != pugi::node_element) continue;
          std::string_view name = LocalName(field);
          if (name == "ele") {
            std::string_view text = Trim(field.child_value());
            if (text.empty()) continue;
            auto ele = ParseNumber(text);
            if (!ele) FailAt(number, "has an invalid elevation");
            if (*ele >= kMinElevationM && *ele <= kMaxElevationM) p.elevation_m = ele;
          } else if (name == "time") {
            ms = ParseIsoTimeMs(field.child_value());
            if (!ms) FailAt(number, "has an invalid time");
          } else if (name == "extensions") {
            ReadExtensions(field, p, 1);
          }
        }
        if (ms) {
          if (last_ms && *ms < *last_ms) {
            Fail("times go backwards at point " + std::to_string(number));
          }
          if (!track.start_unix_ms) track.start_unix_ms = ms;
          p.time_s = static_cast<double>(*ms - *track.start_unix_ms) / 1000;
          last_ms = ms;
        } else if (!track.points.empty()) {
          // A point without a time shares the previous one's.
          p.time_s = track.points.back().time_s;
        }
        track.points.push_back(p);
      }
    }
  }
  if (track.points.empty()) Fail("the GPX file has no track points");
  return track;
}

std::string WriteGpx(const Track& track, std::string_view name) {
  std::string out;
  out.reserve(512 + track.points.size() * 200);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"Vigor\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\" "
      "xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 "
      "http://www.topografix.com/GPX/1/1/gpx.xsd "
      "http://www.garmin.com/xmlschemas/TrackPointExtension/v1 "
      "http://www8.garmin.com/xmlschemas/TrackPointExtensionv1.xsd\">\n";
  // Times far beyond the year 10000 are not times; bounding them keeps the sums in range.
  constexpr double kMaxAbsUnixS = 3e11;
  const bool has_times = track.start_unix_ms && *track.start_unix_ms > -kMaxAbsUnixS * 1000 &&
                         *track.start_unix_ms < kMaxAbsUnixS * 1000;
  out += " <metadata>\n  <name>";
  AppendEscaped(out, name);
  out += "</name>\n";
  if (has_times) {
    out += "  <time>" + FormatIsoTimeMs(*track.start_unix_ms) + "</time>\n";
  }
  out += " </metadata>\n <trk>\n  <name>";
  AppendEscaped(out, name);
  out += "</name>\n";
  if (auto type = GpxTypeOf(track.sport); !type.empty()) {
    out += "  <type>";
    out += type;
    out += "</type>\n";
  }
  out += "  <trkseg>\n";
  for (const TrackPoint& p : track.points) {
    // GPX has no place for a point without a position (an indoor sample).
    if (!p.lat || !p.lon || !ValidLatLon(*p.lat, *p.lon)) continue;
    out += "   <trkpt lat=\"";
    AppendNumber(out, *p.lat);
    out += "\" lon=\"";
    AppendNumber(out, *p.lon);
    out += "\">";
    if (p.elevation_m && std::isfinite(*p.elevation_m)) {
      out += "<ele>";
      AppendNumber(out, *p.elevation_m);
      out += "</ele>";
    }
    if (has_times && std::abs(p.time_s) < kMaxAbsUnixS) {  // false for NaN
      auto ms = *track.start_unix_ms + static_cast<std::int64_t>(std::llround(p.time_s * 1000));
      out += "<time>" + FormatIsoTimeMs(ms) + "</time>";
    }
    // The extension schema allows hr 1..255 and cad 0..254.
    bool hr = p.heart_rate && *p.heart_rate >= 1 && *p.heart_rate <= 255;
    bool cad = p.cadence && *p.cadence >= 0 && *p.cadence <= 254;
    if (hr || cad) {
      out += "<extensions><gpxtpx:TrackPointExtension>";
      if (hr) out += "<gpxtpx:hr>" + std::to_string(*p.heart_rate) + "</gpxtpx:hr>";
      if (cad) out += "<gpxtpx:cad>" + std::to_string(*p.cadence) + "</gpxtpx:cad>";
      out += "</gpxtpx:TrackPointExtension></extensions>";
    }
    out += "</trkpt>\n";
  }
  out += "  </trkseg>\n </trk>\n</gpx>\n";
  return out;
}

}  // namespace vigor::core
