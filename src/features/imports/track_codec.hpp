#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/track.hpp"

// The compact stored form of a track (workout_tracks.points): about 6 to 10 bytes a point
// instead of a row each.
namespace vigor::features::imports {

// Format 1. Each value is kept as an integer in a fixed unit: time in ms since the track's start,
// latitude and longitude in 1e-7 degrees (about 1 cm), elevation in dm, heart rate, cadence and
// power as recorded, distance in cm. A point is one byte saying which of the seven optional values
// it has, then the time and those values, each as a zigzag LEB128 varint of its difference from
// the previous value of the same stream. The bytes are kept as base64url text (the store has no
// blob type).
inline constexpr int kTrackFormat = 1;

std::string EncodeTrackPoints(const std::vector<core::TrackPoint>& points);
// nullopt when `text` is not what EncodeTrackPoints writes.
std::optional<std::vector<core::TrackPoint>> DecodeTrackPoints(std::string_view text);

}  // namespace vigor::features::imports
