#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigor::testing {

// Writes Garmin FIT files byte by byte from the protocol description, to give the decoder test
// input that no real device had to record. Written apart from core/fit.cpp on purpose: it
// shares no code with the decoder (not even the CRC), so a misreading of the protocol in one
// shows up as a disagreement with the other.

// Base types, as the protocol numbers them (bit 7 set on the multi-byte ones).
enum class FitType : std::uint8_t {
  kEnum = 0x00,
  kSint8 = 0x01,
  kUint8 = 0x02,
  kSint16 = 0x83,
  kUint16 = 0x84,
  kSint32 = 0x85,
  kUint32 = 0x86,
  kUint8z = 0x0A,
  kUint16z = 0x8B,
  kUint32z = 0x8C,
};

struct FitField {
  std::uint8_t number;
  FitType type;
};

struct FitDeveloperField {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t developer_index;
};

class FitWriter {
 public:
  struct Options {
    bool big_endian = false;       // architecture of every definition
    int header_size = 14;          // 12 (no header CRC) or 14
    bool header_crc = true;        // with 14: false writes 0x0000, "not computed"
    std::uint8_t protocol = 0x20;  // 2.0
  };

  FitWriter() = default;
  explicit FitWriter(Options options) : options_(options) {}

  // A definition message for local message type `local` (0..15).
  void Define(std::uint8_t local, std::uint16_t global, std::vector<FitField> fields,
              std::vector<FitDeveloperField> developer = {});
  // A data message: one raw (already scaled) value per field of the definition, in order;
  // nullopt writes the type's "invalid" marker. `developer` is appended as is.
  void Data(std::uint8_t local, const std::vector<std::optional<std::int64_t>>& values,
            std::string_view developer = {});
  // The same with a compressed timestamp header (local 0..3, offset = timestamp & 31).
  void CompressedData(std::uint8_t local, std::uint8_t time_offset,
                      const std::vector<std::optional<std::int64_t>>& values,
                      std::string_view developer = {});
  // Raw bytes into the data section, for hand-made corruption.
  void Raw(std::string_view bytes) { data_ += bytes; }

  // Header + data + file CRC.
  std::string Finish() const;

  // CRC-16/ARC (reflected polynomial 0xA001, initial 0), computed bit by bit.
  static std::uint16_t Crc(std::string_view bytes);

 private:
  void Values(std::uint8_t local, const std::vector<std::optional<std::int64_t>>& values,
              std::string_view developer);
  void Put(std::uint64_t value, int size);

  Options options_;
  std::string data_;
  std::map<std::uint8_t, std::vector<FitField>> definitions_;
};

// A whole activity, the way a watch writes one.
struct FitSample {
  std::uint32_t timestamp = 0;  // FIT seconds (since 1989-12-31T00:00:00Z)
  std::optional<double> lat_deg, lon_deg, altitude_m, distance_m;
  std::optional<int> heart_rate, cadence, power_w;
};

struct FitLapSummary {
  std::uint32_t start_time = 0, timestamp = 0;
  double elapsed_s = 0, timer_s = 0, distance_m = 0;
  int avg_heart_rate = 0, max_heart_rate = 0, ascent_m = 0;
};

struct FitSessionSummary {
  std::uint32_t start_time = 0, timestamp = 0;
  int sport = 0, sub_sport = 0;  // FIT enums: 1 running, 2 cycling; sub-sport 1 treadmill
  double elapsed_s = 0, timer_s = 0, distance_m = 0;
  int avg_heart_rate = 0, max_heart_rate = 0, ascent_m = 0;
  int calories = 0;  // total_calories (field 11), written only when above 0
};

struct FitActivitySpec {
  FitWriter::Options options;
  std::vector<FitSample> samples;
  std::vector<FitLapSummary> laps;
  std::optional<FitSessionSummary> session;
  std::vector<std::pair<std::uint32_t, int>> timer_events;  // (timestamp, event_type)
  int file_type = 4;                                        // activity
  bool enhanced_altitude = false;      // field 78 (uint32) instead of 2 (uint16)
  bool compressed_timestamps = false;  // records after the first with 1-byte time headers
  bool developer_field = false;        // a 2-byte developer field on every record
  bool record_timestamps = true;       // false: records carry no time (a planned route)
};

std::string WriteFitActivity(const FitActivitySpec& spec);

}  // namespace vigor::testing
