#pragma once

#include <string_view>

#include "core/track.hpp"

namespace vigor::core {

// Reads the first <Activity> of a Garmin Training Center (TCX v2) file: its Sport, and every
// <Trackpoint> of its laps in order with Time, Position, AltitudeMeters, DistanceMeters (kept
// as the device's cumulative distance, which indoor files rely on), HeartRateBpm, Cadence and,
// from the ActivityExtension TPX, Watts (and RunCadence when there is no Cadence). Throws
// TrackParseError with a message for the user ("not a TCX file", "point 12 has an invalid
// latitude", "times go backwards at point 7", "the TCX file has no track points"). Refuses
// any DOCTYPE, like ParseGpx.
Track ParseTcx(std::string_view xml);

}  // namespace vigor::core
