// The map tile setting: admins set and clear it, bad values change nothing, others cannot touch
// it, /api/v1/meta shows it and the Content-Security-Policy lets exactly its origin's images in.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "features/accounts/feature.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

constexpr const char* kOsm = "https://{s}.tile.example.org/{z}/{x}/{y}.png";

class MapTilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("chief", /*admin=*/true);
    h_.CreateUser("runner");
    h_.SignIn(admin_, "chief");
    h_.SignIn(user_, "runner");
  }

  testing::Reply Put(Browser& b, const std::string& body) {
    return h_.Call(b, Method::kPut, "/api/v1/admin/settings", body);
  }
  std::string Csp() {
    Browser anyone;
    return std::string(*h_.Get(anyone, "/api/v1/meta").headers.Get("Content-Security-Policy"));
  }
  std::string ImgSrc() {
    std::string csp = Csp();
    auto start = csp.find("img-src ");
    return csp.substr(start, csp.find(';', start) - start);
  }
  boost::json::value Map() {
    Browser anyone;
    return h_.Get(anyone, "/api/v1/meta").Json()["map"];
  }
  std::set<std::string> ErrorFields(const testing::Reply& reply) {
    std::set<std::string> fields;
    auto problem = reply.Json();
    for (const auto& e : problem["errors"].as_array()) {
      fields.insert(std::string(e.as_object().at("field").as_string()));
    }
    return fields;
  }

  AppHarness h_;
  Browser admin_, user_;
};

TEST_F(MapTilesTest, AdminSetsAndClearsTheTileServer) {
  EXPECT_TRUE(Map().is_null());
  auto before = h_.Get(admin_, "/api/v1/admin/settings");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.Json()["map_tile_url"], "");
  EXPECT_EQ(before.Json()["map_attribution"], "");
  EXPECT_EQ(ImgSrc(), "img-src 'self' data: blob:");

  auto set = Put(admin_, std::string(R"({"map_tile_url":")") + kOsm +
                             R"(","map_attribution":"© OpenStreetMap contributors"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["map_tile_url"], kOsm);
  EXPECT_EQ(set.Json()["registration"], "open") << "registration left as it was";
  auto map = Map();
  ASSERT_TRUE(map.is_object());
  EXPECT_EQ(map.as_object().at("tile_url"), kOsm);
  EXPECT_EQ(map.as_object().at("attribution"), "© OpenStreetMap contributors");
  EXPECT_EQ(h_.Get(admin_, "/api/v1/admin/settings").Json()["map_tile_url"], kOsm);
  EXPECT_EQ(ImgSrc(), "img-src 'self' data: blob: https://*.tile.example.org");
  EXPECT_NE(Csp().find("frame-ancestors 'none'"), std::string::npos) << "the rest is intact";

  // The change is in the audit log.
  auto events = h_.Get(admin_, "/api/v1/admin/audit-events").Json()["items"].as_array();
  bool audited = false;
  for (const auto& e : events) {
    const auto& o = e.as_object();
    if (o.at("kind") == "settings_changed" && o.at("detail").is_string() &&
        std::string(o.at("detail").as_string()).find(kOsm) != std::string::npos) {
      audited = true;
    }
  }
  EXPECT_TRUE(audited);

  // An empty tile URL clears it, attribution included.
  auto cleared = Put(admin_, R"({"map_tile_url":""})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.Json()["map_tile_url"], "");
  EXPECT_EQ(cleared.Json()["map_attribution"], "");
  EXPECT_TRUE(Map().is_null());
  EXPECT_EQ(ImgSrc(), "img-src 'self' data: blob:");
}

TEST_F(MapTilesTest, ThePolicyNamesTheConfiguredOriginAndNothingElse) {
  ASSERT_EQ(
      Put(admin_, R"({"map_tile_url":"http://127.0.0.1:8099/tiles/{s}/{z}/{x}/{y}.png"})").status,
      200);
  EXPECT_EQ(ImgSrc(), "img-src 'self' data: blob: http://127.0.0.1:8099");
  // Other directives do not widen.
  EXPECT_NE(Csp().find("connect-src 'self';"), std::string::npos);
  EXPECT_NE(Csp().find("script-src 'self';"), std::string::npos);
}

TEST_F(MapTilesTest, InvalidValuesAreRefusedAndChangeNothing) {
  ASSERT_EQ(Put(admin_, std::string(R"({"map_tile_url":")") + kOsm +
                            R"(","map_attribution":"Tiles: Example"})")
                .status,
            200);
  struct Case {
    std::string body;
    std::set<std::string> fields;
  };
  for (
      const auto& c : std::vector<Case>{
          {R"({"map_tile_url":"http://tiles.example.net/{z}/{x}/{y}.png"})", {"map_tile_url"}},
          {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}.png"})", {"map_tile_url"}},
          {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png; script-src *"})",
           {"map_tile_url"}},
          {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png\"onerror"})",
           {"map_tile_url"}},
          {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png","map_attribution":"<b>x</b>"})",
           {"map_attribution"}},
          {R"({"map_tile_url":"","map_attribution":"orphan"})", {"map_attribution"}},
          // One bad field spoils the whole request: the valid registration is not applied.
          {R"({"registration":"closed","map_tile_url":"ftp://x.example/{z}/{x}/{y}"})",
           {"map_tile_url"}},
          {R"({"registration":"sometimes"})", {"registration"}},
          {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png?k=)" +
               std::string(500, 'a') + R"("})",
           {"map_tile_url"}},
      }) {
    auto reply = Put(admin_, c.body);
    EXPECT_EQ(reply.status, 422) << c.body;
    EXPECT_EQ(reply.headers.Get("Content-Type"), "application/problem+json") << c.body;
    EXPECT_EQ(ErrorFields(reply), c.fields) << c.body;
  }
  EXPECT_EQ(Put(admin_, "{}").status, 422) << "nothing to change";
  auto settings = h_.Get(admin_, "/api/v1/admin/settings").Json();
  EXPECT_EQ(settings["map_tile_url"], kOsm);
  EXPECT_EQ(settings["map_attribution"], "Tiles: Example");
  EXPECT_EQ(settings["registration"], "open");
  EXPECT_EQ(ImgSrc(), "img-src 'self' data: blob: https://*.tile.example.org");
}

TEST_F(MapTilesTest, OnlyAdminsMayReadOrChangeIt) {
  std::string body = std::string(R"({"map_tile_url":")") + kOsm + R"("})";
  Browser anonymous;
  EXPECT_EQ(Put(anonymous, body).status, 401);
  EXPECT_EQ(Put(user_, body).status, 403);
  EXPECT_EQ(h_.Get(anonymous, "/api/v1/admin/settings").status, 401);
  EXPECT_EQ(h_.Get(user_, "/api/v1/admin/settings").status, 403);
  EXPECT_TRUE(Map().is_null());
  EXPECT_EQ(ImgSrc(), "img-src 'self' data: blob:");
}

TEST_F(MapTilesTest, ASettingSurvivesARestart) {
  std::string body = std::string(R"({"map_tile_url":")") + kOsm + R"("})";
  ASSERT_EQ(Put(admin_, body).status, 200);
  // A second app on the same data directory: its first response already allows the tiles.
  AppHarness again([&](platform::config::Config& c) {
    c.data_dir = h_.dir() / "data";
    c.database_url = h_.app().config.database_url;  // the same PostgreSQL database, on that run
  });
  Browser anyone;
  auto reply = again.Get(anyone, "/healthz");
  auto csp = std::string(*reply.headers.Get("Content-Security-Policy"));
  EXPECT_NE(csp.find("img-src 'self' data: blob: https://*.tile.example.org;"), std::string::npos)
      << csp;
}

TEST_F(MapTilesTest, AStoredValueTheChecksRefuseCountsAsNone) {
  // As if edited by hand: the service would never store it.
  h_.app().database->Write([](platform::store::Session& s) {
    s.Execute(platform::store::Statement{"test.put_setting",
                                         "INSERT INTO instance_settings (key, value, updated_at) "
                                         "VALUES ('map_tile_url', $1, '2026-01-01T00:00:00Z')"},
              "https://tiles.example.org/{z}/{x}/{y}.png\" onerror=\"x");
  });
  AppHarness again([&](platform::config::Config& c) {
    c.data_dir = h_.dir() / "data";
    c.database_url = h_.app().config.database_url;  // the same PostgreSQL database, on that run
  });
  Browser anyone;
  auto meta = again.Get(anyone, "/api/v1/meta");
  EXPECT_TRUE(meta.Json()["map"].is_null());
  EXPECT_EQ(std::string(*meta.headers.Get("Content-Security-Policy")).find("tiles.example.org"),
            std::string::npos);
}

// Settings are answered from memory; a change written by another instance (here: straight into
// the shared database) arrives with the background reload, within a few seconds.
TEST_F(MapTilesTest, AChangeMadeElsewhereArrivesWithTheBackgroundReload) {
  Browser anyone;
  EXPECT_TRUE(h_.Get(anyone, "/api/v1/meta").Json()["map"].is_null());
  h_.app().Get<features::accounts::AccountsFeature>().settings().Start();
  h_.app().database->Write([](platform::store::Session& s) {
    s.Execute(platform::store::Statement{"test.put_setting",
                                         "INSERT INTO instance_settings (key, value, updated_at) "
                                         "VALUES ('map_tile_url', $1, '2026-01-01T00:00:00Z')"},
              std::string(kOsm));
  });
  auto deadline =
      std::chrono::steady_clock::now() + 3 * features::accounts::InstanceSettings::kRefreshEvery;
  boost::json::value map;
  while (std::chrono::steady_clock::now() < deadline) {
    map = h_.Get(anyone, "/api/v1/meta").Json()["map"];
    if (!map.is_null()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_FALSE(map.is_null());
  EXPECT_EQ(map.as_object().at("tile_url"), kOsm);
  auto csp = std::string(*h_.Get(anyone, "/healthz").headers.Get("Content-Security-Policy"));
  EXPECT_NE(csp.find("https://*.tile.example.org"), std::string::npos) << csp;
  h_.app().Get<features::accounts::AccountsFeature>().settings().Stop();
}

}  // namespace
}  // namespace vigor
