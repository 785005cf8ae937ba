// Body measurements through the real application: one value per kind and day (a second one
// replaces the first), units per kind, the trend list by kind and day range, deletion by id, and
// owners only.
#include <gtest/gtest.h>

#include <set>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

std::set<std::string> FieldsOf(const Reply& reply) {
  std::set<std::string> fields;
  auto body = reply.Json();
  if (const auto* errors = body.if_contains("errors")) {
    for (const auto& e : errors->as_array()) {
      fields.insert(std::string(e.as_object().at("field").as_string()));
    }
  }
  return fields;
}

class MeasurementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  Reply Put(Browser& b, const std::string& body) {
    return h_.Call(b, Method::kPut, "/api/v1/measurements", body);
  }
  std::vector<std::pair<std::string, double>> Trend(Browser& b, const std::string& query) {
    auto reply = h_.Get(b, "/api/v1/measurements?" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<std::pair<std::string, double>> out;
    auto body = reply.Json();
    for (const auto& m : body["items"].as_array()) {
      out.emplace_back(m.at("day").as_string(), m.at("value").to_number<double>());
    }
    return out;
  }

  AppHarness h_;
  Browser owner_, other_;
};

TEST_F(MeasurementsTest, OneValuePerKindAndDayTheLaterReplacing) {
  auto first = Put(owner_, R"({"kind": "weight", "day": "2026-03-02", "value": 82.4})");
  ASSERT_EQ(first.status, 200) << first.body;
  auto m = first.Json();
  EXPECT_EQ(m["kind"], "weight");
  EXPECT_EQ(m["day"], "2026-03-02");
  EXPECT_EQ(m["unit"], "kg");
  EXPECT_EQ(m["notes"], nullptr);
  EXPECT_FALSE(m["updated_at"].as_string().empty());

  auto second = Put(owner_, R"({"kind": "weight", "day": "2026-03-02", "value": 82.1, "unit": "kg",
                      "notes": "after the run"})");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.Json()["id"], m["id"]) << "the same entry, replaced";
  EXPECT_EQ(second.Json()["value"].to_number<double>(), 82.1);
  EXPECT_EQ(second.Json()["notes"], "after the run");
  EXPECT_EQ(Trend(owner_, "kind=weight"),
            (std::vector<std::pair<std::string, double>>{{"2026-03-02", 82.1}}));
}

TEST_F(MeasurementsTest, TrendIsOldestFirstWithinTheDays) {
  for (auto [day, value] : std::vector<std::pair<std::string, double>>{{"2026-03-05", 81.5},
                                                                       {"2026-03-01", 82.9},
                                                                       {"2026-03-03", 82.0},
                                                                       {"2026-02-20", 83.4}}) {
    ASSERT_EQ(Put(owner_, R"({"kind": "weight", "day": ")" + day + R"(", "value": )" +
                              std::to_string(value) + "}")
                  .status,
              200);
  }
  ASSERT_EQ(Put(owner_, R"({"kind": "body_fat", "day": "2026-03-03", "value": 18.5})").status, 200);
  ASSERT_EQ(
      Put(owner_, R"({"kind": "waist", "day": "2026-03-03", "value": 84, "unit": "cm"})").status,
      200);
  using Trendline = std::vector<std::pair<std::string, double>>;
  EXPECT_EQ(
      Trend(owner_, "kind=weight"),
      (Trendline{
          {"2026-02-20", 83.4}, {"2026-03-01", 82.9}, {"2026-03-03", 82.0}, {"2026-03-05", 81.5}}));
  EXPECT_EQ(Trend(owner_, "kind=weight&from=2026-03-01&to=2026-03-03"),
            (Trendline{{"2026-03-01", 82.9}, {"2026-03-03", 82.0}}));
  EXPECT_EQ(Trend(owner_, "kind=body_fat"), (Trendline{{"2026-03-03", 18.5}}));
  auto waist = h_.Get(owner_, "/api/v1/measurements?kind=waist").Json()["items"].as_array();
  ASSERT_EQ(waist.size(), 1u);
  EXPECT_EQ(waist[0].at("unit"), "cm");
  EXPECT_TRUE(Trend(owner_, "kind=chest").empty());

  EXPECT_EQ(FieldsOf(h_.Get(owner_, "/api/v1/measurements")), std::set<std::string>{"kind"});
  EXPECT_EQ(FieldsOf(h_.Get(owner_, "/api/v1/measurements?kind=Weight")),
            std::set<std::string>{"kind"});
  EXPECT_EQ(FieldsOf(h_.Get(owner_, "/api/v1/measurements?kind=weight&from=March")),
            std::set<std::string>{"from"});
}

TEST_F(MeasurementsTest, UnitsAndRangesDependOnTheKind) {
  auto fields = [&](const std::string& body) { return FieldsOf(Put(owner_, body)); };
  using Fields = std::set<std::string>;
  EXPECT_EQ(fields(R"({"kind": "weight", "day": "2026-03-02", "value": 180, "unit": "lb"})"),
            Fields{"unit"});
  EXPECT_EQ(fields(R"({"kind": "weight", "day": "2026-03-02", "value": 0})"), Fields{"value"});
  EXPECT_EQ(fields(R"({"kind": "body_fat", "day": "2026-03-02", "value": 80})"), Fields{"value"});
  EXPECT_EQ(fields(R"({"kind": "body_fat", "day": "2026-03-02", "value": -1})"), Fields{"value"});
  EXPECT_EQ(fields(R"({"kind": "waist", "day": "2026-03-02", "value": 84})"), Fields{"unit"});
  EXPECT_EQ(fields(R"({"kind": "Waist Size", "day": "2026-03-02", "value": 84, "unit": "cm"})"),
            Fields{"kind"});
  EXPECT_EQ(fields(R"({"kind": "waist", "day": "2026-02-30", "value": 84, "unit": "cm"})"),
            Fields{"day"});
  EXPECT_EQ(fields(R"({"kind": "weight", "day": "2026-03-02", "value": "80", "id": "x"})"),
            (Fields{"value", "id"}));
  EXPECT_EQ(fields(R"({})"), (Fields{"kind", "day", "value"}));
  EXPECT_EQ(
      Put(owner_, R"({"kind": "body_fat", "day": "2026-03-02", "value": 75, "unit": "%"})").status,
      200);
  EXPECT_EQ(Put(owner_, R"({"kind": "resting_heart_rate", "day": "2026-03-02", "value": 52,
                            "unit": "bpm"})")
                .status,
            200);
}

TEST_F(MeasurementsTest, DeleteByIdOwnerOnly) {
  auto m = Put(owner_, R"({"kind": "weight", "day": "2026-03-02", "value": 82.4})").Json();
  std::string id(m["id"].as_string());
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/measurements/" + id).status, 404);
  EXPECT_TRUE(Trend(other_, "kind=weight").empty());
  EXPECT_EQ(Trend(owner_, "kind=weight").size(), 1u);

  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/measurements/" + id).status, 204);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/measurements/" + id).status, 404);
  EXPECT_TRUE(Trend(owner_, "kind=weight").empty());
  // Recording the same day again brings an entry back.
  auto again = Put(owner_, R"({"kind": "weight", "day": "2026-03-02", "value": 82.0})");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(Trend(owner_, "kind=weight"),
            (std::vector<std::pair<std::string, double>>{{"2026-03-02", 82.0}}));
  // Another user's same kind and day is theirs alone.
  ASSERT_EQ(Put(other_, R"({"kind": "weight", "day": "2026-03-02", "value": 60})").status, 200);
  EXPECT_EQ(Trend(owner_, "kind=weight").front().second, 82.0);
}

}  // namespace
}  // namespace vigor
