// Writes the FIT seeds of the fit target (corpus/fit/) with the tests' own FIT writer
// (tests/support/fit_writer.*), which shares no code with the decoder. Not part of any build:
//   g++ -std=c++20 -Itests tests/fuzz/make_fit_seeds.cpp tests/support/fit_writer.cpp \
//     -o /tmp/make_fit_seeds && /tmp/make_fit_seeds tests/fuzz/corpus/fit
// Each seed is small (a few dozen records): the fuzzer mutates small files faster.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "support/fit_writer.hpp"

using vigor::testing::FitActivitySpec;
using vigor::testing::FitSample;
using vigor::testing::FitSessionSummary;
using vigor::testing::WriteFitActivity;

namespace {

constexpr std::uint32_t kStart = 1'083'000'000;  // 2024-04-25T17:20:00Z in FIT seconds

std::vector<FitSample> Run(int seconds, bool positions) {
  std::vector<FitSample> out;
  for (int i = 0; i < seconds; ++i) {
    FitSample s{.timestamp = kStart + static_cast<std::uint32_t>(i),
                .altitude_m = 380 + i % 7,
                .distance_m = 3.0 * i,
                .heart_rate = 130 + i % 30,
                .cadence = 88,
                .power_w = 200 + i % 50};
    if (positions) {
      s.lat_deg = 46.52 + i * 2e-5;
      s.lon_deg = 6.63 + i * 1.5e-5;
    }
    out.push_back(s);
  }
  return out;
}

FitActivitySpec RunSpec(int seconds = 20) {
  FitActivitySpec spec;
  spec.samples = Run(seconds, true);
  spec.laps = {{.start_time = kStart,
                .timestamp = kStart + static_cast<std::uint32_t>(seconds - 1),
                .elapsed_s = seconds - 1.0,
                .timer_s = seconds - 1.0,
                .distance_m = 3.0 * (seconds - 1),
                .avg_heart_rate = 144,
                .max_heart_rate = 159,
                .ascent_m = 6}};
  spec.session = FitSessionSummary{.start_time = kStart,
                                   .timestamp = kStart + static_cast<std::uint32_t>(seconds - 1),
                                   .sport = 1,
                                   .elapsed_s = seconds - 1.0,
                                   .timer_s = seconds - 1.0,
                                   .distance_m = 3.0 * (seconds - 1),
                                   .avg_heart_rate = 144,
                                   .max_heart_rate = 159,
                                   .ascent_m = 6};
  return spec;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_fit_seeds DIR\n";
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const FitActivitySpec& spec) {
    std::ofstream(dir / name, std::ios::binary) << WriteFitActivity(spec);
  };

  write("outdoor-run.fit", RunSpec());

  FitActivitySpec treadmill = RunSpec();
  treadmill.samples = Run(20, false);
  treadmill.session->sub_sport = 1;
  write("indoor-treadmill.fit", treadmill);

  FitActivitySpec packed = RunSpec(40);
  for (std::size_t i = 20; i < packed.samples.size(); ++i) packed.samples[i].timestamp += 40;
  packed.timer_events = {{kStart + 19, 4}, {kStart + 60, 0}};
  packed.options = {.big_endian = true, .header_size = 12};
  packed.enhanced_altitude = true;
  packed.compressed_timestamps = true;
  packed.developer_field = true;
  write("big-endian-compressed-developer.fit", packed);

  FitActivitySpec no_header_crc = RunSpec(5);
  no_header_crc.options.header_crc = false;
  write("no-header-crc.fit", no_header_crc);

  FitActivitySpec session_only = RunSpec();
  session_only.samples.clear();
  session_only.laps.clear();
  write("session-only.fit", session_only);

  FitActivitySpec course = RunSpec(10);
  course.file_type = 6;  // a course, as gpsbabel and route planners write them
  course.session.reset();
  course.laps.clear();
  write("course.fit", course);

  FitActivitySpec ride = RunSpec(10);
  ride.session->sport = 2;
  write("ride.fit", ride);
  return 0;
}
