// Others' view of a user's workouts and body entries (issue 13, lane visibility): the privacy
// matrix rows of the five read paths, the details an owner hides, and the privacy zones that cut
// a track before anyone but its owner sees it, in the track, the GPX and the detail.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <numbers>
#include <regex>

#include "platform/crypto/secret_box.hpp"
#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"
#include "support/privacy_matrix.hpp"

namespace vigor {
namespace {

using core::privacy::Visibility;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using testing::PrivacyWorld;
using testing::ViewerKind;

constexpr Statement kSetVisibility{"test.shared.set_visibility",
                                   "UPDATE workouts SET visibility = $1 WHERE id = $2"};
constexpr Statement kInsertZone{
    "test.shared.insert_zone",
    "INSERT INTO privacy_zones (user_id, id, name, sealed_center, radius_m, created_at) "
    "VALUES ($1, $2, 'home', $3, $4, '2026-01-01T00:00:00Z')"};

platform::http::Headers IfMatch(std::string_view etag) {
  platform::http::Headers headers;
  headers.Add("If-Match", std::string(etag));
  return headers;
}

std::string Vis(Visibility v) { return std::string(core::privacy::VisibilityName(v)); }

// Metres north of a latitude, to degrees: near 52 degrees one degree of latitude is 111,267 m
// (WGS84 meridian radius of curvature there, 6,375,150 m, times pi / 180).
constexpr double kHomeLat = 52.0;
constexpr double kHomeLon = 13.0;
double North(double metres) { return kHomeLat + metres / 111'267.0; }

// Great-circle distance on a sphere of the mean radius: independent of the server's geodesic,
// within 0.5% of it, far inside the margins the routes below leave around the zone's edge.
double HaversineM(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kR = 6'371'008.8;
  constexpr double kRad = std::numbers::pi / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::sqrt(a));
}

// A run from the front door and back: metres north of home, one point every 10 s. With a zone
// of 200 m around home, the first four and the last two points are inside (0-150 m), the five
// between are outside (300-500 m): no point lies near the edge.
const std::vector<double> kRunMetres{0, 50, 100, 150, 300, 400, 500, 400, 300, 150, 50};
constexpr double kZoneRadius = 200;

std::string RunGpx() {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>Home loop</name><type>running</type>"
      "<trkseg>\n";
  for (std::size_t i = 0; i < kRunMetres.size(); ++i) {
    char point[200];
    std::snprintf(point, sizeof point,
                  "<trkpt lat=\"%.7f\" lon=\"%.7f\"><ele>40</ele><time>2026-03-01T07:%02zu:%02zuZ"
                  "</time></trkpt>\n",
                  North(kRunMetres[i]), kHomeLon, (i * 10) / 60, (i * 10) % 60);
    out += point;
  }
  return out + "</trkseg></trk></gpx>\n";
}

// Imports the run for `who`; returns the workout's id.
std::string ImportRun(AppHarness& h, Browser& who) {
  auto reply =
      h.Call(who, Method::kPost, "/api/v1/imports?format=gpx&name=run.gpx&allow_duplicate=true",
             RunGpx(), ContentType("application/gpx+xml"));
  EXPECT_EQ(reply.status, 202) << reply.body;
  h.app().jobs->DrainForTests();
  auto job = h.Get(who, "/api/v1/imports/" + std::string(reply.Json()["id"].as_string())).Json();
  EXPECT_EQ(job["status"], "succeeded") << boost::json::serialize(job);
  return std::string(job["result"].as_object()["workout_id"].as_string());
}

void SetWorkoutVisibility(AppHarness& h, const std::string& id, Visibility v) {
  h.app().database->Write([&](Session& s) { s.Execute(kSetVisibility, Vis(v), id); });
}

std::string StrengthWorkout(const std::string& visibility, const std::string& extra = "") {
  return R"({"title":"Legs","started_at":"2026-03-02T06:30:00Z","time_zone":"Europe/Berlin",)"
         R"("visibility":")" +
         visibility + R"(",)" + extra +
         R"("blocks":[{"exercise_id":"barbell-back-squat","sets":[{"reps":5,"weight_kg":100}]}]})";
}

std::string CreateWorkout(PrivacyWorld& w, Visibility v) {
  auto reply = w.harness().Post(w.owner(), "/api/v1/workouts", StrengthWorkout(Vis(v)));
  EXPECT_EQ(reply.status, 201) << reply.body;
  return std::string(reply.Json()["id"].as_string());
}

int StatusOf(PrivacyWorld& w, ViewerKind viewer, const std::string& path) {
  return w.harness().Get(w.Of(viewer), path).status;
}

bool Lists(const boost::json::object& page, const std::string& id) {
  for (const auto& item : page.at("items").as_array()) {
    if (item.as_object().at("id") == id.c_str()) return true;
  }
  return false;
}

const std::string kOwnerPath = std::string("/api/v1/users/") + PrivacyWorld::kOwnerName;

const testing::RegisterPrivacyReadPath kWorkoutsRow{
    {"user.workouts", CreateWorkout, [](PrivacyWorld& w, ViewerKind viewer, const std::string& id) {
       auto reply = w.harness().Get(w.Of(viewer), kOwnerPath + "/workouts?limit=100");
       if (reply.status == 404) return false;
       EXPECT_EQ(reply.status, 200) << reply.body;
       return reply.status == 200 && Lists(reply.Json(), id);
     }}};

const testing::RegisterPrivacyReadPath kWorkoutRow{
    {"user.workout", CreateWorkout, [](PrivacyWorld& w, ViewerKind viewer, const std::string& id) {
       int status = StatusOf(w, viewer, kOwnerPath + "/workouts/" + id);
       EXPECT_TRUE(status == 200 || status == 404) << status;
       return status == 200;
     }}};

std::string CreateRun(PrivacyWorld& w, Visibility v) {
  auto id = ImportRun(w.harness(), w.owner());
  SetWorkoutVisibility(w.harness(), id, v);
  return id;
}

const testing::RegisterPrivacyReadPath kTrackRow{
    {"user.workout.track", CreateRun,
     [](PrivacyWorld& w, ViewerKind viewer, const std::string& id) {
       int status = StatusOf(w, viewer, kOwnerPath + "/workouts/" + id + "/track");
       EXPECT_TRUE(status == 200 || status == 404) << status;
       return status == 200;
     }}};

const testing::RegisterPrivacyReadPath kGpxRow{
    {"user.workout.gpx", CreateRun, [](PrivacyWorld& w, ViewerKind viewer, const std::string& id) {
       int status = StatusOf(w, viewer, kOwnerPath + "/workouts/" + id + "/gpx");
       EXPECT_TRUE(status == 200 || status == 404) << status;
       return status == 200;
     }}};

const testing::RegisterPrivacyReadPath kMeasurementsRow{
    {"user.measurements",
     [](PrivacyWorld& w, Visibility v) {
       // A day per visibility: one entry per kind and day.
       std::string day = v == Visibility::kPrivate     ? "2026-01-01"
                         : v == Visibility::kFollowers ? "2026-01-02"
                                                       : "2026-01-03";
       auto reply = w.harness().Call(w.owner(), Method::kPut, "/api/v1/measurements",
                                     R"({"kind":"weight","day":")" + day +
                                         R"(","value":80,"visibility":")" + Vis(v) + R"("})");
       EXPECT_EQ(reply.status, 200) << reply.body;
       return std::string(reply.Json()["id"].as_string());
     },
     [](PrivacyWorld& w, ViewerKind viewer, const std::string& id) {
       auto reply = w.harness().Get(w.Of(viewer), kOwnerPath + "/measurements?limit=100");
       if (reply.status == 404) return false;
       EXPECT_EQ(reply.status, 200) << reply.body;
       return reply.status == 200 && Lists(reply.Json(), id);
     }}};

class SharedWorkoutsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ana_id_ = h_.CreateUser("ana");
    h_.CreateUser("ben");
    h_.SignIn(ana_, "ana");
    h_.SignIn(ben_, "ben");
  }
  void AddZone(const std::string& user_id, double lat, double lon, double radius) {
    char center[64];
    std::snprintf(center, sizeof center, "%.7f,%.7f", lat, lon);
    auto sealed = h_.app().secrets->Seal(center);
    h_.app().database->Write([&](Session& s) {
      s.Execute(kInsertZone, user_id, "zone-" + std::to_string(lat),
                platform::store::Blob{std::move(sealed)}, radius);
    });
  }

  AppHarness h_;
  Browser ana_, ben_, nobody_;
  std::string ana_id_;
};

// The acceptance of issue 13: a track that starts and ends inside a privacy zone shows no point
// within the zone to anyone but its owner: in the track, the GPX and the detail.
TEST_F(SharedWorkoutsTest, ATrackStartingAndEndingInAZoneShowsNoPointOfItToOthers) {
  AddZone(ana_id_, kHomeLat, kHomeLon, kZoneRadius);
  auto id = ImportRun(h_, ana_);
  // An import names no visibility: it gets the owner's default (followers without settings).
  EXPECT_EQ(h_.Get(ana_, "/api/v1/workouts/" + id).Json()["visibility"], "followers");
  EXPECT_EQ(h_.Get(ben_, "/api/v1/users/ana/workouts/" + id).status, 404);
  SetWorkoutVisibility(h_, id, Visibility::kPublic);
  const std::string base = "/api/v1/users/ana/workouts/" + id;

  // The owner sees every point, through her own track and through this path.
  auto own = h_.Get(ana_, "/api/v1/workouts/" + id + "/track").Json();
  EXPECT_EQ(own["points"].as_array().size(), kRunMetres.size());
  auto own_shared = h_.Get(ana_, base + "/track").Json();
  EXPECT_EQ(own_shared["points"].as_array().size(), kRunMetres.size());

  for (Browser* viewer : {&ben_, &nobody_}) {
    auto track = h_.Get(*viewer, base + "/track");
    ASSERT_EQ(track.status, 200) << track.body;
    auto points = track.Json()["points"].as_array();
    EXPECT_EQ(points.size(), 5u) << "300, 400, 500, 400 and 300 m from home";
    for (const auto& p : points) {
      double lat = p.as_object().at("lat").to_number<double>();
      double lon = p.as_object().at("lon").to_number<double>();
      EXPECT_GT(HaversineM(kHomeLat, kHomeLon, lat, lon), kZoneRadius) << lat << "," << lon;
      EXPECT_FALSE(p.as_object().contains("dist"));
    }

    auto gpx = h_.Get(*viewer, base + "/gpx");
    ASSERT_EQ(gpx.status, 200);
    std::regex trkpt("<trkpt lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\"");
    int count = 0;
    for (auto it = std::sregex_iterator(gpx.body.begin(), gpx.body.end(), trkpt);
         it != std::sregex_iterator(); ++it) {
      ++count;
      double lat = std::stod((*it)[1]), lon = std::stod((*it)[2]);
      EXPECT_GT(HaversineM(kHomeLat, kHomeLon, lat, lon), kZoneRadius) << lat << "," << lon;
    }
    EXPECT_EQ(count, 5);

    auto detail = h_.Get(*viewer, base);
    ASSERT_EQ(detail.status, 200);
    EXPECT_EQ(detail.Json()["has_map"], true);
    EXPECT_EQ(detail.body.find("\"lat\""), std::string::npos) << "no coordinates in the detail";
  }
}

TEST_F(SharedWorkoutsTest, HiddenDetailsAreLeftOutForOthersAndKeptForTheOwner) {
  auto created = h_.Post(ana_, "/api/v1/workouts",
                         StrengthWorkout("public", R"("hide":["weights","start_time"],)"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = std::string(created.Json()["id"].as_string());
  EXPECT_EQ(created.Json()["hide"], boost::json::parse(R"(["start_time","weights"])"));

  auto theirs = h_.Get(ben_, "/api/v1/users/ana/workouts/" + id).Json();
  EXPECT_EQ(theirs["started_at"], nullptr);
  EXPECT_EQ(theirs["date"], "2026-03-02");  // 07:30 in Berlin
  EXPECT_EQ(theirs["totals"].as_object()["volume_kg"], nullptr);
  auto set = theirs["blocks"].as_array()[0].as_object()["sets"].as_array()[0].as_object();
  EXPECT_EQ(set["weight_kg"], nullptr);
  EXPECT_EQ(set["reps"], 5);
  auto listed = h_.Get(ben_, "/api/v1/users/ana/workouts").Json()["items"].as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].as_object().at("started_at"), nullptr);
  EXPECT_EQ(listed[0].as_object().at("totals").as_object().at("volume_kg"), nullptr);

  auto mine = h_.Get(ana_, "/api/v1/users/ana/workouts/" + id).Json();
  EXPECT_EQ(mine["started_at"], "2026-03-02T06:30:00.000Z");
  EXPECT_EQ(mine["totals"].as_object()["volume_kg"].to_number<double>(), 500.0);  // 5 x 100 kg
}

TEST_F(SharedWorkoutsTest, AHiddenMapMeansNoTrackAndNoGpxForOthers) {
  auto id = ImportRun(h_, ana_);
  SetWorkoutVisibility(h_, id, Visibility::kPublic);
  auto workout = h_.Get(ana_, "/api/v1/workouts/" + id);
  auto input = workout.Json();
  boost::json::object put{{"title", input["title"]},
                          {"started_at", input["started_at"]},
                          {"cardio", input["cardio"]},
                          {"hide", boost::json::array{"map", "heart_rate"}}};
  auto replaced = h_.Call(ana_, Method::kPut, "/api/v1/workouts/" + id, boost::json::serialize(put),
                          IfMatch(*workout.headers.Get("ETag")));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.Json()["visibility"], "public") << "a replace naming none keeps it";
  const std::string base = "/api/v1/users/ana/workouts/" + id;
  EXPECT_EQ(h_.Get(ben_, base + "/track").status, 404);
  EXPECT_EQ(h_.Get(ben_, base + "/gpx").status, 404);
  auto detail = h_.Get(ben_, base).Json();
  EXPECT_EQ(detail["has_map"], false);
  EXPECT_EQ(detail["cardio"].as_object()["avg_heart_rate"], nullptr);
  EXPECT_EQ(h_.Get(ana_, base + "/track").status, 200) << "the owner still sees hers";
}

TEST_F(SharedWorkoutsTest, DefaultsVisibilityOnlyChangesAndNotFound) {
  // No settings: workouts are shared with followers, body entries private (the built-in defaults).
  auto created = h_.Post(ana_, "/api/v1/workouts",
                         R"({"title":"Run","started_at":"2026-03-03T06:00:00Z",)"
                         R"("cardio":{"sport":"run","distance_m":5000,"duration_s":1500}})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["visibility"], "followers");
  auto id = std::string(created.Json()["id"].as_string());
  EXPECT_EQ(h_.Get(ben_, "/api/v1/users/ana/workouts/" + id).status, 404);

  // The same content with another visibility is a change: a new revision.
  auto body = created.Json();
  boost::json::object put{{"title", "Run"},
                          {"started_at", "2026-03-03T06:00:00Z"},
                          {"cardio", boost::json::parse(R"({"sport":"run","distance_m":5000,)"
                                                        R"("duration_s":1500})")},
                          {"visibility", "public"}};
  auto replaced = h_.Call(ana_, Method::kPut, "/api/v1/workouts/" + id, boost::json::serialize(put),
                          IfMatch(*created.headers.Get("ETag")));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.Json()["visibility"], "public");
  EXPECT_GT(replaced.Json()["rev"].as_int64(), body["rev"].as_int64());
  EXPECT_EQ(h_.Get(ben_, "/api/v1/users/ana/workouts/" + id).status, 200);
  auto shown = h_.Get(nobody_, "/api/v1/users/ana/workouts/" + id).Json();
  EXPECT_EQ(shown["cardio"].as_object()["duration_s"].to_number<double>(), 1500.0);

  // Unknown users and ids are 404 like any missing workout.
  EXPECT_EQ(h_.Get(ben_, "/api/v1/users/nobody-here/workouts").status, 404);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/users/ana/workouts/00000000-0000-7000-8000-000000000000").status,
            404);

  auto weight = h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                        R"({"kind":"weight","day":"2026-03-01","value":70})");
  ASSERT_EQ(weight.status, 200) << weight.body;
  EXPECT_EQ(weight.Json()["visibility"], "private");
  auto again = h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                       R"({"kind":"weight","day":"2026-03-01","value":71,"visibility":"public"})");
  EXPECT_EQ(again.Json()["visibility"], "public");
  auto kept = h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                      R"({"kind":"weight","day":"2026-03-01","value":72})");
  EXPECT_EQ(kept.Json()["visibility"], "public") << "the day's entry keeps its visibility";
  auto listed = h_.Get(nobody_, "/api/v1/users/ana/measurements").Json();
  ASSERT_EQ(listed["items"].as_array().size(), 1u);
  EXPECT_EQ(listed["items"].as_array()[0].as_object().at("value").to_number<double>(), 72.0);
}

// "Make all my March runs public": in the background, by local date and sport, each a new
// revision; other workouts and days stay as they were.
TEST_F(SharedWorkoutsTest, ABulkChangeAppliesToTheChosenPastItemsOnly) {
  auto post = [&](const std::string& started_at, const std::string& sport,
                  const std::string& zone) {
    auto reply = h_.Post(ana_, "/api/v1/workouts",
                         R"({"title":"W","started_at":")" + started_at + R"(","time_zone":")" +
                             zone + R"(","visibility":"private","cardio":{"sport":")" + sport +
                             R"(","distance_m":1000}})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["id"].as_string());
  };
  // 23:30 UTC on 28 Feb is 00:30 on 1 March in Berlin: a March run by the user's date.
  auto march_first = post("2026-02-28T23:30:00Z", "run", "Europe/Berlin");
  auto march_ride = post("2026-03-10T07:00:00Z", "ride", "Europe/Berlin");
  auto april_run = post("2026-04-01T07:00:00Z", "run", "Europe/Berlin");
  // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin: not March for the user.
  auto april_by_zone = post("2026-03-31T23:30:00Z", "run", "Europe/Berlin");
  auto rev_before = h_.Get(ana_, "/api/v1/workouts/" + march_first).Json()["rev"].as_int64();

  auto change = h_.Post(ana_, "/api/v1/me/visibility-changes",
                        R"({"kind":"workouts","visibility":"public","from":"2026-03-01",)"
                        R"("to":"2026-03-31","sport":"run"})");
  ASSERT_EQ(change.status, 202) << change.body;
  auto id = std::string(change.Json()["id"].as_string());
  EXPECT_EQ(change.Json()["status"], "queued");
  h_.app().jobs->DrainForTests();
  auto done = h_.Get(ana_, "/api/v1/me/visibility-changes/" + id).Json();
  EXPECT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  EXPECT_EQ(done["changed"], 1);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/me/visibility-changes/" + id).status, 404);

  auto visibility = [&](const std::string& w) {
    return std::string(h_.Get(ana_, "/api/v1/workouts/" + w).Json()["visibility"].as_string());
  };
  EXPECT_EQ(visibility(march_first), "public");
  EXPECT_EQ(visibility(march_ride), "private");
  EXPECT_EQ(visibility(april_run), "private");
  EXPECT_EQ(visibility(april_by_zone), "private");
  EXPECT_GT(h_.Get(ana_, "/api/v1/workouts/" + march_first).Json()["rev"].as_int64(), rev_before);
  auto seen = h_.Get(nobody_, "/api/v1/users/ana/workouts").Json()["items"].as_array();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].as_object().at("id"), march_first.c_str());

  // Body entries: every day from..to.
  for (const char* day : {"2026-03-01", "2026-03-02", "2026-03-05"}) {
    auto put = h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                       std::string(R"({"kind":"weight","value":70,"day":")") + day + R"("})");
    ASSERT_EQ(put.status, 200) << put.body;
  }
  auto body = h_.Post(ana_, "/api/v1/me/visibility-changes",
                      R"({"kind":"measurements","visibility":"followers","to":"2026-03-02"})");
  ASSERT_EQ(body.status, 202) << body.body;
  h_.app().jobs->DrainForTests();
  auto body_done =
      h_.Get(ana_, "/api/v1/me/visibility-changes/" + std::string(body.Json()["id"].as_string()))
          .Json();
  EXPECT_EQ(body_done["changed"], 2);
  EXPECT_EQ(
      h_.Post(ana_, "/api/v1/me/visibility-changes", R"({"kind":"x","visibility":"all"})").status,
      422);
}

}  // namespace
}  // namespace vigor
