// Foods through the real application on both databases: search over the catalogue, the user's
// own foods and shared products (ranking, the user's use lifting a food), custom foods per verb
// (field errors write nothing, retries with the client's id and Idempotency-Key, a barcode taken
// by another of one's foods), barcode look-up (UPC-A found as its EAN-13, wrong check digits, own
// before shared), someone else's food invisible, catalogue foods read-only, recent and frequent
// foods, and the interfaces the diary part uses (lookup, use_recorder).
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <chrono>

#include "features/nutrition/foods_feature.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using features::nutrition::FoodsFeature;
using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

Headers With(std::initializer_list<std::pair<std::string, std::string>> fields) {
  Headers headers;
  for (const auto& [name, value] : fields) headers.Add(name, value);
  return headers;
}

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A branded product: 100 g have 520 kcal; UPC-A 036000291452 (check digit 2 worked out by hand:
// odd positions 0+6+0+2+1+5 = 14 x 3 = 42, even 3+0+0+9+4 = 16, 58 -> 2).
constexpr const char* kBar = R"({"name":"Chocolate bar","brand":"Acme","barcode":"036000291452",)"
                             R"("portions":[{"name":"bar","amount":1,"grams":45}],)"
                             R"("per_100g":{"energy_kcal":520,"protein_g":6.5,"fat_g":29}})";

class FoodsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    other_id_ = h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  FoodsFeature& Foods() {
    for (auto& feature : h_.app().features) {
      if (auto* foods = dynamic_cast<FoodsFeature*>(feature.get())) return *foods;
    }
    throw std::logic_error("no FoodsFeature installed");
  }
  Reply Post(Browser& b, const std::string& body, const Headers& extra = {}) {
    return h_.Call(b, Method::kPost, "/api/v1/foods", body, extra);
  }
  std::int64_t CountCustomFoods() {
    std::int64_t n = 0;
    h_.app().database->Read([&](Session& s) {
      n = s.QueryOne(Statement{"test.count_custom_foods", "SELECT COUNT(*) AS n FROM custom_foods"})
              ->Int("n");
    });
    return n;
  }
  std::vector<std::string> SearchIds(Browser& b, const std::string& q) {
    auto reply = h_.Get(b, "/api/v1/foods?limit=50&q=" + q);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<std::string> ids;
    auto json = reply.Json();
    for (const auto& item : json["items"].as_array()) {
      ids.emplace_back(item.as_object().at("id").as_string());
    }
    return ids;
  }
  void RecordUses(const std::string& user_id, const std::string& food_id, int times) {
    auto record = Foods().use_recorder();
    h_.app().database->Write([&](Session& s) {
      for (int i = 0; i < times; ++i) record(s, user_id, food_id, NowMs() - i * 1000);
    });
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_, other_id_;
};

TEST_F(FoodsTest, CreateReadReplaceDelete) {
  auto created = Post(owner_, kBar);
  ASSERT_EQ(created.status, 201) << created.body;
  auto food = created.Json();
  std::string id(food["id"].as_string());
  EXPECT_EQ(food["source"], "custom");
  EXPECT_EQ(food["owned"], true);
  EXPECT_EQ(food["barcode"], "0036000291452") << "a UPC-A is kept as its EAN-13";
  EXPECT_EQ(food["brand"], "Acme");
  EXPECT_EQ(food["food_group"], nullptr);
  EXPECT_EQ(food["per_100g"].as_object()["energy_kcal"].to_number<double>(), 520);
  EXPECT_EQ(food["portions"].as_array().size(), 1u);

  auto read = h_.Get(owner_, "/api/v1/foods/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json()["name"], "Chocolate bar");

  auto replaced = h_.Call(owner_, Method::kPut, "/api/v1/foods/" + id,
                          R"({"name":"Dark chocolate bar","per_100g":{"energy_kcal":550}})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.Json()["name"], "Dark chocolate bar");
  EXPECT_EQ(replaced.Json()["barcode"], nullptr) << "PUT replaces the whole food";
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/" + id).Json()["per_100g"].as_object()["energy_kcal"],
            550);

  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/foods/" + id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/foods/" + id).status, 404);
}

TEST_F(FoodsTest, RetriesWithTheClientsIdOrIdempotencyKeyCreateOnce) {
  std::string body = R"({"id":"0190c8a0-0000-7000-8000-000000000001","name":"Porridge",)"
                     R"("per_100g":{"energy_kcal":70}})";
  EXPECT_EQ(Post(owner_, body).status, 201);
  auto again = Post(owner_, body);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["id"], "0190c8a0-0000-7000-8000-000000000001");
  auto changed = Post(owner_, R"({"id":"0190c8a0-0000-7000-8000-000000000001","name":"Other",)"
                              R"("per_100g":{"energy_kcal":70}})");
  EXPECT_EQ(changed.status, 409);

  auto key = With({{"Idempotency-Key", "k-1"}});
  auto first = Post(owner_, R"({"name":"Rice","per_100g":{"energy_kcal":130}})", key);
  ASSERT_EQ(first.status, 201);
  auto second = Post(owner_, R"({"name":"Rice","per_100g":{"energy_kcal":130}})", key);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.Json()["id"], first.Json()["id"]);
  EXPECT_EQ(Post(owner_, R"({"name":"Beans","per_100g":{"energy_kcal":130}})", key).status, 409);
  EXPECT_EQ(CountCustomFoods(), 2);
}

TEST_F(FoodsTest, BadInputGetsFieldErrorsAndWritesNothing) {
  struct Case {
    std::string body;
    std::string field;
  };
  std::string long_name(300, 'a');
  std::string portions;
  for (int i = 0; i < 21; ++i) {
    portions += std::string(i ? "," : "") + R"({"name":"p","amount":1,"grams":10})";
  }
  std::vector<Case> cases = {
      {R"({"name":"X","per_100g":{"energy_kcal":100,"protein_g":-1}})", "per_100g.protein_g"},
      {R"({"name":"X","per_100g":{"energy_kcal":100,"fat_g":101}})", "per_100g.fat_g"},
      {R"({"name":"X","per_100g":{"energy_kcal":1200}})", "per_100g.energy_kcal"},
      {R"({"name":"X","per_100g":{"protein_g":3}})", "per_100g.energy_kcal"},
      {R"({"name":"X","per_100g":{"energy_kcal":100,"gold_g":1}})", "per_100g.gold_g"},
      {R"({"name":")" + long_name + R"(","per_100g":{"energy_kcal":100}})", "name"},
      {R"({"name":"","per_100g":{"energy_kcal":100}})", "name"},
      {R"({"name":"X","per_100g":{"energy_kcal":100},"portions":[)" + portions + "]}", "portions"},
      {R"({"name":"X","per_100g":{"energy_kcal":100},"portions":[{"name":"cup","amount":1,"grams":-5}]})",
       "portions[0].grams"},
      {R"({"name":"X","per_100g":{"energy_kcal":100},"colour":"red"})", "colour"},
      {R"({"name":"X","per_100g":{"energy_kcal":100},"barcode":"036000291453"})", "barcode"},
      {R"({"name":"X","per_100g":{"energy_kcal":100},"barcode":"12345"})", "barcode"},
      {R"({"name":"X","per_100g":{"energy_kcal":100},"barcode":"03600029145x"})", "barcode"},
      {R"({"id":"not-a-uuid","name":"X","per_100g":{"energy_kcal":100}})", "id"},
      {R"({"name":"X"})", "per_100g"},
  };
  for (const auto& c : cases) {
    auto reply = Post(owner_, c.body);
    EXPECT_EQ(reply.status, 422) << c.body << " -> " << reply.body;
    EXPECT_TRUE(FieldsOf(reply).contains(c.field)) << c.body << " -> " << reply.body;
  }
  // A 10 MB name: over a socket the server's body limit answers 413 before anything is decoded;
  // in process (no body limit) the name's own limit refuses it.
  std::string huge =
      R"({"name":")" + std::string(10 * 1024 * 1024, 'a') + R"(","per_100g":{"energy_kcal":100}})";
  auto huge_reply = Post(owner_, huge);
  EXPECT_EQ(huge_reply.status, 422);
  EXPECT_EQ(FieldsOf(huge_reply), std::set<std::string>{"name"});
  EXPECT_EQ(CountCustomFoods(), 0);

  // The same rules on PUT leave the food as it was.
  auto created = Post(owner_, kBar);
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  for (const auto& c : cases) {
    if (c.field == "id") continue;
    auto reply = h_.Call(owner_, Method::kPut, "/api/v1/foods/" + id, c.body);
    EXPECT_EQ(reply.status, 422) << c.body << " -> " << reply.body;
  }
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/" + id).Json()["name"], "Chocolate bar");
}

TEST_F(FoodsTest, ABarcodeOfAnotherOfYourFoodsIsAFieldError) {
  ASSERT_EQ(Post(owner_, kBar).status, 201);
  // The same GTIN typed as EAN-13.
  auto twice = Post(owner_, R"({"name":"Copy","barcode":"0036000291452",)"
                            R"("per_100g":{"energy_kcal":1}})");
  EXPECT_EQ(twice.status, 422) << twice.body;
  EXPECT_EQ(FieldsOf(twice), std::set<std::string>{"barcode"});
  EXPECT_EQ(CountCustomFoods(), 1);
  // Another user may have their own product with it.
  EXPECT_EQ(Post(other_, kBar).status, 201);
}

TEST_F(FoodsTest, SomeoneElsesFoodIsInvisible) {
  auto created = Post(owner_, R"({"name":"Grandma's secret stew","barcode":"5901234123457",)"
                              R"("per_100g":{"energy_kcal":90}})");
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  EXPECT_EQ(h_.Get(other_, "/api/v1/foods/" + id).status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kPut, "/api/v1/foods/" + id,
                    R"({"name":"Mine now","per_100g":{"energy_kcal":1}})")
                .status,
            404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/foods/" + id).status, 404);
  EXPECT_EQ(h_.Get(other_, "/api/v1/foods/barcode/5901234123457").status, 404);
  EXPECT_TRUE(SearchIds(other_, "secret%20stew").empty());
  EXPECT_EQ(SearchIds(owner_, "secret%20stew"), std::vector<std::string>{id});
}

TEST_F(FoodsTest, CatalogueFoodsAreReadOnly) {
  auto egg = h_.Get(owner_, "/api/v1/foods/usda-01123");
  ASSERT_EQ(egg.status, 200) << egg.body;
  EXPECT_EQ(egg.Json()["source"], "usda");
  EXPECT_EQ(egg.Json()["owned"], false);
  EXPECT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/foods/usda-01123",
                    R"({"name":"Egg","per_100g":{"energy_kcal":1}})")
                .status,
            403);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/foods/usda-01123").status, 403);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/usda-99999").status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/foods/usda-99999").status, 404);
}

TEST_F(FoodsTest, SearchFindsAnEggFirstAndChecksItsQuery) {
  auto reply = h_.Get(owner_, "/api/v1/foods?q=egg&limit=5");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto items = reply.Json()["items"].as_array();
  ASSERT_EQ(items.size(), 5u);
  std::string top(items[0].as_object().at("name").as_string());
  EXPECT_TRUE(top.starts_with("Egg,")) << top;
  EXPECT_EQ(top.find("noodle"), std::string::npos) << top;
  EXPECT_EQ(top.find("Egg, white"), std::string::npos) << top;

  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods?q=egg&limit=0").status, 422);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods?q=egg&limit=51").status, 422);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods?q=egg&limit=x").status, 422);
  auto no_query = h_.Get(owner_, "/api/v1/foods");
  EXPECT_EQ(no_query.status, 422);
  EXPECT_EQ(FieldsOf(no_query), std::set<std::string>{"q"});
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods?q=" + std::string(101, 'a')).status, 422);
}

TEST_F(FoodsTest, AFoodTheUserLogsOftenIsLifted) {
  auto created = Post(owner_, R"({"name":"Egg salad, my own","per_100g":{"energy_kcal":180}})");
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  auto before = SearchIds(owner_, "egg");
  auto at = std::find(before.begin(), before.end(), id);
  ASSERT_NE(at, before.end()) << "found at all";
  EXPECT_NE(at, before.begin()) << "not first before it was eaten";

  RecordUses(owner_id_, id, 10);
  auto after = SearchIds(owner_, "egg");
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(after.front(), id);
  // Another user's use lifts nothing for the owner; the other user does not see the food.
  auto others = SearchIds(other_, "egg");
  EXPECT_EQ(std::find(others.begin(), others.end(), id), others.end());
}

TEST_F(FoodsTest, BarcodeLookUp) {
  auto created = Post(owner_, kBar);
  ASSERT_EQ(created.status, 201);
  // UPC-A as scanned and its EAN-13 both find it.
  auto by_upc = h_.Get(owner_, "/api/v1/foods/barcode/036000291452");
  ASSERT_EQ(by_upc.status, 200) << by_upc.body;
  EXPECT_EQ(by_upc.Json()["id"], created.Json()["id"]);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/barcode/0036000291452").status, 200);

  auto wrong = h_.Get(owner_, "/api/v1/foods/barcode/036000291453");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(FieldsOf(wrong), std::set<std::string>{"code"});
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/barcode/12ab").status, 422);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/barcode/123").status, 422);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/foods/barcode/96385074").status, 404) << "valid, unknown";

  // Typed digits in search find the product too.
  auto ids = SearchIds(owner_, "036000291452");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), std::string(created.Json()["id"].as_string()));
}

TEST_F(FoodsTest, RecentAndFrequentFoods) {
  auto empty = h_.Get(owner_, "/api/v1/foods/recent");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(empty.Json()["recent"].as_array().empty());
  auto created = Post(owner_, R"({"name":"Oat milk","per_100g":{"energy_kcal":45}})");
  std::string own(created.Json()["id"].as_string());
  auto record = Foods().use_recorder();
  std::int64_t now = NowMs();
  h_.app().database->Write([&](Session& s) {
    // usda-01123 (egg) three times two days ago; the oat milk once an hour ago; an old food
    // 100 days ago (recent, but not frequent: the window is 90 days).
    for (int i = 0; i < 3; ++i) record(s, owner_id_, "usda-01123", now - 2 * 86'400'000LL);
    record(s, owner_id_, own, now - 3'600'000);
    record(s, owner_id_, "usda-09003", now - 100 * 86'400'000LL);
    record(s, owner_id_, "usda-09003", now - 100 * 86'400'000LL);
    record(s, owner_id_, "usda-09003", now - 100 * 86'400'000LL);
    record(s, owner_id_, "usda-09003", now - 100 * 86'400'000LL);
  });
  auto reply = h_.Get(owner_, "/api/v1/foods/recent").Json();
  std::vector<std::string> recent, frequent;
  for (const auto& f : reply["recent"].as_array()) recent.emplace_back(f.at("id").as_string());
  for (const auto& f : reply["frequent"].as_array()) frequent.emplace_back(f.at("id").as_string());
  EXPECT_EQ(recent, (std::vector<std::string>{own, "usda-01123", "usda-09003"}));
  EXPECT_EQ(frequent, (std::vector<std::string>{"usda-01123", own}));
  EXPECT_TRUE(h_.Get(other_, "/api/v1/foods/recent").Json()["recent"].as_array().empty());
}

TEST_F(FoodsTest, LookupGivesWhatTheUserMayLog) {
  auto created = Post(owner_, kBar);
  std::string id(created.Json()["id"].as_string());
  auto lookup = Foods().lookup();
  h_.app().database->Read([&](Session& s) {
    auto egg = lookup(s, owner_id_, "usda-01123");
    ASSERT_TRUE(egg.has_value());
    EXPECT_EQ(egg->source, "usda");
    EXPECT_FALSE(egg->owned);
    auto own = lookup(s, owner_id_, id);
    ASSERT_TRUE(own.has_value());
    EXPECT_EQ(own->source, "custom");
    EXPECT_TRUE(own->owned);
    EXPECT_EQ(own->per_100g[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)], 520);
    EXPECT_FALSE(lookup(s, other_id_, id).has_value()) << "someone else's";
    EXPECT_FALSE(lookup(s, owner_id_, "usda-99999").has_value());
    EXPECT_FALSE(lookup(s, owner_id_, "off-0000000000000").has_value());
  });
}

}  // namespace
}  // namespace vigor
