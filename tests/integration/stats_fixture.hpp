// What the analytics tests share: a fixture with two signed-in users and helpers that log
// workouts and read /api/v1/stats/... through the real application (in process).
#pragma once

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <string>

#include "core/calendar.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"

namespace vigor::stats_testing {

using platform::http::Headers;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

// A strength workout from `started_at` to `ended_at` (UTC texts): squat 5 x 100 kg twice (done)
// and once planned (not done), so 2 sets and 1,000 kg of volume.
inline std::string Squats(const std::string& started_at, const std::string& ended_at,
                          int effort = 8, const std::string& zone = "") {
  return R"({"title":"Squats","started_at":")" + started_at + R"(","ended_at":")" + ended_at +
         R"(","perceived_effort":)" + std::to_string(effort) +
         (zone.empty() ? "" : R"(,"time_zone":")" + zone + "\"") +
         R"(,"blocks":[{"exercise_id":"barbell-back-squat","sets":[
           {"reps":5,"weight_kg":100},{"reps":5,"weight_kg":100},
           {"reps":5,"weight_kg":100,"done":false}]}]})";
}

// A workout with no sets: only its time and effort count (load = effort x minutes).
inline std::string Session(const std::string& started_at, const std::string& ended_at, int effort) {
  return R"({"title":"Session","started_at":")" + started_at + R"(","ended_at":")" + ended_at +
         R"(","perceived_effort":)" + std::to_string(effort) + R"(,"blocks":[]})";
}

inline double Num(const boost::json::value& v) { return v.to_number<double>(); }

class StatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    other_id_ = h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  void Preferences(Browser& b, const std::string& preferences) {
    auto reply = h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":)" + preferences + "}");
    ASSERT_EQ(reply.status, 200) << reply.body;
  }

  // Logs a workout; returns its id.
  std::string Log(Browser& b, const std::string& body) {
    auto reply = h_.Post(b, "/api/v1/workouts", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(reply.Json()["id"].as_string()) : "";
  }

  boost::json::object Stats(Browser& b, const std::string& target) {
    auto reply = h_.Get(b, "/api/v1/stats/" + target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return reply.status == 200 ? reply.Json() : boost::json::object{};
  }

  // Today in UTC (the default profile zone), as days since 1970-01-01.
  static core::Day TodayUtc() {
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  }
  static std::string Noon(core::Day day) { return core::FormatDay(day) + "T12:00:00Z"; }
  static std::string OnePm(core::Day day) { return core::FormatDay(day) + "T13:00:00Z"; }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
  std::string other_id_;
};

}  // namespace vigor::stats_testing
