// The FIT importer (core::ParseFit) on any bytes: it decodes the activity or throws
// TrackParseError with a message for the user; an activity it decodes goes through what an
// import does with its track (track_checks.hpp).
//
// A FIT file carries two CRCs, so almost every mutation would stop at the checksum. Each input is
// therefore decoded twice: as it is (the checks themselves, truncations), and with both CRCs
// recomputed (core::FitCrc16) where the header says they are, so that the decoder's reading of
// definitions and messages is what gets fuzzed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/fit.hpp"
#include "track_checks.hpp"

namespace {

void Decode(std::string_view bytes) {
  vigor::core::FitActivity activity;
  try {
    activity = vigor::core::ParseFit(bytes);
  } catch (const vigor::core::TrackParseError&) {
    return;
  }
  vigor::fuzz::CheckParsedTrack(activity.track);
}

void PutLittleEndian16(std::string& bytes, std::size_t at, std::uint16_t value) {
  bytes[at] = static_cast<char>(value & 0xFF);
  bytes[at + 1] = static_cast<char>(value >> 8);
}

// The file with a correct header CRC (headers of 14 bytes and more) and file CRC (after the data
// size the header gives, when the input is that long).
std::string WithCrcs(std::string bytes) {
  if (bytes.size() < 12) return bytes;
  std::size_t header = static_cast<std::uint8_t>(bytes[0]);
  if (header >= 14 && bytes.size() >= header) {
    PutLittleEndian16(bytes, 12, vigor::core::FitCrc16(std::string_view(bytes).substr(0, 12)));
  }
  std::size_t data_size = static_cast<std::uint8_t>(bytes[4]) |
                          static_cast<std::size_t>(static_cast<std::uint8_t>(bytes[5])) << 8 |
                          static_cast<std::size_t>(static_cast<std::uint8_t>(bytes[6])) << 16 |
                          static_cast<std::size_t>(static_cast<std::uint8_t>(bytes[7])) << 24;
  if (header >= 12 && header + data_size + 2 <= bytes.size()) {
    std::size_t end = header + data_size;
    PutLittleEndian16(bytes, end, vigor::core::FitCrc16(std::string_view(bytes).substr(0, end)));
  }
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Decode(bytes);
  std::string fixed = WithCrcs(std::string(bytes));
  if (fixed != bytes) Decode(fixed);
  return 0;
}
