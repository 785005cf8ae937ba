// What the exercises API tests share: a fixture with two signed-in users (Ada and Bob) and
// helpers to search, page and create exercises through the real application (in process).
#pragma once

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "core/text_fold.hpp"
#include "features/exercises/feature.hpp"
#include "features/exercises/json_codec.hpp"
#include "platform/id.hpp"
#include "support/app_harness.hpp"

namespace vigor::exercises_testing {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;
namespace json = boost::json;

inline std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

inline std::string Body(json::object o) { return json::serialize(o); }

inline json::object Lift(const std::string& name) {
  return {{"name", name},
          {"category", "strength"},
          {"primary_muscles", json::array{"quads"}},
          {"equipment", json::array{"barbell"}},
          {"log_type", "weight_reps"}};
}

inline std::vector<std::string> Strings(const json::value& v, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& item : v.as_object().at(key).as_array()) {
    out.emplace_back(item.as_object().at("id").as_string());
  }
  return out;
}

class ExercisesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_id_ = h_.CreateUser("ada");
    bob_id_ = h_.CreateUser("bob");
    h_.SignIn(ada_, "ada");
    h_.SignIn(bob_, "bob");
  }

  Reply Search(Browser& b, const std::string& query) {
    return h_.Get(b, "/api/v1/exercises?" + query);
  }
  // The ids a search returns (first page, up to 100).
  std::vector<std::string> Ids(Browser& b, const std::string& query) {
    auto reply = Search(b, query + (query.empty() ? "" : "&") + "limit=100");
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200) return {};
    return Strings(reply.Json(), "items");
  }
  bool Finds(Browser& b, const std::string& text, const std::string& id) {
    auto ids = Ids(b, "q=" + Encode(text));
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  std::string Create(Browser& b, const json::object& body) {
    auto reply = h_.Post(b, "/api/v1/exercises", Body(body));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(reply.Json()["id"].as_string()) : "";
  }
  // Every page of a search, following next_cursor.
  std::vector<json::object> WalkAll(Browser& b, const std::string& query, int limit) {
    std::vector<json::object> all;
    std::string cursor;
    for (int pages = 0; pages < 1000; ++pages) {
      std::string target = "/api/v1/exercises?limit=" + std::to_string(limit) + query;
      if (!cursor.empty()) target += "&cursor=" + Encode(cursor);
      auto reply = h_.Get(b, target);
      EXPECT_EQ(reply.status, 200) << reply.body;
      if (reply.status != 200) break;
      auto page = reply.Json();
      EXPECT_LE(page["items"].as_array().size(), static_cast<std::size_t>(limit));
      for (const auto& item : page["items"].as_array()) all.push_back(item.as_object());
      if (page["next_cursor"].is_null()) break;
      EXPECT_EQ(page["items"].as_array().size(), static_cast<std::size_t>(limit));
      cursor = std::string(page["next_cursor"].as_string());
    }
    return all;
  }
  features::exercises::ExerciseService& Exercises() {
    return h_.app().Get<features::exercises::ExercisesFeature>().service();
  }
  std::size_t CatalogueSize() { return Exercises().catalog().entries().size(); }

  AppHarness h_;
  Browser ada_, bob_;
  std::string ada_id_, bob_id_;
};

}  // namespace vigor::exercises_testing
