// What the records API tests share: signed-in users and workouts of one lift built in a line.
#pragma once

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>
#include <vector>

#include "support/app_harness.hpp"

namespace vigor::records_testing {

using platform::http::Headers;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

struct Set {
  double weight_kg;
  int reps;
  std::string type = "normal";
};

inline boost::json::object LiftWorkout(const std::string& started_at, const std::vector<Set>& sets,
                                       const std::string& exercise_id = "barbell-back-squat") {
  boost::json::array json_sets;
  for (const auto& s : sets) {
    json_sets.push_back(
        boost::json::object{{"set_type", s.type}, {"reps", s.reps}, {"weight_kg", s.weight_kg}});
  }
  return {{"title", "Lift"},
          {"started_at", started_at},
          {"time_zone", "Europe/Berlin"},
          {"blocks", boost::json::array{boost::json::object{{"exercise_id", exercise_id},
                                                            {"sets", std::move(json_sets)}}}}};
}

class RecordsTestBase : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.CreateUser("ben");
    h_.SignIn(ana_, "ana");
    h_.SignIn(ben_, "ben");
  }

  // Logs a workout; returns its id.
  std::string Log(Browser& who, const boost::json::object& workout) {
    auto reply = h_.Post(who, "/api/v1/workouts", boost::json::serialize(workout));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(reply.Json()["id"].as_string()) : "";
  }
  boost::json::array Items(Browser& who, const std::string& target) {
    auto reply = h_.Get(who, target);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.Json()["items"].as_array() : boost::json::array{};
  }
  // The one item of `kind` (and reps or distance, when given) in `items`.
  static boost::json::object Find(const boost::json::array& items, const std::string& kind,
                                  std::optional<int> reps = std::nullopt,
                                  std::optional<double> distance_m = std::nullopt) {
    boost::json::object found;
    int n = 0;
    for (const auto& item : items) {
      const auto& o = item.as_object();
      if (o.at("kind") != kind.c_str()) continue;
      if (reps && o.at("reps") != *reps) continue;
      if (distance_m && o.at("distance_m").to_number<double>() != *distance_m) continue;
      found = o;
      ++n;
    }
    EXPECT_EQ(n, 1) << kind << " in " << boost::json::serialize(items);
    return found;
  }
  static double Num(const boost::json::value& v) { return v.to_number<double>(); }

  AppHarness h_;
  Browser ana_, ben_;
};

}  // namespace vigor::records_testing
