// A set's own note (issue 10, "the training log's gaps"): written and read with the workout
// (POST, GET, PUT with If-Match), held to its length and text rules, and carried by Strong's
// per-set Notes column through an import and the sets.csv export.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <string>

#include "core/csv.hpp"
#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

// Squat: a set noted "left knee hurt", a set without a note, a set noted on two lines.
boost::json::object NotedWorkout() {
  return boost::json::parse(R"({
    "title": "Legs",
    "started_at": "2026-03-02T07:30:00Z",
    "blocks": [
      {"exercise_id": "barbell-back-squat", "notes": "high bar", "sets": [
        {"reps": 5, "weight_kg": 100, "notes": "left knee hurt"},
        {"reps": 5, "weight_kg": 100},
        {"reps": 3, "weight_kg": 110, "notes": "grinder\nbelt on"}
      ]}
    ]
  })")
      .as_object();
}

boost::json::array SetsOf(const boost::json::value& workout) {
  return workout.at("blocks").as_array()[0].as_object().at("sets").as_array();
}

class SetNotesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.SignIn(ana_, "ana");
  }

  Reply Post(const boost::json::object& body) {
    return h_.Call(ana_, Method::kPost, "/api/v1/workouts", boost::json::serialize(body));
  }

  std::string RunStrongImport(Browser& who, const std::string& csv) {
    auto reply = h_.Call(who, Method::kPost, "/api/v1/imports?format=strong_csv", csv,
                         testing::ContentType("text/csv"));
    EXPECT_EQ(reply.status, 202) << reply.body;
    h_.app().jobs->DrainForTests();
    auto done = h_.Get(who, "/api/v1/imports/" + std::string(reply.Json()["id"].as_string()));
    EXPECT_EQ(done.Json()["status"], "succeeded") << done.body;
    auto list = h_.Get(who, "/api/v1/workouts?limit=10").Json()["items"].as_array();
    EXPECT_EQ(list.size(), 1u);
    return list.empty() ? "" : std::string(list[0].as_object().at("id").as_string());
  }

  AppHarness h_;
  Browser ana_;
};

TEST_F(SetNotesTest, ASetsNoteIsKeptWithItsSetThroughPostGetAndPut) {
  auto created = Post(NotedWorkout());
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id(created.Json()["id"].as_string());

  auto got = h_.Get(ana_, "/api/v1/workouts/" + id);
  ASSERT_EQ(got.status, 200);
  auto sets = SetsOf(got.Json());
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].at("notes"), "left knee hurt");
  EXPECT_TRUE(sets[1].at("notes").is_null());
  EXPECT_EQ(sets[2].at("notes"), "grinder\nbelt on");
  EXPECT_EQ(got.Json()["blocks"].as_array()[0].as_object().at("notes"), "high bar");

  // The editor's PUT: the note moves to the second set, the first loses it.
  auto edited = NotedWorkout();
  auto& edited_sets = edited["blocks"].as_array()[0].as_object()["sets"].as_array();
  edited_sets[0].as_object().erase("notes");
  edited_sets[1].as_object()["notes"] = "knee fine now";
  Headers if_match;
  if_match.Add("If-Match", std::string(got.headers.Get("ETag").value_or("")));
  auto put = h_.Call(ana_, Method::kPut, "/api/v1/workouts/" + id, boost::json::serialize(edited),
                     if_match);
  ASSERT_EQ(put.status, 200) << put.body;
  auto after = SetsOf(h_.Get(ana_, "/api/v1/workouts/" + id).Json());
  EXPECT_TRUE(after[0].at("notes").is_null());
  EXPECT_EQ(after[1].at("notes"), "knee fine now");
  EXPECT_EQ(after[2].at("notes"), "grinder\nbelt on");

  // The exercise's last sets carry their notes too.
  auto last = h_.Get(ana_, "/api/v1/exercises/barbell-back-squat/last-sets");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(last.Json()["items"].as_array()[1].as_object().at("notes"), "knee fine now");
}

TEST_F(SetNotesTest, ANoteTooLongOrWithAControlCharacterIsRefusedAndNothingIsSaved) {
  // 500 characters (the limit) pass, counted as characters: "ü" is two bytes.
  auto at_limit = NotedWorkout();
  at_limit["blocks"].as_array()[0].as_object()["sets"].as_array()[0].as_object()["notes"] =
      std::string(498, 'a') + "üü";
  ASSERT_EQ(Post(at_limit).status, 201);

  auto too_long = NotedWorkout();
  auto& sets = too_long["blocks"].as_array()[0].as_object()["sets"].as_array();
  sets[0].as_object()["notes"] = std::string(501, 'a');
  sets[2].as_object()["notes"] = "bell\x07";
  auto reply = Post(too_long);
  ASSERT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(FieldsOf(reply),
            (std::set<std::string>{"blocks[0].sets[0].notes", "blocks[0].sets[2].notes"}));
  EXPECT_EQ(h_.Get(ana_, "/api/v1/workouts").Json()["items"].as_array().size(), 1u);
}

TEST_F(SetNotesTest, StrongsNotesColumnIsEachSetsNoteThroughImportAndExport) {
  // Strong notes sets: the second row has none, the third its own (they used to become the
  // block's one note, the first row's, and the third was lost).
  std::string csv =
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
      "Workout Notes,RPE\r\n"
      "2024-01-12 18:05:00,Legs,1h,Squat (Barbell),1,100,5,0,0,left knee hurt,,\r\n"
      "2024-01-12 18:05:00,Legs,1h,Squat (Barbell),2,100,5,0,0,,,\r\n"
      "2024-01-12 18:05:00,Legs,1h,Squat (Barbell),3,100,4,0,0,\"slow, controlled\",,\r\n";
  auto id = RunStrongImport(ana_, csv);
  auto workout = h_.Get(ana_, "/api/v1/workouts/" + id).Json();
  EXPECT_TRUE(workout.at("blocks").as_array()[0].as_object().at("notes").is_null());
  auto sets = SetsOf(workout);
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].at("notes"), "left knee hurt");
  EXPECT_TRUE(sets[1].at("notes").is_null());
  EXPECT_EQ(sets[2].at("notes"), "slow, controlled");

  auto exported = h_.Get(ana_, "/api/v1/exports/sets.csv");
  ASSERT_EQ(exported.status, 200);
  auto records = core::ReadCsv(exported.body);
  ASSERT_EQ(records.size(), 4u);
  constexpr std::size_t kNotes = 9;
  EXPECT_EQ(records[1].fields[kNotes], "left knee hurt");
  EXPECT_EQ(records[2].fields[kNotes], "");
  EXPECT_EQ(records[3].fields[kNotes], "slow, controlled");

  // Strong's columns, then the block's notes in a column of Vigor's own.
  EXPECT_EQ(records[0].fields.back(), "Exercise Notes");
  EXPECT_EQ(records[1].fields.back(), "");

  // The export imported into another account gives the same sets with the same notes.
  h_.CreateUser("ben");
  Browser ben;
  h_.SignIn(ben, "ben");
  auto again = RunStrongImport(ben, exported.body);
  auto copy = SetsOf(h_.Get(ben, "/api/v1/workouts/" + again).Json());
  ASSERT_EQ(copy.size(), 3u);
  EXPECT_EQ(copy[0].at("notes"), "left knee hurt");
  EXPECT_TRUE(copy[1].at("notes").is_null());
  EXPECT_EQ(copy[2].at("notes"), "slow, controlled");
}

TEST_F(SetNotesTest, TheExportKeepsABlocksNotesApartFromItsSetsNotes) {
  ASSERT_EQ(Post(NotedWorkout()).status, 201);
  auto exported = h_.Get(ana_, "/api/v1/exports/sets.csv");
  ASSERT_EQ(exported.status, 200);
  auto records = core::ReadCsv(exported.body);
  ASSERT_EQ(records.size(), 4u);
  constexpr std::size_t kNotes = 9, kExerciseNotes = 12;
  EXPECT_EQ(records[1].fields[kNotes], "left knee hurt");
  EXPECT_EQ(records[2].fields[kNotes], "");
  EXPECT_EQ(records[3].fields[kNotes], "grinder\nbelt on");
  for (std::size_t i = 1; i <= 3; ++i) EXPECT_EQ(records[i].fields[kExerciseNotes], "high bar");

  h_.CreateUser("ben");
  Browser ben;
  h_.SignIn(ben, "ben");
  auto copy = h_.Get(ben, "/api/v1/workouts/" + RunStrongImport(ben, exported.body)).Json();
  EXPECT_EQ(copy.at("blocks").as_array()[0].as_object().at("notes"), "high bar");
  auto sets = SetsOf(copy);
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].at("notes"), "left knee hurt");
  EXPECT_TRUE(sets[1].at("notes").is_null());
  EXPECT_EQ(sets[2].at("notes"), "grinder\nbelt on");
  EXPECT_EQ(h_.Get(ben, "/api/v1/exports/sets.csv").body, exported.body);
}

}  // namespace
}  // namespace vigor
