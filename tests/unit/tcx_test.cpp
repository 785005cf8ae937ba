#include "core/tcx.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vigor::core {
namespace {

// What Garmin Connect exports for a run, trimmed to two laps of a few points.
constexpr std::string_view kRunTcx = R"(<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase
  xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
  <Activities>
    <Activity Sport="Running">
      <Id>2024-05-01T07:30:00.000Z</Id>
      <Lap StartTime="2024-05-01T07:30:00.000Z">
        <TotalTimeSeconds>10.0</TotalTimeSeconds>
        <DistanceMeters>30.0</DistanceMeters>
        <Track>
          <Trackpoint>
            <Time>2024-05-01T07:30:00.000Z</Time>
            <Position><LatitudeDegrees>47.37</LatitudeDegrees><LongitudeDegrees>8.54</LongitudeDegrees></Position>
            <AltitudeMeters>408.2</AltitudeMeters>
            <DistanceMeters>0.0</DistanceMeters>
            <HeartRateBpm><Value>97</Value></HeartRateBpm>
            <Extensions><ns3:TPX><ns3:Speed>3.0</ns3:Speed><ns3:RunCadence>82</ns3:RunCadence></ns3:TPX></Extensions>
          </Trackpoint>
          <Trackpoint>
            <Time>2024-05-01T07:30:10.000Z</Time>
            <Position><LatitudeDegrees>47.37027</LatitudeDegrees><LongitudeDegrees>8.54</LongitudeDegrees></Position>
            <AltitudeMeters>409</AltitudeMeters>
            <DistanceMeters>30.0</DistanceMeters>
            <HeartRateBpm><Value>120</Value></HeartRateBpm>
          </Trackpoint>
        </Track>
      </Lap>
      <Lap StartTime="2024-05-01T07:30:10.000Z">
        <Track>
          <Trackpoint>
            <Time>2024-05-01T09:30:20+02:00</Time>
            <DistanceMeters>60.5</DistanceMeters>
            <HeartRateBpm><Value>130</Value></HeartRateBpm>
          </Trackpoint>
        </Track>
      </Lap>
    </Activity>
    <Activity Sport="Biking"><Id>2024-05-02T07:30:00Z</Id></Activity>
  </Activities>
</TrainingCenterDatabase>)";

TEST(TcxTest, ReadsTheFirstActivitysTrackpoints) {
  Track t = ParseTcx(kRunTcx);
  EXPECT_EQ(t.sport, "run");
  EXPECT_EQ(t.start_unix_ms, 1'714'548'600'000);
  ASSERT_EQ(t.points.size(), 3u);
  const TrackPoint& a = t.points[0];
  EXPECT_DOUBLE_EQ(*a.lat, 47.37);
  EXPECT_DOUBLE_EQ(*a.lon, 8.54);
  EXPECT_DOUBLE_EQ(*a.elevation_m, 408.2);
  EXPECT_DOUBLE_EQ(*a.distance_m, 0);
  EXPECT_EQ(a.heart_rate, 97);
  EXPECT_EQ(a.cadence, 82);  // RunCadence, as there is no Cadence
  EXPECT_DOUBLE_EQ(t.points[1].time_s, 10);
  const TrackPoint& c = t.points[2];  // second lap, no position (GPS lost)
  EXPECT_DOUBLE_EQ(c.time_s, 20);
  EXPECT_FALSE(c.lat);
  EXPECT_DOUBLE_EQ(*c.distance_m, 60.5);
  EXPECT_EQ(c.heart_rate, 130);
}

// A trainer ride: no positions, the trainer's distance, cadence and power.
std::string IndoorRide() {
  std::string tcx = R"(<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Biking"><Id>2024-01-05T18:00:00Z</Id><Lap><Track>)";
  for (int s = 0; s <= 1200; ++s) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<Trackpoint><Time>2024-01-05T18:%02d:%02dZ</Time>"
                  "<DistanceMeters>%.1f</DistanceMeters><Cadence>90</Cadence>"
                  "<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/"
                  "ActivityExtension/v2\"><Watts>%d</Watts></TPX></Extensions></Trackpoint>",
                  s / 60, s % 60, 8.5 * s, s < 600 ? 200 : 250);
    tcx += buf;
  }
  tcx += "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
  return tcx;
}

TEST(TcxTest, SumsTheCaloriesOfItsLaps) {
  EXPECT_FALSE(ParseTcx(kRunTcx).calories_kcal);  // no <Calories> in it
  Track t = ParseTcx(R"(<TrainingCenterDatabase
  xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>
  <Activity Sport="Running"><Id>2024-05-01T07:30:00Z</Id>
  <Lap StartTime="2024-05-01T07:30:00Z"><Calories>120</Calories><Track><Trackpoint>
    <Time>2024-05-01T07:30:00Z</Time></Trackpoint></Track></Lap>
  <Lap StartTime="2024-05-01T07:40:00Z"><Calories> 95 </Calories><Track><Trackpoint>
    <Time>2024-05-01T07:40:00Z</Time></Trackpoint></Track></Lap>
  </Activity></Activities></TrainingCenterDatabase>)");
  ASSERT_TRUE(t.calories_kcal);
  EXPECT_DOUBLE_EQ(*t.calories_kcal, 215);  // 120 + 95
}

TEST(TcxTest, IndoorRideTakesDistanceFromTheTrainer) {
  Track t = ParseTcx(IndoorRide());
  EXPECT_EQ(t.sport, "ride");
  EXPECT_FALSE(t.has_positions());
  ASSERT_EQ(t.points.size(), 1201u);
  EXPECT_EQ(t.points[0].power_w, 200);
  EXPECT_EQ(t.points[0].cadence, 90);
  TrackStats s = ComputeStats(t);
  EXPECT_DOUBLE_EQ(s.distance_m, 10'200);  // 1200 s at 8.5 m/s
  EXPECT_DOUBLE_EQ(s.duration_s, 1200);
  EXPECT_DOUBLE_EQ(s.moving_time_s, 1200);
  EXPECT_DOUBLE_EQ(*s.avg_cadence, 90);
  // 599 s at 200 W, the step interval at 225 W, 600 s at 250 W.
  EXPECT_NEAR(*s.avg_power_w, (599 * 200 + 225 + 600 * 250) / 1200.0, 1e-9);
  EXPECT_EQ(s.splits.size(), 11u);
}

std::string ParseError(std::string_view input) {
  try {
    ParseTcx(input);
  } catch (const TrackParseError& e) {
    return e.what();
  }
  return "(parsed)";
}

std::string TcxWithPoints(const std::string& points) {
  return "<TrainingCenterDatabase><Activities><Activity Sport=\"Other\"><Lap><Track>" + points +
         "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
}

TEST(TcxTest, RefusesBadPointsWithTheirNumber) {
  const std::string ok = "<Trackpoint><Time>2024-01-01T00:00:00Z</Time></Trackpoint>";
  EXPECT_EQ(ParseError(TcxWithPoints(
                ok + "<Trackpoint><Time>2024-01-01T00:00:01Z</Time><Position><LatitudeDegrees>"
                     "-90.01</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position>"
                     "</Trackpoint>")),
            "point 2 has an invalid latitude");
  EXPECT_EQ(ParseError(TcxWithPoints(
                "<Trackpoint><Time>2024-01-01T00:00:01Z</Time><Position><LatitudeDegrees>1"
                "</LatitudeDegrees></Position></Trackpoint>")),
            "point 1 has an invalid longitude");
  EXPECT_EQ(ParseError(TcxWithPoints(ok + ok +
                                     "<Trackpoint><HeartRateBpm><Value>1</Value>"
                                     "</HeartRateBpm></Trackpoint>")),
            "point 3 has no time");
  EXPECT_EQ(ParseError(
                TcxWithPoints(ok + "<Trackpoint><Time>2024-01-01T00:00:00Z</Time><DistanceMeters>-4"
                                   "</DistanceMeters></Trackpoint>")),
            "point 2 has an invalid distance");
  EXPECT_EQ(
      ParseError(TcxWithPoints("<Trackpoint><Time>2024-01-01T00:00:05Z</Time></Trackpoint>" + ok)),
      "times go backwards at point 2");
}

TEST(TcxTest, RefusesWhatIsNotATcxActivity) {
  EXPECT_EQ(ParseError("<gpx version=\"1.1\"><trk/></gpx>"), "not a TCX file");
  EXPECT_EQ(ParseError("<TrainingCenterDatabase><Courses/></TrainingCenterDatabase>"),
            "the TCX file has no activity");
  EXPECT_EQ(ParseError(TcxWithPoints("")), "the TCX file has no track points");
  EXPECT_EQ(ParseError("\x89PNG\r\n\x1a\n").rfind("not a TCX file", 0), 0u);
  EXPECT_EQ(ParseError("<!DOCTYPE t [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" +
                       TcxWithPoints("")),
            "not a TCX file (it has a DOCTYPE)");
}

}  // namespace
}  // namespace vigor::core
