// The TCX importer (core::ParseTcx) on any bytes: it reads the track or throws TrackParseError
// with a message for the user; a track it reads goes through what an import does with it
// (track_checks.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/tcx.hpp"
#include "track_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vigor::core::Track track;
  try {
    track = vigor::core::ParseTcx(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const vigor::core::TrackParseError&) {
    return 0;
  }
  vigor::fuzz::CheckParsedTrack(track);
  return 0;
}
