#include "core/fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <string>

#include "support/fit_writer.hpp"

namespace vigor::core {
namespace {

using testing::FitActivitySpec;
using testing::FitField;
using testing::FitLapSummary;
using testing::FitSample;
using testing::FitSessionSummary;
using testing::FitType;
using testing::FitWriter;
using testing::WriteFitActivity;

// 2024-04-25T17:20:00Z in FIT seconds: 1714065600 - 631065600.
constexpr std::uint32_t kStart = 1'083'000'000;
constexpr std::int64_t kStartUnixMs = 1'714'065'600'000;

// A 30-minute run at 3 m/s heading north-east from Lausanne, one record a second.
std::vector<FitSample> OutdoorRun(int seconds = 1800) {
  std::vector<FitSample> out;
  for (int i = 0; i < seconds; ++i) {
    double north = 3.0 * i * 0.8, east = 3.0 * i * 0.6;
    out.push_back({.timestamp = kStart + i,
                   .lat_deg = 46.52 + north / 111'180.0,
                   .lon_deg = 6.63 + east / (111'180.0 * std::cos(46.52 * std::numbers::pi / 180)),
                   .altitude_m = 380 + 20 * std::sin(i / 200.0),
                   .distance_m = 3.0 * i,
                   .heart_rate = 130 + i % 30,
                   .cadence = 88});
  }
  return out;
}

FitActivitySpec RunSpec() {
  FitActivitySpec spec;
  spec.samples = OutdoorRun();
  spec.laps = {
      {.start_time = kStart,
       .timestamp = kStart + 900,
       .elapsed_s = 900,
       .timer_s = 900,
       .distance_m = 2700,
       .avg_heart_rate = 144,
       .max_heart_rate = 159,
       .ascent_m = 41},
      {.start_time = kStart + 900,
       .timestamp = kStart + 1799,
       .elapsed_s = 899.5,
       .timer_s = 899.25,
       .distance_m = 2697,
       .avg_heart_rate = 145,
       .max_heart_rate = 159,
       .ascent_m = 40},
  };
  spec.session = FitSessionSummary{.start_time = kStart,
                                   .timestamp = kStart + 1799,
                                   .sport = 1,
                                   .sub_sport = 0,
                                   .elapsed_s = 1799.5,
                                   .timer_s = 1799.25,
                                   .distance_m = 5397,
                                   .avg_heart_rate = 144,
                                   .max_heart_rate = 159,
                                   .ascent_m = 81};
  return spec;
}

void ExpectSameRecords(const Track& track, const std::vector<FitSample>& samples) {
  ASSERT_EQ(track.points.size(), samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const TrackPoint& p = track.points[i];
    const FitSample& s = samples[i];
    EXPECT_DOUBLE_EQ(p.time_s, s.timestamp - samples[0].timestamp) << i;
    ASSERT_EQ(p.lat.has_value(), s.lat_deg.has_value()) << i;
    if (s.lat_deg) {
      // A semicircle is 180 / 2^31 = 8.4e-8 degrees; rounding is off by half of one.
      EXPECT_NEAR(*p.lat, *s.lat_deg, 4.2e-8) << i;
      EXPECT_NEAR(*p.lon, *s.lon_deg, 4.2e-8) << i;
    }
    ASSERT_EQ(p.elevation_m.has_value(), s.altitude_m.has_value()) << i;
    if (s.altitude_m) {
      EXPECT_NEAR(*p.elevation_m, *s.altitude_m, 0.1) << i;  // 1/5 m steps
    }
    ASSERT_EQ(p.distance_m.has_value(), s.distance_m.has_value()) << i;
    if (s.distance_m) {
      EXPECT_NEAR(*p.distance_m, *s.distance_m, 0.005) << i;  // cm steps
    }
    EXPECT_EQ(p.heart_rate, s.heart_rate) << i;
    EXPECT_EQ(p.cadence, s.cadence) << i;
    EXPECT_EQ(p.power_w, s.power_w) << i;
  }
}

TEST(FitTest, CrcMatchesTheCrc16ArcCheckValue) {
  // CRC-16/ARC of "123456789" is 0xBB3D; the decoder's nibble table and the writer's bitwise
  // loop are two computations of it.
  EXPECT_EQ(FitCrc16("123456789"), 0xBB3D);
  EXPECT_EQ(FitWriter::Crc("123456789"), 0xBB3D);
  std::string file = WriteFitActivity(RunSpec());
  EXPECT_EQ(FitCrc16(file), 0);  // a file with its CRC appended checks to zero
}

TEST(FitTest, DecodesAnOutdoorRun) {
  FitActivitySpec spec = RunSpec();
  FitActivity a = ParseFit(WriteFitActivity(spec));
  EXPECT_EQ(a.track.sport, "run");
  EXPECT_EQ(a.track.start_unix_ms, kStartUnixMs);
  ExpectSameRecords(a.track, spec.samples);
  EXPECT_DOUBLE_EQ(*a.session_distance_m, 5397);
  EXPECT_DOUBLE_EQ(*a.session_elapsed_s, 1799.5);
  EXPECT_DOUBLE_EQ(*a.session_timer_s, 1799.25);
  EXPECT_DOUBLE_EQ(*a.session_ascent_m, 81);
  EXPECT_EQ(a.session_avg_hr, 144);
  EXPECT_EQ(a.session_max_hr, 159);
  EXPECT_FALSE(a.track.calories_kcal);  // the session does not say
  spec.session->calories = 412;
  EXPECT_EQ(ParseFit(WriteFitActivity(spec)).track.calories_kcal, 412.0);
  ASSERT_EQ(a.laps.size(), 2u);
  EXPECT_EQ(a.laps[1].start_unix_ms, kStartUnixMs + 900'000);
  EXPECT_DOUBLE_EQ(*a.laps[1].elapsed_s, 899.5);
  EXPECT_DOUBLE_EQ(*a.laps[1].timer_s, 899.25);
  EXPECT_DOUBLE_EQ(*a.laps[1].distance_m, 2697);
  EXPECT_DOUBLE_EQ(*a.laps[1].ascent_m, 40);
  EXPECT_EQ(a.laps[1].avg_heart_rate, 145);
  EXPECT_EQ(a.laps[1].max_heart_rate, 159);
  EXPECT_TRUE(a.pauses.empty());
}

TEST(FitTest, DecodedRunGivesTheSameStatsAsTheRecordedOne) {
  FitActivitySpec spec = RunSpec();
  Track recorded;
  for (const FitSample& s : spec.samples) {
    recorded.points.push_back({.lat = s.lat_deg,
                               .lon = s.lon_deg,
                               .elevation_m = s.altitude_m,
                               .time_s = static_cast<double>(s.timestamp - kStart),
                               .heart_rate = s.heart_rate});
  }
  TrackStats want = ComputeStats(recorded);
  TrackStats got = ComputeStats(ParseFit(WriteFitActivity(spec)).track);
  EXPECT_NEAR(got.distance_m, want.distance_m, 0.5);
  EXPECT_NEAR(got.distance_m, 5397, 5397 * 0.005);  // 1799 s at 3 m/s
  EXPECT_DOUBLE_EQ(got.duration_s, 1799);
  EXPECT_NEAR(got.elevation_gain_m, want.elevation_gain_m, 0.5);
  EXPECT_NEAR(*got.avg_heart_rate, *want.avg_heart_rate, 1e-9);
  EXPECT_EQ(got.splits.size(), want.splits.size());
}

TEST(FitTest, DecodesAnIndoorTreadmillRunWithoutPositions) {
  FitActivitySpec spec;
  for (int i = 0; i <= 1200; ++i) {
    spec.samples.push_back(
        {.timestamp = kStart + i, .distance_m = 2.8 * i, .heart_rate = 140, .cadence = 86});
  }
  spec.session = FitSessionSummary{.start_time = kStart,
                                   .timestamp = kStart + 1200,
                                   .sport = 4,
                                   .sub_sport = 1,  // fitness equipment, treadmill
                                   .elapsed_s = 1200,
                                   .timer_s = 1200,
                                   .distance_m = 3360,
                                   .avg_heart_rate = 140,
                                   .max_heart_rate = 140};
  FitActivity a = ParseFit(WriteFitActivity(spec));
  EXPECT_EQ(a.track.sport, "run");
  EXPECT_FALSE(a.track.has_positions());
  ExpectSameRecords(a.track, spec.samples);
  TrackStats s = ComputeStats(a.track);
  EXPECT_NEAR(s.distance_m, 3360, 0.01);
  EXPECT_NEAR(s.distance_m, *a.session_distance_m, 0.01);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 1200);
  EXPECT_EQ(s.splits.size(), 4u);
  EXPECT_DOUBLE_EQ(*a.session_ascent_m, 0);
}

TEST(FitTest, BigEndianShortHeaderEnhancedAltitudeCompressedTimesAndDeveloperFields) {
  FitActivitySpec spec = RunSpec();
  spec.samples.resize(300);
  // An auto-pause of 40 s with its timer events, then a 35 s gap without: too long for a
  // compressed header, so a record with a full timestamp follows.
  for (std::size_t i = 150; i < spec.samples.size(); ++i) spec.samples[i].timestamp += 40;
  for (std::size_t i = 250; i < spec.samples.size(); ++i) spec.samples[i].timestamp += 35;
  spec.timer_events = {{kStart + 149, 4}, {kStart + 190, 0}};  // stop_all, start
  spec.samples[10].heart_rate.reset();                         // the strap lost contact
  spec.samples[11].lat_deg.reset();                            // and so did the GPS
  spec.samples[11].lon_deg.reset();
  spec.samples[12].power_w = 0;
  spec.samples[13].power_w = 1500;
  spec.options = {.big_endian = true, .header_size = 12};
  spec.enhanced_altitude = true;
  spec.compressed_timestamps = true;
  spec.developer_field = true;
  FitActivity a = ParseFit(WriteFitActivity(spec));
  ExpectSameRecords(a.track, spec.samples);
  EXPECT_DOUBLE_EQ(a.track.points[150].time_s, 190);
  EXPECT_DOUBLE_EQ(a.track.points[250].time_s, 325);
  ASSERT_EQ(a.pauses.size(), 1u);
  EXPECT_DOUBLE_EQ(a.pauses[0].start_s, 149);
  EXPECT_DOUBLE_EQ(a.pauses[0].end_s, 190);
  EXPECT_EQ(a.session_max_hr, 159);
}

TEST(FitTest, AHeaderWithoutItsOptionalCrcIsAccepted) {
  FitActivitySpec spec = RunSpec();
  spec.options.header_crc = false;
  EXPECT_EQ(ParseFit(WriteFitActivity(spec)).track.points.size(), 1800u);
}

TEST(FitTest, ASessionWithoutRecordsKeepsItsTotals) {
  FitActivitySpec spec = RunSpec();
  spec.samples.clear();
  spec.laps.clear();
  FitActivity a = ParseFit(WriteFitActivity(spec));
  EXPECT_TRUE(a.track.points.empty());
  EXPECT_EQ(a.track.start_unix_ms, kStartUnixMs);
  EXPECT_DOUBLE_EQ(*a.session_distance_m, 5397);
}

std::string ParseError(std::string_view bytes) {
  try {
    ParseFit(bytes);
  } catch (const TrackParseError& e) {
    return e.what();
  }
  return "(parsed)";
}

// gpsbabel and route planners write a recorded track as a course (file type 6) with timed
// records and no session: it is read as the activity it records.
TEST(FitTest, ACourseWithTimedRecordsDecodesAsAnActivity) {
  FitActivitySpec course = RunSpec();
  course.file_type = 6;
  course.laps.clear();
  course.session.reset();
  FitActivity activity = ParseFit(WriteFitActivity(course));
  ExpectSameRecords(activity.track, course.samples);
  EXPECT_EQ(activity.track.start_unix_ms, (kFitEpochUnixS + kStart) * 1000);
  EXPECT_EQ(activity.track.sport, "other");
  EXPECT_FALSE(activity.session_distance_m.has_value());
}

TEST(FitTest, RefusesWhatIsNotAFitActivity) {
  EXPECT_EQ(ParseError(""), "not a FIT file");
  EXPECT_EQ(ParseError("<gpx version=\"1.1\"><trk/></gpx>"), "not a FIT file");
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
  EXPECT_EQ(ParseError(std::string_view(kPng, sizeof kPng - 1)), "not a FIT file");

  // A course (file type 6) without times is a planned route, and says so.
  FitActivitySpec route = RunSpec();
  route.file_type = 6;
  route.record_timestamps = false;
  route.laps.clear();
  route.session.reset();
  EXPECT_EQ(ParseError(WriteFitActivity(route)),
            "this FIT file is a course with no timestamps (a planned route), not a recorded "
            "activity");
  // Other kinds of FIT file with no timed records are named too.
  FitActivitySpec settings;
  settings.file_type = 2;
  EXPECT_EQ(ParseError(WriteFitActivity(settings)),
            "this FIT file holds device settings, not a recorded activity");
  FitActivitySpec planned = route;
  planned.file_type = 5;
  EXPECT_EQ(ParseError(WriteFitActivity(planned)),
            "this FIT file is a planned workout, not a recorded activity");

  FitActivitySpec nothing;
  EXPECT_EQ(ParseError(WriteFitActivity(nothing)), "the FIT file has no points");

  FitActivitySpec future = RunSpec();
  future.options.protocol = 0x30;
  EXPECT_EQ(ParseError(WriteFitActivity(future)),
            "the FIT file uses a protocol version this server does not know");
}

TEST(FitTest, RefusesBrokenStructure) {
  {
    FitWriter w;
    w.Raw(std::string(1, '\0'));  // a data message of local type 0, never defined
    EXPECT_EQ(ParseError(w.Finish()),
              "the FIT file is corrupt (a message comes before its "
              "definition)");
  }
  {
    FitWriter w;
    w.Define(0, 20, {{3, FitType::kUint8}});
    w.CompressedData(0, 5, {120});
    EXPECT_EQ(ParseError(w.Finish()),
              "the FIT file is corrupt (a compressed timestamp comes before any timestamp)");
  }
  {
    FitWriter w;
    w.Define(0, 20, {{253, FitType::kUint32}, {3, FitType::kUint8}});
    w.Data(0, {kStart, 120});
    w.Raw(std::string(1, '\0'));  // a record cut short: the data size stops here
    EXPECT_EQ(ParseError(w.Finish()),
              "the FIT file is corrupt (a message runs past the end of the data)");
  }
  {
    FitWriter w;
    w.Define(0, 20, {{253, FitType::kUint32}, {0, FitType::kSint32}, {1, FitType::kSint32}});
    w.Data(0, {kStart, 0x60000000, 0});  // 135 degrees of latitude
    EXPECT_EQ(ParseError(w.Finish()), "point 1 has an invalid latitude");
  }
  {
    FitWriter w;
    w.Define(0, 20, {{253, FitType::kUint32}});
    w.Data(0, {kStart + 10});
    w.Data(0, {kStart + 5});
    EXPECT_EQ(ParseError(w.Finish()), "times go backwards at point 2");
  }
}

TEST(FitTest, RefusesAFlippedByteByItsChecksum) {
  std::string file = WriteFitActivity(RunSpec());
  file[file.size() / 2] ^= 0x10;
  EXPECT_EQ(ParseError(file), "the FIT file is corrupt (checksum mismatch)");
  std::string header = WriteFitActivity(RunSpec());
  header[2] ^= 0x01;  // the profile version, covered by the header CRC
  EXPECT_EQ(ParseError(header), "the FIT file is corrupt (header checksum mismatch)");
}

TEST(FitTest, EveryTruncationIsRefused) {
  FitActivitySpec spec = RunSpec();
  spec.samples.resize(120);
  std::string file = WriteFitActivity(spec);
  for (std::size_t n = 0; n < file.size(); ++n) {
    std::string cut = file.substr(0, n);
    EXPECT_THROW(ParseFit(cut), TrackParseError) << n;
  }
}

// Rewrites the sizes and CRCs of a mangled file so that the decoder's structural checks, not
// its checksum, meet the damage.
void Reseal(std::string& file) {
  if (file.size() < 16) return;
  std::size_t data_size = file.size() - 14 - 2;
  for (int i = 0; i < 4; ++i) file[4 + i] = static_cast<char>((data_size >> (8 * i)) & 0xFF);
  std::uint16_t header_crc = FitWriter::Crc(std::string_view(file).substr(0, 12));
  file[12] = static_cast<char>(header_crc & 0xFF);
  file[13] = static_cast<char>(header_crc >> 8);
  std::uint16_t crc = FitWriter::Crc(std::string_view(file).substr(0, file.size() - 2));
  file[file.size() - 2] = static_cast<char>(crc & 0xFF);
  file[file.size() - 1] = static_cast<char>(crc >> 8);
}

TEST(FitTest, FuzzedFilesDecodeOrThrowNeverCrash) {
  FitActivitySpec spec = RunSpec();
  spec.samples.resize(60);
  spec.compressed_timestamps = true;
  spec.developer_field = true;
  spec.timer_events = {{kStart + 20, 4}, {kStart + 25, 0}};
  const std::string original = WriteFitActivity(spec);
  std::mt19937 rng(20240501);  // the raw engine output is fixed by the standard
  int decoded = 0, refused = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string file = original;
    const std::size_t data_end = file.size() - 2;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) {
      std::size_t at = 14 + rng() % (data_end - 14);
      if (rng() % 2) {
        file[at] = static_cast<char>(file[at] ^ (1 << (rng() % 8)));
      } else {
        file[at] = static_cast<char>(rng() & 0xFF);
      }
    }
    if (round % 3 == 0) {  // and cut the data short somewhere
      std::size_t keep = 14 + rng() % (data_end - 14);
      file = file.substr(0, keep) + std::string(2, '\0');
    }
    if (round % 2 == 0) Reseal(file);  // else the CRC catches it
    try {
      ParseFit(file);
      ++decoded;
    } catch (const TrackParseError&) {
      ++refused;
    }
  }
  // Both outcomes happen: the fuzzing reaches past the checksum into the decoder.
  EXPECT_GT(decoded, 50);
  EXPECT_GT(refused, 50);
}

}  // namespace
}  // namespace vigor::core
