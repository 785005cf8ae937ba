// Programs through the real application: create, list, read, replace, delete (a tombstone that
// frees the name), the user's own live routines only (field errors by path), names unique per
// user, a deleted routine left as a gap, and owners only.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

class ProgramsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
    day_a_ = Routine(owner_, "Push");
    day_b_ = Routine(owner_, "Pull");
    day_c_ = Routine(owner_, "Legs");
  }

  std::string Routine(Browser& who, const std::string& name) {
    auto reply =
        h_.Post(who, "/api/v1/routines",
                R"({"name":")" + name +
                    R"(","items":[{"exercise_id":"barbell-back-squat","target_sets":3}]})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["id"].as_string());
  }

  static std::string Body(const std::string& name, const std::vector<std::string>& routines) {
    std::string body = R"({"name":")" + name + R"(","notes":"Mon, Wed, Fri","routines":[)";
    for (std::size_t i = 0; i < routines.size(); ++i) {
      body += std::string(i ? "," : "") + R"({"routine_id":")" + routines[i] +
              R"(","label":"Day )" + std::string(1, static_cast<char>('A' + i)) + R"("})";
    }
    return body + "]}";
  }

  // Saves a workout started from `routine_id` at `started_at`; returns its id.
  std::string Workout(Browser& who, const std::string& routine_id, const std::string& started_at) {
    auto reply = h_.Post(who, "/api/v1/workouts",
                         R"({"title":"W","started_at":")" + started_at + R"(","routine_id":")" +
                             routine_id + R"(","blocks":[]})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["id"].as_string());
  }

  std::string NextOf(Browser& who, const std::string& program_id) {
    auto body = h_.Get(who, "/api/v1/programs/" + program_id).Json();
    const auto& next = body.at("next_routine_id");
    return next.is_null() ? "null" : std::string(next.as_string());
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string day_a_, day_b_, day_c_;
};

TEST_F(ProgramsTest, AStaleIfMatchIsRefusedWith412) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("Split", {day_a_, day_b_}));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id(created.Json()["id"].as_string());
  std::string tag(*created.headers.Get("ETag"));
  EXPECT_EQ(tag, "\"p-" + std::to_string(created.Json()["rev"].to_number<std::int64_t>()) + "\"");
  platform::http::Headers if_match;
  if_match.Add("If-Match", tag);
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/programs/" + id,
                    Body("Split", {day_a_, day_b_, day_c_}), if_match)
                .status,
            200);
  auto stale =
      h_.Call(owner_, Method::kPut, "/api/v1/programs/" + id, Body("Other", {day_c_}), if_match);
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto now = h_.Get(owner_, "/api/v1/programs/" + id).Json();
  EXPECT_EQ(now["name"], "Split");
  EXPECT_EQ(now["routines"].as_array().size(), 3u);
}

TEST_F(ProgramsTest, CreateReadListReplaceDelete) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("3-day split", {day_a_, day_b_, day_c_}));
  ASSERT_EQ(created.status, 201) << created.body;
  auto p = created.Json();
  std::string id(p["id"].as_string());
  EXPECT_EQ(p["name"], "3-day split");
  EXPECT_EQ(p["notes"], "Mon, Wed, Fri");
  auto routines = p["routines"].as_array();
  ASSERT_EQ(routines.size(), 3u);
  EXPECT_EQ(routines[0].at("routine_id").as_string(), day_a_);
  EXPECT_EQ(routines[0].at("label"), "Day A");
  EXPECT_EQ(routines[0].at("routine_name"), "Push");
  EXPECT_EQ(routines[2].at("routine_name"), "Legs");

  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).Json(), p);
  auto list = h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].as_object(), p);

  // Replace: new order, a routine twice, no label.
  auto replaced = h_.Call(owner_, Method::kPut, "/api/v1/programs/" + id,
                          R"({"name":"Upper/lower","routines":[{"routine_id":")" + day_c_ +
                              R"("},{"routine_id":")" + day_a_ + R"("},{"routine_id":")" + day_c_ +
                              R"(","label":"Legs again"}]})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  auto r = replaced.Json();
  EXPECT_EQ(r["name"], "Upper/lower");
  EXPECT_EQ(r["notes"], nullptr);
  EXPECT_EQ(r["created_at"], p["created_at"]);
  ASSERT_EQ(r["routines"].as_array().size(), 3u);
  EXPECT_EQ(r["routines"].as_array()[0].at("routine_id").as_string(), day_c_);
  EXPECT_EQ(r["routines"].as_array()[0].at("label"), nullptr);
  EXPECT_EQ(r["routines"].as_array()[2].at("label"), "Legs again");
  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).Json(), r);

  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/programs/" + id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/programs/" + id).status, 404);
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array().empty());
  // The name is free again; the routines are untouched.
  EXPECT_EQ(h_.Post(owner_, "/api/v1/programs", Body("Upper/lower", {day_a_})).status, 201);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines/" + day_c_).status, 200);
}

TEST_F(ProgramsTest, NamesAreUniquePerUserAmongLivePrograms) {
  ASSERT_EQ(h_.Post(owner_, "/api/v1/programs", Body("PPL", {day_a_})).status, 201);
  EXPECT_EQ(h_.Post(owner_, "/api/v1/programs", Body("ppl", {day_b_})).status, 409);
  EXPECT_EQ(h_.Post(other_, "/api/v1/programs", Body("PPL", {})).status, 201);
}

TEST_F(ProgramsTest, RoutinesMustBeTheUsersOwnLiveOnes) {
  std::string theirs = Routine(other_, "Their push");
  std::string gone = Routine(owner_, "Gone");
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + gone).status, 204);
  auto reply =
      h_.Post(owner_, "/api/v1/programs", Body("Mixed", {day_a_, theirs, gone, "no-such-routine"}));
  ASSERT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(FieldsOf(reply),
            (std::set<std::string>{"routines[1].routine_id", "routines[2].routine_id",
                                   "routines[3].routine_id"}));
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array().empty());

  auto bad = h_.Post(owner_, "/api/v1/programs",
                     R"({"name":" ","colour":"red","routines":[{"label":"Day A"},"x",)"
                     R"({"routine_id":")" +
                         day_a_ + R"(","label":")" + std::string(41, 'x') + R"("}]})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(FieldsOf(bad), (std::set<std::string>{"name", "colour", "routines[0].routine_id",
                                                  "routines[1]", "routines[2].label"}));
  EXPECT_EQ(FieldsOf(h_.Post(owner_, "/api/v1/programs", R"({"name":"No list"})")),
            std::set<std::string>{"routines"});
}

TEST_F(ProgramsTest, ADeletedRoutineStaysAsAGap) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("Split", {day_a_, day_b_}));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + day_b_).status, 204);
  auto routines = h_.Get(owner_, "/api/v1/programs/" + id).Json()["routines"].as_array();
  ASSERT_EQ(routines.size(), 2u);
  EXPECT_EQ(routines[0].at("routine_name"), "Push");
  EXPECT_EQ(routines[1].at("routine_id").as_string(), day_b_);
  EXPECT_EQ(routines[1].at("routine_name"), nullptr);
}

TEST_F(ProgramsTest, NextRoutineFollowsTheLatestWorkoutFromTheProgram) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("Split", {day_a_, day_b_, day_c_}));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  // No workout yet: the first.
  EXPECT_EQ(created.Json()["next_routine_id"].as_string(), day_a_);
  EXPECT_EQ(NextOf(owner_, id), day_a_);

  Workout(owner_, day_a_, "2026-03-02T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_b_);
  Workout(owner_, day_b_, "2026-03-04T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_c_);
  // Latest by started_at, not by when it was saved: an older workout logged later changes nothing.
  Workout(owner_, day_a_, "2026-03-03T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_c_);
  // After the last comes the first again.
  auto legs_workout = Workout(owner_, day_c_, "2026-03-06T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_a_);

  // A workout from a routine outside the program, and another user's workouts, do not count.
  auto outside = Routine(owner_, "Cardio");
  Workout(owner_, outside, "2026-03-07T08:00:00.000Z");
  auto theirs = Routine(other_, "Push");
  Workout(other_, theirs, "2026-03-08T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_a_);

  // A deleted workout does not count: without the Legs day, Pull (Mar 4) was the latest.
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + legs_workout).status, 204);
  EXPECT_EQ(NextOf(owner_, id), day_c_);

  // A deleted routine is skipped: after Pull comes Push again.
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + day_c_).status, 204);
  EXPECT_EQ(NextOf(owner_, id), day_a_);

  // The list says the same as the single read.
  auto items = h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].as_object().at("next_routine_id").as_string(), day_a_);
}

TEST_F(ProgramsTest, NextRoutineIsPerProgramAndNullWithoutLiveRoutines) {
  auto one = h_.Post(owner_, "/api/v1/programs", Body("One", {day_a_, day_b_})).Json();
  auto two = h_.Post(owner_, "/api/v1/programs", Body("Two", {day_c_, day_a_})).Json();
  std::string one_id(one["id"].as_string()), two_id(two["id"].as_string());
  Workout(owner_, day_c_, "2026-03-02T08:00:00.000Z");
  // Legs is not in One: One starts at its first; Two goes on after Legs.
  EXPECT_EQ(NextOf(owner_, one_id), day_a_);
  EXPECT_EQ(NextOf(owner_, two_id), day_a_);
  Workout(owner_, day_a_, "2026-03-03T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, one_id), day_b_);
  EXPECT_EQ(NextOf(owner_, two_id), day_c_);

  auto empty = h_.Post(owner_, "/api/v1/programs", Body("Empty", {})).Json();
  EXPECT_TRUE(empty["next_routine_id"].is_null());
  auto gone = h_.Post(owner_, "/api/v1/programs", Body("Gone", {day_b_})).Json();
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + day_b_).status, 204);
  EXPECT_EQ(NextOf(owner_, std::string(gone["id"].as_string())), "null");
}

TEST_F(ProgramsTest, ARoutineListedTwiceCountsFromItsFirstPlace) {
  // A, B, A, C: after A comes B (its first place), after B the second A, after C the start.
  auto created =
      h_.Post(owner_, "/api/v1/programs", Body("ABAC", {day_a_, day_b_, day_a_, day_c_}));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  Workout(owner_, day_a_, "2026-03-02T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_b_);
  Workout(owner_, day_b_, "2026-03-03T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_a_);
  Workout(owner_, day_c_, "2026-03-04T08:00:00.000Z");
  EXPECT_EQ(NextOf(owner_, id), day_a_);
}

TEST_F(ProgramsTest, AnotherUsersProgramDoesNotExistForThem) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("Mine", {day_a_}));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  EXPECT_EQ(h_.Get(other_, "/api/v1/programs/" + id).status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kPut, "/api/v1/programs/" + id, Body("Theirs", {})).status,
            404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/programs/" + id).status, 404);
  EXPECT_TRUE(h_.Get(other_, "/api/v1/programs").Json()["items"].as_array().empty());
  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).Json()["name"], "Mine");
}

TEST_F(ProgramsTest, ListingShowsEveryProgramWithItsRoutines) {
  for (int i = 0; i < 12; ++i) {
    ASSERT_EQ(
        h_.Post(owner_, "/api/v1/programs", Body("P" + std::to_string(i), {day_a_, day_b_})).status,
        201);
  }
  auto items = h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 12u);
  for (const auto& p : items) EXPECT_EQ(p.as_object().at("routines").as_array().size(), 2u);
}

}  // namespace
}  // namespace vigor
