// Imports and exports through the real application (in process), with jobs run on the test's
// thread (JobQueue::DrainForTests): activity files (GPX, TCX, FIT, indoor and outdoor) checked
// against figures computed here independently of core/, duplicates, hostile files that must leave
// nothing behind, Strong and Hevy CSV (dry run, import, undo) and the CSV export's round trip.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
#include <thread>

#include "core/csv.hpp"
#include "platform/crypto/random.hpp"
#include "platform/http/server.hpp"
#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"
#include "support/fit_writer.hpp"
#include "support/http_client.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using testing::OnPostgres;
using testing::Reply;

constexpr double kPi = std::numbers::pi;
// WGS84.
constexpr double kA = 6'378'137.0;
constexpr double kF = 1 / 298.257223563;
constexpr double kE2 = kF * (2 - kF);

// Radii of curvature of the ellipsoid: along the meridian (M) and the prime vertical (N).
double MeridianRadius(double lat_rad) {
  double s = std::sin(lat_rad);
  return kA * (1 - kE2) / std::pow(1 - kE2 * s * s, 1.5);
}
double PrimeVerticalRadius(double lat_rad) {
  double s = std::sin(lat_rad);
  return kA / std::sqrt(1 - kE2 * s * s);
}

struct Sample {
  double lat, lon, ele;
  int hr;
};

// A one-hour run, one point a second at about 3 m/s, turning slowly, over rolling hills (one up
// and down of 40 m every 10 minutes). `distance_m` and `ascent_m` are what it covers, computed
// step by step from the local radii of curvature (steps of 3 m: the flat-earth error is far below
// a millimetre a step) and from the elevation profile.
struct Route {
  std::vector<Sample> samples;
  double distance_m = 0;
  double ascent_m = 0;
};

Route OneHourRun(double lat0 = 46.52, double lon0 = 6.63, int seconds = 3600) {
  Route r;
  double lat = lat0 * kPi / 180, lon = lon0 * kPi / 180;
  for (int i = 0; i < seconds; ++i) {
    double ele = 400 + 20 * std::sin(2 * kPi * i / 600.0);
    r.samples.push_back({lat * 180 / kPi, lon * 180 / kPi, ele, 140 + (i / 60) % 20});
    double bearing = 2 * kPi * i / 1200.0;  // a full turn every 20 minutes
    double step = 3.0 + 0.5 * std::sin(i / 37.0);
    double mid_lat = lat + step * std::cos(bearing) / MeridianRadius(lat) / 2;
    double dlat = step * std::cos(bearing) / MeridianRadius(mid_lat);
    double dlon = step * std::sin(bearing) / (PrimeVerticalRadius(mid_lat) * std::cos(mid_lat));
    lat += dlat;
    lon += dlon;
  }
  for (std::size_t i = 1; i < r.samples.size(); ++i) {
    const auto& a = r.samples[i - 1];
    const auto& b = r.samples[i];
    double mid = (a.lat + b.lat) / 2 * kPi / 180;
    double north = MeridianRadius(mid) * (b.lat - a.lat) * kPi / 180;
    double east = PrimeVerticalRadius(mid) * std::cos(mid) * (b.lon - a.lon) * kPi / 180;
    r.distance_m += std::hypot(north, east);
    r.ascent_m += std::max(0.0, b.ele - a.ele);
  }
  return r;
}

std::string IsoTime(std::int64_t unix_s) {
  std::time_t t = unix_s;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

constexpr std::int64_t kStartUnix = 1'714'548'600;  // 2024-05-01T07:30:00Z

// A GPX file of the route as a watch writes one (written here, not by core::WriteGpx).
std::string Gpx(const Route& route, std::int64_t start = kStartUnix, std::string type = "running",
                std::string name = "") {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\" "
      "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n<trk>" +
      (name.empty() ? "" : "<name>" + name + "</name>") + "<type>" + type + "</type><trkseg>\n";
  char line[400];
  for (std::size_t i = 0; i < route.samples.size(); ++i) {
    const auto& s = route.samples[i];
    std::snprintf(line, sizeof line,
                  "<trkpt lat=\"%.9f\" lon=\"%.9f\"><ele>%.2f</ele><time>%s</time><extensions>"
                  "<gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr>"
                  "</gpxtpx:TrackPointExtension></extensions></trkpt>\n",
                  s.lat, s.lon, s.ele, IsoTime(start + static_cast<std::int64_t>(i)).c_str(), s.hr);
    out += line;
  }
  return out + "</trkseg></trk></gpx>\n";
}

std::string Tcx(const Route& route, std::int64_t start = kStartUnix) {
  std::string out =
      "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase "
      "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities>"
      "<Activity Sport=\"Biking\"><Id>" +
      IsoTime(start) + "</Id><Lap StartTime=\"" + IsoTime(start) +
      "\"><Calories>612.4</Calories><Track>\n";
  char line[400];
  for (std::size_t i = 0; i < route.samples.size(); ++i) {
    const auto& s = route.samples[i];
    std::snprintf(line, sizeof line,
                  "<Trackpoint><Time>%s</Time><Position><LatitudeDegrees>%.9f</LatitudeDegrees>"
                  "<LongitudeDegrees>%.9f</LongitudeDegrees></Position><AltitudeMeters>%.2f"
                  "</AltitudeMeters><HeartRateBpm><Value>%d</Value></HeartRateBpm></Trackpoint>\n",
                  IsoTime(start + static_cast<std::int64_t>(i)).c_str(), s.lat, s.lon, s.ele, s.hr);
    out += line;
  }
  return out + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n";
}

// A treadmill run: no positions, the device's distance only (3 m/s for 30 minutes).
std::string IndoorFit() {
  testing::FitActivitySpec spec;
  constexpr std::uint32_t kStart = 1'083'000'000;
  for (std::uint32_t i = 0; i < 1800; ++i) {
    spec.samples.push_back({.timestamp = kStart + i, .distance_m = 3.0 * i, .heart_rate = 150});
  }
  spec.session = testing::FitSessionSummary{.start_time = kStart,
                                            .timestamp = kStart + 1799,
                                            .sport = 1,
                                            .sub_sport = 1,
                                            .elapsed_s = 1799,
                                            .timer_s = 1799,
                                            .distance_m = 5397,
                                            .avg_heart_rate = 150,
                                            .max_heart_rate = 150};
  return testing::WriteFitActivity(spec);
}

class ImportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.CreateUser("ben");
    h_.SignIn(ana_, "ana");
    h_.SignIn(ben_, "ben");
  }

  // POSTs a file with the media type of its format= (as the web app sends it).
  Reply PostFile(Browser& who, const std::string& query, const std::string& body) {
    std::string type = "text/csv";
    if (query.find("format=gpx") != std::string::npos) type = "application/gpx+xml";
    if (query.find("format=tcx") != std::string::npos) type = "application/vnd.garmin.tcx+xml";
    if (query.find("format=fit") != std::string::npos) type = "application/vnd.ant.fit";
    return h_.Call(who, Method::kPost, "/api/v1/imports?" + query, body, ContentType(type));
  }
  // POSTs a file and returns the import's id (202 expected).
  std::string Upload(Browser& who, const std::string& query, const std::string& body) {
    auto reply = PostFile(who, query, body);
    EXPECT_EQ(reply.status, 202) << reply.body;
    return reply.status == 202 ? std::string(reply.Json()["id"].as_string()) : "";
  }
  std::size_t Drain() { return h_.app().jobs->DrainForTests(); }
  boost::json::object Import(Browser& who, const std::string& id) {
    auto reply = h_.Get(who, "/api/v1/imports/" + id);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }
  // Upload, run, and the import's final state.
  boost::json::object RunImport(Browser& who, const std::string& query, const std::string& body) {
    auto id = Upload(who, query, body);
    Drain();
    return Import(who, id);
  }
  std::int64_t Count(const std::string& sql) {
    return h_.app().database->ReadResult([&](platform::store::Session& s) {
      return s.QueryOne(platform::store::Statement{"test.count", sql})->Int("n");
    });
  }
  // `postgresql`: the statement in PostgreSQL's words, where they differ (triggers).
  void Sql(const std::string& sql, const std::string& postgresql = {}) {
    h_.app().database->Write([&](platform::store::Session& s) {
      s.Execute(platform::store::Statement{"test.sql", sql, postgresql});
    });
  }
  std::size_t WorkoutCount(Browser& who) {
    return h_.Get(who, "/api/v1/workouts?limit=100").Json()["items"].as_array().size();
  }

  AppHarness h_;
  Browser ana_, ben_;
};

TEST_F(ImportsTest, GpxBecomesOneCardioWorkoutWithTheRightFigures) {
  Route route = OneHourRun();
  // The title is the file's own <name>, not the name it was uploaded under.
  auto id = Upload(ana_, "format=gpx&name=12345678901.gpx",
                   Gpx(route, kStartUnix, "running", "Lakeside loop"));
  auto queued = Import(ana_, id);
  EXPECT_EQ(queued["status"], "queued");
  EXPECT_EQ(queued["progress"].to_number<double>(), 0.0);
  EXPECT_EQ(Drain(), 1u);
  auto done = Import(ana_, id);
  ASSERT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  EXPECT_EQ(done["progress"].to_number<double>(), 1.0);
  std::string workout_id(done["result"].as_object()["workout_id"].as_string());

  auto workout = h_.Get(ana_, "/api/v1/workouts/" + workout_id);
  ASSERT_EQ(workout.status, 200) << workout.body;
  auto w = workout.Json();
  EXPECT_EQ(w["title"], "Lakeside loop");
  EXPECT_EQ(w["kind"], "cardio");
  EXPECT_EQ(w["started_at"], "2024-05-01T07:30:00.000Z");
  auto cardio = w["cardio"].as_object();
  EXPECT_EQ(cardio["sport"], "run");
  EXPECT_NEAR(cardio["distance_m"].to_number<double>(), route.distance_m, route.distance_m * 0.005);
  EXPECT_NEAR(cardio["elevation_gain_m"].to_number<double>(), route.ascent_m,
              route.ascent_m * 0.05);
  EXPECT_NEAR(cardio["duration_s"].to_number<double>(), 3599, 0.001);
  EXPECT_EQ(cardio["max_heart_rate"].to_number<std::int64_t>(), 159);

  auto track = h_.Get(ana_, "/api/v1/workouts/" + workout_id + "/track");
  ASSERT_EQ(track.status, 200);
  auto t = track.Json();
  auto points = t["points"].as_array();
  ASSERT_EQ(points.size(), route.samples.size());
  auto p = points[1800].as_object();
  EXPECT_NEAR(p["lat"].to_number<double>(), route.samples[1800].lat, 1e-7);
  EXPECT_NEAR(p["lon"].to_number<double>(), route.samples[1800].lon, 1e-7);
  EXPECT_NEAR(p["ele"].to_number<double>(), route.samples[1800].ele, 0.06);
  EXPECT_EQ(p["hr"].to_number<int>(), route.samples[1800].hr);
  EXPECT_DOUBLE_EQ(p["t"].to_number<double>(), 1800);
  EXPECT_GE(t["splits"].as_array().size(), 10u);

  auto gpx = h_.Get(ana_, "/api/v1/workouts/" + workout_id + "/gpx");
  ASSERT_EQ(gpx.status, 200);
  EXPECT_EQ(gpx.headers.Get("Content-Disposition").value_or(""),
            "attachment; filename=\"Lakeside loop.gpx\"");
  EXPECT_NE(gpx.body.find("<trkpt"), std::string::npos);

  // Nobody else sees any of it.
  EXPECT_EQ(h_.Get(ben_, "/api/v1/imports/" + id).status, 404);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/workouts/" + workout_id + "/track").status, 404);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/workouts/" + workout_id + "/gpx").status, 404);
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, "/api/v1/imports/" + id).status, 404);
}

TEST_F(ImportsTest, TcxAndIndoorFitImport) {
  Route route = OneHourRun(51.5, -0.12, 900);
  auto tcx = RunImport(ana_, "format=tcx", Tcx(route));
  ASSERT_EQ(tcx["status"], "succeeded") << boost::json::serialize(tcx);
  auto ride = h_.Get(ana_, std::string("/api/v1/workouts/") +
                               std::string(tcx["result"].as_object()["workout_id"].as_string()))
                  .Json();
  EXPECT_EQ(ride["title"], "Ride on 2024-05-01");  // a TCX has no name: sport and date
  EXPECT_EQ(ride["cardio"].as_object()["calories_kcal"].to_number<double>(), 612);  // rounded
  EXPECT_NEAR(ride["cardio"].as_object()["distance_m"].to_number<double>(), route.distance_m,
              route.distance_m * 0.005);

  auto fit = RunImport(ana_, "format=fit", IndoorFit());
  ASSERT_EQ(fit["status"], "succeeded") << boost::json::serialize(fit);
  EXPECT_EQ(fit["result"].as_object()["indoor"], true);
  std::string id(fit["result"].as_object()["workout_id"].as_string());
  auto run = h_.Get(ana_, "/api/v1/workouts/" + id).Json();
  EXPECT_EQ(run["title"].as_string().subview().substr(0, 10), "Indoor run");
  EXPECT_NEAR(run["cardio"].as_object()["distance_m"].to_number<double>(), 5397, 5397 * 0.005);
  auto track = h_.Get(ana_, "/api/v1/workouts/" + id + "/track").Json();
  EXPECT_EQ(track["points"].as_array().size(), 1800u);
  EXPECT_FALSE(track["points"].as_array()[5].as_object().contains("lat"));
  EXPECT_EQ(h_.Get(ana_, "/api/v1/workouts/" + id + "/gpx").status, 404);  // nothing to map
}

// A file without a name of its own is titled with its sport and date in its owner's language:
// the profile's, when the import is asked for (the job runs later, outside any request).
TEST_F(ImportsTest, AnActivityTitleFromSportAndDateIsInTheOwnersLanguage) {
  ASSERT_EQ(
      h_.Call(ben_, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})").status,
      200);
  auto title = [&](const boost::json::object& import) {
    auto id = std::string(import.at("result").as_object().at("workout_id").as_string());
    return std::string(h_.Get(ben_, "/api/v1/workouts/" + id).Json()["title"].as_string());
  };
  auto tcx = RunImport(ben_, "format=tcx", Tcx(OneHourRun(51.5, -0.12, 900)));
  ASSERT_EQ(tcx["status"], "succeeded") << boost::json::serialize(tcx);
  EXPECT_EQ(title(tcx), "Radfahrt am 01.05.2024");  // the TCX of "Ride on 2024-05-01" above
  auto fit = RunImport(ben_, "format=fit", IndoorFit());
  ASSERT_EQ(fit["status"], "succeeded") << boost::json::serialize(fit);
  EXPECT_EQ(title(fit).substr(0, std::string("Indoor-Lauf am ").size()), "Indoor-Lauf am ");

  // Back to English: the next import speaks English again.
  ASSERT_EQ(
      h_.Call(ben_, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"en"}})").status,
      200);
  auto again =
      RunImport(ben_, "format=tcx&allow_duplicate=true", Tcx(OneHourRun(51.5, -0.12, 900)));
  ASSERT_EQ(again["status"], "succeeded") << boost::json::serialize(again);
  EXPECT_EQ(title(again), "Ride on 2024-05-01");
}

TEST_F(ImportsTest, TheSameActivityTwiceIsRefusedUnlessAllowed) {
  std::string file = Gpx(OneHourRun(46.52, 6.63, 300));
  auto first = RunImport(ana_, "format=gpx", file);
  ASSERT_EQ(first["status"], "succeeded");
  std::string existing(first["result"].as_object()["workout_id"].as_string());

  auto second = RunImport(ana_, "format=gpx", file);
  ASSERT_EQ(second["status"], "failed");
  auto error = second["error"].as_object();
  EXPECT_EQ(error["status"].to_number<int>(), 409);
  EXPECT_EQ(std::string(error["existing_workout_id"].as_string()), existing);
  EXPECT_NE(error["detail"].as_string().find(existing), std::string::npos);
  EXPECT_EQ(WorkoutCount(ana_), 1u);

  auto forced = RunImport(ana_, "format=gpx&allow_duplicate=true", file);
  EXPECT_EQ(forced["status"], "succeeded");
  EXPECT_EQ(WorkoutCount(ana_), 2u);
  // Another user's log is not a duplicate.
  EXPECT_EQ(RunImport(ben_, "format=gpx", file)["status"], "succeeded");
}

TEST_F(ImportsTest, BrokenAndHostileFilesFailAndLeaveNothing) {
  std::string good = Gpx(OneHourRun(46.52, 6.63, 60));
  std::string bad_latitude = good;
  bad_latitude.replace(bad_latitude.find("lat=\"46."), 8, "lat=\"96.");
  std::string billion_laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><gpx version=\"1.1\"><trk><trkseg>"
      "<trkpt lat=\"1\" lon=\"1\"><name>&lol2;</name></trkpt></trkseg></trk></gpx>";
  std::string external =
      "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<gpx version=\"1.1\"><trk><name>&xxe;</name></trk></gpx>";
  std::string fit = IndoorFit();
  struct Case {
    std::string format, body, what;
  } cases[] = {
      {"gpx", bad_latitude, "latitude"},
      {"gpx", good.substr(0, good.size() / 2), ""},
      {"gpx", billion_laughs, ""},
      {"gpx", external, ""},
      {"gpx", "Date,Workout Name\n2024-01-01,Legs\n", ""},
      {"tcx", good, ""},
      {"fit", fit.substr(0, fit.size() - 100), "truncated"},
      {"fit", good, ""},
  };
  for (const auto& c : cases) {
    auto result = RunImport(ana_, "format=" + c.format, c.body);
    ASSERT_EQ(result["status"], "failed") << c.format << ": " << boost::json::serialize(result);
    auto error = result["error"].as_object();
    EXPECT_EQ(error["status"].to_number<int>(), 422) << boost::json::serialize(error);
    EXPECT_NE(error["detail"].as_string().find(c.what), std::string::npos)
        << boost::json::serialize(error);
  }
  EXPECT_EQ(WorkoutCount(ana_), 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workouts"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workout_tracks"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM import_uploads"), 0);
}

TEST_F(ImportsTest, BadRequestsAreRefusedAtOnce) {
  EXPECT_EQ(h_.Post(ana_, "/api/v1/imports", "x").status, 422);
  EXPECT_EQ(h_.Post(ana_, "/api/v1/imports?format=docx", "x").status, 422);
  EXPECT_EQ(h_.Post(ana_, "/api/v1/imports?format=gpx", "").status, 422);
  EXPECT_EQ(h_.Post(ana_, "/api/v1/imports?format=gpx&dry_run=true", "x").status, 422);
  Browser anonymous;
  EXPECT_EQ(h_.Post(anonymous, "/api/v1/imports?format=gpx", "x").status, 401);
}

// ---- training logs ------------------------------------------------------------------------

struct StrongSet {
  std::string date, workout, duration, exercise, order, weight, reps, distance, seconds, notes,
      workout_notes, rpe;
  std::vector<std::string> Fields() const {
    return {date, workout,  duration, exercise, order,         weight,
            reps, distance, seconds,  notes,    workout_notes, rpe};
  }
};

// Several workouts: catalogue exercises under Strong's names, an exercise Vigor does not know
// (used in two workouts: created once), decimals, warm-ups, a drop set, notes with commas and
// quotes, a timed plank.
std::vector<StrongSet> StrongLog() {
  std::vector<StrongSet> rows;
  auto add = [&](std::string date, std::string workout, std::string duration, std::string exercise,
                 std::string order, std::string weight, std::string reps, std::string notes = "",
                 std::string workout_notes = "", std::string rpe = "", std::string seconds = "0") {
    rows.push_back({date, workout, duration, exercise, order, weight, reps, "0", seconds, notes,
                    workout_notes, rpe});
  };
  for (int day = 1; day <= 6; ++day) {
    std::string date = "2024-01-0" + std::to_string(day) + " 18:0" + std::to_string(day) + ":00";
    std::string name = day % 2 ? "Legs, heavy" : "Push \"A\"";
    std::string wnotes = day == 3 ? "felt \"great\", slept 8h" : "";
    if (day % 2) {
      add(date, name, "1h 5m", "Squat (Barbell)", "W", "60", "5", "", wnotes);
      add(date, name, "1h 5m", "Squat (Barbell)", "1", "102.5", "5", "", wnotes, "8");
      add(date, name, "1h 5m", "Squat (Barbell)", "2", "102.5", "5", "", wnotes, "8.5");
      add(date, name, "1h 5m", "Zottman Sled Curl", "1", "12.25", "12", "slow, controlled", wnotes);
      add(date, name, "1h 5m", "Zottman Sled Curl", "D", "8.75", "10", "slow, controlled", wnotes);
      add(date, name, "1h 5m", "Plank", "1", "0", "0", "", wnotes, "", "60");
    } else {
      add(date, name, "48m", "Bench Press (Barbell)", "W", "40", "10");
      add(date, name, "48m", "Bench Press (Barbell)", "1", "82.5", "6", "", "", "9");
      add(date, name, "48m", "Bench Press (Dumbbell)", "1", "27.5", "10");
      add(date, name, "48m", "Zottman Sled Curl", "1", "11", "12");
    }
  }
  return rows;
}

std::string StrongCsv(const std::vector<StrongSet>& rows) {
  std::string out =
      core::CsvLine({"Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                     "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE"});
  for (const auto& r : rows) out += core::CsvLine(r.Fields());
  return out;
}

double Num(const std::string& s) { return s.empty() ? 0 : std::stod(s); }

TEST_F(ImportsTest, StrongCsvDryRunWritesNothingAndShowsWhatWouldHappen) {
  std::string csv = StrongCsv(StrongLog());
  csv.insert(csv.find("\r\n"), ",Mood");  // an extra column
  csv += "not a date,Legs,1h,Squat (Barbell),1,100,5,0,0,,,\r\n";
  auto reply = PostFile(ana_, "format=strong_csv&dry_run=true", csv);
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto preview = reply.Json();
  EXPECT_EQ(preview["workouts"].to_number<int>(), 6);
  EXPECT_EQ(preview["sets"].to_number<int>(), 3 * 6 + 3 * 4);
  EXPECT_EQ(preview["unknown_columns"].as_array().size(), 1u);
  auto to_create = preview["exercises_to_create"].as_array();
  ASSERT_EQ(to_create.size(), 1u) << boost::json::serialize(preview);
  EXPECT_EQ(to_create[0], "Zottman Sled Curl");
  auto errors = preview["row_errors"].as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].as_object().at("row").to_number<int>(), 32);
  std::map<std::string, std::string> matched;
  for (const auto& e : preview["exercises"].as_array()) {
    const auto& o = e.as_object();
    if (!o.at("exercise_id").is_null()) {
      matched[std::string(o.at("name").as_string())] = std::string(o.at("exercise_id").as_string());
    }
  }
  EXPECT_EQ(matched["Squat (Barbell)"], "barbell-back-squat");
  EXPECT_EQ(matched["Bench Press (Barbell)"], "barbell-bench-press");
  EXPECT_EQ(matched["Bench Press (Dumbbell)"], "dumbbell-bench-press");
  EXPECT_EQ(WorkoutCount(ana_), 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM jobs"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM custom_exercises"), 0);
}

TEST_F(ImportsTest, StrongCsvImportThenExportRoundTripsEverySet) {
  auto original = StrongLog();
  auto imported = RunImport(ana_, "format=strong_csv", StrongCsv(original));
  ASSERT_EQ(imported["status"], "succeeded") << boost::json::serialize(imported);
  auto result = imported["result"].as_object();
  EXPECT_EQ(result["workouts_created"].to_number<int>(), 6);
  EXPECT_EQ(result["sets_created"].to_number<std::size_t>(), original.size());
  EXPECT_EQ(WorkoutCount(ana_), 6u);

  auto exported = h_.Get(ana_, "/api/v1/exports/sets.csv");
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.headers.Get("Content-Disposition").value_or("").find("attachment"),
            std::string::npos);
  auto records = core::ReadCsv(exported.body);
  ASSERT_EQ(records.size(), original.size() + 1);
  // Strong's columns, then Vigor's Exercise Notes (the block's notes).
  auto strong_header = core::ReadCsv(StrongCsv({}))[0].fields;
  strong_header.emplace_back("Exercise Notes");
  EXPECT_EQ(records[0].fields, strong_header);
  for (std::size_t i = 0; i < original.size(); ++i) {
    const auto& want = original[i];
    const auto& got = records[i + 1].fields;
    SCOPED_TRACE("row " + std::to_string(i + 2));
    EXPECT_EQ(got[0], want.date);
    EXPECT_EQ(got[1], want.workout);
    EXPECT_EQ(got[2], want.duration);
    EXPECT_EQ(got[4], want.order);
    EXPECT_DOUBLE_EQ(Num(got[5]), Num(want.weight));
    EXPECT_EQ(Num(got[6]), Num(want.reps));
    EXPECT_DOUBLE_EQ(Num(got[7]), Num(want.distance));
    EXPECT_DOUBLE_EQ(Num(got[8]), Num(want.seconds));
    EXPECT_EQ(got[9], want.notes);
    EXPECT_EQ(got[10], want.workout_notes);
    EXPECT_EQ(Num(got[11]), Num(want.rpe));
  }

  // The export imported into a fresh account gives the same export: every set, same exercises.
  h_.CreateUser("cleo");
  Browser cleo;
  h_.SignIn(cleo, "cleo");
  auto again = RunImport(cleo, "format=strong_csv", exported.body);
  ASSERT_EQ(again["status"], "succeeded") << boost::json::serialize(again);
  EXPECT_EQ(h_.Get(cleo, "/api/v1/exports/sets.csv").body, exported.body);
}

TEST_F(ImportsTest, HevyCsvImports) {
  std::string csv =
      "\xEF\xBB\xBF\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\","
      "\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\","
      "\"distance_km\",\"duration_seconds\",\"rpe\"\n"
      "\"Upper\",\"12 Jan 2024, 18:05\",\"12 Jan 2024, 19:10\",\"good one\",\"Bench Press "
      "(Barbell)\",,\"\",0,\"warmup\",40,10,,,\n"
      "\"Upper\",\"12 Jan 2024, 18:05\",\"12 Jan 2024, 19:10\",\"good one\",\"Bench Press "
      "(Barbell)\",,\"\",1,\"normal\",80.5,8,,,8\n"
      "\"Upper\",\"12 Jan 2024, 18:05\",\"12 Jan 2024, 19:10\",\"good one\",\"Lat Pulldown "
      "(Cable)\",0,\"\",0,\"normal\",55,12,,,\n"
      "\"Upper\",\"12 Jan 2024, 18:05\",\"12 Jan 2024, 19:10\",\"good one\",\"Treadmill\","
      ",\"\",0,\"normal\",,,1.5,600,\n"
      "\"Lower\",\"14 Jan 2024, 07:00\",\"14 Jan 2024, 08:00\",\"\",\"Squat (Barbell)\",,\"\",0,"
      "\"failure\",100,3,,,10\n";
  auto imported = RunImport(ana_, "format=hevy_csv", csv);
  ASSERT_EQ(imported["status"], "succeeded") << boost::json::serialize(imported);
  EXPECT_EQ(imported["result"].as_object()["workouts_created"].to_number<int>(), 2);
  auto list = h_.Get(ana_, "/api/v1/workouts").Json()["items"].as_array();
  ASSERT_EQ(list.size(), 2u);
  std::string upper_id(list[1].as_object().at("id").as_string());
  auto upper = h_.Get(ana_, "/api/v1/workouts/" + upper_id).Json();
  EXPECT_EQ(upper["title"], "Upper");
  EXPECT_EQ(upper["started_at"], "2024-01-12T18:05:00.000Z");
  EXPECT_EQ(upper["ended_at"], "2024-01-12T19:10:00.000Z");
  EXPECT_EQ(upper["notes"], "good one");
  auto blocks = upper["blocks"].as_array();
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].as_object().at("exercise_id"), "barbell-bench-press");
  auto sets = blocks[0].as_object().at("sets").as_array();
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].as_object().at("set_type"), "warmup");
  EXPECT_DOUBLE_EQ(sets[1].as_object().at("weight_kg").to_number<double>(), 80.5);
  EXPECT_EQ(blocks[1].as_object().at("exercise_id"), "lat-pulldown");
  EXPECT_EQ(blocks[1].as_object().at("superset_group").to_number<int>(), 1);  // Hevy counts from 0
  auto treadmill = blocks[2].as_object().at("sets").as_array()[0].as_object();
  EXPECT_DOUBLE_EQ(treadmill.at("distance_m").to_number<double>(), 1500);
  EXPECT_DOUBLE_EQ(treadmill.at("duration_s").to_number<double>(), 600);
}

TEST_F(ImportsTest, UndoRemovesEverythingTheImportCreatedAndNothingElse) {
  // Something of the user's own that the undo must keep.
  auto own = h_.Post(ana_, "/api/v1/workouts",
                     R"({"title":"Mine","started_at":"2024-02-01T10:00:00Z","blocks":[]})");
  ASSERT_EQ(own.status, 201) << own.body;
  auto id = Upload(ana_, "format=strong_csv", StrongCsv(StrongLog()));
  Drain();
  ASSERT_EQ(Import(ana_, id)["status"], "succeeded");
  auto gpx = RunImport(ana_, "format=gpx", Gpx(OneHourRun(46.52, 6.63, 120)));
  EXPECT_EQ(WorkoutCount(ana_), 8u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM custom_exercises WHERE deleted_at IS NULL"), 1);

  EXPECT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/imports/" + id).status, 204);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/imports/" + id).status, 404);
  EXPECT_EQ(WorkoutCount(ana_), 2u);  // their own and the GPX import
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM custom_exercises WHERE deleted_at IS NULL"), 0);

  std::string gpx_id(gpx["id"].as_string());
  EXPECT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/imports/" + gpx_id).status, 204);
  EXPECT_EQ(WorkoutCount(ana_), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workout_tracks"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM activity_originals"), 0);
}

// The file an activity came from is kept with its workout byte for byte (a FIT file's bytes are
// binary, NULs included), named as it was uploaded, and goes when the workout is deleted.
TEST_F(ImportsTest, TheOriginalFileIsKeptWithItsWorkoutAndGoesWithIt) {
  std::string fit = IndoorFit();
  ASSERT_NE(fit.find('\0'), std::string::npos);
  auto done = RunImport(ana_, "format=fit&name=treadmill.fit", fit);
  ASSERT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  std::string workout_id(done["result"].as_object()["workout_id"].as_string());
  auto stored = h_.app().database->ReadResult([&](platform::store::Session& s) {
    return s.QueryOne(platform::store::Statement{
        "test.original",
        "SELECT workout_id, file_name, format, size_bytes, sha256, content "
        "FROM activity_originals"});
  });
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->Text("workout_id"), workout_id);
  EXPECT_EQ(stored->OptText("file_name"), std::optional<std::string>("treadmill.fit"));
  EXPECT_EQ(stored->Text("format"), "fit");
  EXPECT_EQ(stored->Int("size_bytes"), static_cast<std::int64_t>(fit.size()));
  EXPECT_EQ(stored->Text("sha256"), platform::crypto::Sha256Hex(fit));
  EXPECT_EQ(stored->Text("content"), fit);
  // Another user's workout keeps its own: only ana's goes with ana's workout.
  auto bens = RunImport(ben_, "format=tcx", Tcx(OneHourRun(51.5, -0.12, 900)));
  ASSERT_EQ(bens["status"], "succeeded");
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM activity_originals"), 2);

  EXPECT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/workouts/" + workout_id).status, 204);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM activity_originals"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM activity_originals WHERE format = 'tcx'"), 1);
}

TEST_F(ImportsTest, AQueuedImportCanBeCancelledAndProgressIsRecorded) {
  auto id = Upload(ana_, "format=gpx", Gpx(OneHourRun(46.52, 6.63, 60)));
  EXPECT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/imports/" + id).status, 204);
  EXPECT_EQ(Drain(), 0u);
  EXPECT_EQ(WorkoutCount(ana_), 0u);

  // 450 workouts: three batches; the counters end at the total.
  std::string csv = StrongCsv({});
  for (int i = 0; i < 450; ++i) {
    char date[32];
    std::snprintf(date, sizeof date, "2023-%02d-%02d 07:%02d:00", 1 + i / 28 % 12, 1 + i % 28,
                  i % 60);
    csv += core::CsvLine({date, "W" + std::to_string(i), "30m", "Deadlift (Barbell)", "1", "140",
                          "3", "0", "0", "", "", ""});
  }
  auto done = RunImport(ana_, "format=strong_csv", csv);
  ASSERT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  EXPECT_EQ(done["done"].to_number<int>(), 450);
  EXPECT_EQ(done["total"].to_number<int>(), 450);
  EXPECT_EQ(done["progress"].to_number<double>(), 1.0);
}

// A Strong CSV of `n` one-set workouts on distinct days, with an exercise that is not in the
// catalogue (so the import creates one).
std::string ManyWorkouts(int n) {
  std::string csv = StrongCsv({});
  for (int i = 0; i < n; ++i) {
    char date[32];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d 07:%02d:00", 10 + i / 336, 1 + i / 28 % 12,
                  1 + i % 28, i % 60);
    csv += core::CsvLine({date, "W" + std::to_string(i), "30m", "Zottman Sled Curl", "1", "40", "8",
                          "0", "0", "", "", ""});
  }
  return csv;
}

// A server-side failure after some batches committed (here a trigger refuses the 201st workout)
// fails the import and takes back what it had written.
TEST_F(ImportsTest, AnImportThatFailsHalfwayLeavesNothing) {
  Sql("CREATE TRIGGER refuse_201st BEFORE INSERT ON workouts WHEN (SELECT COUNT(*) FROM workouts "
      "WHERE import_id IS NOT NULL) >= 200 BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END",
      "CREATE FUNCTION refuse_201st() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF (SELECT COUNT(*) FROM workouts WHERE import_id IS NOT NULL) >= 200 THEN "
      "RAISE EXCEPTION 'the disk is on fire'; END IF; RETURN NEW; END $$");
  if (OnPostgres()) {
    Sql("",
        "CREATE TRIGGER refuse_201st BEFORE INSERT ON workouts FOR EACH ROW "
        "EXECUTE FUNCTION refuse_201st()");
  }
  auto failed = RunImport(ana_, "format=strong_csv", ManyWorkouts(450));
  EXPECT_EQ(failed["status"], "failed") << boost::json::serialize(failed);
  EXPECT_EQ(WorkoutCount(ana_), 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workouts WHERE deleted_at IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workout_sets"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM custom_exercises WHERE deleted_at IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM import_uploads"), 0);
  EXPECT_EQ(failed["done"].to_number<int>(), 0);
}

// A runner that dies mid-import (here: its lease is taken over right after its first batch
// committed, so it stops at its next one) is succeeded by another that goes on from the last
// committed batch: every workout once, the custom exercise once.
TEST_F(ImportsTest, AnImportWhoseRunnerDiedResumesWithoutDuplicates) {
  auto id = Upload(ana_, "format=strong_csv", ManyWorkouts(450));
  Sql("CREATE TRIGGER take_lease AFTER UPDATE OF done ON jobs WHEN NEW.done = 200 "
      "BEGIN UPDATE jobs SET lease_token = 'another runner' WHERE id = NEW.id; END",
      "CREATE FUNCTION take_lease() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF NEW.done = 200 THEN UPDATE jobs SET lease_token = 'another runner' WHERE id = NEW.id; "
      "END IF; RETURN NULL; END $$");
  if (OnPostgres()) {
    Sql("",
        "CREATE TRIGGER take_lease AFTER UPDATE OF done ON jobs FOR EACH ROW "
        "EXECUTE FUNCTION take_lease()");
  }
  EXPECT_EQ(Drain(), 1u);
  auto stopped = Import(ana_, id);
  EXPECT_EQ(stopped["status"], "running");
  EXPECT_EQ(stopped["done"].to_number<int>(), 200);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workouts WHERE deleted_at IS NULL"), 200);

  // The other runner died too; once its lease has run out, the job is claimed again.
  Sql("DROP TRIGGER take_lease", "DROP TRIGGER take_lease ON jobs");
  Sql("UPDATE jobs SET lease_until = '2000-01-01T00:00:00.000Z' WHERE id = '" + id + "'");
  EXPECT_EQ(Drain(), 1u);
  auto done = Import(ana_, id);
  ASSERT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  EXPECT_EQ(done["done"].to_number<int>(), 450);
  auto result = done["result"].as_object();
  EXPECT_EQ(result["workouts_created"].to_number<int>(), 450);
  EXPECT_EQ(result["sets_created"].to_number<int>(), 450);
  ASSERT_EQ(result["exercises_created"].as_array().size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workouts WHERE deleted_at IS NULL"), 450);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT started_at) AS n FROM workouts WHERE deleted_at IS NULL"),
            450);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workout_sets"), 450);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM custom_exercises WHERE deleted_at IS NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM import_uploads"), 0);
}

// The socket server refuses an upload over the route's limit from its headers alone.
TEST(ImportsServerTest, AHugeUploadIs413BeforeItsBodyIsRead) {
  testing::TempDir dir;
  platform::obs::Logger logger{platform::obs::LogLevel::kError, (dir.path() / "log").string()};
  platform::config::Config config;
  config.data_dir = dir.path();
  config.web_dir.clear();
  auto app = app::BuildApp(config, logger, false);
  platform::http::ServerOptions options;
  options.port = 0;
  platform::http::Server server(options, *app->http, logger, app->metrics);
  auto port = server.Listen();
  std::thread thread([&] { server.Run(false); });
  {
    testing::HttpConnection conn(port);
    conn.SendRaw(
        "POST /api/v1/imports?format=fit HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/vnd.ant.fit\r\nContent-Length: 2147483648\r\n\r\n");
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 413);
  }
  server.Stop();
  thread.join();
}

}  // namespace
}  // namespace vigor
