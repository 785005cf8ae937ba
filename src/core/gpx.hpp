#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/track.hpp"

namespace pugi {
class xml_document;
class xml_node;
}  // namespace pugi

namespace vigor::core {

// Reads the track points of a GPX 1.0 or 1.1 file (all <trk> and <trkseg> in order): lat/lon,
// <ele>, <time>, and heart rate, cadence and power from the <extensions> that Garmin
// (TrackPointExtension, whatever its prefix), Strava and others write. The sport comes from the
// first <trk><type>. Throws TrackParseError with a message for the user: "not a GPX file",
// "point 123 has an invalid latitude", "times go backwards at point 7", "the GPX file has no
// track points". Refuses any DOCTYPE (no entity tricks). Linear in the input; the caller
// limits the upload size.
Track ParseGpx(std::string_view xml);

// A GPX 1.1 document of the points that have a position, with <ele>, <time> (when the track
// has a start time) and the Garmin TrackPointExtension hr and cad. `name` is the track's name.
// ParseGpx(WriteGpx(t, name)) gives back the positions, elevations, times and heart rates.
std::string WriteGpx(const Track& track, std::string_view name);

// Shared by the GPX and TCX parsers, so that both refuse the same hostile input the same way.
// Not meant for other callers.
namespace xml_detail {

// Loads `xml` into `doc` or throws TrackParseError(`not_this_kind` + why): broken XML, or a
// DOCTYPE (GPX and TCX never need one; it is the door to entity expansion and external
// entities, which pugixml does not expand anyway).
void LoadXml(pugi::xml_document& doc, std::string_view xml, const std::string& not_this_kind);
// The element name without its namespace prefix: vendors write gpxtpx:hr, ns3:hr or hr.
std::string_view LocalName(const pugi::xml_node& node);
// A decimal number as XML writes it (no locale, surrounding whitespace allowed); nullopt for
// anything else, NaN and infinities included.
std::optional<double> ParseNumber(std::string_view text);
// A sensor reading ("142" or "142.0") rounded to an integer within [lo, hi], else nullopt.
std::optional<int> ParseSensor(std::string_view text, int lo, int hi);

}  // namespace xml_detail

}  // namespace vigor::core
