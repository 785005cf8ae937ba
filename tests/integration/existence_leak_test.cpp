// Existence leak (issue 9, defect 11): a request naming another user's id must be answered as one
// naming an unused id, so that nobody learns which ids exist.
//
// Workouts are the one resource whose id a client chooses (POST with "id", PUT to create). Another
// user's workout id answered 409 "This id cannot be used" to a POST and 404 to a PUT that would
// create, where an unused id answers 201. Workout ids are per user now (a workout is (user_id,
// id), migration 0013): another user's id is as free as an unused one.
// Routines, programs and measurements take server-made ids only: the last test checks that
// their routes answer another user's id exactly as an unused one.
#include <gtest/gtest.h>

#include "platform/id.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

class ExistenceLeakTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.CreateUser("ben");
    h_.SignIn(ana_, "ana");
    h_.SignIn(ben_, "ben");
  }

  static std::string Workout(const std::string& id, const std::string& title) {
    return R"({"id": ")" + id + R"(", "title": ")" + title +
           R"(", "started_at": "2026-03-02T07:30:00Z"})";
  }

  AppHarness h_;
  Browser ana_, ben_;
};

TEST_F(ExistenceLeakTest, PostingAWorkoutWithAnotherUsersIdIsLikeAnUnusedId) {
  std::string taken = platform::NewId();
  std::string unused = platform::NewId();
  ASSERT_EQ(h_.Post(ana_, "/api/v1/workouts", Workout(taken, "Ana's")).status, 201);

  auto with_unused = h_.Post(ben_, "/api/v1/workouts", Workout(unused, "Ben's"));
  auto with_taken = h_.Post(ben_, "/api/v1/workouts", Workout(taken, "Ben's"));
  EXPECT_EQ(with_unused.status, 201) << with_unused.body;
  EXPECT_EQ(with_taken.status, with_unused.status) << with_taken.body;
  // Each sees their own workout under the id; Ana's is untouched.
  EXPECT_EQ(h_.Get(ben_, "/api/v1/workouts/" + taken).Json()["title"], "Ben's");
  EXPECT_EQ(h_.Get(ana_, "/api/v1/workouts/" + taken).Json()["title"], "Ana's");
}

TEST_F(ExistenceLeakTest, PuttingANewWorkoutWithAnotherUsersIdIsLikeAnUnusedId) {
  std::string taken = platform::NewId();
  std::string unused = platform::NewId();
  ASSERT_EQ(h_.Post(ana_, "/api/v1/workouts", Workout(taken, "Ana's")).status, 201);

  auto with_unused = h_.Call(ben_, Method::kPut, "/api/v1/workouts/" + unused,
                             R"({"title": "Ben's", "started_at": "2026-03-02T07:30:00Z"})");
  auto with_taken = h_.Call(ben_, Method::kPut, "/api/v1/workouts/" + taken,
                            R"({"title": "Ben's", "started_at": "2026-03-02T07:30:00Z"})");
  EXPECT_EQ(with_unused.status, 201) << with_unused.body;
  EXPECT_EQ(with_taken.status, with_unused.status) << with_taken.body;
  EXPECT_EQ(h_.Get(ana_, "/api/v1/workouts/" + taken).Json()["title"], "Ana's");
}

TEST_F(ExistenceLeakTest, OtherResourcesAnswerAnotherUsersIdAsAnUnusedOne) {
  auto routine = h_.Post(ana_, "/api/v1/routines", R"({"name": "Push", "items": []})");
  ASSERT_EQ(routine.status, 201) << routine.body;
  auto program = h_.Post(ana_, "/api/v1/programs", R"({"name": "Split", "routines": []})");
  ASSERT_EQ(program.status, 201) << program.body;
  auto measurement = h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                             R"({"kind": "weight", "day": "2026-03-02", "value": 80})");
  ASSERT_EQ(measurement.status, 200) << measurement.body;
  std::string unused = platform::NewId();

  // The same status, title and detail for Ana's id and for an unused one.
  auto same = [&](Method method, const std::string& base, const std::string& taken,
                  const std::string& body, const std::string& suffix = "") {
    SCOPED_TRACE(base + suffix);
    auto a = h_.Call(ben_, method, base + taken + suffix, body);
    auto b = h_.Call(ben_, method, base + unused + suffix, body);
    EXPECT_EQ(a.status, b.status);
    EXPECT_GE(a.status, 400) << a.body;
    if (a.status >= 400 && b.status >= 400) {
      EXPECT_EQ(a.Json()["title"], b.Json()["title"]);
      EXPECT_EQ(a.Json()["detail"], b.Json()["detail"]);
    }
  };
  std::string routine_id(routine.Json()["id"].as_string());
  std::string program_id(program.Json()["id"].as_string());
  std::string measurement_id(measurement.Json()["id"].as_string());
  same(Method::kGet, "/api/v1/routines/", routine_id, "");
  same(Method::kPut, "/api/v1/routines/", routine_id, R"({"name": "Mine", "items": []})");
  same(Method::kDelete, "/api/v1/routines/", routine_id, "");
  same(Method::kGet, "/api/v1/programs/", program_id, "");
  same(Method::kPut, "/api/v1/programs/", program_id, R"({"name": "Mine", "routines": []})");
  same(Method::kDelete, "/api/v1/programs/", program_id, "");
  same(Method::kDelete, "/api/v1/measurements/", measurement_id, "");
  // A private routine is no template to copy either.
  same(Method::kPost, "/api/v1/routine-templates/", routine_id, "", "/copy");
  // And Ana's things are still hers.
  EXPECT_EQ(h_.Get(ana_, "/api/v1/routines/" + routine_id).status, 200);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/programs/" + program_id).status, 200);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/measurements?kind=weight").Json()["items"].as_array().size(), 1u);
}

}  // namespace
}  // namespace vigor
