#include "support/fit_writer.hpp"

#include <cmath>
#include <stdexcept>

namespace vigor::testing {

namespace {

int SizeOf(FitType type) {
  switch (type) {
    case FitType::kSint16:
    case FitType::kUint16:
    case FitType::kUint16z:
      return 2;
    case FitType::kSint32:
    case FitType::kUint32:
    case FitType::kUint32z:
      return 4;
    default:
      return 1;
  }
}

std::uint64_t InvalidOf(FitType type) {
  switch (type) {
    case FitType::kSint8:
      return 0x7F;
    case FitType::kSint16:
      return 0x7FFF;
    case FitType::kSint32:
      return 0x7FFFFFFF;
    case FitType::kUint16:
      return 0xFFFF;
    case FitType::kUint32:
      return 0xFFFFFFFF;
    case FitType::kUint8z:
    case FitType::kUint16z:
    case FitType::kUint32z:
      return 0;
    default:
      return 0xFF;  // enum, uint8
  }
}

std::optional<std::int64_t> Round(std::optional<double> v, double scale, double offset = 0) {
  if (!v) return std::nullopt;
  return std::llround((*v + offset) * scale);
}

std::optional<std::int64_t> Int(std::optional<int> v) {
  if (!v) return std::nullopt;
  return *v;
}

}  // namespace

void FitWriter::Put(std::uint64_t value, int size) {
  for (int i = 0; i < size; ++i) {
    int shift = options_.big_endian ? 8 * (size - 1 - i) : 8 * i;
    data_ += static_cast<char>((value >> shift) & 0xFF);
  }
}

void FitWriter::Define(std::uint8_t local, std::uint16_t global, std::vector<FitField> fields,
                       std::vector<FitDeveloperField> developer) {
  if (local > 15) throw std::logic_error("local message type is 4 bits");
  std::uint8_t header = 0x40 | local;
  if (!developer.empty()) header |= 0x20;
  data_ += static_cast<char>(header);
  data_ += '\0';  // reserved
  data_ += static_cast<char>(options_.big_endian ? 1 : 0);
  Put(global, 2);
  data_ += static_cast<char>(fields.size());
  for (const FitField& f : fields) {
    data_ += static_cast<char>(f.number);
    data_ += static_cast<char>(SizeOf(f.type));
    data_ += static_cast<char>(f.type);
  }
  if (!developer.empty()) {
    data_ += static_cast<char>(developer.size());
    for (const FitDeveloperField& d : developer) {
      data_ += static_cast<char>(d.number);
      data_ += static_cast<char>(d.size);
      data_ += static_cast<char>(d.developer_index);
    }
  }
  definitions_[local] = std::move(fields);
}

void FitWriter::Values(std::uint8_t local, const std::vector<std::optional<std::int64_t>>& values,
                       std::string_view developer) {
  const auto& fields = definitions_.at(local);
  if (values.size() != fields.size()) throw std::logic_error("one value per field");
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::uint64_t raw =
        values[i] ? static_cast<std::uint64_t>(*values[i]) : InvalidOf(fields[i].type);
    Put(raw, SizeOf(fields[i].type));
  }
  data_ += developer;
}

void FitWriter::Data(std::uint8_t local, const std::vector<std::optional<std::int64_t>>& values,
                     std::string_view developer) {
  data_ += static_cast<char>(local & 0x0F);
  Values(local, values, developer);
}

void FitWriter::CompressedData(std::uint8_t local, std::uint8_t time_offset,
                               const std::vector<std::optional<std::int64_t>>& values,
                               std::string_view developer) {
  if (local > 3 || time_offset > 31) throw std::logic_error("2-bit type, 5-bit offset");
  data_ += static_cast<char>(0x80 | local << 5 | time_offset);
  Values(local, values, developer);
}

std::uint16_t FitWriter::Crc(std::string_view bytes) {
  std::uint16_t crc = 0;
  for (char c : bytes) {
    crc ^= static_cast<std::uint8_t>(c);
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 1) ? static_cast<std::uint16_t>((crc >> 1) ^ 0xA001)
                      : static_cast<std::uint16_t>(crc >> 1);
    }
  }
  return crc;
}

std::string FitWriter::Finish() const {
  std::string out;
  auto le = [&out](std::uint64_t v, int size) {
    for (int i = 0; i < size; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  out += static_cast<char>(options_.header_size);
  out += static_cast<char>(options_.protocol);
  le(2132, 2);  // profile version 21.32
  le(data_.size(), 4);
  out += ".FIT";
  if (options_.header_size >= 14) {
    le(options_.header_crc ? Crc(out) : 0, 2);
    out.append(static_cast<std::size_t>(options_.header_size - 14), '\0');
  }
  out += data_;
  le(Crc(out), 2);  // the file CRC is little-endian whatever the messages' architecture
  return out;
}

std::string WriteFitActivity(const FitActivitySpec& spec) {
  FitWriter w(spec.options);
  enum : std::uint8_t {
    kFileIdLocal = 0,
    kRecordLocal = 1,   // with a timestamp field
    kCompactLocal = 2,  // without: for compressed timestamp headers (local 0..3)
    kEventLocal = 3,
    kLapLocal = 4,
    kSessionLocal = 5,
    kDeveloperIdLocal = 6,
  };
  w.Define(kFileIdLocal, 0,
           {{0, FitType::kEnum},
            {1, FitType::kUint16},
            {2, FitType::kUint16},
            {3, FitType::kUint32z},
            {4, FitType::kUint32}});
  std::uint32_t created = spec.samples.empty() ? 1'000'000'000 : spec.samples.front().timestamp;
  w.Data(kFileIdLocal, {spec.file_type, 1, 3121, 3'999'999'999LL, created});

  std::vector<FitDeveloperField> developer;
  std::string developer_bytes;
  if (spec.developer_field) {
    // developer_data_id: its developer_data_index (field 3) is 0.
    w.Define(kDeveloperIdLocal, 207, {{3, FitType::kUint8}});
    w.Data(kDeveloperIdLocal, {0});
    developer = {{0, 2, 0}};
    developer_bytes = std::string("\x12\x34", 2);
  }
  const std::uint8_t altitude_field = spec.enhanced_altitude ? 78 : 2;
  const FitType altitude_type = spec.enhanced_altitude ? FitType::kUint32 : FitType::kUint16;
  std::vector<FitField> record_fields = {
      {0, FitType::kSint32}, {1, FitType::kSint32}, {altitude_field, altitude_type},
      {3, FitType::kUint8},  {4, FitType::kUint8},  {5, FitType::kUint32},
      {7, FitType::kUint16},
  };
  std::vector<FitField> with_time = record_fields;
  with_time.insert(with_time.begin(), {253, FitType::kUint32});
  w.Define(kRecordLocal, 20, spec.record_timestamps ? with_time : record_fields, developer);
  if (spec.compressed_timestamps) w.Define(kCompactLocal, 20, record_fields, developer);
  w.Define(kEventLocal, 21, {{253, FitType::kUint32}, {0, FitType::kEnum}, {1, FitType::kEnum}});

  constexpr double kSemicirclesPerDegree = 2147483648.0 / 180.0;
  std::optional<std::uint32_t> last_full;  // the timestamp a compressed header counts from
  std::size_t next_event = 0;
  for (const FitSample& s : spec.samples) {
    while (next_event < spec.timer_events.size() &&
           spec.timer_events[next_event].first <= s.timestamp) {
      auto [ts, type] = spec.timer_events[next_event++];
      w.Data(kEventLocal, {ts, 0, type});
      last_full = ts;
    }
    std::vector<std::optional<std::int64_t>> values = {
        Round(s.lat_deg, kSemicirclesPerDegree),
        Round(s.lon_deg, kSemicirclesPerDegree),
        Round(s.altitude_m, 5, 500),
        Int(s.heart_rate),
        Int(s.cadence),
        Round(s.distance_m, 100),
        Int(s.power_w),
    };
    if (spec.compressed_timestamps && last_full && s.timestamp >= *last_full &&
        s.timestamp - *last_full < 32) {
      w.CompressedData(kCompactLocal, s.timestamp & 31, values, developer_bytes);
    } else {
      if (spec.record_timestamps) values.insert(values.begin(), s.timestamp);
      w.Data(kRecordLocal, values, developer_bytes);
    }
    // A compressed header's time becomes the base for the next one, as a full one does.
    last_full = s.timestamp;
  }
  while (next_event < spec.timer_events.size()) {
    auto [ts, type] = spec.timer_events[next_event++];
    w.Data(kEventLocal, {ts, 0, type});
  }

  w.Define(kLapLocal, 19,
           {{253, FitType::kUint32},
            {2, FitType::kUint32},
            {7, FitType::kUint32},
            {8, FitType::kUint32},
            {9, FitType::kUint32},
            {15, FitType::kUint8},
            {16, FitType::kUint8},
            {21, FitType::kUint16}});
  for (const FitLapSummary& lap : spec.laps) {
    w.Data(kLapLocal,
           {lap.timestamp, lap.start_time, Round(lap.elapsed_s, 1000), Round(lap.timer_s, 1000),
            Round(lap.distance_m, 100), lap.avg_heart_rate, lap.max_heart_rate, lap.ascent_m});
  }
  if (spec.session) {
    const FitSessionSummary& s = *spec.session;
    std::vector<FitField> fields = {{253, FitType::kUint32}, {2, FitType::kUint32},
                                    {5, FitType::kEnum},     {6, FitType::kEnum},
                                    {7, FitType::kUint32},   {8, FitType::kUint32},
                                    {9, FitType::kUint32},   {16, FitType::kUint8},
                                    {17, FitType::kUint8},   {22, FitType::kUint16}};
    std::vector<std::optional<std::int64_t>> values = {s.timestamp,
                                                       s.start_time,
                                                       s.sport,
                                                       s.sub_sport,
                                                       Round(s.elapsed_s, 1000),
                                                       Round(s.timer_s, 1000),
                                                       Round(s.distance_m, 100),
                                                       s.avg_heart_rate,
                                                       s.max_heart_rate,
                                                       s.ascent_m};
    if (s.calories > 0) {
      fields.push_back({11, FitType::kUint16});
      values.emplace_back(s.calories);
    }
    w.Define(kSessionLocal, 18, fields);
    w.Data(kSessionLocal, values);
  }
  return w.Finish();
}

}  // namespace vigor::testing
