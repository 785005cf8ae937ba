#include "features/imports/track_codec.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "platform/crypto/random.hpp"

namespace vigor::features::imports {

namespace {

// Streams in order: the time, then the seven optional values, whose presence bits are 1 << 0 to
// 1 << 6 of a point's first byte.
constexpr std::size_t kStreams = 8;  // time + the seven optional values

constexpr double kScale[kStreams] = {1000, 1e7, 1e7, 10, 1, 1, 1, 100};

std::int64_t Scaled(double value, std::size_t stream) {
  double v = std::round(value * kScale[stream]);
  // The parsers bound every value far inside this; keep hostile input from overflowing.
  return static_cast<std::int64_t>(std::clamp(v, -9.0e15, 9.0e15));
}

void PutVarint(std::string& out, std::int64_t value) {
  auto zigzag = (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
  while (zigzag >= 0x80) {
    out.push_back(static_cast<char>((zigzag & 0x7F) | 0x80));
    zigzag >>= 7;
  }
  out.push_back(static_cast<char>(zigzag));
}

bool GetVarint(std::string_view bytes, std::size_t& i, std::int64_t& value) {
  std::uint64_t zigzag = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (i >= bytes.size()) return false;
    auto b = static_cast<std::uint8_t>(bytes[i++]);
    zigzag |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) {
      value = static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EncodeTrackPoints(const std::vector<core::TrackPoint>& points) {
  std::string bytes;
  bytes.reserve(points.size() * 10);
  std::array<std::int64_t, kStreams> last{};
  for (const auto& p : points) {
    std::array<std::optional<double>, kStreams> values{
        p.time_s,
        p.lat,
        p.lon,
        p.elevation_m,
        p.heart_rate ? std::optional<double>(*p.heart_rate) : std::nullopt,
        p.cadence ? std::optional<double>(*p.cadence) : std::nullopt,
        p.power_w ? std::optional<double>(*p.power_w) : std::nullopt,
        p.distance_m};
    std::uint8_t mask = 0;
    for (std::size_t s = 1; s < kStreams; ++s) {
      if (values[s] && std::isfinite(*values[s])) mask |= static_cast<std::uint8_t>(1u << (s - 1));
    }
    bytes.push_back(static_cast<char>(mask));
    double t = std::isfinite(p.time_s) ? p.time_s : 0;
    std::int64_t scaled_t = Scaled(t, 0);
    PutVarint(bytes, scaled_t - last[0]);
    last[0] = scaled_t;
    for (std::size_t s = 1; s < kStreams; ++s) {
      if ((mask & (1u << (s - 1))) == 0) continue;
      std::int64_t v = Scaled(*values[s], s);
      PutVarint(bytes, v - last[s]);
      last[s] = v;
    }
  }
  return platform::crypto::Base64UrlEncode(bytes);
}

std::optional<std::vector<core::TrackPoint>> DecodeTrackPoints(std::string_view text) {
  auto bytes = platform::crypto::Base64UrlDecode(text);
  if (!bytes) return std::nullopt;
  std::vector<core::TrackPoint> points;
  std::array<std::int64_t, kStreams> last{};
  std::size_t i = 0;
  while (i < bytes->size()) {
    auto mask = static_cast<std::uint8_t>((*bytes)[i++]);
    if (mask & 0x80) return std::nullopt;
    std::array<std::optional<std::int64_t>, kStreams> values;
    for (std::size_t s = 0; s < kStreams; ++s) {
      if (s > 0 && (mask & (1u << (s - 1))) == 0) continue;
      std::int64_t delta = 0;
      if (!GetVarint(*bytes, i, delta)) return std::nullopt;
      last[s] += delta;
      values[s] = last[s];
    }
    core::TrackPoint p;
    p.time_s = static_cast<double>(*values[0]) / kScale[0];
    auto real = [&](std::size_t s) -> std::optional<double> {
      if (!values[s]) return std::nullopt;
      return static_cast<double>(*values[s]) / kScale[s];
    };
    auto whole = [&](std::size_t s) -> std::optional<int> {
      if (!values[s]) return std::nullopt;
      return static_cast<int>(*values[s]);
    };
    p.lat = real(1);
    p.lon = real(2);
    p.elevation_m = real(3);
    p.heart_rate = whole(4);
    p.cadence = whole(5);
    p.power_w = whole(6);
    p.distance_m = real(7);
    points.push_back(p);
  }
  return points;
}

}  // namespace vigor::features::imports
