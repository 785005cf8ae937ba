// Text, zone and number validation (issue 9, defect 8): control characters in text fields, time
// zones the tz database does not know, and numbers outside the ranges of core/limits.hpp are
// refused with a problem+json field error, and nothing is stored.
#include <gtest/gtest.h>

#include <set>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

// The fields a 422 problem names (and that it is one).

using Fields = std::set<std::string>;

class InputValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.SignIn(ana_, "ana");
  }

  Reply PostWorkout(const std::string& members) {
    return h_.Post(ana_, "/api/v1/workouts",
                   R"({"started_at": "2026-03-02T07:30:00Z", )" + members + "}");
  }
  std::size_t Workouts() {
    return h_.Get(ana_, "/api/v1/workouts?limit=100").Json()["items"].as_array().size();
  }
  std::size_t Measurements(const std::string& kind) {
    return h_.Get(ana_, "/api/v1/measurements?kind=" + kind).Json()["items"].as_array().size();
  }
  boost::json::object Preferences() {
    return h_.Get(ana_, "/api/v1/me").Json()["preferences"].as_object();
  }

  AppHarness h_;
  Browser ana_;
};

TEST_F(InputValidationTest, ControlCharactersInOneLineTextAreRefused) {
  // U+0000, U+0001, escape, a line feed, a tab, DEL and a C1 control (U+0085, "next line").
  for (const char* bad :
       {"\\u0000", "\\u0001", "\\u001b[31m", "two\\nlines", "a\\tb", "\\u007f", "\\u0085"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(FieldsOf(PostWorkout(R"("title": "Leg day )" + std::string(bad) + R"(")")),
              Fields{"title"});
    EXPECT_EQ(FieldsOf(h_.Post(ana_, "/api/v1/routines",
                               R"({"name": "A )" + std::string(bad) + R"(", "items": []})")),
              Fields{"name"});
    EXPECT_EQ(FieldsOf(h_.Post(ana_, "/api/v1/exercises",
                               R"({"name": "Curl )" + std::string(bad) +
                                   R"(", "category": "strength", "log_type": "weight_reps"})")),
              Fields{"name"});
    EXPECT_EQ(FieldsOf(h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                               R"({"kind": "wrist", "day": "2026-03-02", "value": 17, "unit": "c)" +
                                   std::string(bad) + R"(m"})")),
              Fields{"unit"});
    EXPECT_EQ(FieldsOf(h_.Post(
                  ana_, "/api/v1/me/tokens",
                  R"({"name": "cli )" + std::string(bad) + R"(", "scopes": ["workouts:read"]})")),
              Fields{"name"});
  }
  EXPECT_EQ(Workouts(), 0u);
  EXPECT_EQ(h_.Get(ana_, "/api/v1/routines").Json()["items"].as_array().size(), 0u);
  EXPECT_EQ(Measurements("wrist"), 0u);
}

TEST_F(InputValidationTest, MultiLineTextKeepsLineBreaksAndTabsOnly) {
  auto ok = PostWorkout(
      R"("title": "Leg day", "notes": "squats:\n\t5 x 5\r\nfelt strong", "blocks": [
        {"exercise_id": "barbell-back-squat", "notes": "belt\tfrom set 3\n", "sets": []}])");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.Json()["notes"], "squats:\n\t5 x 5\r\nfelt strong");
  EXPECT_EQ(ok.Json()["blocks"].as_array()[0].as_object().at("notes"), "belt\tfrom set 3\n");

  EXPECT_EQ(FieldsOf(PostWorkout(R"("notes": "bell \u0007 rang")")), Fields{"notes"});
  EXPECT_EQ(FieldsOf(PostWorkout(R"("notes": "\u007f")")), Fields{"notes"});
  EXPECT_EQ(
      FieldsOf(PostWorkout(
          R"("blocks": [{"exercise_id": "barbell-back-squat", "notes": "\u0000", "sets": []}])")),
      Fields{"blocks[0].notes"});
  EXPECT_EQ(FieldsOf(h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                             R"({"kind": "weight", "day": "2026-03-02", "value": 80,
                                 "notes": "\u001b"})")),
            Fields{"notes"});
  EXPECT_EQ(Workouts(), 1u);
  EXPECT_EQ(Measurements("weight"), 0u);
}

TEST_F(InputValidationTest, InvalidUnicodeEscapesAreRefused) {
  // A lone surrogate cannot be UTF-8: refused, whether the parser or the field reader sees it.
  auto reply = PostWorkout(R"("title": "\ud800")");
  EXPECT_TRUE(reply.status == 400 || reply.status == 422) << reply.status << " " << reply.body;
  EXPECT_EQ(Workouts(), 0u);
}

TEST_F(InputValidationTest, TimeZonesMustBeInTheTzDatabase) {
  EXPECT_EQ(FieldsOf(PostWorkout(R"("time_zone": "Mars/Olympus")")), Fields{"time_zone"});
  EXPECT_EQ(FieldsOf(PostWorkout(R"("time_zone": "Europe/Berlinn")")), Fields{"time_zone"});
  EXPECT_EQ(Workouts(), 0u);
  auto ok = PostWorkout(R"("time_zone": "America/Argentina/Salta")");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.Json()["time_zone"], "America/Argentina/Salta");

  auto before = Preferences();
  EXPECT_EQ(FieldsOf(h_.Call(ana_, Method::kPatch, "/api/v1/me",
                             R"({"preferences": {"time_zone": "Mars/Olympus"}})")),
            Fields{"preferences.time_zone"});
  EXPECT_EQ(Preferences(), before);
  auto changed = h_.Call(ana_, Method::kPatch, "/api/v1/me",
                         R"({"preferences": {"time_zone": "Asia/Kathmandu"}})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Preferences()["time_zone"], "Asia/Kathmandu");

  Browser newcomer;
  auto signup = h_.Post(newcomer, "/api/v1/auth/signup",
                        R"({"consent_policy_version":1,"email":"zed@example.org","username":"zed",)"
                        R"("password":"a long passphrase, 5 horses in the gym",)"
                        R"("time_zone":"Mars/Olympus"})");
  EXPECT_EQ(FieldsOf(signup), Fields{"time_zone"});
  EXPECT_TRUE(h_.LinkToken("zed@example.org", "verify-email").empty()) << "nobody was created";
}

TEST_F(InputValidationTest, EveryNumberHasARange) {
  // A measurement of the user's own kind (it had no range at all), and a built-in one.
  for (const char* value : {"1e308", "-1e308", "100001", "-1"}) {
    SCOPED_TRACE(value);
    EXPECT_EQ(FieldsOf(h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                               R"({"kind": "wrist", "day": "2026-03-02", "unit": "cm", "value": )" +
                                   std::string(value) + "}")),
              Fields{"value"});
    EXPECT_EQ(FieldsOf(h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                               R"({"kind": "waist", "day": "2026-03-02", "value": )" +
                                   std::string(value) + "}")),
              Fields{"value"});
  }
  EXPECT_EQ(Measurements("wrist"), 0u);
  EXPECT_EQ(Measurements("waist"), 0u);
  auto edge = h_.Call(ana_, Method::kPut, "/api/v1/measurements",
                      R"({"kind": "wrist", "day": "2026-03-02", "unit": "cm", "value": 100000})");
  EXPECT_EQ(edge.status, 200) << edge.body;

  // A cardio summary: each figure one past its limit, then the limits themselves.
  struct Case {
    const char* member;
    const char* too_big;
  };
  for (auto [member, too_big] : {Case{"distance_m", "10000001"}, Case{"duration_s", "604801"},
                                 Case{"moving_time_s", "1e308"}, Case{"elevation_gain_m", "100001"},
                                 Case{"calories_kcal", "100001"}, Case{"distance_m", "-1"}}) {
    SCOPED_TRACE(member);
    EXPECT_EQ(FieldsOf(PostWorkout(R"("cardio": {"sport": "run", ")" + std::string(member) +
                                   R"(": )" + too_big + "}")),
              Fields{"cardio." + std::string(member)});
  }
  EXPECT_EQ(Workouts(), 0u);
  auto longest = PostWorkout(
      R"("cardio": {"sport": "run", "distance_m": 10000000, "duration_s": 604800,
                    "moving_time_s": 604800, "elevation_gain_m": 100000, "calories_kcal": 100000})");
  EXPECT_EQ(longest.status, 201) << longest.body;

  // Preferences and tokens.
  auto before = Preferences();
  for (const char* step : {"0", "50.5", "1e9", "-1"}) {
    EXPECT_EQ(
        FieldsOf(h_.Call(ana_, Method::kPatch, "/api/v1/me",
                         R"({"preferences": {"weight_increment": )" + std::string(step) + "}}")),
        Fields{"preferences.weight_increment"})
        << step;
  }
  EXPECT_EQ(Preferences(), before);
  EXPECT_EQ(FieldsOf(h_.Post(ana_, "/api/v1/me/tokens",
                             R"({"name": "cli", "scopes": ["workouts:read"],
                                 "expires_in_days": 3651})")),
            Fields{"expires_in_days"});
}

}  // namespace
}  // namespace vigor
