// Records of imports through the real application (in process): a Strong CSV import's records
// and its undo, best efforts and records of a GPX import, and heart-rate zones of its track.
// The GPX is built here with distances and times worked out by hand.
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/csv.hpp"
#include "platform/jobs/job_queue.hpp"
#include "records_fixture.hpp"

namespace vigor {
namespace {

using namespace records_testing;  // NOLINT(google-build-using-namespace): the shared fixture

class RecordsImportTest : public RecordsTestBase {
 protected:
  // Uploads a file, runs its job; returns the import.
  boost::json::object RunImport(const std::string& query, const std::string& type,
                                const std::string& body) {
    auto reply =
        h_.Call(ana_, Method::kPost, "/api/v1/imports?" + query, body, testing::ContentType(type));
    EXPECT_EQ(reply.status, 202) << reply.body;
    h_.app().jobs->DrainForTests();
    std::string id(reply.Json()["id"].as_string());
    return h_.Get(ana_, "/api/v1/imports/" + id).Json();
  }
};

std::string StrongCsv(const std::vector<std::vector<std::string>>& rows) {
  std::string out =
      core::CsvLine({"Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                     "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE"});
  for (const auto& r : rows) {
    out += core::CsvLine(
        {r[0], "Legs", "1h", "Squat (Barbell)", r[1], r[2], r[3], "0", "0", "", "", ""});
  }
  return out;
}

TEST_F(RecordsImportTest, AStrongImportsRecordsGoWithItsUndo) {
  // Before the import: 90 x 5, Epley 90 * (1 + 5/30) = 105.
  auto own = Log(ana_, LiftWorkout("2023-12-01T07:00:00Z", {{90, 5}}));
  // Two workouts: a warm-up and 100 x 5 (Epley 116.667), then 110 x 3 (Epley 121).
  auto imported = RunImport("format=strong_csv", "text/csv",
                            StrongCsv({{"2024-01-01 18:00:00", "W", "60", "5"},
                                       {"2024-01-01 18:00:00", "1", "100", "5"},
                                       {"2024-01-08 18:00:00", "1", "110", "3"}}));
  ASSERT_EQ(imported["status"], "succeeded") << boost::json::serialize(imported);
  auto records = Items(ana_, "/api/v1/records?exercise_id=barbell-back-squat");
  auto e1rm = Find(records, "one_rep_max");
  EXPECT_NEAR(Num(e1rm["value"]), 121, 1e-9);
  EXPECT_NEAR(Num(e1rm["previous_value"]), 116.6667, 1e-3);
  EXPECT_EQ(e1rm["achieved_at"], "2024-01-08T18:00:00.000Z");
  EXPECT_EQ(Num(Find(records, "rep_max", 5)["value"]), 100);
  // 90, 100 (5 reps) and 121, 116.667, 105 (1RM) and so on: the history has all of them.
  EXPECT_EQ(Items(ana_, "/api/v1/records/history?exercise_id=barbell-back-squat").size(),
            4u + 4u + 2u);  // own: 4 firsts; 01-01: 1RM, 5RM, set and session volume; 01-08: 2

  // Undoing the import removes its records: the workout before it holds them again.
  std::string import_id(imported["id"].as_string());
  ASSERT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/imports/" + import_id).status, 204);
  records = Items(ana_, "/api/v1/records?exercise_id=barbell-back-squat");
  ASSERT_EQ(records.size(), 4u);
  e1rm = Find(records, "one_rep_max");
  EXPECT_NEAR(Num(e1rm["value"]), 105, 1e-9);
  EXPECT_EQ(e1rm["workout_id"], own.c_str());
  EXPECT_EQ(e1rm["current"], true);
  EXPECT_EQ(Items(ana_, "/api/v1/records/history").size(), 4u);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/exercises/barbell-back-squat/progress")
                .Json()["points"]
                .as_array()
                .size(),
            1u);
}

// Straight north from the equator along the Greenwich meridian, one point a second: 1000 m at
// 4 m/s (250 s, heart rate 150), then 1000 m at 5 m/s (200 s, heart rate 170). Along a meridian
// the geodesic is the meridian arc; so close to the equator its radius of curvature is
// M = a (1 - e^2) = 6,378,137 * (1 - 0.00669438) = 6,335,439.3 m (it grows by a part in 10^9
// over these 2 km), so a step of s metres is s / M radians of latitude.
std::string NorthboundGpx() {
  constexpr double kMeridianRadius = 6'378'137.0 * (1 - 0.00669437999014);
  std::string out =
      "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\" "
      "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n<trk><type>"
      "running</type><trkseg>\n";
  double metres = 0;
  char line[400];
  for (int t = 0; t <= 450; ++t) {
    const double lat = metres / kMeridianRadius * 180 / std::numbers::pi;
    const int hr = t < 250 ? 150 : 170;
    std::snprintf(line, sizeof line,
                  "<trkpt lat=\"%.10f\" lon=\"0\"><time>2024-05-01T07:%02d:%02dZ</time>"
                  "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr>"
                  "</gpxtpx:TrackPointExtension></extensions></trkpt>\n",
                  lat, t / 60, t % 60, hr);
    out += line;
    metres += t < 250 ? 4 : 5;
  }
  return out + "</trkseg></trk></gpx>\n";
}

TEST_F(RecordsImportTest, AGpxImportGetsBestEffortsAndZones) {
  auto imported = RunImport("format=gpx", "application/gpx+xml", NorthboundGpx());
  ASSERT_EQ(imported["status"], "succeeded") << boost::json::serialize(imported);
  std::string workout_id(imported["result"].as_object()["workout_id"].as_string());

  auto records = Items(ana_, "/api/v1/records?sport=run");
  // 400 m: 400 / 5 = 80 s. 1 km: the fast kilometre, 200 s. A mile (1609.344 m): the fast
  // kilometre and the last 609.344 m of the slow one, 200 + 609.344 / 4 = 352.336 s. 5 km is
  // longer than the run. Longest distance 2000 m, longest duration 450 s; no elevation.
  ASSERT_EQ(records.size(), 5u) << boost::json::serialize(records);
  EXPECT_EQ(records[0].at("distance_m").to_number<double>(), 400);  // by distance
  EXPECT_NEAR(Num(Find(records, "best_effort", std::nullopt, 400)["value"]), 80, 0.01);
  EXPECT_NEAR(Num(Find(records, "best_effort", std::nullopt, 1000)["value"]), 200, 0.01);
  auto mile = Find(records, "best_effort", std::nullopt, 1609.344);
  EXPECT_NEAR(Num(mile["value"]), 352.336, 0.01);
  EXPECT_EQ(mile["unit"], "s");
  EXPECT_EQ(mile["sport"], "run");
  EXPECT_EQ(mile["exercise_id"], nullptr);
  EXPECT_EQ(mile["workout_id"], workout_id.c_str());
  auto distance = Find(records, "longest_distance");
  EXPECT_NEAR(Num(distance["value"]), 2000, 0.5);
  EXPECT_EQ(distance["unit"], "m");
  EXPECT_NEAR(Num(Find(records, "longest_duration")["value"]), 450, 0.01);
  EXPECT_EQ(Items(ana_, "/api/v1/workouts/" + workout_id + "/records").size(), 5u);
  EXPECT_TRUE(Items(ana_, "/api/v1/records?sport=ride").empty());

  // Zones of a maximum of 200: 100/120/140/160/180. 150 bpm for 250 s (zone 3), 170 for 200 s
  // (zone 4): each second goes to its first point's heart rate.
  ASSERT_EQ(h_.Call(ana_, Method::kPatch, "/api/v1/me", R"({"preferences":{"max_heart_rate":200}})")
                .status,
            200);
  auto reply = h_.Get(ana_, "/api/v1/workouts/" + workout_id + "/zones");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto zones = reply.Json();
  EXPECT_EQ(zones["max_heart_rate"], 200);
  EXPECT_EQ(zones["source"], "profile");
  EXPECT_EQ(zones["method"], "max");
  EXPECT_EQ(zones["resting_heart_rate"], nullptr);
  auto z = zones["zones"].as_array();
  EXPECT_EQ(z[2].at("min_bpm"), 140);
  EXPECT_EQ(z[2].at("max_bpm"), 160);
  EXPECT_NEAR(Num(z[2].at("seconds")), 250, 1e-9);
  EXPECT_NEAR(Num(z[3].at("seconds")), 200, 1e-9);
  EXPECT_NEAR(Num(z[0].at("seconds")) + Num(z[1].at("seconds")) + Num(z[4].at("seconds")), 0, 1e-9);
  EXPECT_NEAR(Num(zones["total_s"]), 450, 1e-9);

  // A strength workout has no track: no zones.
  auto lift = Log(ana_, LiftWorkout("2026-03-02T07:00:00Z", {{100, 5}}));
  EXPECT_EQ(h_.Get(ana_, "/api/v1/workouts/" + lift + "/zones").status, 404);

  // Deleting the run removes its records.
  ASSERT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/workouts/" + workout_id).status, 204);
  EXPECT_TRUE(Items(ana_, "/api/v1/records?sport=run").empty());
}

}  // namespace
}  // namespace vigor
