// The import defects of issue 9, each through the real application (in process, jobs run on the
// test's thread), on SQLite and PostgreSQL: FIT courses, Hevy supersets saved back unchanged, the
// API's limits for CSV rows, CSV times in the user's zone (DST gap and overlap included), and
// re-imports that skip the workouts already in the log. Expected values are worked out by hand
// in the comments, not by the code under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"
#include "support/fit_writer.hpp"
#include "support/http_client.hpp"

namespace vigor {
namespace {

namespace json = boost::json;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

class ImportDefectsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.SignIn(ana_, "ana");
  }

  // The file's media type, as the web app sends it (the contract lists them).
  static std::string MediaTypeOf(const std::string& query) {
    if (query.find("format=fit") != std::string::npos) return "application/vnd.ant.fit";
    if (query.find("format=gpx") != std::string::npos) return "application/gpx+xml";
    return "text/csv";
  }
  Reply Upload(const std::string& query, const std::string& body) {
    return h_.Call(ana_, Method::kPost, "/api/v1/imports?" + query, body,
                   testing::ContentType(MediaTypeOf(query)));
  }
  // Upload, run, and the import's final state.
  json::object RunImport(const std::string& query, const std::string& body) {
    auto reply = Upload(query, body);
    EXPECT_EQ(reply.status, 202) << reply.body;
    if (reply.status != 202) return {};
    std::string id(reply.Json()["id"].as_string());
    h_.app().jobs->DrainForTests();
    auto done = h_.Get(ana_, "/api/v1/imports/" + id);
    EXPECT_EQ(done.status, 200) << done.body;
    return done.Json();
  }
  json::object Preview(const std::string& query, const std::string& body) {
    auto reply = Upload("dry_run=true&" + query, body);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.Json() : json::object{};
  }
  // The user's workouts, oldest first.
  std::vector<json::object> Workouts() {
    auto items = h_.Get(ana_, "/api/v1/workouts?limit=100").Json()["items"].as_array();
    std::vector<json::object> out;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
      std::string id(it->as_object().at("id").as_string());
      out.push_back(h_.Get(ana_, "/api/v1/workouts/" + id).Json());
    }
    return out;
  }
  void SetProfileZone(const std::string& zone) {
    auto reply = h_.Call(ana_, Method::kPatch, "/api/v1/me",
                         R"({"preferences":{"time_zone":")" + zone + R"("}})");
    ASSERT_EQ(reply.status, 200) << reply.body;
  }

  AppHarness h_;
  Browser ana_;
};

std::string StrongHeader() {
  return core::CsvLine({"Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                        "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE"});
}

// One Strong row: a set of `exercise` in the workout `name` that started at `date`.
std::string StrongRow(const std::string& date, const std::string& name, const std::string& order,
                      const std::string& weight, const std::string& reps,
                      const std::string& rpe = "", const std::string& workout_notes = "",
                      const std::string& exercise = "Deadlift (Barbell)") {
  return core::CsvLine(
      {date, name, "1h 5m", exercise, order, weight, reps, "0", "0", "", workout_notes, rpe});
}

// ---- 1. FIT courses --------------------------------------------------------------------------

// gpsbabel's way of writing a recorded ride: file type 6 (course), timed records, no session.
testing::FitActivitySpec Course(bool timed) {
  testing::FitActivitySpec spec;
  spec.file_type = 6;
  spec.record_timestamps = timed;
  constexpr std::uint32_t kStart = 1'083'000'000;  // FIT seconds: 2024-04-25T17:20:00Z
  for (std::uint32_t i = 0; i < 600; ++i) {
    spec.samples.push_back({.timestamp = kStart + i,
                            .lat_deg = 46.5 + i * 1e-5,
                            .lon_deg = 6.6,
                            .altitude_m = 400,
                            .distance_m = 1.11 * i});
  }
  return spec;
}

TEST_F(ImportDefectsTest, AFitCourseWithTimesImportsAndOneWithoutSaysWhatItIs) {
  auto done = RunImport("format=fit&name=ride.fit", testing::WriteFitActivity(Course(true)));
  ASSERT_EQ(done["status"], "succeeded") << json::serialize(done);
  auto workouts = Workouts();
  ASSERT_EQ(workouts.size(), 1u);
  EXPECT_EQ(workouts[0]["started_at"], "2024-04-25T17:20:00.000Z");
  // Not the uploaded file's name: a FIT file has none of its own, so sport (none here) and date.
  EXPECT_EQ(workouts[0]["title"], "Activity on 2024-04-25");
  EXPECT_EQ(
      h_.Get(ana_, "/api/v1/workouts/" + std::string(workouts[0]["id"].as_string()) + "/track")
          .Json()["points"]
          .as_array()
          .size(),
      600u);

  auto route = RunImport("format=fit", testing::WriteFitActivity(Course(false)));
  ASSERT_EQ(route["status"], "failed") << json::serialize(route);
  const auto& error = route["error"].as_object();
  EXPECT_EQ(error.at("detail"),
            "This FIT file is a course with no timestamps (a planned route), not a recorded "
            "activity.");
  EXPECT_EQ(error.at("status").to_number<int>(), 422);
  EXPECT_EQ(Workouts().size(), 1u);
}

// ---- 2. Hevy supersets -----------------------------------------------------------------------

std::string HevyRow(const std::string& title, const std::string& start, const std::string& end,
                    const std::string& exercise, const std::string& superset,
                    const std::string& weight, const std::string& reps) {
  return core::CsvLine(
      {title, start, end, "", exercise, superset, "", "0", "normal", weight, reps, "", "", ""});
}

std::string HevyHeader() {
  return core::CsvLine({"title", "start_time", "end_time", "description", "exercise_title",
                        "superset_id", "exercise_notes", "set_index", "set_type", "weight_kg",
                        "reps", "distance_km", "duration_seconds", "rpe"});
}

TEST_F(ImportDefectsTest, HevySupersetsBecomeTheApisGroupsAndSaveBackUnchanged) {
  // Hevy numbers each workout's supersets from 0: 0, 0, none, 1, 1 and, next workout, 0, 0.
  std::string csv = HevyHeader();
  const std::string s1 = "12 Jan 2024, 18:05", e1 = "12 Jan 2024, 19:00";
  csv += HevyRow("Upper", s1, e1, "Bench Press (Barbell)", "0", "80", "8");
  csv += HevyRow("Upper", s1, e1, "Bent Over Row (Barbell)", "0", "70", "8");
  csv += HevyRow("Upper", s1, e1, "Plank", "", "", "");
  csv += HevyRow("Upper", s1, e1, "Bicep Curl (Dumbbell)", "1", "14", "12");
  csv += HevyRow("Upper", s1, e1, "Triceps Pushdown (Cable)", "1", "25", "12");
  const std::string s2 = "14 Jan 2024, 07:00", e2 = "14 Jan 2024, 08:00";
  csv += HevyRow("Lower", s2, e2, "Squat (Barbell)", "0", "100", "5");
  csv += HevyRow("Lower", s2, e2, "Lying Leg Curl (Machine)", "0", "40", "10");
  auto done = RunImport("format=hevy_csv", csv);
  ASSERT_EQ(done["status"], "succeeded") << json::serialize(done);

  auto workouts = Workouts();
  ASSERT_EQ(workouts.size(), 2u);
  auto groups = [](const json::object& workout) {
    std::vector<int> out;  // 0 for "no superset"
    for (const auto& b : workout.at("blocks").as_array()) {
      const auto& g = b.as_object().at("superset_group");
      out.push_back(g.is_null() ? 0 : g.to_number<int>());
    }
    return out;
  };
  EXPECT_EQ(groups(workouts[0]), (std::vector<int>{1, 1, 0, 2, 2}));
  EXPECT_EQ(groups(workouts[1]), (std::vector<int>{1, 1}));

  // What the API gave back, PUT back unchanged (the input fields of the response), is accepted.
  for (const auto& workout : workouts) {
    std::string id(workout.at("id").as_string());
    auto got = h_.Get(ana_, "/api/v1/workouts/" + id);
    auto got_body = got.Json();
    json::object body;
    for (const char* key : {"title", "started_at", "ended_at", "time_zone", "notes",
                            "perceived_effort", "routine_id", "cardio", "blocks"}) {
      if (auto* v = got_body.if_contains(key)) body[key] = *v;
    }
    platform::http::Headers if_match;
    if_match.Set("If-Match", std::string(got.headers.Get("ETag").value_or("")));
    auto put =
        h_.Call(ana_, Method::kPut, "/api/v1/workouts/" + id, json::serialize(body), if_match);
    EXPECT_EQ(put.status, 200) << put.body;
  }
}

// ---- 3. The API's limits for every way in ----------------------------------------------------

TEST_F(ImportDefectsTest, CsvRowsMeetTheApisLimitsAndTheRefusedOnesAreNamed) {
  // The API takes 0..2,000 kg, 0..10,000 reps and RPE 1..10 (core/limits.hpp).
  const std::string d = "2024-02-01 10:00:00";
  std::string csv = StrongHeader();
  csv += StrongRow(d, "Heavy", "1", "5000", "5");       // line 2: Weight
  csv += StrongRow(d, "Heavy", "2", "100", "50000");    // line 3: Reps
  csv += StrongRow(d, "Heavy", "3", "2000", "10000");   // line 4: both at the limit: kept
  csv += StrongRow(d, "Heavy", "4", "-5", "5");         // line 5: Weight below 0
  csv += StrongRow(d, "Heavy", "5", "100", "5", "11");  // line 6: RPE
  csv += StrongRow(d, "Heavy", "6", "5000", "50000");   // line 7: Weight and Reps
  csv += StrongRow(d, "Heavy", "7", "100", "5", "8");   // line 8: kept
  // A workout whose notes are longer than the API's 5,000 characters goes whole.
  csv += StrongRow("2024-02-02 10:00:00", "Chatty", "1", "100", "5", "", std::string(5001, 'x'));

  auto preview = Preview("format=strong_csv", csv);
  EXPECT_EQ(preview["workouts"].to_number<int>(), 1);
  EXPECT_EQ(preview["sets"].to_number<int>(), 2);
  std::vector<std::pair<int, std::string>> errors;
  for (const auto& e : preview["row_errors"].as_array()) {
    const auto& o = e.as_object();
    errors.emplace_back(o.at("row").to_number<int>(),
                        o.at("column").is_null() ? "" : std::string(o.at("column").as_string()));
  }
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors, (std::vector<std::pair<int, std::string>>{{2, "Weight"},
                                                              {3, "Reps"},
                                                              {5, "Weight"},
                                                              {6, "RPE"},
                                                              {7, "Reps"},
                                                              {7, "Weight"},
                                                              {9, "Workout Notes"}}))
      << json::serialize(preview["row_errors"]);

  auto done = RunImport("format=strong_csv", csv);
  ASSERT_EQ(done["status"], "succeeded") << json::serialize(done);
  EXPECT_EQ(done["result"].as_object()["workouts_created"].to_number<int>(), 1);
  EXPECT_EQ(done["result"].as_object()["sets_created"].to_number<int>(), 2);
  auto workouts = Workouts();
  ASSERT_EQ(workouts.size(), 1u);
  auto sets = workouts[0]["blocks"].as_array()[0].as_object().at("sets").as_array();
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].as_object().at("weight_kg").to_number<double>(), 2000);
  EXPECT_EQ(sets[0].as_object().at("reps").to_number<int>(), 10000);
  EXPECT_EQ(sets[1].as_object().at("weight_kg").to_number<double>(), 100);
}

TEST_F(ImportDefectsTest, PoundsAreHeldToTheLimitInKilograms) {
  // 4,409 lb = 4409 x 0.45359237 = 1,999.889 kg (kept); 4,410 lb = 2,000.342 kg (refused).
  const std::string d = "2024-02-01 10:00:00";
  std::string csv = StrongHeader() + StrongRow(d, "Heavy", "1", "4409", "1") +
                    StrongRow(d, "Heavy", "2", "4410", "1");
  auto preview = Preview("format=strong_csv&weight_unit=lb", csv);
  EXPECT_EQ(preview["sets"].to_number<int>(), 1);
  auto errors = preview["row_errors"].as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].as_object().at("row").to_number<int>(), 3);
  EXPECT_EQ(errors[0].as_object().at("column"), "Weight");
}

// ---- 4. Local times in the user's zone -------------------------------------------------------

TEST_F(ImportDefectsTest, StrongTimesAreReadInTheProfileZoneWithDaylightSavingGapsAndOverlaps) {
  SetProfileZone("Europe/Berlin");
  std::string csv = StrongHeader();
  // Winter, CET = UTC+1: 18:04:12 is 17:04:12Z.
  csv += StrongRow("2026-03-02 18:04:12", "Winter", "1", "100", "5");
  // 29 March 2026, the last Sunday of March: 02:00 CET jumps to 03:00 CEST, so 02:30 never
  // happened; read with the offset before the jump (+1): 01:30Z (03:30 CEST).
  csv += StrongRow("2026-03-29 02:30:00", "Gap", "1", "100", "5");
  // Summer, CEST = UTC+2: 09:00 is 07:00Z.
  csv += StrongRow("2026-07-01 09:00:00", "Summer", "1", "100", "5");
  // 25 October 2026, the last Sunday of October: 03:00 CEST goes back to 02:00 CET, so 02:30
  // happened twice; the earlier is taken (CEST, +2): 00:30Z.
  csv += StrongRow("2026-10-25 02:30:00", "Overlap", "1", "100", "5");

  auto preview = Preview("format=strong_csv", csv);
  EXPECT_EQ(preview["time_zone"], "Europe/Berlin");
  ASSERT_EQ(preview["preview"].as_array().size(), 4u);
  EXPECT_EQ(preview["preview"].as_array()[0].as_object().at("started_at"), "2026-03-02T17:04:12Z");

  auto done = RunImport("format=strong_csv", csv);
  ASSERT_EQ(done["status"], "succeeded") << json::serialize(done);
  auto workouts = Workouts();
  ASSERT_EQ(workouts.size(), 4u);
  EXPECT_EQ(workouts[0]["started_at"], "2026-03-02T17:04:12.000Z");
  EXPECT_EQ(workouts[0]["ended_at"], "2026-03-02T18:09:12.000Z");  // + Duration 1h 5m
  EXPECT_EQ(workouts[1]["started_at"], "2026-03-29T01:30:00.000Z");
  EXPECT_EQ(workouts[2]["started_at"], "2026-07-01T07:00:00.000Z");
  EXPECT_EQ(workouts[3]["started_at"], "2026-10-25T00:30:00.000Z");
  for (const auto& w : workouts) EXPECT_EQ(w.at("time_zone"), "Europe/Berlin");

  // The export writes the wall-clock times back, as Strong does.
  auto exported = core::ReadCsv(h_.Get(ana_, "/api/v1/exports/sets.csv").body);
  ASSERT_EQ(exported.size(), 5u);
  EXPECT_EQ(exported[1].fields[0], "2026-03-02 18:04:12");
  EXPECT_EQ(exported[3].fields[0], "2026-07-01 09:00:00");
  EXPECT_EQ(exported[4].fields[0], "2026-10-25 02:30:00");
}

TEST_F(ImportDefectsTest, AZoneChosenForTheImportWinsAndAnUnknownOneIsRefused) {
  SetProfileZone("Europe/Berlin");
  // New York, 2 March 2026: EST (UTC-5, daylight time starts on 8 March), 18:04:12 is 23:04:12Z.
  std::string csv = StrongHeader() + StrongRow("2026-03-02 18:04:12", "Trip", "1", "100", "5");
  auto done = RunImport("format=strong_csv&time_zone=America/New_York", csv);
  ASSERT_EQ(done["status"], "succeeded") << json::serialize(done);
  auto workouts = Workouts();
  ASSERT_EQ(workouts.size(), 1u);
  EXPECT_EQ(workouts[0]["started_at"], "2026-03-02T23:04:12.000Z");
  EXPECT_EQ(workouts[0]["time_zone"], "America/New_York");

  for (const char* bad : {"Mars/Olympus", "Europe%2FNowhere", "%00"}) {
    auto reply = Upload(std::string("format=strong_csv&time_zone=") + bad, csv);
    EXPECT_EQ(reply.status, 422) << bad;
    EXPECT_NE(reply.body.find("\"time_zone\""), std::string::npos) << reply.body;
  }
  EXPECT_EQ(Workouts().size(), 1u);
}

TEST_F(ImportDefectsTest, HevyTimesAreReadInTheProfileZone) {
  SetProfileZone("Europe/Berlin");
  // 12 January: CET, UTC+1.
  std::string csv = HevyHeader() + HevyRow("Upper", "12 Jan 2024, 18:05", "12 Jan 2024, 19:10",
                                           "Bench Press (Barbell)", "", "80", "8");
  auto done = RunImport("format=hevy_csv", csv);
  ASSERT_EQ(done["status"], "succeeded") << json::serialize(done);
  auto workouts = Workouts();
  ASSERT_EQ(workouts.size(), 1u);
  EXPECT_EQ(workouts[0]["started_at"], "2024-01-12T17:05:00.000Z");
  EXPECT_EQ(workouts[0]["ended_at"], "2024-01-12T18:10:00.000Z");
  EXPECT_EQ(workouts[0]["time_zone"], "Europe/Berlin");
}

// ---- 5. Re-imports skip what is in the log ---------------------------------------------------

std::string TwoWorkouts() {
  return StrongRow("2024-03-01 10:00:00", "Pull", "1", "140", "5") +
         StrongRow("2024-03-01 10:00:00", "Pull", "2", "150", "3") +
         StrongRow("2024-03-03 10:00:00", "Legs", "1", "100", "5", "", "",
                   "Squat (Barbell)");  // lines 2-3 and 4
}

TEST_F(ImportDefectsTest, ReImportingTheSameFileCreatesNothingAndOnlyNewWorkoutsAreAdded) {
  std::string csv = StrongHeader() + TwoWorkouts();
  auto first = RunImport("format=strong_csv", csv);
  ASSERT_EQ(first["status"], "succeeded") << json::serialize(first);
  EXPECT_EQ(first["result"].as_object()["workouts_created"].to_number<int>(), 2);
  auto originals = Workouts();
  ASSERT_EQ(originals.size(), 2u);

  // The preview of the same file shows both as skipped, with why and which workout they are.
  auto preview = Preview("format=strong_csv", csv);
  EXPECT_EQ(preview["workouts"].to_number<int>(), 0);
  EXPECT_EQ(preview["sets"].to_number<int>(), 0);
  EXPECT_EQ(preview["workouts_skipped"].to_number<int>(), 2);
  auto skipped = preview["skipped"].as_array();
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0].as_object().at("row").to_number<int>(), 2);
  EXPECT_EQ(skipped[0].as_object().at("started_at"), "2024-03-01T10:00:00Z");
  EXPECT_EQ(skipped[0].as_object().at("existing_workout_id"), originals[0]["id"]);
  EXPECT_EQ(skipped[0].as_object().at("reason"), "already in your log");
  EXPECT_EQ(skipped[1].as_object().at("row").to_number<int>(), 4);
  EXPECT_EQ(skipped[1].as_object().at("existing_workout_id"), originals[1]["id"]);

  auto second = RunImport("format=strong_csv", csv);
  ASSERT_EQ(second["status"], "succeeded") << json::serialize(second);
  EXPECT_EQ(second["result"].as_object()["workouts_created"].to_number<int>(), 0);
  EXPECT_EQ(second["result"].as_object()["sets_created"].to_number<int>(), 0);
  EXPECT_EQ(second["result"].as_object()["workouts_skipped"].to_number<int>(), 2);
  EXPECT_EQ(Workouts().size(), 2u);

  // A title edited since does not make it another workout: same start, same training.
  {
    std::string id(originals[0]["id"].as_string());
    auto got = h_.Get(ana_, "/api/v1/workouts/" + id);
    auto got_body = got.Json();
    json::object body;
    for (const char* key : {"started_at", "ended_at", "time_zone", "blocks"}) {
      if (auto* v = got_body.if_contains(key)) body[key] = *v;
    }
    body["title"] = "Pull day (renamed)";
    platform::http::Headers if_match;
    if_match.Set("If-Match", std::string(got.headers.Get("ETag").value_or("")));
    ASSERT_EQ(h_.Call(ana_, Method::kPut, "/api/v1/workouts/" + id, json::serialize(body), if_match)
                  .status,
              200);
  }

  // One new workout (a heavier pull on the 1st at another time) and the two old ones.
  std::string more =
      StrongHeader() + TwoWorkouts() + StrongRow("2024-03-05 10:00:00", "Pull", "1", "145", "5");
  auto third = RunImport("format=strong_csv", more);
  ASSERT_EQ(third["status"], "succeeded") << json::serialize(third);
  EXPECT_EQ(third["result"].as_object()["workouts_created"].to_number<int>(), 1);
  EXPECT_EQ(third["result"].as_object()["workouts_skipped"].to_number<int>(), 2);
  auto now = Workouts();
  ASSERT_EQ(now.size(), 3u);
  EXPECT_EQ(now[2]["started_at"], "2024-03-05T10:00:00.000Z");

  // The same start with other sets is another workout; allow_duplicate keeps even the same.
  std::string other = StrongHeader() + StrongRow("2024-03-01 10:00:00", "Pull", "1", "140", "6");
  EXPECT_EQ(Preview("format=strong_csv", other)["workouts"].to_number<int>(), 1);
  auto kept = RunImport("format=strong_csv&allow_duplicate=true", csv);
  EXPECT_EQ(kept["result"].as_object()["workouts_created"].to_number<int>(), 2);
  EXPECT_EQ(Workouts().size(), 5u);
}

TEST_F(ImportDefectsTest, AWorkoutTwiceInOneFileIsImportedOnce) {
  // The same training at the same start under two names (lines 2 and 3).
  std::string csv = StrongHeader() + StrongRow("2024-03-01 10:00:00", "Pull", "1", "140", "5") +
                    StrongRow("2024-03-01 10:00:00", "Pull (copy)", "1", "140", "5");
  auto preview = Preview("format=strong_csv", csv);
  EXPECT_EQ(preview["workouts"].to_number<int>(), 1);
  ASSERT_EQ(preview["skipped"].as_array().size(), 1u);
  const auto& skipped = preview["skipped"].as_array()[0].as_object();
  EXPECT_EQ(skipped.at("row").to_number<int>(), 3);
  EXPECT_TRUE(skipped.at("existing_workout_id").is_null());
  EXPECT_EQ(skipped.at("reason"), "the same as the workout on line 2");

  auto done = RunImport("format=strong_csv", csv);
  EXPECT_EQ(done["result"].as_object()["workouts_created"].to_number<int>(), 1);
  EXPECT_EQ(done["result"].as_object()["workouts_skipped"].to_number<int>(), 1);
  EXPECT_EQ(Workouts().size(), 1u);
}

}  // namespace
}  // namespace vigor
