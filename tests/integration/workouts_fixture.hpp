// What the workouts API tests share: a fixture with signed-in users, a statement-counting
// database, and a sample strength workout, through the real application (in process).
#pragma once

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <thread>

#include "app/feature_links.hpp"
#include "features/exercises/feature.hpp"
#include "features/workouts/json_codec.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"

namespace vigor::workouts_testing {

using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

inline constexpr const char* kLegDayStart = "2026-03-02T07:30:00+01:00";

// A strength workout: squat 2 x 5 at 100 kg (done) and one planned set, bench 8 at 60 kg. It
// ends at 07:45:30.5Z when it starts at the default time, and has no end otherwise.
inline boost::json::object StrengthWorkout(const std::string& title = "Leg day",
                                           const std::string& started_at = kLegDayStart) {
  auto workout = boost::json::parse(R"({
    "title": ")" + title + R"(",
    "started_at": ")" + started_at + R"(",
    "ended_at": "2026-03-02T07:45:30.5Z",
    "time_zone": "Europe/Berlin",
    "notes": "felt strong",
    "perceived_effort": 8,
    "blocks": [
      {"exercise_id": "barbell-back-squat", "rest_s": 180, "sets": [
        {"set_type": "warmup", "reps": 5, "weight_kg": 100, "done": true, "rpe": 7},
        {"reps": 5, "weight_kg": 100, "done": true, "rir": 2},
        {"reps": 5, "weight_kg": 100, "done": false, "target_reps": 5, "target_weight_kg": 100}
      ]},
      {"exercise_id": "barbell-bench-press", "superset_group": 1, "notes": "paused", "sets": [
        {"reps": 8, "weight_kg": 60}
      ]}
    ]
  })")
                     .as_object();
  if (started_at != kLegDayStart) workout.erase("ended_at");
  return workout;
}

inline std::string Body(const boost::json::object& o) { return boost::json::serialize(o); }

inline Headers With(std::initializer_list<std::pair<std::string, std::string>> fields) {
  Headers headers;
  for (const auto& [name, value] : fields) headers.Add(name, value);
  return headers;
}

inline std::string ETagOf(const Reply& reply) {
  return std::string(reply.headers.Get("ETag").value_or(""));
}

// Forwards to the application's database and counts the statements each call runs.
class CountingDatabase final : public platform::store::Database {
 public:
  explicit CountingDatabase(platform::store::Database& inner) : inner_(inner) {}
  std::string_view dialect() const override { return inner_.dialect(); }
  void Read(const std::function<void(Session&)>& work) override {
    inner_.Read([&](Session& s) { Counted(s, work); });
  }
  void Write(const std::function<void(Session&)>& work) override {
    inner_.Write([&](Session& s) { Counted(s, work); });
  }
  int SchemaVersion() override { return inner_.SchemaVersion(); }
  platform::store::PoolStats Stats() const override { return inner_.Stats(); }

  std::uint64_t statements = 0;

 private:
  void Counted(Session& s, const std::function<void(Session&)>& work) {
    auto before = s.statement_count();
    work(s);
    statements += s.statement_count() - before;
  }
  platform::store::Database& inner_;
};

class WorkoutsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  Reply Post(Browser& b, const boost::json::object& body, const Headers& headers = {}) {
    return h_.Call(b, Method::kPost, "/api/v1/workouts", Body(body), headers);
  }
  Reply Put(Browser& b, const std::string& id, const boost::json::object& body,
            const Headers& headers = {}) {
    return h_.Call(b, Method::kPut, "/api/v1/workouts/" + id, Body(body), headers);
  }

  // Rows in a table for the owner, tombstones included.
  std::int64_t CountRows(const std::string& table, const std::string& extra = "") {
    std::string sql = "SELECT COUNT(*) AS n FROM " + table + " WHERE user_id = $1" + extra;
    return h_.app().database->ReadResult([&](Session& s) {
      return s.QueryOne(Statement{"test.count", sql}, owner_id_)->Int("n");
    });
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
};

}  // namespace vigor::workouts_testing
