// JsonWriter writes the text SerializeJson writes for the same document (numbers, escapes,
// nesting), and the history page it writes is the contract's WorkoutPage, member for member.
#include "platform/http/json_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <limits>

#include "features/workouts/json_codec.hpp"
#include "platform/http/json.hpp"

namespace vigor::platform::http {
namespace {

TEST(JsonWriter, WritesWhatSerializeJsonWritesForTheSameDocument) {
  JsonWriter json;
  json.BeginObject()
      .Field("text", "a \"quoted\"\nline\x01 \xc3\xa9")
      .Field("whole", 3600.0)
      .Field("fraction", 0.1 + 0.2)
      .Field("negative_zero", -0.0)
      .Field("not_finite", std::numeric_limits<double>::quiet_NaN())
      .Field("huge", 1e21)
      .Field("integer", std::int64_t{-9007199254740993})
      .Field("small", 42)
      .Field("yes", true)
      .Field("no", false)
      .Field("missing", std::optional<double>())
      .Field("present", std::optional<std::string>("x"))
      .Key("nothing")
      .Null()
      .Key("empty_object")
      .BeginObject()
      .EndObject()
      .Key("empty_array")
      .BeginArray()
      .EndArray()
      .Key("nested")
      .BeginArray()
      .BeginArray()
      .Value(1)
      .Value(2)
      .EndArray()
      .BeginObject()
      .Field("a", 1)
      .Field("b", 2)
      .EndObject()
      .Value("last")
      .EndArray()
      .EndObject();
  std::string text = std::move(json).Take();

  boost::json::value same = {{"text", "a \"quoted\"\nline\x01 \xc3\xa9"},
                             {"whole", 3600.0},
                             {"fraction", 0.1 + 0.2},
                             {"negative_zero", -0.0},
                             {"not_finite", std::numeric_limits<double>::quiet_NaN()},
                             {"huge", 1e21},
                             {"integer", std::int64_t{-9007199254740993}},
                             {"small", 42},
                             {"yes", true},
                             {"no", false},
                             {"missing", nullptr},
                             {"present", "x"},
                             {"nothing", nullptr},
                             {"empty_object", boost::json::object()},
                             {"empty_array", boost::json::array()},
                             {"nested", {boost::json::array{1, 2}, {{"a", 1}, {"b", 2}}, "last"}}};
  EXPECT_EQ(text, SerializeJson(same));
  // Worked out by hand, so that a change to both at once does not go unseen.
  EXPECT_TRUE(text.starts_with(R"({"text":"a \"quoted\"\nline\u0001 é","whole":3600,)"
                               R"("fraction":0.30000000000000004,"negative_zero":0,)"
                               R"("not_finite":null,"huge":1e+21,"integer":-9007199254740993,)"))
      << text;
  EXPECT_NE(text.find(R"("nested":[[1,2],{"a":1,"b":2},"last"]})"), std::string::npos) << text;
}

TEST(JsonWriter, AnArrayOfScalarsAtTheTop) {
  JsonWriter json;
  json.BeginArray().Value(1.5).Value("two").Null().EndArray();
  EXPECT_EQ(std::move(json).Take(), R"([1.5,"two",null])");
}

}  // namespace
}  // namespace vigor::platform::http

namespace vigor::features::workouts {
namespace {

TEST(WorkoutPageJson, EveryMemberOfTheContractsWorkoutSummaryInItsPlace) {
  WorkoutSummary strength;
  strength.id = "w1";
  strength.title = "Bench \"day\"";
  strength.started_at = "2026-12-01T18:00:00.000Z";
  strength.ended_at = "2026-12-01T19:02:00.000Z";
  strength.time_zone = "Europe/Berlin";
  strength.totals = {.sets = {.sets = 15, .reps = 90, .volume_kg = 6020.5, .exercises = 3},
                     .duration_s = 3720.0};
  strength.exercise_names = {"Barbell Bench Press", "Barbell Back Squat"};
  strength.perceived_effort = 8;
  strength.visibility = "followers";
  strength.has_notes = true;

  WorkoutSummary run;
  run.id = "w2";
  run.title = "Morning run";
  run.kind = WorkoutKind::kCardio;
  run.started_at = "2026-12-02T06:30:00.000Z";
  run.cardio = Cardio{.sport = "running",
                      .distance_m = 5012.4,
                      .duration_s = 1500.0,
                      .avg_heart_rate = 151,
                      .calories_kcal = 0.5};

  std::string text = EncodeWorkoutPage({.items = {strength, run}, .next_cursor = "c2"});
  EXPECT_EQ(
      text,
      R"({"items":[)"
      R"({"id":"w1","title":"Bench \"day\"","kind":"strength",)"
      R"("started_at":"2026-12-01T18:00:00.000Z","ended_at":"2026-12-01T19:02:00.000Z",)"
      R"("time_zone":"Europe/Berlin",)"
      R"("totals":{"sets":15,"reps":90,"volume_kg":6020.5,"exercises":3,"duration_s":3720},)"
      R"("cardio":null,"exercise_names":["Barbell Bench Press","Barbell Back Squat"],)"
      R"("perceived_effort":8,"visibility":"followers","has_notes":true},)"
      R"({"id":"w2","title":"Morning run","kind":"cardio",)"
      R"("started_at":"2026-12-02T06:30:00.000Z","ended_at":null,"time_zone":null,)"
      R"("totals":{"sets":0,"reps":0,"volume_kg":0,"exercises":0,"duration_s":null},)"
      R"("cardio":{"sport":"running","distance_m":5012.4,"duration_s":1500,)"
      R"("moving_time_s":null,"elevation_gain_m":null,"avg_heart_rate":151,)"
      R"("max_heart_rate":null,"calories_kcal":0.5},)"
      R"("exercise_names":[],"perceived_effort":null,"visibility":"private","has_notes":false}],)"
      R"("next_cursor":"c2"})");
  EXPECT_EQ(EncodeWorkoutPage({}), R"({"items":[],"next_cursor":null})");
}

}  // namespace
}  // namespace vigor::features::workouts
