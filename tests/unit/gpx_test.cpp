#include "core/gpx.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace vigor::core {
namespace {

// What a Garmin watch exports, trimmed: the extension under the gpxtpx prefix.
constexpr std::string_view kGarminGpx = R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx creator="Garmin Connect" version="1.1"
  xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <metadata><time>2024-05-01T07:30:00.000Z</time></metadata>
  <trk>
    <name>Morning Run</name>
    <type>running</type>
    <trkseg>
      <trkpt lat="47.3700000" lon="8.5400000">
        <ele>408.2</ele>
        <time>2024-05-01T07:30:00.000Z</time>
        <extensions><gpxtpx:TrackPointExtension>
          <gpxtpx:atemp>21.0</gpxtpx:atemp><gpxtpx:hr>97</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad>
        </gpxtpx:TrackPointExtension></extensions>
      </trkpt>
      <trkpt lat="47.3701" lon="8.5401">
        <ele> 409.0 </ele>
        <time>2024-05-01T07:30:05.500Z</time>
        <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>101</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
      </trkpt>
    </trkseg>
    <trkseg>
      <trkpt lat="-47.3702" lon="-8.5402"><time>2024-05-01T09:30:10+02:00</time></trkpt>
    </trkseg>
  </trk>
</gpx>)";

TEST(GpxTest, ReadsGarminPointsAndExtensions) {
  Track t = ParseGpx(kGarminGpx);
  EXPECT_EQ(t.name, "Morning Run");  // the track's <name>, as there is no <metadata><name>
  EXPECT_EQ(t.sport, "run");
  EXPECT_EQ(t.start_unix_ms, 1'714'548'600'000);
  ASSERT_EQ(t.points.size(), 3u);
  const TrackPoint& a = t.points[0];
  EXPECT_DOUBLE_EQ(*a.lat, 47.37);
  EXPECT_DOUBLE_EQ(*a.lon, 8.54);
  EXPECT_DOUBLE_EQ(*a.elevation_m, 408.2);
  EXPECT_DOUBLE_EQ(a.time_s, 0);
  EXPECT_EQ(a.heart_rate, 97);
  EXPECT_EQ(a.cadence, 80);
  EXPECT_FALSE(a.power_w);
  const TrackPoint& b = t.points[1];
  EXPECT_DOUBLE_EQ(*b.elevation_m, 409);
  EXPECT_DOUBLE_EQ(b.time_s, 5.5);
  EXPECT_EQ(b.heart_rate, 101);
  EXPECT_FALSE(b.cadence);
  const TrackPoint& c = t.points[2];  // the second segment, with a +02:00 offset
  EXPECT_DOUBLE_EQ(*c.lat, -47.3702);
  EXPECT_DOUBLE_EQ(*c.lon, -8.5402);
  EXPECT_DOUBLE_EQ(c.time_s, 10);
  EXPECT_FALSE(c.elevation_m);
  EXPECT_FALSE(c.heart_rate);
}

TEST(GpxTest, TakesTheFilesOwnNameFromMetadataFirstTrimmed) {
  Track named = ParseGpx(R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>  Lakeside loop </name></metadata>
  <trk><name>Track 1</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>)");
  EXPECT_EQ(named.name, "Lakeside loop");
  Track unnamed = ParseGpx(R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>)");
  EXPECT_EQ(unnamed.name, "");
  EXPECT_FALSE(unnamed.calories_kcal);
}

TEST(GpxTest, MatchesExtensionsByLocalNameWhateverThePrefix) {
  // Garmin Connect's newer export uses ns3:, Strava puts <power> straight in <extensions>.
  Track t = ParseGpx(R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"
      xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
    <trk><type>1</type><trkseg>
      <trkpt lat="1" lon="2"><extensions><power>250</power><ns3:TrackPointExtension>
        <ns3:hr>150.0</ns3:hr><ns3:cad>90</ns3:cad></ns3:TrackPointExtension></extensions></trkpt>
      <trkpt lat="1" lon="2"><extensions><hr>0</hr><cad>abc</cad></extensions></trkpt>
    </trkseg></trk></gpx>)");
  EXPECT_EQ(t.sport, "ride");
  ASSERT_EQ(t.points.size(), 2u);
  EXPECT_EQ(t.points[0].heart_rate, 150);
  EXPECT_EQ(t.points[0].cadence, 90);
  EXPECT_EQ(t.points[0].power_w, 250);
  // Vendors' sensor values are read leniently: nonsense is dropped, not fatal.
  EXPECT_FALSE(t.points[1].heart_rate);
  EXPECT_FALSE(t.points[1].cadence);
  // No times at all: every point at 0 and no start.
  EXPECT_FALSE(t.start_unix_ms);
  EXPECT_EQ(t.points[1].time_s, 0);
}

TEST(GpxTest, ReadsGpx10AndSentinelElevations) {
  Track t = ParseGpx(R"(<?xml version="1.0"?>
    <gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><trk><trkseg>
      <trkpt lat="10" lon="20"><ele>-9999</ele><time>2020-01-01T00:00:00Z</time></trkpt>
      <trkpt lat="10" lon="20"><ele></ele><time>2020-01-01T00:00:01Z</time></trkpt>
    </trkseg></trk></gpx>)");
  ASSERT_EQ(t.points.size(), 2u);
  EXPECT_EQ(t.sport, "other");
  EXPECT_FALSE(t.points[0].elevation_m);  // a device's "no altitude" marker
  EXPECT_FALSE(t.points[1].elevation_m);
}

std::string GpxWithPoints(const std::string& points) {
  return "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>" + points +
         "</trkseg></trk></gpx>";
}

std::string ParseError(std::string_view input) {
  try {
    ParseGpx(input);
  } catch (const TrackParseError& e) {
    return e.what();
  }
  return "(parsed)";
}

TEST(GpxTest, InvalidCoordinatesAreRefusedWithThePointNumber) {
  const std::string ok = R"(<trkpt lat="45" lon="7"/>)";
  EXPECT_EQ(ParseError(GpxWithPoints(ok + ok + R"(<trkpt lat="91" lon="7"/>)")),
            "point 3 has an invalid latitude");
  EXPECT_EQ(ParseError(GpxWithPoints(ok + R"(<trkpt lat="45" lon="-180.5"/>)")),
            "point 2 has an invalid longitude");
  EXPECT_EQ(ParseError(GpxWithPoints(R"(<trkpt lat="NaN" lon="7"/>)")),
            "point 1 has an invalid latitude");
  EXPECT_EQ(ParseError(GpxWithPoints(R"(<trkpt lat="4 5" lon="7"/>)")),
            "point 1 has an invalid latitude");
  EXPECT_EQ(ParseError(GpxWithPoints(R"(<trkpt lon="7"/>)")), "point 1 has an invalid latitude");
  EXPECT_EQ(ParseError(GpxWithPoints(R"(<trkpt lat="45" lon="inf"/>)")),
            "point 1 has an invalid longitude");
  EXPECT_EQ(ParseError(GpxWithPoints(ok + R"(<trkpt lat="45" lon="7"><ele>high</ele></trkpt>)")),
            "point 2 has an invalid elevation");
  EXPECT_EQ(ParseError(GpxWithPoints(R"(<trkpt lat="45" lon="7"><time>noon</time></trkpt>)")),
            "point 1 has an invalid time");
  // The edges themselves are fine.
  EXPECT_EQ(ParseGpx(GpxWithPoints(R"(<trkpt lat="-90" lon="180"/>)")).points.size(), 1u);
}

TEST(GpxTest, TimesGoingBackwardsAreRefused) {
  EXPECT_EQ(ParseError(GpxWithPoints(
                R"(<trkpt lat="1" lon="1"><time>2024-05-01T07:30:00Z</time></trkpt>
                   <trkpt lat="1" lon="1"><time>2024-05-01T07:30:00Z</time></trkpt>
                   <trkpt lat="1" lon="1"><time>2024-05-01T07:29:59Z</time></trkpt>)")),
            "times go backwards at point 3");
}

TEST(GpxTest, RefusesWhatIsNotAGpxTrack) {
  EXPECT_EQ(ParseError(""), "not a GPX file (the XML is broken at byte 0)");
  EXPECT_EQ(ParseError("<html><body>hi</body></html>"), "not a GPX file");
  EXPECT_EQ(ParseError(GpxWithPoints("")), "the GPX file has no track points");
  // A route or waypoints only: nothing was recorded.
  EXPECT_EQ(ParseError(R"(<gpx><rte><rtept lat="1" lon="2"/></rte><wpt lat="1" lon="2"/></gpx>)"),
            "the GPX file has no track points");
  // A truncated upload.
  std::string cut(kGarminGpx.substr(0, kGarminGpx.size() / 2));
  EXPECT_EQ(ParseError(cut).rfind("not a GPX file (the XML is broken at byte", 0), 0u);
}

TEST(GpxTest, RefusesAPng) {
  // The PNG signature and the start of an IHDR chunk, then binary noise.
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
  std::string png(kPng, sizeof kPng - 1);
  for (int i = 0; i < 200; ++i) png += static_cast<char>((i * 73) & 0xFF);
  EXPECT_EQ(ParseError(png).rfind("not a GPX file", 0), 0u);
}

TEST(GpxTest, RefusesADoctypeBeforeExpandingAnything) {
  // "Billion laughs": ten levels of ten references, 10^9 "lol"s if expanded.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n <!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) bomb += "&lol" + std::to_string(i - 1) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n" + GpxWithPoints(R"(<trkpt lat="1" lon="2"><name>&lol9;</name></trkpt>)");
  EXPECT_EQ(ParseError(bomb), "not a GPX file (it has a DOCTYPE)");
  // An external entity (XXE) the same way.
  EXPECT_EQ(ParseError("<!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                       GpxWithPoints(R"(<trkpt lat="1" lon="2"><name>&x;</name></trkpt>)")),
            "not a GPX file (it has a DOCTYPE)");
}

TEST(GpxTest, RefusesADoctypeInUtf16) {
  // The byte search cannot see "<!DOCTYPE" in UTF-16; the parsed tree does.
  std::string utf8 = "<!DOCTYPE gpx>" + GpxWithPoints(R"(<trkpt lat="1" lon="2"/>)");
  std::string utf16 = "\xFF\xFE";  // little-endian byte order mark
  for (char c : utf8) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_EQ(ParseError(utf16), "not a GPX file (it has a DOCTYPE)");
}

Track SampleTrack() {
  Track t;
  t.sport = "ride";
  t.start_unix_ms = 1'714'548'600'123;
  for (int i = 0; i < 50; ++i) {
    TrackPoint p{
        .lat = 47.123456789 + i * 1e-4, .lon = -122.987654321 + i * 7e-5, .time_s = i * 1.5};
    if (i % 5 != 0) p.elevation_m = 400 + i * 0.3;
    if (i % 7 != 0) p.heart_rate = 120 + i;
    if (i % 3 == 0) p.cadence = 80 + i % 10;
    t.points.push_back(p);
  }
  // An indoor sample without a position: GPX has no place for it.
  t.points.push_back({.time_s = 80, .heart_rate = 150, .distance_m = 1234});
  return t;
}

TEST(GpxTest, WriteThenParseKeepsPositionsElevationsTimesAndHeartRates) {
  Track original = SampleTrack();
  std::string gpx = WriteGpx(original, "Evening <Ride> & \"friends\"\x01");
  EXPECT_NE(gpx.find("<name>Evening &lt;Ride&gt; &amp; &quot;friends&quot;</name>"),
            std::string::npos);
  Track back = ParseGpx(gpx);
  EXPECT_EQ(back.sport, "ride");
  EXPECT_EQ(back.start_unix_ms, original.start_unix_ms);
  ASSERT_EQ(back.points.size(), original.points.size() - 1);
  for (std::size_t i = 0; i < back.points.size(); ++i) {
    const TrackPoint& a = original.points[i];
    const TrackPoint& b = back.points[i];
    EXPECT_EQ(b.lat, a.lat) << i;  // exactly: numbers are written in shortest round-trip form
    EXPECT_EQ(b.lon, a.lon) << i;
    EXPECT_EQ(b.elevation_m, a.elevation_m) << i;
    EXPECT_NEAR(b.time_s, a.time_s, 1e-3) << i;
    EXPECT_EQ(b.heart_rate, a.heart_rate) << i;
    EXPECT_EQ(b.cadence, a.cadence) << i;
  }
}

TEST(GpxTest, WriteWithoutTimesOrSport) {
  Track t;
  t.points.push_back({.lat = 1e-7, .lon = -0.00001, .time_s = 3});
  std::string gpx = WriteGpx(t, "");
  EXPECT_EQ(gpx.find("<time>"), std::string::npos);
  EXPECT_EQ(gpx.find("<type>"), std::string::npos);
  EXPECT_EQ(gpx.find("e-"), std::string::npos);  // no exponent: xsd:decimal has none
  Track back = ParseGpx(gpx);
  EXPECT_EQ(back.sport, "other");
  EXPECT_EQ(back.points[0].lat, 1e-7);
  EXPECT_EQ(back.points[0].lon, -0.00001);
}

TEST(GpxTest, AnHourAtOneHertzParsesAndComputes) {
  // The size a benchmark will time: 3600 points with elevation, time and heart rate.
  Track t;
  t.start_unix_ms = 1'700'000'000'000;
  for (int i = 0; i < 3600; ++i) {
    t.points.push_back({.lat = 46.0 + i * 3e-5,
                        .lon = 7.0,
                        .elevation_m = 500 + 50 * std::sin(i / 300.0),
                        .time_s = static_cast<double>(i),
                        .heart_rate = 140 + i % 20,
                        .cadence = 85});
  }
  std::string gpx = WriteGpx(t, "hour");
  Track back = ParseGpx(gpx);
  ASSERT_EQ(back.points.size(), 3600u);
  TrackStats s = ComputeStats(back);
  EXPECT_NEAR(s.distance_m, 3599 * 3.336, 15);  // 3e-5 degrees of latitude is about 3.34 m
  EXPECT_DOUBLE_EQ(s.duration_s, 3599);
  EXPECT_EQ(s.splits.size(), 13u);
}

}  // namespace
}  // namespace vigor::core
