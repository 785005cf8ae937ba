// Personal records of lifts through the real application (in process): what logging, editing
// and deleting a workout do to the records, the history and a workout's badges, a lift's
// progress, another user's items, and what reading the records costs. Expected values are
// worked out by hand in the comments (Epley: w * (1 + r / 30); Brzycki: w * 36 / (37 - r)).
#include <algorithm>

#include "app/feature_links.hpp"
#include "features/accounts/feature.hpp"
#include "features/exercises/feature.hpp"
#include "features/imports/feature.hpp"
#include "features/records/feature.hpp"
#include "features/workouts/feature.hpp"
#include "records_fixture.hpp"
#include "support/counting_database.hpp"

namespace vigor {
namespace {

using namespace records_testing;  // NOLINT(google-build-using-namespace): the shared fixture

class RecordsTest : public RecordsTestBase {};

constexpr const char* kSquat = "/api/v1/records?exercise_id=barbell-back-squat";

TEST_F(RecordsTest, LoggingSetsRecordsAndAHeavierSetBeatsThem) {
  // A warm-up (never a record), then 2 x 5 at 100 kg.
  auto w1 =
      Log(ana_, LiftWorkout("2026-03-02T07:00:00Z", {{140, 1, "warmup"}, {100, 5}, {100, 5}}));
  auto records = Items(ana_, kSquat);
  // Epley 100 * (1 + 5/30) = 116.667; 5 reps at 100; set volume 500; session volume 1000.
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].at("kind"), "one_rep_max");  // in the contract's order
  auto e1rm = Find(records, "one_rep_max");
  EXPECT_NEAR(Num(e1rm["value"]), 116.6667, 1e-3);
  EXPECT_EQ(e1rm["unit"], "kg");
  EXPECT_EQ(e1rm["reps"], 5);
  EXPECT_EQ(Num(e1rm["weight_kg"]), 100);
  EXPECT_EQ(e1rm["previous_value"], nullptr);
  EXPECT_EQ(e1rm["current"], true);
  EXPECT_EQ(e1rm["workout_id"], w1.c_str());
  EXPECT_EQ(e1rm["achieved_at"], "2026-03-02T07:00:00.000Z");
  EXPECT_EQ(Num(Find(records, "rep_max", 5)["value"]), 100);
  EXPECT_EQ(Num(Find(records, "set_volume")["value"]), 500);
  EXPECT_EQ(Num(Find(records, "session_volume")["value"]), 1000);

  // 110 x 3: Epley 110 * 1.1 = 121 beats 116.667; a first 3-rep max; set volume 330 and session
  // volume 330 beat nothing.
  auto w2 = Log(ana_, LiftWorkout("2026-03-09T07:00:00Z", {{110, 3}}));
  records = Items(ana_, kSquat);
  ASSERT_EQ(records.size(), 5u);
  e1rm = Find(records, "one_rep_max");
  EXPECT_NEAR(Num(e1rm["value"]), 121, 1e-9);
  EXPECT_NEAR(Num(e1rm["previous_value"]), 116.6667, 1e-3);
  EXPECT_EQ(e1rm["workout_id"], w2.c_str());
  EXPECT_EQ(Num(Find(records, "rep_max", 3)["value"]), 110);
  EXPECT_EQ(Find(records, "session_volume")["workout_id"], w1.c_str());

  // The history keeps both, newest first; the beaten one is no longer current.
  auto history = Items(ana_, "/api/v1/records/history");
  ASSERT_EQ(history.size(), 6u);  // 2 of w2, then 4 of w1
  EXPECT_EQ(history[0].at("workout_id"), w2.c_str());
  EXPECT_EQ(history[5].at("workout_id"), w1.c_str());
  auto w1_badges = Items(ana_, "/api/v1/workouts/" + w1 + "/records");
  ASSERT_EQ(w1_badges.size(), 4u);
  EXPECT_EQ(Find(w1_badges, "one_rep_max")["current"], false);
  EXPECT_EQ(Find(w1_badges, "rep_max", 5)["current"], true);
  EXPECT_EQ(Items(ana_, "/api/v1/workouts/" + w2 + "/records").size(), 2u);

  // Pages of the history: 4 + 2, no record twice.
  auto first = h_.Get(ana_, "/api/v1/records/history?limit=4").Json();
  ASSERT_EQ(first["items"].as_array().size(), 4u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  auto second = h_.Get(ana_, "/api/v1/records/history?limit=4&cursor=" +
                                 std::string(first["next_cursor"].as_string()))
                    .Json();
  EXPECT_EQ(second["items"].as_array().size(), 2u);
  EXPECT_EQ(second["next_cursor"], nullptr);

  // Brzycki: w1 100 * 36 / 32 = 112.5; w2 110 * 36 / 34 = 116.47 beats it.
  ASSERT_EQ(h_.Call(ana_, Method::kPatch, "/api/v1/me",
                    R"({"preferences":{"one_rep_max_formula":"brzycki"}})")
                .status,
            200);
  e1rm = Find(Items(ana_, kSquat), "one_rep_max");
  EXPECT_NEAR(Num(e1rm["value"]), 110 * 36.0 / 34, 1e-9);
  EXPECT_NEAR(Num(e1rm["previous_value"]), 112.5, 1e-9);

  // Deleting the record-setting workout brings back the record before it.
  ASSERT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/workouts/" + w2).status, 204);
  records = Items(ana_, kSquat);
  ASSERT_EQ(records.size(), 4u);
  e1rm = Find(records, "one_rep_max");
  EXPECT_NEAR(Num(e1rm["value"]), 112.5, 1e-9);
  EXPECT_EQ(e1rm["workout_id"], w1.c_str());
  EXPECT_EQ(e1rm["current"], true);
  EXPECT_EQ(Items(ana_, "/api/v1/records/history").size(), 4u);
}

TEST_F(RecordsTest, EditingAWorkoutRecomputesWhatItTouched) {
  auto w1 = Log(ana_, LiftWorkout("2026-03-02T07:00:00Z", {{100, 5}}));
  auto w2 = Log(ana_, LiftWorkout("2026-03-09T07:00:00Z", {{110, 3}}));
  auto w3 = Log(ana_, LiftWorkout("2026-03-16T07:00:00Z", {{105, 3}}));
  // A bench workout the edits do not touch.
  auto bench = Log(ana_, LiftWorkout("2026-03-10T07:00:00Z", {{80, 5}}, "barbell-bench-press"));
  auto bench_before = Items(ana_, "/api/v1/records?exercise_id=barbell-bench-press");

  // 3 reps: w2's 110 stands, w3's 105 does not beat it.
  EXPECT_EQ(Find(Items(ana_, kSquat), "rep_max", 3)["workout_id"], w2.c_str());

  // w2 lowered to 100 x 3: now w3's 105 x 3 beats it (previous 100). Epley: w1 116.667 stays the
  // best (w2 110, w3 105 * 1.1 = 115.5).
  auto read = h_.Get(ana_, "/api/v1/workouts/" + w2);
  auto edited = LiftWorkout("2026-03-09T07:00:00Z", {{100, 3}});
  Headers if_match;
  if_match.Add("If-Match", std::string(read.headers.Get("ETag").value_or("")));
  ASSERT_EQ(h_.Call(ana_, Method::kPut, "/api/v1/workouts/" + w2, boost::json::serialize(edited),
                    if_match)
                .status,
            200);
  auto records = Items(ana_, kSquat);
  auto three = Find(records, "rep_max", 3);
  EXPECT_EQ(three["workout_id"], w3.c_str());
  EXPECT_EQ(Num(three["value"]), 105);
  EXPECT_EQ(Num(three["previous_value"]), 100);
  auto e1rm = Find(records, "one_rep_max");
  EXPECT_EQ(e1rm["workout_id"], w1.c_str());
  EXPECT_EQ(Items(ana_, "/api/v1/workouts/" + w2 + "/records").size(), 1u);  // the first 3RM

  // Deleting w1: w2 100 * 1.1 = 110 is the first 1RM, w3 115.5 beats it.
  ASSERT_EQ(h_.Call(ana_, Method::kDelete, "/api/v1/workouts/" + w1).status, 204);
  e1rm = Find(Items(ana_, kSquat), "one_rep_max");
  EXPECT_EQ(e1rm["workout_id"], w3.c_str());
  EXPECT_NEAR(Num(e1rm["value"]), 115.5, 1e-9);
  EXPECT_NEAR(Num(e1rm["previous_value"]), 110, 1e-9);

  // The bench records were not touched.
  EXPECT_EQ(Items(ana_, "/api/v1/records?exercise_id=barbell-bench-press"), bench_before);
  EXPECT_EQ(Items(ana_, "/api/v1/workouts/" + bench + "/records").size(), 4u);
}

TEST_F(RecordsTest, AnExercisesProgressAndRepMaxes) {
  // 23:30 UTC is 00:30 the next day in Berlin (UTC+1 in March before the change).
  auto w1 = Log(ana_, LiftWorkout("2026-03-02T23:30:00Z", {{60, 5, "warmup"}, {100, 5}, {100, 5}}));
  auto w2 = Log(ana_, LiftWorkout("2026-03-09T07:00:00Z", {{110, 3}}));
  auto reply = h_.Get(ana_, "/api/v1/exercises/barbell-back-squat/progress");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto progress = reply.Json();
  EXPECT_EQ(progress["formula"], "epley");
  auto points = progress["points"].as_array();
  ASSERT_EQ(points.size(), 2u);
  auto p1 = points[0].as_object();
  EXPECT_EQ(p1["workout_id"], w1.c_str());
  EXPECT_EQ(p1["day"], "2026-03-03");
  EXPECT_NEAR(Num(p1["one_rep_max_kg"]), 116.6667, 1e-3);
  EXPECT_EQ(Num(p1["heaviest_weight_kg"]), 100);
  EXPECT_EQ(Num(p1["best_set_volume_kg"]), 500);
  EXPECT_EQ(Num(p1["volume_kg"]), 1000);  // the warm-up left out
  EXPECT_EQ(p1["sets"], 2);
  EXPECT_EQ(p1["reps"], 10);
  auto p2 = points[1].as_object();
  EXPECT_NEAR(Num(p2["one_rep_max_kg"]), 121, 1e-9);
  EXPECT_EQ(Num(p2["volume_kg"]), 330);
  auto rep_maxes = progress["rep_maxes"].as_array();
  ASSERT_EQ(rep_maxes.size(), 2u);
  EXPECT_EQ(rep_maxes[0].at("reps"), 3);
  EXPECT_EQ(Num(rep_maxes[0].at("weight_kg")), 110);
  EXPECT_EQ(rep_maxes[1].at("reps"), 5);
  EXPECT_EQ(rep_maxes[1].at("workout_id"), w1.c_str());

  // Local days: from the 3rd includes w1 (its Berlin day), from the 4th does not.
  auto from = [&](const std::string& day) {
    return h_.Get(ana_, "/api/v1/exercises/barbell-back-squat/progress?from=" + day)
        .Json()["points"]
        .as_array()
        .size();
  };
  EXPECT_EQ(from("2026-03-03"), 2u);
  EXPECT_EQ(from("2026-03-04"), 1u);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/exercises/barbell-back-squat/progress?to=03-2026").status, 422);

  // The goals lane's figures: the best e1RM in [from, to) and the heaviest of >= 4 reps.
  auto& records = h_.app().Get<features::records::RecordsFeature>().service();
  auto user = h_.Get(ana_, "/api/v1/me").Json()["id"].as_string();
  h_.app().database->Read([&](platform::store::Session& s) {
    std::string id(user);
    auto best = records.BestOneRepMax(s, id, "barbell-back-squat", "brzycki",
                                      "2026-03-01T00:00:00.000Z", "2026-03-09T07:00:00.000Z");
    ASSERT_TRUE(best);
    EXPECT_NEAR(*best, 112.5, 1e-9);  // w1 only: 100 * 36 / 32
    EXPECT_EQ(records.HeaviestForReps(s, id, "barbell-back-squat", 4, "2026-03-01T00:00:00.000Z",
                                      "2026-04-01T00:00:00.000Z"),
              100);  // 110 x 3 has too few reps
    EXPECT_EQ(records.Recent(s, id, 1).size(), 1u);
  });
}

TEST_F(RecordsTest, AnotherUsersWorkoutOrExerciseIsNotFound) {
  auto w1 = Log(ana_, LiftWorkout("2026-03-02T07:00:00Z", {{100, 5}}));
  auto own = h_.Post(ana_, "/api/v1/exercises",
                     R"({"name":"Ana Lift","category":"strength","log_type":"weight_reps"})");
  ASSERT_EQ(own.status, 201) << own.body;
  std::string own_id(own.Json()["id"].as_string());
  Log(ana_, LiftWorkout("2026-03-03T07:00:00Z", {{50, 5}}, own_id));

  EXPECT_EQ(h_.Get(ben_, "/api/v1/workouts/" + w1 + "/records").status, 404);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/workouts/" + w1 + "/zones").status, 404);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/exercises/" + own_id + "/progress").status, 404);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/exercises/" + own_id + "/progress").status, 200);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/exercises/no-such-lift/progress").status, 404);
  EXPECT_TRUE(Items(ben_, "/api/v1/records").empty());
  EXPECT_TRUE(Items(ben_, "/api/v1/records/history").empty());
  EXPECT_EQ(Items(ana_, "/api/v1/records").size(), 8u);  // 4 of each lift
  EXPECT_EQ(h_.Get(ana_, "/api/v1/records?sport=skating").status, 422);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/records/history?cursor=nonsense").status, 422);
}

TEST_F(RecordsTest, ReadingRecordsCostsTheSameForTenOrFiftyWorkouts) {
  using features::accounts::AccountsFeature;
  using features::exercises::ExercisesFeature;
  using features::imports::ImportsFeature;
  using features::workouts::WorkoutsFeature;
  testing::CountingDatabase counting(*h_.app().database);
  features::records::RecordsService service(
      counting,
      app::WorkoutLogOf(h_.app().Get<WorkoutsFeature>().workouts(),
                        h_.app().Get<ImportsFeature>().service(),
                        h_.app().Get<ExercisesFeature>().service()),
      app::TrainingProfileOf(h_.app().Get<AccountsFeature>().account()));
  platform::auth::Principal ana{
      .user_id = std::string(h_.Get(ana_, "/api/v1/me").Json()["id"].as_string())};
  auto log = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      // Heavier every time: every workout sets records, of several lifts.
      char started[40];
      std::snprintf(started, sizeof started, "2026-01-01T07:%02d:%02dZ", i / 60, i % 60);
      Log(ana_, LiftWorkout(started, {{50.0 + i, 1 + i % 12}},
                            i % 2 ? "barbell-back-squat" : "barbell-bench-press"));
    }
  };
  auto cost = [&] {
    counting.statements = 0;
    EXPECT_FALSE(service.Current(ana, {}).empty());
    return counting.statements;
  };
  log(0, 10);
  auto ten = cost();
  log(10, 50);
  EXPECT_EQ(cost(), ten);
}

TEST_F(RecordsTest, ABatchIsWorkedOncePerExerciseAndGivesTheSameRecords) {
  using features::accounts::AccountsFeature;
  using features::exercises::ExercisesFeature;
  using features::imports::ImportsFeature;
  using features::workouts::WorkoutsFeature;
  std::string user(h_.Get(ana_, "/api/v1/me").Json()["id"].as_string());
  std::vector<features::workouts::WorkoutChange> batch;
  for (int day = 1; day <= 8; ++day) {
    const std::string exercise = day % 4 ? "barbell-back-squat" : "barbell-bench-press";
    const std::string started = "2026-01-0" + std::to_string(day) + "T07:00:00.000Z";
    auto id = Log(ana_, LiftWorkout(started, {{60.0 + day, 5}}, exercise));
    batch.push_back({.user_id = user,
                     .workout_id = id,
                     .after = features::workouts::WorkoutFacts{.started_at = started,
                                                               .exercise_ids = {exercise}}});
  }
  // The records as text, in an order of their own (records of one workout have no order).
  auto records = [&] {
    std::vector<std::string> texts;
    for (const auto& r : Items(ana_, "/api/v1/records/history?limit=100")) {
      texts.push_back(boost::json::serialize(r));
    }
    std::sort(texts.begin(), texts.end());
    return texts;
  };
  auto before = records();
  ASSERT_EQ(before.size(), 4u * 8);  // every workout beat the one before it in all 4 kinds

  // The service as BuildApp makes it, with a log that counts what it is asked.
  int set_reads = 0;
  auto log = app::WorkoutLogOf(h_.app().Get<WorkoutsFeature>().workouts(),
                               h_.app().Get<ImportsFeature>().service(),
                               h_.app().Get<ExercisesFeature>().service());
  auto sets = log.sets;
  log.sets = [&](auto&... args) {
    ++set_reads;
    return sets(args...);
  };
  features::records::RecordsService service(
      *h_.app().database, log, app::TrainingProfileOf(h_.app().Get<AccountsFeature>().account()));
  h_.app().database->Write([&](platform::store::Session& s) { service.OnChanges(s, batch); });
  // Eight workouts of two lifts: the sets of each lift are read once.
  EXPECT_EQ(set_reads, 2);
  EXPECT_EQ(records(), before);
}

}  // namespace
}  // namespace vigor
