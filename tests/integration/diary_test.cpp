// The food diary through the real application on both databases: log foods by portion and by
// grams and quick entries, the day's meals and totals, all-or-nothing field errors, retries with
// the client's ids and Idempotency-Key, copying a meal or a day, water, changing and deleting an
// item, another user's items, the user's rev, per-day totals for a range, and a day's read
// costing the same statements for 5 or 50 items. Expected values are worked out from the USDA
// SR24 values per 100 g (data/foods/usda_sr24.tsv): egg 01123 143 kcal, 12.56 g protein, 9.51 g
// fat, portion "large" 50 g; apple 09003 52 kcal, 13.81 g carbohydrate, "medium (3" dia)" 182 g;
// whole milk 01077 61 kcal, 3.15 g protein, "cup" 244 g.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "features/nutrition/diary_feature.hpp"
#include "platform/store/revisions.hpp"
#include "support/app_harness.hpp"
#include "support/counting_database.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

constexpr double kEps = 1e-9;

Headers Key(const std::string& key) {
  Headers headers;
  headers.Add("Idempotency-Key", key);
  return headers;
}

double Num(const boost::json::value& v) { return v.to_number<double>(); }

double Amount(const boost::json::object& totals, const char* key) {
  return Num(totals.at("amounts").as_object().at(key));
}

bool Incomplete(const boost::json::object& totals, const char* key) {
  for (const auto& k : totals.at("incomplete").as_array()) {
    if (k.as_string() == key) return true;
  }
  return false;
}

constexpr const char* kEggs =
    R"({"meal":"breakfast","food_id":"usda-01123","portion":{"name":"large","count":2}})";
constexpr const char* kApple =
    R"j({"meal":"breakfast","food_id":"usda-09003","portion":{"name":"medium (3\" dia)","count":1}})j";
constexpr const char* kQuick =
    R"({"meal":"lunch","quick":{"name":"Sandwich","energy_kcal":250,"protein_g":10}})";
constexpr const char* kMilk = R"({"meal":"pre-workout","food_id":"usda-01077","grams":244})";

std::string Items(std::initializer_list<std::string> items) {
  std::string body = R"({"items":[)";
  bool first = true;
  for (const auto& item : items) {
    if (!first) body += ",";
    body += item;
    first = false;
  }
  return body + "]}";
}

class DiaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  Reply Log(Browser& b, const std::string& date, const std::string& body,
            const Headers& extra = {}) {
    return h_.Call(b, Method::kPost, "/api/v1/diary/" + date + "/items", body, extra);
  }
  boost::json::object Day(Browser& b, const std::string& date) {
    auto reply = h_.Get(b, "/api/v1/diary/" + date);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }
  std::size_t ItemCount(const boost::json::object& day) {
    std::size_t n = 0;
    for (const auto& meal : day.at("meals").as_array()) {
      n += meal.as_object().at("items").as_array().size();
    }
    return n;
  }
  std::int64_t Rev() {
    std::int64_t rev = 0;
    h_.app().database->Read(
        [&](Session& s) { rev = platform::store::CurrentRevision(s, owner_id_); });
    return rev;
  }
  features::nutrition::DiaryFeature& feature() {
    return h_.app().Get<features::nutrition::DiaryFeature>();
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
};

TEST_F(DiaryTest, LogsFoodsByPortionAndGramsAndQuickEntriesWithTotalsPerMealAndDay) {
  auto rev_before = Rev();
  auto logged = Log(owner_, "2026-03-02", Items({kEggs, kApple, kQuick, kMilk}));
  ASSERT_EQ(logged.status, 201) << logged.body;
  EXPECT_GT(Rev(), rev_before);
  auto items = logged.Json()["items"].as_array();
  ASSERT_EQ(items.size(), 4u);
  auto eggs = items[0].as_object();
  EXPECT_EQ(eggs["kind"], "food");
  EXPECT_EQ(eggs["food_id"], "usda-01123");
  EXPECT_EQ(eggs["name"], "Egg, whole, raw, fresh");
  EXPECT_EQ(eggs["date"], "2026-03-02");
  EXPECT_NEAR(Num(eggs["grams"]), 100, kEps);  // 2 x 50 g
  EXPECT_EQ(eggs["portion"].as_object()["name"], "large");
  EXPECT_NEAR(Num(eggs["portion"].as_object()["count"]), 2, kEps);
  EXPECT_NEAR(Num(eggs["nutrients"].as_object()["energy_kcal"]), 143, kEps);
  EXPECT_NEAR(Num(eggs["nutrients"].as_object()["protein_g"]), 12.56, kEps);
  auto apple = items[1].as_object();
  EXPECT_NEAR(Num(apple["grams"]), 182, kEps);
  EXPECT_NEAR(Num(apple["nutrients"].as_object()["energy_kcal"]), 94.64, kEps);  // 52 x 1.82
  auto quick = items[2].as_object();
  EXPECT_EQ(quick["kind"], "quick");
  EXPECT_EQ(quick["food_id"], nullptr);
  EXPECT_EQ(quick["grams"], nullptr);
  EXPECT_EQ(quick["name"], "Sandwich");
  EXPECT_NEAR(Num(quick["nutrients"].as_object()["energy_kcal"]), 250, kEps);
  EXPECT_FALSE(quick["nutrients"].as_object().contains("fat_g")) << "not given: unknown";
  auto milk = items[3].as_object();
  EXPECT_EQ(milk["portion"], nullptr);
  EXPECT_NEAR(Num(milk["nutrients"].as_object()["energy_kcal"]), 148.84, kEps);  // 61 x 2.44

  auto day = Day(owner_, "2026-03-02");
  EXPECT_EQ(day["date"], "2026-03-02");
  auto meals = day["meals"].as_array();
  ASSERT_EQ(meals.size(), 5u);
  std::vector<std::string> names;
  for (const auto& m : meals) names.emplace_back(m.as_object().at("name").as_string());
  EXPECT_EQ(names,
            (std::vector<std::string>{"breakfast", "lunch", "dinner", "snacks", "pre-workout"}));
  auto breakfast = meals[0].as_object();
  EXPECT_EQ(breakfast["items"].as_array().size(), 2u);
  EXPECT_NEAR(Amount(breakfast["totals"].as_object(), "energy_kcal"), 237.64, 1e-9);
  EXPECT_NEAR(Amount(breakfast["totals"].as_object(), "protein_g"), 12.56 + 0.26 * 1.82, 1e-9);
  EXPECT_EQ(meals[2].as_object()["items"].as_array().size(), 0u);
  EXPECT_NEAR(Amount(meals[2].as_object()["totals"].as_object(), "energy_kcal"), 0, kEps);
  auto totals = day["totals"].as_object();
  EXPECT_NEAR(Amount(totals, "energy_kcal"), 143 + 94.64 + 250 + 148.84, 1e-9);
  EXPECT_NEAR(Amount(totals, "protein_g"), 12.56 + 0.26 * 1.82 + 10 + 3.15 * 2.44, 1e-9);
  EXPECT_NEAR(Amount(totals, "fat_g"), 9.51 + 0.17 * 1.82 + 3.25 * 2.44, 1e-9);
  EXPECT_TRUE(Incomplete(totals, "fat_g")) << "the sandwich's fat is unknown";
  EXPECT_FALSE(Incomplete(totals, "energy_kcal"));
  EXPECT_NEAR(Num(day["water_ml"]), 0, kEps);
  EXPECT_NEAR(Num(day["exercise_kcal"]), 0, kEps);
  EXPECT_EQ(day["targets"], nullptr);
  EXPECT_EQ(day["remaining_kcal"], nullptr);

  // Another day is empty, with the four standard meals.
  auto empty = Day(owner_, "2026-03-03");
  EXPECT_EQ(empty["meals"].as_array().size(), 4u);
  EXPECT_EQ(ItemCount(empty), 0u);
}

TEST_F(DiaryTest, CustomMealsFollowTheStandardOnesInTheOrderFirstUsed) {
  auto item = [](const std::string& meal) {
    return R"({"meal":")" + meal + R"(","quick":{"energy_kcal":10}})";
  };
  ASSERT_EQ(Log(owner_, "2026-03-02", Items({item("zz late"), item(" afternoon ")})).status, 201);
  ASSERT_EQ(
      Log(owner_, "2026-03-02", Items({item("snacks"), item("b-meal"), item("zz late")})).status,
      201);
  std::vector<std::string> names;
  std::vector<std::size_t> sizes;
  auto day = Day(owner_, "2026-03-02");
  for (const auto& m : day["meals"].as_array()) {
    names.emplace_back(m.as_object().at("name").as_string());
    sizes.push_back(m.as_object().at("items").as_array().size());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"breakfast", "lunch", "dinner", "snacks", "zz late",
                                             "afternoon", "b-meal"}));
  EXPECT_EQ(sizes, (std::vector<std::size_t>{0, 0, 0, 1, 2, 1, 1}));
  auto blank = Log(owner_, "2026-03-02", Items({item("   ")}));
  EXPECT_EQ(blank.status, 422);
  EXPECT_EQ(FieldsOf(blank), (std::set<std::string>{"items[0].meal"}));
}

TEST_F(DiaryTest, BadInputIsRefusedWholeWithFieldErrorsAndWritesNothing) {
  auto rev_before = Rev();
  auto bad =
      Log(owner_, "2026-03-02",
          Items({kEggs, R"({"meal":"lunch","food_id":"usda-99999","grams":10})",
                 R"({"meal":"lunch","food_id":"usda-01123","grams":-5})",
                 R"({"meal":"lunch","food_id":"usda-01123","portion":{"name":"bucket","count":1}})",
                 R"({"meal":"lunch","food_id":"usda-01123"})",
                 R"({"meal":"lunch","quick":{"energy_kcal":100},"grams":5})",
                 R"({"meal":"this meal name is far longer than forty characters"})"}));
  EXPECT_EQ(bad.status, 422) << bad.body;
  auto fields = FieldsOf(bad);
  EXPECT_TRUE(fields.contains("items[2].grams")) << bad.body;
  EXPECT_TRUE(fields.contains("items[4].grams")) << bad.body;  // neither grams nor portion
  EXPECT_TRUE(fields.contains("items[5].grams")) << bad.body;  // not for a quick entry
  EXPECT_TRUE(fields.contains("items[6].meal")) << bad.body;
  EXPECT_FALSE(fields.contains("items[0].food_id"));
  // Known foods and portions are checked once the shapes are right.
  auto unknown = Log(
      owner_, "2026-03-02",
      Items({kEggs, R"({"meal":"lunch","food_id":"usda-99999","grams":10})",
             R"({"meal":"lunch","food_id":"usda-01123","portion":{"name":"bucket","count":1}})"}));
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(FieldsOf(unknown),
            (std::set<std::string>{"items[1].food_id", "items[2].portion.name"}));
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-02")), 0u);
  EXPECT_EQ(Rev(), rev_before);

  // More than 100 items, or 10,000: refused as a whole.
  std::string many = R"({"items":[)";
  for (int i = 0; i < 10'000; ++i) {
    many += std::string(i ? "," : "") + R"({"meal":"lunch","food_id":"usda-01123","grams":1})";
  }
  many += "]}";
  auto flood = Log(owner_, "2026-03-02", many);
  EXPECT_EQ(flood.status, 422) << flood.body.substr(0, 300);
  EXPECT_EQ(FieldsOf(flood), (std::set<std::string>{"items"}));
  std::string hundred_one = R"({"items":[)";
  for (int i = 0; i < 101; ++i) {
    hundred_one +=
        std::string(i ? "," : "") + R"({"meal":"lunch","food_id":"usda-01123","grams":1})";
  }
  hundred_one += "]}";
  EXPECT_EQ(Log(owner_, "2026-03-02", hundred_one).status, 422);
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-02")), 0u);

  // Bad days.
  for (const char* date : {"2026-02-30", "2026-3-2", "yesterday"}) {
    auto reply = h_.Get(owner_, std::string("/api/v1/diary/") + date);
    EXPECT_EQ(reply.status, 422) << date;
    EXPECT_EQ(FieldsOf(reply), (std::set<std::string>{"date"})) << date;
    EXPECT_EQ(Log(owner_, date, Items({kEggs})).status, 422) << date;
  }
  EXPECT_EQ(Rev(), rev_before);
}

TEST_F(DiaryTest, RetriesWithTheClientsIdsOrAnIdempotencyKeyLogOnce) {
  const std::string id = "0192f3a4-5b6c-7d8e-9f00-112233445566";
  std::string egg =
      R"({"id":")" + id + R"(","meal":"breakfast","food_id":"usda-01123","grams":50})";
  auto first = Log(owner_, "2026-03-02", Items({egg}));
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Log(owner_, "2026-03-02", Items({egg, kApple}));
  ASSERT_EQ(again.status, 201) << again.body;
  auto items = again.Json()["items"].as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].as_object()["id"], boost::json::value(id));
  EXPECT_EQ(items[0].as_object()["logged_at"],
            first.Json()["items"].as_array()[0].as_object()["logged_at"]);
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-02")), 2u);
  // The same id with other content is a conflict, and nothing of that request is logged.
  std::string changed =
      R"({"id":")" + id + R"(","meal":"breakfast","food_id":"usda-01123","grams":60})";
  EXPECT_EQ(Log(owner_, "2026-03-02", Items({kMilk, changed})).status, 409);
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-02")), 2u);
  // A repeated id inside one request, and an id that is no UUID.
  auto twice = Log(owner_, "2026-03-02", Items({egg, egg}));
  EXPECT_EQ(twice.status, 422);
  EXPECT_EQ(FieldsOf(twice), (std::set<std::string>{"items[1].id"}));
  EXPECT_EQ(Log(owner_, "2026-03-02",
                Items({R"({"id":"mine","meal":"lunch","food_id":"usda-01123","grams":5})"}))
                .status,
            422);

  // Ids are per user: another user's item id is like an unused one to them.
  auto theirs = Log(other_, "2026-03-02", Items({egg}));
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(theirs.Json()["items"].as_array()[0].as_object()["id"], boost::json::value(id));
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-02")), 2u);

  // Idempotency-Key: the same request answers the same items; another request with it is 409.
  auto keyed = Log(owner_, "2026-03-03", Items({kEggs, kQuick}), Key("k-1"));
  ASSERT_EQ(keyed.status, 201) << keyed.body;
  auto repeat = Log(owner_, "2026-03-03", Items({kEggs, kQuick}), Key("k-1"));
  ASSERT_EQ(repeat.status, 201) << repeat.body;
  EXPECT_EQ(repeat.Json()["items"], keyed.Json()["items"]);
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-03")), 2u);
  EXPECT_EQ(Log(owner_, "2026-03-03", Items({kEggs}), Key("k-1")).status, 409);
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-03")), 2u);
}

TEST_F(DiaryTest, CopiesYesterdaysBreakfastOrAWholeDayInOneRequest) {
  ASSERT_EQ(Log(owner_, "2026-03-01", Items({kEggs, kApple, kQuick, kMilk})).status, 201);
  auto copied = h_.Post(owner_, "/api/v1/diary/2026-03-02/copy",
                        R"({"from":"2026-03-01","meal":"breakfast"})");
  ASSERT_EQ(copied.status, 201) << copied.body;
  auto items = copied.Json()["items"].as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].as_object()["date"], "2026-03-02");
  EXPECT_EQ(items[0].as_object()["meal"], "breakfast");
  EXPECT_NEAR(Num(items[0].as_object()["nutrients"].as_object()["energy_kcal"]), 143, kEps);
  auto day = Day(owner_, "2026-03-02");
  EXPECT_EQ(ItemCount(day), 2u);
  EXPECT_NEAR(Amount(day["totals"].as_object(), "energy_kcal"), 237.64, 1e-9);
  auto source = Day(owner_, "2026-03-01");
  EXPECT_NE(source["meals"].as_array()[0].as_object()["items"].as_array()[0].as_object()["id"],
            items[0].as_object()["id"])
      << "copies are new items";
  EXPECT_EQ(ItemCount(source), 4u);

  // A whole day into one meal, retried with its Idempotency-Key.
  std::string whole = R"({"from":"2026-03-01","to_meal":"dinner"})";
  auto all = h_.Call(owner_, Method::kPost, "/api/v1/diary/2026-03-05/copy", whole, Key("c-1"));
  ASSERT_EQ(all.status, 201) << all.body;
  EXPECT_EQ(all.Json()["items"].as_array().size(), 4u);
  auto retry = h_.Call(owner_, Method::kPost, "/api/v1/diary/2026-03-05/copy", whole, Key("c-1"));
  EXPECT_EQ(retry.Json()["items"], all.Json()["items"]);
  auto target = Day(owner_, "2026-03-05");
  EXPECT_EQ(ItemCount(target), 4u);
  EXPECT_EQ(target["meals"].as_array()[2].as_object()["items"].as_array().size(), 4u);
  EXPECT_NEAR(Amount(target["totals"].as_object(), "energy_kcal"), 143 + 94.64 + 250 + 148.84,
              1e-9);
  EXPECT_EQ(h_.Post(owner_, "/api/v1/diary/2026-03-05/copy", R"({"from":"03/01"})").status, 422);
}

TEST_F(DiaryTest, WaterIsSetPerDay) {
  auto rev_before = Rev();
  auto set = h_.Call(owner_, Method::kPut, "/api/v1/diary/2026-03-02/water", R"({"water_ml":750})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["date"], "2026-03-02");
  EXPECT_NEAR(Num(set.Json()["water_ml"]), 750, kEps);
  EXPECT_GT(Rev(), rev_before);
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/diary/2026-03-02/water", R"({"water_ml":1250})")
                .status,
            200);
  EXPECT_NEAR(Num(Day(owner_, "2026-03-02")["water_ml"]), 1250, kEps);
  EXPECT_NEAR(Num(Day(owner_, "2026-03-03")["water_ml"]), 0, kEps);
  EXPECT_NEAR(Num(Day(other_, "2026-03-02")["water_ml"]), 0, kEps);
  auto bad = h_.Call(owner_, Method::kPut, "/api/v1/diary/2026-03-02/water", R"({"water_ml":-1})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), (std::set<std::string>{"water_ml"}));
  EXPECT_NEAR(Num(Day(owner_, "2026-03-02")["water_ml"]), 1250, kEps);
}

TEST_F(DiaryTest, AnItemsAmountMealAndDayChangeAndItIsDeleted) {
  auto logged = Log(owner_, "2026-03-02", Items({kEggs, kQuick}));
  ASSERT_EQ(logged.status, 201);
  std::string egg(logged.Json()["items"].as_array()[0].as_object()["id"].as_string());
  std::string quick(logged.Json()["items"].as_array()[1].as_object()["id"].as_string());
  std::string path = "/api/v1/diary-items/" + egg;

  auto grams = h_.Call(owner_, Method::kPatch, path, R"({"grams":150})");
  ASSERT_EQ(grams.status, 200) << grams.body;
  EXPECT_NEAR(Num(grams.Json()["nutrients"].as_object()["energy_kcal"]), 214.5, 1e-9);  // 143x1.5
  EXPECT_EQ(grams.Json()["portion"], nullptr);
  auto portion = h_.Call(owner_, Method::kPatch, path, R"({"portion":{"name":"jumbo","count":1}})");
  ASSERT_EQ(portion.status, 200) << portion.body;
  EXPECT_NEAR(Num(portion.Json()["grams"]), 63, kEps);
  EXPECT_NEAR(Num(portion.Json()["nutrients"].as_object()["protein_g"]), 12.56 * 0.63, 1e-9);
  auto moved = h_.Call(owner_, Method::kPatch, path, R"({"meal":"snacks","date":"2026-03-03"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["date"], "2026-03-03");
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-02")), 1u);
  auto next = Day(owner_, "2026-03-03");
  EXPECT_EQ(next["meals"].as_array()[3].as_object()["items"].as_array().size(), 1u);
  EXPECT_NEAR(Amount(next["totals"].as_object(), "energy_kcal"), 143 * 0.63, 1e-9);

  EXPECT_EQ(
      h_.Call(owner_, Method::kPatch, path, R"({"portion":{"name":"bucket","count":1}})").status,
      422);
  auto on_quick =
      h_.Call(owner_, Method::kPatch, "/api/v1/diary-items/" + quick, R"({"grams":100})");
  EXPECT_EQ(on_quick.status, 422);
  EXPECT_EQ(FieldsOf(on_quick), (std::set<std::string>{"grams"}));
  EXPECT_EQ(h_.Call(owner_, Method::kPatch, path, R"({"grams":0})").status, 422);

  // Another user's item is not found, to change or to delete.
  EXPECT_EQ(h_.Call(other_, Method::kPatch, path, R"({"grams":10})").status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, path).status, 404);
  EXPECT_EQ(ItemCount(Day(other_, "2026-03-03")), 0u);

  auto rev_before = Rev();
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, path).status, 204);
  EXPECT_GT(Rev(), rev_before);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, path).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kPatch, path, R"({"grams":10})").status, 404);
  EXPECT_EQ(ItemCount(Day(owner_, "2026-03-03")), 0u);
  // Its id stays taken: logging it again is a conflict, not a resurrection.
  std::string reuse = R"({"id":")" + egg + R"(","meal":"lunch","food_id":"usda-01123","grams":5})";
  EXPECT_EQ(Log(owner_, "2026-03-03", Items({reuse})).status, 409);
}

TEST_F(DiaryTest, TotalsOverARangeForTheTargetsPart) {
  ASSERT_EQ(Log(owner_, "2026-03-01", Items({kEggs})).status, 201);
  ASSERT_EQ(Log(owner_, "2026-03-03", Items({kEggs, kQuick})).status, 201);
  ASSERT_EQ(
      h_.Call(owner_, Method::kPut, "/api/v1/diary/2026-03-04/water", R"({"water_ml":500})").status,
      200);
  ASSERT_EQ(Log(other_, "2026-03-02", Items({kEggs})).status, 201);
  auto totals = feature().diary_totals();
  std::vector<features::nutrition::DayNutrition> days;
  h_.app().database->Read([&](Session& s) {
    days = totals(s, owner_id_, {*core::ParseDay("2026-03-02"), *core::ParseDay("2026-03-08")});
  });
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(core::FormatDay(days[0].day), "2026-03-03");
  EXPECT_EQ(days[0].items, 2);
  EXPECT_NEAR(days[0].totals.Amount(core::Nutrient::kEnergyKcal), 393, 1e-9);
  EXPECT_TRUE(days[0].totals.Incomplete(core::Nutrient::kFatG));
  EXPECT_EQ(core::FormatDay(days[1].day), "2026-03-04");
  EXPECT_EQ(days[1].items, 0);
  EXPECT_NEAR(days[1].water_ml, 500, kEps);
}

TEST_F(DiaryTest, ADayCostsTheSameStatementsForFiveOrFiftyItems) {
  testing::CountingDatabase counting(*h_.app().database);
  features::nutrition::DiaryService counted(
      counting, feature().foods_with_recipes(), {},
      [](Session&, const std::string&) -> std::optional<features::nutrition::DailyTargets> {
        return features::nutrition::DailyTargets{.energy_kcal = 2000,
                                                 .include_exercise_energy = true};
      },
      [](Session&, const std::string&, core::DayRange days) {
        return std::vector<std::pair<core::Day, double>>{{days.first, 300}};
      });
  auto day = *core::ParseDay("2026-03-02");
  auto log = [&](int n) {
    std::string body = R"({"items":[)";
    for (int i = 0; i < n; ++i) {
      body += std::string(i ? "," : "") + (i % 2 ? kEggs : kMilk);
    }
    ASSERT_EQ(Log(owner_, "2026-03-02", body + "]}").status, 201);
  };
  auto cost = [&] {
    counting.statements = 0;
    auto view = counted.Day(owner_id_, day);
    EXPECT_TRUE(view.remaining_kcal.has_value());
    return counting.statements;
  };
  log(5);
  auto five = cost();
  log(45);
  EXPECT_EQ(cost(), five);
  // With targets: 2000 + 300 of exercise - what was eaten.
  auto view = counted.Day(owner_id_, day);
  EXPECT_NEAR(view.exercise_kcal, 300, kEps);
  // 50 items, milk at the even places of each request: 3 + 23 cups of milk, 2 + 22 x 2 eggs.
  double eaten = 26 * 148.84 + 24 * 143;
  EXPECT_NEAR(view.totals.Amount(core::Nutrient::kEnergyKcal), eaten, 1e-6);
  EXPECT_NEAR(*view.remaining_kcal, 2000 + 300 - eaten, 1e-6);
}

}  // namespace
}  // namespace vigor
