// Body measurements through the real application: one value per kind and day (a second one
// replaces the first), units per kind, the trend list by kind and day range, deletion by id, and
// owners only.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <ostream>
#include <set>

#include "features/body/measurement_repository.hpp"
#include "platform/crypto/secret_box.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

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

// The date `hours` from now on a fixed-offset clock (UTC+hours), as YYYY-MM-DD.
std::string DateAtOffset(int hours) {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                       std::chrono::hours(hours));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[11];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

TEST_F(MeasurementsTest, ADayInTheFutureOfTheUsersTimeZoneIsRefused) {
  // Kiritimati is UTC+14 and Pago Pago UTC-11, all year: at any instant their dates differ, so
  // Kiritimati's today is Pago Pago's tomorrow.
  std::string kiritimati_today = DateAtOffset(14);
  std::string kiritimati_tomorrow = DateAtOffset(14 + 24);
  auto zone = [&](const char* name) {
    auto r = h_.Call(owner_, Method::kPatch, "/api/v1/me",
                     std::string(R"({"preferences":{"time_zone":")") + name + R"("}})");
    ASSERT_EQ(r.status, 200) << r.body;
  };
  auto weigh = [&](const std::string& day) {
    return Put(owner_, R"({"kind": "weight", "day": ")" + day + R"(", "value": 80})");
  };

  zone("Pacific/Kiritimati");
  EXPECT_EQ(weigh(kiritimati_today).status, 200) << "today there";
  auto tomorrow = weigh(kiritimati_tomorrow);
  EXPECT_EQ(tomorrow.status, 422) << tomorrow.body;
  EXPECT_EQ(FieldsOf(tomorrow), std::set<std::string>{"day"});

  zone("Pacific/Pago_Pago");
  auto ahead =
      Put(owner_, R"({"kind": "body_fat", "day": ")" + kiritimati_today + R"(", "value": 20})");
  EXPECT_EQ(ahead.status, 422) << "tomorrow in Pago Pago: " << ahead.body;
  EXPECT_EQ(FieldsOf(ahead), std::set<std::string>{"day"});
  // Bad input changes nothing: only the one weight is there.
  EXPECT_EQ(Trend(owner_, "kind=weight"),
            (std::vector<std::pair<std::string, double>>{{kiritimati_today, 80}}));
  EXPECT_TRUE(Trend(owner_, "kind=body_fat").empty());
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
      Put(owner_, R"({"kind": "wrist", "day": "2026-03-03", "value": 17, "unit": "cm"})").status,
      200);
  using Trendline = std::vector<std::pair<std::string, double>>;
  EXPECT_EQ(
      Trend(owner_, "kind=weight"),
      (Trendline{
          {"2026-02-20", 83.4}, {"2026-03-01", 82.9}, {"2026-03-03", 82.0}, {"2026-03-05", 81.5}}));
  EXPECT_EQ(Trend(owner_, "kind=weight&from=2026-03-01&to=2026-03-03"),
            (Trendline{{"2026-03-01", 82.9}, {"2026-03-03", 82.0}}));
  EXPECT_EQ(Trend(owner_, "kind=body_fat"), (Trendline{{"2026-03-03", 18.5}}));
  auto wrist = h_.Get(owner_, "/api/v1/measurements?kind=wrist").Json()["items"].as_array();
  ASSERT_EQ(wrist.size(), 1u);
  EXPECT_EQ(wrist[0].at("unit"), "cm");
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
  EXPECT_EQ(fields(R"({"kind": "wrist", "day": "2026-03-02", "value": 17})"), Fields{"unit"});
  EXPECT_EQ(fields(R"({"kind": "Waist Size", "day": "2026-03-02", "value": 84, "unit": "cm"})"),
            Fields{"kind"});
  EXPECT_EQ(fields(R"({"kind": "wrist", "day": "2026-02-30", "value": 17, "unit": "cm"})"),
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

TEST_F(MeasurementsTest, BuiltInKindsAreSentInTheirSiUnitWithinARange) {
  auto fields = [&](const std::string& kind, const std::string& value, const std::string& unit) {
    std::string body = R"({"kind": ")" + kind + R"(", "day": "2026-03-02", "value": )" + value +
                       (unit.empty() ? "" : R"(, "unit": ")" + unit + "\"") + "}";
    auto reply = Put(owner_, body);
    if (reply.status != 200) {
      EXPECT_EQ(reply.status, 422) << body << ": " << reply.body;
    }
    return FieldsOf(reply);
  };
  using Fields = std::set<std::string>;
  // Circumferences in metres: 84 cm is 0.84.
  EXPECT_EQ(fields("waist", "0.84", "m"), Fields{});
  EXPECT_EQ(fields("waist", "0.2", ""), Fields{}) << "the unit may be left out: it can only be m";
  EXPECT_EQ(fields("waist", "3", "m"), Fields{});
  EXPECT_EQ(fields("waist", "84", "cm"), (Fields{"unit", "value"}));
  EXPECT_EQ(fields("waist", "84", ""), Fields{"value"}) << "cm sent as m";
  EXPECT_EQ(fields("waist", "0.19", "m"), Fields{"value"});
  EXPECT_EQ(fields("waist", "3.01", "m"), Fields{"value"});
  EXPECT_EQ(fields("chest", "40", "in"), (Fields{"unit", "value"}));
  EXPECT_EQ(fields("chest", "1.016", "m"), Fields{});
  for (const char* length : {"hips", "neck", "arm", "thigh", "calf"}) {
    EXPECT_EQ(fields(length, "0.35", "m"), Fields{}) << length;
    EXPECT_EQ(fields(length, "35", "cm"), (Fields{"unit", "value"})) << length;
    EXPECT_EQ(fields(length, "0", "m"), Fields{"value"}) << length;
  }
  // Resting heart rate in beats per minute.
  EXPECT_EQ(fields("resting_heart_rate", "52", ""), Fields{});
  EXPECT_EQ(fields("resting_heart_rate", "52", "bpm"), Fields{});
  EXPECT_EQ(fields("resting_heart_rate", "52", "/min"), Fields{"unit"});
  EXPECT_EQ(fields("resting_heart_rate", "19", "bpm"), Fields{"value"});
  EXPECT_EQ(fields("resting_heart_rate", "251", "bpm"), Fields{"value"});
  // The user's own kinds keep their free unit and any value.
  EXPECT_EQ(fields("wrist", "17", "cm"), Fields{});
  EXPECT_EQ(fields("grip_strength", "520", "N"), Fields{});

  // What was stored: SI units, and a rejected value changed nothing.
  auto stored = [&](const std::string& kind) {
    auto items = h_.Get(owner_, "/api/v1/measurements?kind=" + kind).Json()["items"].as_array();
    EXPECT_EQ(items.size(), 1u) << kind;
    return items.empty() ? boost::json::object{} : items[0].as_object();
  };
  EXPECT_EQ(stored("waist")["value"].to_number<double>(), 3.0);
  EXPECT_EQ(stored("waist")["unit"], "m");
  EXPECT_EQ(stored("chest")["value"].to_number<double>(), 1.016);
  EXPECT_EQ(stored("calf")["value"].to_number<double>(), 0.35);
  EXPECT_EQ(stored("resting_heart_rate")["unit"], "bpm");
  EXPECT_EQ(stored("resting_heart_rate")["value"].to_number<double>(), 52.0);
  EXPECT_EQ(stored("grip_strength")["unit"], "N");
}

// ---- kinds -----------------------------------------------------------------------------------

struct KindRow {
  std::string kind;
  std::string unit;
  std::int64_t entries;
  std::string latest_day;
  double latest_value;
  bool operator==(const KindRow&) const = default;
};

std::ostream& operator<<(std::ostream& out, const KindRow& k) {
  return out << k.kind << " " << k.unit << " x" << k.entries << " latest " << k.latest_day << "="
             << k.latest_value;
}

TEST_F(MeasurementsTest, KindsListsTheUsersOwnLiveKindsWithCountAndLatest) {
  auto kinds = [&](Browser& b) {
    auto reply = h_.Get(b, "/api/v1/measurements/kinds");
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<KindRow> out;
    auto body = reply.Json();
    for (const auto& v : body["items"].as_array()) {
      const auto& k = v.as_object();
      const auto& latest = k.at("latest").as_object();
      out.push_back({std::string(k.at("kind").as_string()), std::string(k.at("unit").as_string()),
                     k.at("entries").to_number<std::int64_t>(),
                     std::string(latest.at("day").as_string()),
                     latest.at("value").to_number<double>()});
    }
    return out;
  };
  EXPECT_TRUE(kinds(owner_).empty()) << "no entries, no kinds";

  auto put = [&](Browser& b, const std::string& body) {
    auto reply = Put(b, body);
    EXPECT_EQ(reply.status, 200) << body << ": " << reply.body;
    return std::string(reply.Json()["id"].as_string());
  };
  put(owner_, R"({"kind": "weight", "day": "2026-03-01", "value": 82.9})");
  put(owner_, R"({"kind": "weight", "day": "2026-03-03", "value": 82.0})");
  auto newest_weight = put(owner_, R"({"kind": "weight", "day": "2026-03-05", "value": 81.5})");
  put(owner_, R"({"kind": "weight", "day": "2026-03-03", "value": 81.8})");  // replaces that day
  put(owner_, R"({"kind": "waist", "day": "2026-03-04", "value": 0.84, "unit": "m"})");
  put(owner_, R"({"kind": "waist", "day": "2026-02-20", "value": 0.86})");
  put(owner_, R"({"kind": "grip_strength", "day": "2026-03-02", "value": 41, "unit": "kg"})");
  auto only_neck = put(owner_, R"({"kind": "neck", "day": "2026-03-02", "value": 0.39})");
  put(other_, R"({"kind": "secret_kind", "day": "2026-03-09", "value": 7, "unit": "x"})");
  put(other_, R"({"kind": "weight", "day": "2026-03-09", "value": 60})");

  // Deleting the newest weight makes the one before it the latest; a kind whose only entry is
  // deleted is gone.
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/measurements/" + newest_weight).status, 204);
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/measurements/" + only_neck).status, 204);

  EXPECT_EQ(kinds(owner_), (std::vector<KindRow>{{"grip_strength", "kg", 1, "2026-03-02", 41},
                                                 {"waist", "m", 2, "2026-03-04", 0.84},
                                                 {"weight", "kg", 2, "2026-03-03", 81.8}}));
  EXPECT_EQ(kinds(other_), (std::vector<KindRow>{{"secret_kind", "x", 1, "2026-03-09", 7},
                                                 {"weight", "kg", 1, "2026-03-09", 60}}));

  // Recording the neck again brings the kind back.
  put(owner_, R"({"kind": "neck", "day": "2026-03-06", "value": 0.4})");
  EXPECT_EQ(kinds(owner_).size(), 4u);
  EXPECT_EQ(kinds(owner_)[1], (KindRow{"neck", "m", 1, "2026-03-06", 0.4}));
}

// wger's habit against N+1: listing 2 kinds or 12 costs the same one statement.
TEST_F(MeasurementsTest, KindsCostOneStatementWhateverTheirNumber) {
  auto few = h_.CreateUser("few");
  auto many = h_.CreateUser("many");
  Browser few_b, many_b;
  h_.SignIn(few_b, "few");
  h_.SignIn(many_b, "many");
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(Put(few_b, R"({"kind": "own_)" + std::to_string(i) +
                             R"(", "day": "2026-03-02", "value": 1, "unit": "u"})")
                  .status,
              200);
  }
  for (int i = 0; i < 12; ++i) {
    for (const char* day : {"2026-03-02", "2026-03-03"}) {
      ASSERT_EQ(Put(many_b, R"({"kind": "own_)" + std::to_string(i) + R"(", "day": ")" + day +
                                R"(", "value": 1, "unit": "u"})")
                    .status,
                200);
    }
  }
  features::body::MeasurementRepository repository(*h_.app().secrets);
  auto cost = [&](const std::string& user_id, std::size_t expected_kinds) {
    std::uint64_t statements = 0;
    h_.app().database->Read([&](platform::store::Session& s) {
      auto before = s.statement_count();
      auto kinds = repository.Kinds(s, user_id);
      statements = s.statement_count() - before;
      EXPECT_EQ(kinds.size(), expected_kinds);
    });
    return statements;
  };
  EXPECT_EQ(cost(few, 2), 1u);
  EXPECT_EQ(cost(many, 12), 1u);
}

}  // namespace
}  // namespace vigor
