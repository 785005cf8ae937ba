#include "core/fit.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <string>

namespace vigor::core {

namespace {

// Global message numbers and the field numbers read from them (FIT profile).
constexpr std::uint16_t kFileIdMessage = 0;
constexpr std::uint16_t kSportMessage = 12;
constexpr std::uint16_t kSessionMessage = 18;
constexpr std::uint16_t kLapMessage = 19;
constexpr std::uint16_t kRecordMessage = 20;
constexpr std::uint16_t kEventMessage = 21;
constexpr std::uint8_t kTimestampField = 253;  // in every message that has one

constexpr int kFileTypeActivity = 4;
constexpr int kFileTypeCourse = 6;
constexpr int kEventTimer = 0;
constexpr int kEventTypeStart = 0;

// Timestamps below this are seconds since the device powered on, not since the FIT epoch.
constexpr std::uint32_t kMinAbsoluteTimestamp = 0x10000000;
// As in GPX and TCX: a sentinel elevation drops the elevation, not the file.
constexpr double kMinElevationM = -1000;
constexpr double kMaxElevationM = 10000;
// A lap message can be a single byte: bound what a small hostile file can make us allocate.
constexpr std::size_t kMaxLaps = 100'000;

[[noreturn]] void Fail(const std::string& message) { throw TrackParseError(message); }

[[noreturn]] void Corrupt(const char* why) {
  Fail(std::string("the FIT file is corrupt (") + why + ")");
}

// Bounds-checked reading of the data records; running out means the file lied about itself.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool AtEnd() const { return pos_ == data_.size(); }
  std::uint8_t U8() { return static_cast<std::uint8_t>(Take(1)[0]); }
  std::uint16_t U16(bool big_endian) {
    auto b = Take(2);
    auto lo = static_cast<std::uint8_t>(b[big_endian ? 1 : 0]);
    auto hi = static_cast<std::uint8_t>(b[big_endian ? 0 : 1]);
    return static_cast<std::uint16_t>(lo | hi << 8);
  }
  std::string_view Take(std::size_t n) {
    if (n > data_.size() - pos_) Corrupt("a message runs past the end of the data");
    auto out = data_.substr(pos_, n);
    pos_ += n;
    return out;
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

struct FieldDef {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t base_type;
};

struct Definition {
  bool defined = false;
  bool big_endian = false;
  std::uint16_t global = 0;
  std::vector<FieldDef> fields;
  std::size_t field_bytes = 0;
  std::size_t developer_bytes = 0;  // developer fields' data, skipped
};

// Size in bytes of each base type, by its number (the low 5 bits of the base type byte).
constexpr std::array<std::uint8_t, 17> kBaseTypeSize = {1, 1, 1, 2, 2, 4, 4, 1, 4,
                                                        8, 1, 2, 4, 1, 8, 8, 8};
enum BaseType : std::uint8_t {
  kEnum = 0,
  kSint8,
  kUint8,
  kSint16,
  kUint16,
  kSint32,
  kUint32,
  kString,
  kFloat32,
  kFloat64,
  kUint8z,
  kUint16z,
  kUint32z,
  kByte,
  kSint64,
  kUint64,
  kUint64z,
};

// The first value of a field, or nullopt when the protocol marks it invalid (0xFF for a
// uint8, 0x7FFFFFFF for a sint32, 0 for the "z" types, ...) or it is not a number.
std::optional<double> FieldValue(std::string_view bytes, const FieldDef& f, bool big_endian) {
  unsigned base = f.base_type & 0x1F;
  if (base >= kBaseTypeSize.size() || base == kString) return std::nullopt;
  unsigned size = kBaseTypeSize[base];
  if (bytes.size() < size) return std::nullopt;
  std::uint64_t raw = 0;
  for (unsigned i = 0; i < size; ++i) {
    auto b = static_cast<std::uint8_t>(bytes[big_endian ? i : size - 1 - i]);
    raw = raw << 8 | b;
  }
  const std::uint64_t all_ones = size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
  switch (base) {
    case kEnum:
    case kUint8:
    case kByte:
    case kUint16:
    case kUint32:
    case kUint64:
      if (raw == all_ones) return std::nullopt;
      return static_cast<double>(raw);
    case kUint8z:
    case kUint16z:
    case kUint32z:
    case kUint64z:
      if (raw == 0) return std::nullopt;
      return static_cast<double>(raw);
    case kSint8:
    case kSint16:
    case kSint32:
    case kSint64: {
      if (raw == all_ones >> 1) return std::nullopt;
      // Sign-extend from `size` bytes.
      unsigned shift = 64 - size * 8;
      auto value = static_cast<std::int64_t>(raw << shift) >> shift;
      return static_cast<double>(value);
    }
    case kFloat32: {
      if (raw == all_ones) return std::nullopt;
      auto v = std::bit_cast<float>(static_cast<std::uint32_t>(raw));
      if (!std::isfinite(v)) return std::nullopt;
      return v;
    }
    case kFloat64: {
      if (raw == all_ones) return std::nullopt;
      auto v = std::bit_cast<double>(raw);
      if (!std::isfinite(v)) return std::nullopt;
      return v;
    }
    default:
      return std::nullopt;
  }
}

// Field values arrive as doubles; a corrupt file may put any number in any field, and a cast
// of an out-of-range double is undefined, so these check first.
std::optional<int> AsInt(std::optional<double> v) {
  if (!v || !(std::abs(*v) < 1e9)) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<std::uint32_t> AsU32(std::optional<double> v) {
  if (!v || !(*v >= 0 && *v <= 4294967295.0)) return std::nullopt;
  return static_cast<std::uint32_t>(*v);
}

std::string SportOf(std::optional<double> sport, std::optional<double> sub_sport) {
  // Indoor variants first: a treadmill run is "fitness equipment" with sub-sport treadmill.
  switch (AsInt(sub_sport).value_or(-1)) {
    case 1:
      return "run";  // treadmill
    case 6:
      return "ride";  // indoor_cycling
    case 14:
      return "row";  // indoor_rowing
    case 17:         // lap_swimming
    case 18:
      return "swim";  // open_water
    default:
      break;
  }
  switch (AsInt(sport).value_or(-1)) {
    case 1:
      return "run";
    case 2:  // cycling
    case 21:
      return "ride";  // e_biking
    case 5:
      return "swim";
    case 11:
      return "walk";
    case 15:
      return "row";
    case 17:
      return "hike";
    default:
      return "other";
  }
}

std::int64_t UnixMs(std::uint32_t fit_timestamp) {
  return (kFitEpochUnixS + static_cast<std::int64_t>(fit_timestamp)) * 1000;
}

// The fields of interest of one message, by slot (see ActivityBuilder::Slot).
using Fields = std::array<std::optional<double>, 10>;

// What the data messages add up to while decoding.
class ActivityBuilder {
 public:
  void Message(const Definition& def, std::string_view body,
               std::optional<std::uint32_t> header_timestamp,
               std::optional<std::uint32_t>& last_timestamp) {
    // Collect the fields of interest in one pass over the definition.
    Fields f{};
    std::optional<double> timestamp;
    std::size_t offset = 0;
    for (const FieldDef& field : def.fields) {
      std::string_view bytes = body.substr(offset, field.size);
      offset += field.size;
      if (field.number == kTimestampField) {
        timestamp = FieldValue(bytes, field, def.big_endian);
        continue;
      }
      int slot = Slot(def.global, field.number);
      if (slot >= 0) f[slot] = FieldValue(bytes, field, def.big_endian);
    }
    std::optional<std::uint32_t> ts = header_timestamp;
    if (auto field_ts = AsU32(timestamp)) ts = field_ts;
    if (ts) last_timestamp = ts;

    switch (def.global) {
      case kFileIdMessage:
        // Only the first file_id counts (a chained file's later ones are never reached).
        if (!file_type_ && f[0]) file_type_ = AsInt(f[0]);
        break;
      case kSportMessage:
        if (!sport_message_) sport_message_ = SportOf(f[0], f[1]);
        break;
      case kRecordMessage:
        Record(f, ts ? ts : last_timestamp);
        break;
      case kLapMessage:
        if (activity_.laps.size() >= kMaxLaps) {
          Fail("the FIT file has more than " + std::to_string(kMaxLaps) + " laps");
        }
        activity_.laps.push_back(
            {.start_unix_ms = AsU32(f[0]) ? std::optional(UnixMs(*AsU32(f[0]))) : std::nullopt,
             .elapsed_s = Scaled(f[1], 1000),
             .timer_s = Scaled(f[2], 1000),
             .distance_m = Scaled(f[3], 100),
             .ascent_m = f[6],
             .avg_heart_rate = AsInt(f[4]),
             .max_heart_rate = AsInt(f[5])});
        break;
      case kSessionMessage:
        Session(f);
        break;
      case kEventMessage:
        Event(f, ts ? ts : last_timestamp);
        break;
      default:
        break;
    }
  }

  FitActivity Finish() {
    Track& track = activity_.track;
    // Any file whose records carry times is a recording, whatever its file type says: gpsbabel
    // and route planners write recorded tracks as courses (type 6). Without timed records, a
    // file that is not an activity is something else, and the user is told what.
    if (file_type_ && *file_type_ != kFileTypeActivity && !first_record_) {
      Fail(NotAnActivity(*file_type_));
    }
    // A session without records (an activity typed in on the watch) still has its totals.
    if (track.points.empty() && sessions_ == 0) Fail("the FIT file has no points");
    track.sport = session_sport_ ? *session_sport_ : sport_message_.value_or("other");
    if (track.points.empty() && session_start_) track.start_unix_ms = UnixMs(*session_start_);
    if (sessions_ > 0) {
      activity_.session_distance_m = distance_;
      activity_.session_timer_s = timer_;
      activity_.session_elapsed_s = elapsed_;
      activity_.session_ascent_m = ascent_;
      activity_.session_max_hr = max_hr_;
      track.calories_kcal = calories_;
      if (hr_weight_ > 0) {
        activity_.session_avg_hr = static_cast<int>(std::lround(hr_sum_ / hr_weight_));
      } else {
        activity_.session_avg_hr = first_avg_hr_;
      }
    }
    if (first_record_) {
      for (auto [stop, start] : pauses_) {
        if (stop < *first_record_ || start < stop) continue;
        activity_.pauses.push_back({.start_s = static_cast<double>(stop - *first_record_),
                                    .end_s = static_cast<double>(start - *first_record_)});
      }
    }
    return std::move(activity_);
  }

 private:
  // Where Message() keeps each field of interest, per message; -1 for fields not read.
  static int Slot(std::uint16_t global, std::uint8_t field) {
    switch (global) {
      case kFileIdMessage:
        return field == 0 ? 0 : -1;  // type
      case kSportMessage:
        return field <= 1 ? field : -1;  // sport, sub_sport
      case kRecordMessage:
        switch (field) {
          case 0:
            return 0;  // position_lat, semicircles
          case 1:
            return 1;  // position_long, semicircles
          case 2:
            return 2;  // altitude, m * 5 + 500
          case 3:
            return 3;  // heart_rate, bpm
          case 4:
            return 4;  // cadence, rpm
          case 5:
            return 5;  // distance, m * 100
          case 7:
            return 6;  // power, W
          case 78:
            return 7;  // enhanced_altitude, m * 5 + 500
          default:
            return -1;
        }
      case kLapMessage:
        switch (field) {
          case 2:
            return 0;  // start_time
          case 7:
            return 1;  // total_elapsed_time, s * 1000
          case 8:
            return 2;  // total_timer_time, s * 1000
          case 9:
            return 3;  // total_distance, m * 100
          case 15:
            return 4;  // avg_heart_rate
          case 16:
            return 5;  // max_heart_rate
          case 21:
            return 6;  // total_ascent, m
          default:
            return -1;
        }
      case kSessionMessage:
        switch (field) {
          case 2:
            return 0;  // start_time
          case 5:
            return 1;  // sport
          case 6:
            return 2;  // sub_sport
          case 7:
            return 3;  // total_elapsed_time, s * 1000
          case 8:
            return 4;  // total_timer_time, s * 1000
          case 9:
            return 5;  // total_distance, m * 100
          case 16:
            return 6;  // avg_heart_rate
          case 17:
            return 7;  // max_heart_rate
          case 22:
            return 8;  // total_ascent, m
          case 11:
            return 9;  // total_calories, kcal
          default:
            return -1;
        }
      case kEventMessage:
        return field <= 1 ? field : -1;  // event, event_type
      default:
        return -1;
    }
  }

  static std::optional<double> Scaled(std::optional<double> v, double scale) {
    if (!v) return std::nullopt;
    return *v / scale;
  }

  void Record(const Fields& f, std::optional<std::uint32_t> ts) {
    Track& track = activity_.track;
    std::size_t number = track.points.size() + 1;
    if (number > kMaxTrackPoints) {
      Fail("the FIT file has more than " + std::to_string(kMaxTrackPoints) + " points");
    }
    TrackPoint p;
    if (ts) {
      if (!first_record_) {
        first_record_ = ts;
        if (*ts >= kMinAbsoluteTimestamp) track.start_unix_ms = UnixMs(*ts);
      }
      if (last_record_ && *ts < *last_record_) {
        Fail("times go backwards at point " + std::to_string(number));
      }
      p.time_s = static_cast<double>(*ts - *first_record_);
      last_record_ = ts;
    } else if (!track.points.empty()) {
      p.time_s = track.points.back().time_s;
    }
    if (f[0] && f[1]) {
      constexpr double kDegreesPerSemicircle = 180.0 / 2147483648.0;  // 2^31 semicircles
      double lat = *f[0] * kDegreesPerSemicircle;
      double lon = *f[1] * kDegreesPerSemicircle;
      // A sint32 of semicircles spans [-180, 180): a latitude beyond 90 is corruption.
      if (!(std::abs(lat) <= 90)) {
        Fail("point " + std::to_string(number) + " has an invalid latitude");
      }
      if (!(std::abs(lon) <= 180)) {
        Fail("point " + std::to_string(number) + " has an invalid longitude");
      }
      p.lat = lat;
      p.lon = lon;
    }
    std::optional<double> raw_altitude = f[7] ? f[7] : f[2];
    if (raw_altitude) {
      double altitude = *raw_altitude / 5 - 500;
      if (altitude >= kMinElevationM && altitude <= kMaxElevationM) p.elevation_m = altitude;
    }
    p.heart_rate = AsInt(f[3]);
    p.cadence = AsInt(f[4]);
    p.distance_m = Scaled(f[5], 100);
    p.power_w = AsInt(f[6]);
    track.points.push_back(p);
  }

  void Session(const Fields& f) {
    ++sessions_;
    if (sessions_ == 1) {
      session_start_ = AsU32(f[0]);
      if (f[1] || f[2]) session_sport_ = SportOf(f[1], f[2]);
    }
    auto add = [](std::optional<double>& total, std::optional<double> v) {
      if (v) total = total.value_or(0) + *v;
    };
    auto timer = Scaled(f[4], 1000);
    add(elapsed_, Scaled(f[3], 1000));
    add(timer_, timer);
    add(distance_, Scaled(f[5], 100));
    add(ascent_, f[8]);
    add(calories_, f[9]);
    if (auto avg_hr = AsInt(f[6])) {
      if (!first_avg_hr_) first_avg_hr_ = avg_hr;
      if (timer && *timer > 0) {
        hr_sum_ += *avg_hr * *timer;
        hr_weight_ += *timer;
      }
    }
    if (auto max_hr = AsInt(f[7])) max_hr_ = std::max(max_hr_.value_or(0), *max_hr);
  }

  void Event(const Fields& f, std::optional<std::uint32_t> ts) {
    if (!ts || AsInt(f[0]) != kEventTimer || !AsInt(f[1])) return;
    int type = *AsInt(f[1]);
    // stop, stop_all, stop_disable, stop_disable_all
    bool stop = type == 1 || type == 4 || type == 8 || type == 9;
    if (stop && !paused_since_) {
      paused_since_ = ts;
    } else if (type == kEventTypeStart && paused_since_) {
      pauses_.emplace_back(*paused_since_, *ts);
      paused_since_.reset();
    }
  }

  // What a FIT file of `type` (file_id.type, the FIT profile's "file" enum) is, for a user.
  static std::string NotAnActivity(int type) {
    switch (type) {
      case kFileTypeCourse:
        return "this FIT file is a course with no timestamps (a planned route), not a recorded "
               "activity";
      case 5:
        return "this FIT file is a planned workout, not a recorded activity";
      case 1:
      case 2:
      case 3:
        return "this FIT file holds device settings, not a recorded activity";
      case 15:
      case 32:
        return "this FIT file holds daily monitoring data, not a recorded activity";
      case 34:
        return "this FIT file is a segment (a section of a route), not a recorded activity";
      default:
        return "this FIT file is not an activity (file type " + std::to_string(type) +
               ") and has no timed records";
    }
  }

  FitActivity activity_;
  std::optional<int> file_type_;
  std::optional<std::uint32_t> first_record_, last_record_;
  std::optional<std::string> sport_message_, session_sport_;
  std::optional<std::uint32_t> session_start_;
  int sessions_ = 0;
  std::optional<double> distance_, timer_, elapsed_, ascent_, calories_;
  std::optional<int> max_hr_, first_avg_hr_;
  double hr_sum_ = 0, hr_weight_ = 0;
  std::optional<std::uint32_t> paused_since_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pauses_;
};

std::uint32_t LittleEndian32(std::string_view b) {
  return static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[0])) |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[2])) << 16 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[3])) << 24;
}

std::uint16_t LittleEndian16(std::string_view b) {
  return static_cast<std::uint16_t>(static_cast<std::uint8_t>(b[0]) |
                                    static_cast<std::uint8_t>(b[1]) << 8);
}

void ReadDefinition(Reader& r, bool has_developer_fields, Definition& def) {
  r.U8();  // reserved
  std::uint8_t architecture = r.U8();
  if (architecture > 1) Corrupt("unknown byte order");
  def.big_endian = architecture == 1;
  def.global = r.U16(def.big_endian);
  std::uint8_t count = r.U8();
  def.fields.clear();
  def.field_bytes = 0;
  for (int i = 0; i < count; ++i) {
    auto b = r.Take(3);
    def.fields.push_back({static_cast<std::uint8_t>(b[0]), static_cast<std::uint8_t>(b[1]),
                          static_cast<std::uint8_t>(b[2])});
    def.field_bytes += def.fields.back().size;
  }
  def.developer_bytes = 0;
  if (has_developer_fields) {
    std::uint8_t dev_count = r.U8();
    for (int i = 0; i < dev_count; ++i) {
      def.developer_bytes += static_cast<std::uint8_t>(r.Take(3)[1]);  // number, size, index
    }
  }
  def.defined = true;
}

}  // namespace

std::uint16_t FitCrc16(std::string_view bytes, std::uint16_t crc) {
  static constexpr std::uint16_t kTable[16] = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00,
                                               0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
                                               0x5000, 0x9C01, 0x8801, 0x4400};
  for (char c : bytes) {
    auto byte = static_cast<std::uint8_t>(c);
    std::uint16_t tmp = kTable[crc & 0xF];
    crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
    crc = static_cast<std::uint16_t>(crc ^ tmp ^ kTable[byte & 0xF]);
    tmp = kTable[crc & 0xF];
    crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
    crc = static_cast<std::uint16_t>(crc ^ tmp ^ kTable[(byte >> 4) & 0xF]);
  }
  return crc;
}

FitActivity ParseFit(std::string_view bytes) {
  constexpr std::size_t kMinHeaderSize = 12;
  if (bytes.size() < kMinHeaderSize || bytes.substr(8, 4) != ".FIT") Fail("not a FIT file");
  std::size_t header_size = static_cast<std::uint8_t>(bytes[0]);
  if (header_size < kMinHeaderSize) Fail("not a FIT file");
  if ((static_cast<std::uint8_t>(bytes[1]) >> 4) > 2) {
    Fail("the FIT file uses a protocol version this server does not know");
  }
  if (bytes.size() < header_size) Fail("the FIT file is truncated");
  // The header CRC is optional (0 when the writer did not compute it).
  if (header_size >= 14) {
    std::uint16_t header_crc = LittleEndian16(bytes.substr(12, 2));
    if (header_crc != 0 && header_crc != FitCrc16(bytes.substr(0, 12))) {
      Corrupt("header checksum mismatch");
    }
  }
  std::size_t data_size = LittleEndian32(bytes.substr(4, 4));
  if (bytes.size() - header_size < data_size + 2) Fail("the FIT file is truncated");
  std::size_t crc_at = header_size + data_size;
  if (LittleEndian16(bytes.substr(crc_at, 2)) != FitCrc16(bytes.substr(0, crc_at))) {
    Corrupt("checksum mismatch");
  }

  Reader r(bytes.substr(header_size, data_size));
  std::array<Definition, 16> definitions;
  std::optional<std::uint32_t> last_timestamp;
  ActivityBuilder builder;
  while (!r.AtEnd()) {
    std::uint8_t header = r.U8();
    std::optional<std::uint32_t> header_timestamp;
    std::size_t local = 0;
    if (header & 0x80) {
      // Compressed timestamp header: 5 bits of seconds after the last full timestamp.
      local = (header >> 5) & 0x03;
      std::uint32_t offset = header & 0x1F;
      if (!last_timestamp) Corrupt("a compressed timestamp comes before any timestamp");
      std::uint32_t base = *last_timestamp & ~0x1Fu;
      std::uint32_t ts = base + offset;
      if (offset < (*last_timestamp & 0x1Fu)) ts += 0x20;  // the 5 bits rolled over
      header_timestamp = ts;
    } else if (header & 0x40) {
      ReadDefinition(r, (header & 0x20) != 0, definitions[header & 0x0F]);
      continue;
    } else {
      local = header & 0x0F;
    }
    const Definition& def = definitions[local];
    if (!def.defined) Corrupt("a message comes before its definition");
    std::string_view body = r.Take(def.field_bytes);
    r.Take(def.developer_bytes);
    builder.Message(def, body, header_timestamp, last_timestamp);
  }
  return builder.Finish();
}

}  // namespace vigor::core
