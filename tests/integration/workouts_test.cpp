// Workouts through the real application (in process): logging with blocks and sets in one
// transaction, the history list with its cursor and filters, totals, last sets, and which
// exercises a workout may name. Retries, If-Match and tombstones: workout_writes_test.cpp.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <thread>

#include "app/feature_links.hpp"
#include "features/exercises/feature.hpp"
#include "features/workouts/feature.hpp"
#include "features/workouts/json_codec.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "workouts_fixture.hpp"

namespace vigor {
namespace {

using namespace workouts_testing;  // NOLINT(google-build-using-namespace): the shared fixture

TEST_F(WorkoutsTest, LogsAWorkoutWithBlocksSetsAndTotals) {
  auto created = Post(owner_, StrengthWorkout());
  ASSERT_EQ(created.status, 201) << created.body;
  auto w = created.Json();
  EXPECT_TRUE(platform::IsUuid(w["id"].as_string()));
  EXPECT_EQ(w["kind"], "strength");
  EXPECT_EQ(w["title"], "Leg day");
  // Stored in UTC with milliseconds, whatever offset the client used.
  EXPECT_EQ(w["started_at"], "2026-03-02T06:30:00.000Z");
  EXPECT_EQ(w["ended_at"], "2026-03-02T07:45:30.500Z");
  EXPECT_EQ(w["time_zone"], "Europe/Berlin");
  EXPECT_EQ(w["perceived_effort"], 8);
  EXPECT_EQ(w["cardio"], nullptr);
  auto blocks = w["blocks"].as_array();
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].at("exercise_id"), "barbell-back-squat");
  EXPECT_EQ(blocks[0].at("rest_s"), 180);
  ASSERT_EQ(blocks[0].at("sets").as_array().size(), 3u);
  auto first = blocks[0].at("sets").as_array()[0].as_object();
  EXPECT_EQ(first["set_type"], "warmup");
  EXPECT_EQ(first["rpe"].to_number<double>(), 7);
  EXPECT_EQ(blocks[0].at("sets").as_array()[1].at("set_type"), "normal");
  EXPECT_EQ(blocks[0].at("sets").as_array()[2].at("target_weight_kg").to_number<double>(), 100);
  EXPECT_EQ(blocks[1].at("superset_group"), 1);
  EXPECT_EQ(blocks[1].at("sets").as_array()[0].at("done"), true) << "done defaults to true";
  // Done sets: 5 + 5 reps at 100 kg and 8 at 60 kg.
  auto totals = w["totals"].as_object();
  EXPECT_EQ(totals["sets"], 3);
  EXPECT_EQ(totals["reps"], 18);
  EXPECT_EQ(totals["volume_kg"].to_number<double>(), 1480);
  EXPECT_EQ(totals["exercises"], 2);
  EXPECT_EQ(totals["duration_s"].to_number<double>(), 4530.5);
  EXPECT_EQ(ETagOf(created), "\"w-" + std::to_string(w["rev"].as_int64()) + "\"");

  std::string id(w["id"].as_string());
  auto read = h_.Get(owner_, "/api/v1/workouts/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json(), w);
  EXPECT_EQ(ETagOf(read), ETagOf(created));
  EXPECT_EQ(CountRows("workout_blocks"), 2);
  EXPECT_EQ(CountRows("workout_sets"), 4);
}

TEST_F(WorkoutsTest, CardioSessionsShareTheTable) {
  auto body = boost::json::parse(R"({"title": "Morning run", "started_at": "2026-03-03T06:00:00Z",
    "cardio": {"sport": "run", "distance_m": 10000, "duration_s": 3000, "moving_time_s": 2950,
               "elevation_gain_m": 85, "avg_heart_rate": 150, "max_heart_rate": 178,
               "calories_kcal": 700}})")
                  .as_object();
  auto created = Post(owner_, body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto w = created.Json();
  EXPECT_EQ(w["kind"], "cardio");
  EXPECT_EQ(w["cardio"].at("sport"), "run");
  EXPECT_EQ(w["cardio"].at("avg_heart_rate"), 150);
  EXPECT_EQ(w["totals"].at("duration_s").to_number<double>(), 3000);
  ASSERT_EQ(Post(owner_, StrengthWorkout()).status, 201);

  auto cardio = h_.Get(owner_, "/api/v1/workouts?kind=cardio").Json()["items"].as_array();
  ASSERT_EQ(cardio.size(), 1u);
  EXPECT_EQ(cardio[0].at("cardio").at("distance_m").to_number<double>(), 10000);
  EXPECT_EQ(cardio[0].at("cardio").at("max_heart_rate"), 178);
  auto strength = h_.Get(owner_, "/api/v1/workouts?kind=strength").Json()["items"].as_array();
  ASSERT_EQ(strength.size(), 1u);
  EXPECT_EQ(strength[0].at("exercise_names"),
            (boost::json::array{"Barbell Back Squat", "Barbell Bench Press"}));
  EXPECT_TRUE(cardio[0].at("exercise_names").as_array().empty());
  EXPECT_EQ(strength[0].at("cardio"), nullptr);
  EXPECT_EQ(strength[0].at("totals").at("volume_kg").to_number<double>(), 1480);
}

TEST_F(WorkoutsTest, HistoryLinesCarryThePerceivedEffort) {
  auto rated = StrengthWorkout("Rated", "2026-03-04T17:00:00Z");
  rated["perceived_effort"] = 8;
  auto unrated = StrengthWorkout("Unrated", "2026-03-03T17:00:00Z");
  unrated.erase("perceived_effort");
  ASSERT_EQ(Post(owner_, rated).status, 201);
  ASSERT_EQ(Post(owner_, unrated).status, 201);
  auto items = h_.Get(owner_, "/api/v1/workouts").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("perceived_effort"), 8);  // newest first
  EXPECT_EQ(items[1].at("perceived_effort"), nullptr);
}

// A history line says whether the workout has a note anywhere (the list marks it): its own,
// an exercise's or only a set's; a workout with none, or only empty ones, has none.
TEST_F(WorkoutsTest, HistoryLinesSayWhetherAWorkoutHasNotes) {
  auto plain = [](const std::string& title, const std::string& started_at) {
    auto w = StrengthWorkout(title, started_at);
    w.erase("notes");
    auto& blocks = w["blocks"].as_array();
    blocks[1].as_object().erase("notes");
    return w;
  };
  auto own = StrengthWorkout("Own note", "2026-03-08T17:00:00Z");
  own["blocks"].as_array()[1].as_object().erase("notes");
  auto exercise = plain("Exercise note", "2026-03-07T17:00:00Z");
  exercise["blocks"].as_array()[0].as_object()["notes"] = "belt on";
  auto set = plain("Set note", "2026-03-06T17:00:00Z");
  set["blocks"].as_array()[1].as_object()["sets"].as_array()[0].as_object()["notes"] = "grip";
  auto none = plain("No note", "2026-03-05T17:00:00Z");
  auto empty = plain("Empty note", "2026-03-04T17:00:00Z");
  empty["notes"] = "";
  for (const auto& w : {own, exercise, set, none, empty}) {
    auto reply = Post(owner_, w);
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
  std::vector<std::pair<std::string, bool>> lines;
  auto page = h_.Get(owner_, "/api/v1/workouts").Json();
  for (const auto& item : page["items"].as_array()) {
    lines.emplace_back(item.at("title").as_string(), item.at("has_notes").as_bool());
  }
  EXPECT_EQ(lines, (std::vector<std::pair<std::string, bool>>{{"Own note", true},
                                                              {"Exercise note", true},
                                                              {"Set note", true},
                                                              {"No note", false},
                                                              {"Empty note", false}}));
}

// Whole quantities are sent as integers and others in plain decimal: 3600 and 3120, not 3.6E3
// and 3.12E3 (Boost.JSON's own way of writing a double).
TEST_F(WorkoutsTest, NumbersAreWrittenAsPeopleWriteThem) {
  auto run = boost::json::parse(R"({"title": "Hour run", "started_at": "2026-03-03T06:00:00Z",
    "cardio": {"sport": "run", "distance_m": 12500.5, "duration_s": 3600}})")
                 .as_object();
  auto created = Post(owner_, run);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_NE(created.body.find(R"("cardio":{"sport":"run","distance_m":12500.5,"duration_s":3600,)"),
            std::string::npos)
      << created.body;
  EXPECT_NE(created.body.find(R"("totals":{"sets":0,"reps":0,"volume_kg":0,"exercises":0,)"
                              R"("duration_s":3600})"),
            std::string::npos)
      << created.body;

  // 4 x 6 at 130 kg = 3120 kg; 07:30 to 08:15:00.5 is 2700.5 s.
  auto squats = boost::json::parse(R"({"title": "Squats", "started_at": "2026-03-04T07:30:00Z",
    "ended_at": "2026-03-04T08:15:00.5Z", "blocks": [{"exercise_id": "barbell-back-squat",
    "sets": [{"reps": 6, "weight_kg": 130}, {"reps": 6, "weight_kg": 130},
             {"reps": 6, "weight_kg": 130}, {"reps": 6, "weight_kg": 130}]}]})")
                    .as_object();
  created = Post(owner_, squats);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_NE(created.body.find(R"("totals":{"sets":4,"reps":24,"volume_kg":3120,"exercises":1,)"
                              R"("duration_s":2700.5})"),
            std::string::npos)
      << created.body;
}

TEST_F(WorkoutsTest, EveryInvalidFieldIsNamedByItsPath) {
  auto body = StrengthWorkout();
  body["ended_at"] = "2026-03-02T06:00:00Z";  // before started_at (06:30Z)
  body["perceived_effort"] = 11;
  body["mood"] = "great";
  auto& blocks = body["blocks"].as_array();
  blocks[0].as_object()["sets"].as_array()[1].as_object()["reps"] = -1;
  blocks[1].as_object()["sets"].as_array()[0].as_object()["weight_kg"] = 2500;
  blocks[1].as_object()["sets"].as_array()[0].as_object()["set_type"] = "heavy";
  blocks.push_back(boost::json::object{{"sets", boost::json::array{}}});
  blocks.push_back(boost::json::object{
      {"exercise_id", "plank"},
      {"sets", boost::json::array{boost::json::object{{"rir", 11}, {"weight", 10}}}}});
  auto reply = Post(owner_, body);
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto fields = FieldsOf(reply);
  for (const char* f :
       {"perceived_effort", "mood", "blocks[0].sets[1].reps", "blocks[1].sets[0].weight_kg",
        "blocks[1].sets[0].set_type", "blocks[2].exercise_id", "blocks[3].sets[0].rir",
        "blocks[3].sets[0].weight"}) {
    EXPECT_TRUE(fields.contains(f)) << f << " missing in " << reply.body;
  }
  // Rules across fields come once the fields themselves are right.
  auto late = StrengthWorkout();
  late["ended_at"] = "2026-03-02T06:00:00Z";
  late["cardio"] = boost::json::object{{"avg_heart_rate", 170}, {"max_heart_rate", 160}};
  auto rules = Post(owner_, late);
  ASSERT_EQ(rules.status, 422);
  EXPECT_EQ(FieldsOf(rules), (std::set<std::string>{"ended_at", "cardio.avg_heart_rate"}));

  EXPECT_EQ(FieldsOf(Post(owner_, boost::json::object{{"title", "no start"}})),
            std::set<std::string>{"started_at"});
  EXPECT_EQ(FieldsOf(Post(owner_, boost::json::object{{"started_at", "yesterday"}})),
            std::set<std::string>{"started_at"});
  EXPECT_EQ(FieldsOf(Post(owner_, boost::json::object{{"started_at", "2026-02-30T10:00:00Z"}})),
            std::set<std::string>{"started_at"});
  EXPECT_EQ(FieldsOf(Post(owner_, boost::json::object{{"started_at", "2026-03-02T07:30:00Z"},
                                                      {"id", "not-a-uuid"}})),
            std::set<std::string>{"id"});
  EXPECT_EQ(h_.Call(owner_, Method::kPost, "/api/v1/workouts", "[1]").status, 400);
  EXPECT_EQ(CountRows("workouts"), 0);
}

TEST_F(WorkoutsTest, HistoryIsNewestFirstWithAKeysetCursor) {
  // Seven workouts; three start at the same instant, so the id breaks the tie.
  std::vector<std::string> starts{"2026-01-01T08:00:00Z", "2026-01-05T08:00:00Z",
                                  "2026-01-03T08:00:00Z", "2026-01-03T08:00:00Z",
                                  "2026-01-03T08:00:00Z", "2026-01-10T18:00:00Z",
                                  "2025-12-31T23:00:00Z"};
  for (std::size_t i = 0; i < starts.size(); ++i) {
    ASSERT_EQ(Post(owner_, StrengthWorkout("W" + std::to_string(i), starts[i])).status, 201);
  }
  std::vector<std::pair<std::string, std::string>> seen;  // (started_at, id)
  std::string cursor;
  int pages = 0;
  do {
    std::string target = "/api/v1/workouts?limit=3";
    if (!cursor.empty()) target += "&cursor=" + cursor;
    auto page = h_.Get(owner_, target).Json();
    for (const auto& item : page["items"].as_array()) {
      seen.emplace_back(item.at("started_at").as_string(), item.at("id").as_string());
    }
    cursor = page["next_cursor"].is_null() ? "" : std::string(page["next_cursor"].as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), starts.size());
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend())) << "newest first, then by id";
  EXPECT_EQ(std::set(seen.begin(), seen.end()).size(), seen.size()) << "no item twice";
  EXPECT_EQ(seen.front().first, "2026-01-10T18:00:00.000Z");

  auto bad = h_.Get(owner_, "/api/v1/workouts?cursor=bm90LWEtY3Vyc29y");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), std::set<std::string>{"cursor"});
  EXPECT_EQ(h_.Get(owner_, "/api/v1/workouts?limit=0").status, 422);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/workouts?kind=yoga").status, 422);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/workouts?from=last-week").status, 422);
}

TEST_F(WorkoutsTest, HistoryFiltersByTextKindAndTime) {
  auto push = StrengthWorkout("Push A", "2026-02-01T10:00:00Z");
  push["notes"] = "100% effort_today";
  ASSERT_EQ(Post(owner_, push).status, 201);
  ASSERT_EQ(Post(owner_, StrengthWorkout("Pull B", "2026-02-03T10:00:00Z")).status, 201);
  ASSERT_EQ(Post(owner_, StrengthWorkout("Legs", "2026-02-05T10:00:00Z")).status, 201);
  auto titles = [&](const std::string& query) {
    std::vector<std::string> out;
    auto reply = h_.Get(owner_, "/api/v1/workouts?" + query);
    EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
    auto body = reply.Json();
    for (const auto& item : body["items"].as_array()) {
      out.emplace_back(item.at("title").as_string());
    }
    return out;
  };
  EXPECT_EQ(titles("q=push"), std::vector<std::string>{"Push A"}) << "case-insensitive";
  EXPECT_EQ(titles("q=%25%20effort_"), std::vector<std::string>{"Push A"}) << "in the notes";
  EXPECT_EQ(titles("q=_"), std::vector<std::string>{"Push A"}) << "_ is a character too";
  EXPECT_TRUE(titles("q=%25%25").empty()) << "% is a character, not a wildcard";
  EXPECT_EQ(titles("from=2026-02-02T00:00:00Z"), (std::vector<std::string>{"Legs", "Pull B"}));
  EXPECT_EQ(titles("to=2026-02-03T10:00:00Z"), (std::vector<std::string>{"Pull B", "Push A"}))
      << "to is inclusive";
  EXPECT_EQ(titles("from=2026-02-02T00:00:00%2B01:00&to=2026-02-04T00:00:00Z"),
            std::vector<std::string>{"Pull B"});
  EXPECT_TRUE(titles("kind=cardio").empty());
  // An exercise's name, as the exercise search reads it (word prefixes, any case).
  auto legs = StrengthWorkout("Legs only", "2026-02-07T10:00:00Z");
  legs["blocks"].as_array().pop_back();
  ASSERT_EQ(Post(owner_, legs).status, 201);
  EXPECT_EQ(titles("q=bench"), (std::vector<std::string>{"Legs", "Pull B", "Push A"}));
  EXPECT_EQ(titles("q=back%20squ").size(), 4u);
  EXPECT_TRUE(titles("q=deadlift").empty());
}

TEST_F(WorkoutsTest, ListingCostsTheSameStatementsForTenOrFiftyWorkouts) {
  // The service as BuildApp makes it, over a database that counts statements.
  CountingDatabase counting(*h_.app().database);
  features::workouts::WorkoutService service(
      counting,
      app::ExerciseLookupOf(h_.app().Get<features::exercises::ExercisesFeature>().service()),
      h_.app().Get<features::workouts::WorkoutsFeature>().changes());
  platform::auth::Principal owner{.user_id = owner_id_};
  auto count_listing = [&](int limit) {
    counting.statements = 0;
    auto page = service.List(owner, {}, "", limit);
    EXPECT_EQ(static_cast<int>(page.items.size()), limit);
    for (const auto& item : page.items) EXPECT_EQ(item.exercise_names.size(), 2u);
    return counting.statements;
  };
  // Every workout has one of the user's own exercises too, whose name needs the database.
  for (int i = 0; i < 5; ++i) {
    auto own = h_.Post(owner_, "/api/v1/exercises",
                       R"({"name":"Own Lift )" + std::to_string(i) +
                           R"(","category":"strength","log_type":"weight_reps"})");
    ASSERT_EQ(own.status, 201) << own.body;
    for (int j = 0; j < 10; ++j) {
      auto w = StrengthWorkout("W", "2026-04-" + std::to_string(10 + j) + "T07:00:00Z");
      w["blocks"].as_array()[1].as_object()["exercise_id"] = own.Json()["id"];
      ASSERT_EQ(Post(owner_, w).status, 201);
    }
  }
  auto ten = count_listing(10);
  auto fifty = count_listing(50);
  EXPECT_EQ(ten, fifty);
  EXPECT_LE(ten, 2u) << "the history list, then the names of its exercises";

  // Reading a workout costs the same however many sets it has.
  auto big = StrengthWorkout("Volume day");
  for (int b = 0; b < 8; ++b) {
    big["blocks"].as_array().push_back(boost::json::object{
        {"exercise_id", "dumbbell-curl"},
        {"sets", boost::json::array(10, boost::json::object{{"reps", 10}, {"weight_kg", 12}})}});
  }
  std::string small_id(Post(owner_, StrengthWorkout()).Json()["id"].as_string());
  std::string big_id(Post(owner_, big).Json()["id"].as_string());
  counting.statements = 0;
  service.Get(owner, small_id);
  auto small_reads = counting.statements;
  counting.statements = 0;
  auto read = service.Get(owner, big_id);
  EXPECT_EQ(read.blocks.size(), 10u);
  EXPECT_EQ(counting.statements, small_reads);
}

TEST_F(WorkoutsTest, LastSetsComeFromTheLatestWorkoutWithTheExercise) {
  auto empty = h_.Get(owner_, "/api/v1/exercises/barbell-back-squat/last-sets");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.Json()["workout_id"], nullptr);
  EXPECT_TRUE(empty.Json()["items"].as_array().empty());
  EXPECT_EQ(empty.Json()["best_weight_kg"], nullptr);
  EXPECT_EQ(empty.Json()["best_reps"], nullptr);

  auto older = StrengthWorkout("Older", "2026-03-01T07:00:00Z");
  older["blocks"].as_array()[0].as_object()["sets"] =
      boost::json::array{boost::json::object{{"reps", 3}, {"weight_kg", 120}}};
  ASSERT_EQ(Post(owner_, older).status, 201);
  auto latest = Post(owner_, StrengthWorkout("Latest", "2026-03-05T07:00:00Z"));
  ASSERT_EQ(latest.status, 201);
  // Logged later but done earlier: started_at decides, not the order of logging. Its planned
  // 200 kg x 20 was never done: it is nobody's best.
  auto backfilled = StrengthWorkout("Backfilled", "2026-02-01T07:00:00Z");
  backfilled["blocks"].as_array()[0].as_object()["sets"].as_array().push_back(
      boost::json::object{{"reps", 20}, {"weight_kg", 200}, {"done", false}});
  ASSERT_EQ(Post(owner_, backfilled).status, 201);
  // Newer, without squats.
  auto bench_only = StrengthWorkout("Bench only", "2026-03-06T07:00:00Z");
  bench_only["blocks"].as_array().erase(bench_only["blocks"].as_array().begin());
  ASSERT_EQ(Post(owner_, bench_only).status, 201);

  auto last = h_.Get(owner_, "/api/v1/exercises/barbell-back-squat/last-sets").Json();
  EXPECT_EQ(last["workout_id"], latest.Json()["id"]);
  EXPECT_EQ(last["started_at"], "2026-03-05T07:00:00.000Z");
  auto items = last["items"].as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("set_type"), "warmup");
  EXPECT_EQ(items[2].at("done"), false);
  // The best of every workout with squats: 120 kg (Older's 3 reps), 5 reps (at 100 kg).
  EXPECT_EQ(last["best_weight_kg"].to_number<double>(), 120);
  EXPECT_EQ(last["best_reps"].to_number<std::int64_t>(), 5);

  std::string latest_id(latest.Json()["id"].as_string());
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + latest_id).status, 204);
  auto after = h_.Get(owner_, "/api/v1/exercises/barbell-back-squat/last-sets").Json();
  ASSERT_EQ(after["items"].as_array().size(), 1u) << "deleted workouts do not count";
  EXPECT_EQ(after["items"].as_array()[0].at("weight_kg").to_number<double>(), 120);
}

TEST_F(WorkoutsTest, ExercisesAndRoutinesMustBeTheUsers) {
  features::workouts::WorkoutChangeObservers no_observers;
  // Only "barbell-back-squat" exists in this world.
  features::workouts::WorkoutService service(
      *h_.app().database,
      {.exists = [](Session&, const std::string&,
                    const std::string& id) { return id == "barbell-back-squat"; }},
      no_observers);
  platform::auth::Principal owner{.user_id = owner_id_};
  auto input = features::workouts::DecodeWorkoutInput(StrengthWorkout());
  input.routine_id = "no-such-routine";
  try {
    service.Create(owner, input, std::nullopt);
    FAIL() << "an unknown exercise was accepted";
  } catch (const platform::Error& e) {
    EXPECT_EQ(e.kind(), platform::ErrorKind::kValidation);
    std::set<std::string> fields;
    for (const auto& f : e.fields()) fields.insert(f.field);
    EXPECT_EQ(fields, (std::set<std::string>{"blocks[1].exercise_id", "routine_id"}));
  }
  EXPECT_EQ(CountRows("workouts"), 0);

  // A routine of the user's (even deleted later) may be named.
  auto routine = h_.Post(owner_, "/api/v1/routines", R"({"name":"Legs","items":[]})");
  ASSERT_EQ(routine.status, 201);
  input.routine_id = std::string(routine.Json()["id"].as_string());
  input.blocks.pop_back();
  EXPECT_TRUE(service.Create(owner, input, std::nullopt).created);
}

TEST_F(WorkoutsTest, ExercisesAreTheCataloguesOrTheUsersOwn) {
  auto unknown = StrengthWorkout();
  unknown["blocks"].as_array()[1].as_object()["exercise_id"] = "no-such-exercise";
  auto refused = Post(owner_, unknown);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(FieldsOf(refused), std::set<std::string>{"blocks[1].exercise_id"});
  EXPECT_EQ(h_.Get(owner_, "/api/v1/exercises/no-such-exercise/last-sets").status, 404);

  auto lift = h_.Post(owner_, "/api/v1/exercises",
                      R"({"name":"Sled Push","category":"strength","log_type":"weight_reps"})");
  ASSERT_EQ(lift.status, 201) << lift.body;
  std::string lift_id(lift.Json()["id"].as_string());
  auto mine = StrengthWorkout();
  mine["blocks"].as_array()[1].as_object()["exercise_id"] = lift_id;
  auto created = Post(owner_, mine);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Post(other_, mine).status, 422) << "another user's own exercise";
  EXPECT_EQ(h_.Get(other_, "/api/v1/exercises/" + lift_id + "/last-sets").status, 404);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/exercises/" + lift_id + "/last-sets")
                .Json()["items"]
                .as_array()
                .size(),
            1u);

  // Deleting the exercise keeps the workout, and it can still be edited.
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/exercises/" + lift_id).status, 204);
  std::string id(created.Json()["id"].as_string());
  auto renamed = mine;
  renamed["title"] = "Renamed later";
  auto edited = Put(owner_, id, renamed, With({{"If-Match", ETagOf(created)}}));
  EXPECT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Post(owner_, mine).status, 422) << "but no new workout may use it";
}

TEST_F(WorkoutsTest, TokensNeedTheWorkoutScopes) {
  auto token =
      h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"watch","scopes":["workouts:read"]})");
  ASSERT_EQ(token.status, 201);
  Browser watch;
  watch.bearer = std::string(token.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(watch, "/api/v1/workouts").status, 200);
  EXPECT_EQ(h_.Get(watch, "/api/v1/exercises/barbell-back-squat/last-sets").status, 200);
  EXPECT_EQ(Post(watch, StrengthWorkout()).status, 403);
  EXPECT_EQ(h_.Get(watch, "/api/v1/measurements?kind=weight").status, 403);
}

TEST(WorkoutTimeTextTest, ReadsRfc3339WithZones) {
  auto utc = [](const char* text) {
    auto ms = platform::ParseRfc3339Ms(text);
    return ms ? platform::FormatUtcMs(*ms) : std::string("invalid");
  };
  EXPECT_EQ(utc("2026-03-02T07:30:00Z"), "2026-03-02T07:30:00.000Z");
  EXPECT_EQ(utc("2026-03-02T07:30:00.123456Z"), "2026-03-02T07:30:00.123Z");
  EXPECT_EQ(utc("2026-03-02t07:30:00.5+01:00"), "2026-03-02T06:30:00.500Z");
  EXPECT_EQ(utc("2026-03-01T23:30:00-05:30"), "2026-03-02T05:00:00.000Z");
  EXPECT_EQ(utc("2024-02-29T00:00:00Z"), "2024-02-29T00:00:00.000Z");
  for (const char* bad :
       {"2026-03-02", "2026-03-02T07:30:00", "2026-03-02 07:30:00Z", "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T07:30:00.Z",
        "2026-03-02T07:30:00+0100", "2026-03-02T07:30:00Zx"}) {
    EXPECT_EQ(utc(bad), "invalid") << bad;
  }
  EXPECT_TRUE(platform::IsCalendarDay("2026-02-28"));
  EXPECT_FALSE(platform::IsCalendarDay("2026-02-29"));
  EXPECT_FALSE(platform::IsCalendarDay("2026-2-28"));
}

TEST(WorkoutETagTest, IfMatchListsAndStars) {
  using features::workouts::ParseIfMatch;
  EXPECT_FALSE(ParseIfMatch(std::nullopt, "w").has_value());
  auto list = ParseIfMatch("\"w-3\" , \"w-12\",W/\"w-4\", \"x-5\", \"r-6\"", "w");
  ASSERT_TRUE(list.has_value());
  EXPECT_FALSE(list->any);
  EXPECT_EQ(list->revs, (std::vector<std::int64_t>{3, 12}));
  EXPECT_TRUE(list->Matches(12));
  EXPECT_FALSE(list->Matches(6));
  EXPECT_TRUE(ParseIfMatch("*", "w")->any);
  EXPECT_TRUE(ParseIfMatch("*", "w")->Matches(99));
  EXPECT_EQ(ParseIfMatch("\"r-6\"", "r")->revs, (std::vector<std::int64_t>{6}));
  EXPECT_EQ(features::workouts::RevisionETag("w", 7), "\"w-7\"");
}

}  // namespace
}  // namespace vigor
