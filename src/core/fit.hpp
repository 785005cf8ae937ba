#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/track.hpp"

namespace vigor::core {

// FIT timestamps count seconds from 1989-12-31T00:00:00Z.
inline constexpr std::int64_t kFitEpochUnixS = 631'065'600;

// A lap as the device summarised it (the lap message).
struct Lap {
  std::optional<std::int64_t> start_unix_ms;
  std::optional<double> elapsed_s;  // wall-clock time, pauses included
  std::optional<double> timer_s;    // time the timer ran
  std::optional<double> distance_m;
  std::optional<double> ascent_m;
  std::optional<int> avg_heart_rate;
  std::optional<int> max_heart_rate;
};

// The timer stopped (by hand or auto-pause) from start_s to end_s, seconds since the track's
// start, from the timer stop/start events.
struct TimerPause {
  double start_s = 0;
  double end_s = 0;
};

struct FitActivity {
  Track track;  // one point per record message
  // The device's own totals (session messages; summed over the sessions of a multisport file,
  // the average heart rate weighted by timer time). Absent when the file does not say.
  std::optional<double> session_distance_m;
  std::optional<double> session_timer_s;
  std::optional<double> session_elapsed_s;
  std::optional<double> session_ascent_m;
  std::optional<int> session_avg_hr;
  std::optional<int> session_max_hr;
  std::vector<Lap> laps;
  std::vector<TimerPause> pauses;
};

// Decodes a Garmin FIT activity file (protocol 1.0 and 2.0: both header sizes, little- and
// big-endian definitions, compressed timestamp headers, developer fields skipped). Reads
// file_id, record (timestamp, position, altitude or
// enhanced_altitude, heart rate, cadence, distance, power), lap, session, sport and timer
// events; other messages are skipped. Values marked invalid by the protocol are absent.
// Checks both CRCs. Records without a position decode (indoor files carry distance only).
// A file of another type (a course, as gpsbabel and route planners write recorded tracks) is
// read as an activity when its records carry times; without timed records it is refused with
// what it is ("this FIT file is a course with no timestamps (a planned route), not a recorded
// activity").
// Bytes after the first FIT file of a chained file are ignored.
//
// Throws TrackParseError with a message for the user: "not a FIT file", "the FIT file is
// truncated", "the FIT file is corrupt (...)", "this FIT file is a planned workout, not a recorded
// activity", "point 12 has an invalid latitude", "times go backwards at point 7", "the FIT file
// has no points".
// Never reads outside `bytes`.
FitActivity ParseFit(std::string_view bytes);

// The FIT CRC-16 (the protocol's 16-entry nibble table) of `bytes`, continuing from `crc`.
// A whole FIT file, its trailing CRC included, checks to 0.
std::uint16_t FitCrc16(std::string_view bytes, std::uint16_t crc = 0);

}  // namespace vigor::core
