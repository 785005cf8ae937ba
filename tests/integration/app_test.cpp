// The whole application, in process, without sockets: BuildApp wired as in production, requests
// handed to HttpApp::Handle as the server would.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <fstream>

#include "app/build_app.hpp"
#include "app/build_info.hpp"
#include "support/app_harness.hpp"
#include "support/openapi_contract.hpp"
#include "support/temp_dir.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using platform::http::Request;
using platform::http::Response;

class AppTest : public ::testing::Test {
 protected:
  AppTest() : logger_(platform::obs::LogLevel::kInfo, (dir_.path() / "log.jsonl").string()) {
    config_.data_dir = dir_.path() / "data";
    config_.web_dir = dir_.path() / "web";
    config_.enable_write_probe = true;
    config_.instance_name = "Test gym";
    std::filesystem::create_directories(config_.web_dir / "assets");
    std::ofstream(config_.web_dir / "index.html") << "<!doctype html><title>Vigor</title>";
    std::ofstream(config_.web_dir / "assets" / "app-1a2b.js") << "console.log(1)";
    app_ = app::BuildApp(config_, logger_);
  }

  Response Call(Method method, std::string target, std::string body = {},
                std::string content_type = "application/json") {
    Request request;
    request.method = method;
    request.target = std::move(target);
    if (!content_type.empty()) request.headers.Add("Content-Type", content_type);
    request.body = std::move(body);
    auto response = app_->http->Handle(request);
    testing::ExpectKeepsContract(testing::ExchangeOf(request, response));
    return response;
  }

  static boost::json::object JsonBody(const Response& r) {
    return boost::json::parse(r.body).as_object();
  }

  std::string LogText() {
    logger_.Flush();
    std::ifstream in(dir_.path() / "log.jsonl");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  testing::TempDir dir_;
  platform::obs::Logger logger_;
  platform::config::Config config_;
  std::unique_ptr<app::App> app_;
};

TEST_F(AppTest, MetaDescribesTheInstance) {
  auto r = Call(Method::kGet, "/api/v1/meta");
  EXPECT_EQ(r.status, 200);
  auto body = JsonBody(r);
  EXPECT_EQ(body["name"], "Vigor");
  EXPECT_EQ(body["version"].as_string(), app::Version());
  EXPECT_EQ(body["instance_name"], "Test gym");
  EXPECT_EQ(body["registration"], "open");
  EXPECT_EQ(body["api_version"], "v1");
}

TEST_F(AppTest, HealthAndReadiness) {
  EXPECT_EQ(Call(Method::kGet, "/healthz").status, 200);
  auto ready = Call(Method::kGet, "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(JsonBody(ready)["status"], "ready");
}

TEST_F(AppTest, EveryResponseCarriesSecurityHeadersAndARequestId) {
  testing::OffContract off("an unknown API path among them, on purpose");
  for (auto* target : {"/api/v1/meta", "/api/v1/missing", "/", "/assets/app-1a2b.js"}) {
    auto r = Call(Method::kGet, target);
    EXPECT_NE(r.headers.Get("Content-Security-Policy")->find("frame-ancestors 'none'"),
              std::string::npos)
        << target;
    EXPECT_EQ(r.headers.Get("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_TRUE(r.headers.Has("Referrer-Policy")) << target;
    EXPECT_EQ(r.headers.Get("X-Request-Id")->size(), 24u) << target;
    EXPECT_FALSE(r.headers.Has("Strict-Transport-Security")) << "no HSTS without TLS";
    // The API is never stored by a cache, except /meta: public, and revalidated (no-cache).
    if (std::string_view(target) == "/api/v1/missing") {
      EXPECT_EQ(r.headers.Get("Cache-Control"), "no-store") << target;
    }
  }
}

TEST_F(AppTest, ClientRequestIdIsKeptWhenPlainAndReplacedWhenNot) {
  Request ok;
  ok.target = "/healthz";
  ok.headers.Add("X-Request-Id", "trace-123");
  auto kept = app_->http->Handle(ok);
  testing::ExpectKeepsContract(testing::ExchangeOf(ok, kept));
  EXPECT_EQ(kept.headers.Get("X-Request-Id"), "trace-123");
  Request bad;
  bad.target = "/healthz";
  bad.headers.Add("X-Request-Id", "evil\r\ninjected");
  auto replaced = app_->http->Handle(bad);
  testing::ExpectKeepsContract(testing::ExchangeOf(bad, replaced));
  EXPECT_NE(replaced.headers.Get("X-Request-Id"), "evil\r\ninjected");
}

TEST_F(AppTest, UnknownApiPathIsAProblem404) {
  testing::OffContract off("a path no client of the API would ask for");
  auto r = Call(Method::kGet, "/api/v1/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.headers.Get("Content-Type"), "application/problem+json");
  auto body = JsonBody(r);
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["type"], "urn:vigor:problem:not-found");
  EXPECT_EQ(body["request_id"].as_string(), *r.headers.Get("X-Request-Id"));
}

TEST_F(AppTest, WrongMethodIs405WithAllow) {
  testing::OffContract off("a method the path does not have");
  auto r = Call(Method::kDelete, "/api/v1/meta");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers.Get("Allow"), "GET, HEAD");
  EXPECT_EQ(JsonBody(r)["status"], 405);
}

TEST_F(AppTest, MalformedJsonIs400AndWritesNothing) {
  auto r = Call(Method::kPut, "/diagnostics/write-probe/k1", R"({"value": "x")");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Call(Method::kGet, "/diagnostics/write-probe/k1").status, 404);
}

TEST_F(AppTest, WrongContentTypeIs415) {
  auto r = Call(Method::kPut, "/diagnostics/write-probe/k1", R"({"value":"x"})", "text/plain");
  EXPECT_EQ(r.status, 415);
}

TEST_F(AppTest, ValidationListsEveryFieldError) {
  auto r = Call(Method::kPut, "/diagnostics/write-probe/k1", R"({"value": 12, "extra": true})");
  EXPECT_EQ(r.status, 422);
  auto errors = JsonBody(r)["errors"].as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].as_object().at("field"), "value");
  EXPECT_EQ(errors[1].as_object().at("field"), "extra");
}

TEST_F(AppTest, InvalidUtf8IsRefused) {
  auto r = Call(Method::kPut, "/diagnostics/write-probe/k1", "{\"value\": \"\xff\xfe\"}");
  EXPECT_EQ(r.status, 400);
}

TEST_F(AppTest, ProbeWriteIsReadBack) {
  auto put = Call(Method::kPut, "/diagnostics/write-probe/run-1", R"({"value":"ok"})");
  ASSERT_EQ(put.status, 200) << put.body;
  auto get = Call(Method::kGet, "/diagnostics/write-probe/run-1");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(JsonBody(get)["value"], "ok");
}

// A database that cannot be written (full: its writer may not grow the file past the pages it
// has) answers a retryable 503 with Retry-After, not a 500; reads go on, and once there is room
// again the same request succeeds.
TEST_F(AppTest, AFullDatabaseIsARetryable503) {
  using platform::store::Session;
  using platform::store::Statement;
  // On the writer's own connection, where the limit applies; a PRAGMA takes no parameters.
  auto pragma = [&](const Statement& statement) {
    app_->database->Write([&](Session& s) { s.Query(statement); });
  };
  ASSERT_EQ(Call(Method::kPut, "/diagnostics/write-probe/first", R"({"value":"saved"})").status,
            200);
  // SQLite keeps the current size when asked for less: no page may be added from now on.
  pragma(Statement{"test.no_more_pages", "PRAGMA max_page_count = 1"});

  // Each value needs about a quarter of a page: the free room left runs out within a few pages.
  std::string value(1000, 'x');
  Response refused = Response::Empty(0);
  for (int i = 0; i < 500 && refused.status == 0; ++i) {
    auto r = Call(Method::kPut, "/diagnostics/write-probe/k" + std::to_string(i),
                  R"({"value":")" + value + "\"}");
    if (r.status != 200) refused = r;
  }
  ASSERT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.headers.Get("Retry-After"), "3");
  EXPECT_EQ(refused.headers.Get("Content-Type"), "application/problem+json");
  auto problem = JsonBody(refused);
  EXPECT_EQ(problem["status"], 503);
  EXPECT_EQ(problem["title"], "Service unavailable");
  EXPECT_EQ(problem["detail"],
            "The database is unavailable for a moment. Try again in a few seconds.");
  EXPECT_EQ(refused.body.find("full"), std::string::npos) << "no internals: " << refused.body;

  // Reads still work; the log has a warning, not an unhandled exception.
  EXPECT_EQ(Call(Method::kGet, "/diagnostics/write-probe/first").status, 200);
  auto log = LogText();
  EXPECT_NE(log.find(R"("level":"warn","msg":"storage unavailable")"), std::string::npos) << log;
  EXPECT_EQ(log.find("unhandled exception"), std::string::npos) << log;

  pragma(Statement{"test.pages_again", "PRAGMA max_page_count = 1000000"});
  EXPECT_EQ(
      Call(Method::kPut, "/diagnostics/write-probe/after", R"({"value":")" + value + "\"}").status,
      200);
}

TEST_F(AppTest, WebAppIsServedWithFallbackForClientRoutes) {
  auto index = Call(Method::kGet, "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.headers.Get("Cache-Control"), "no-cache");
  auto client_route = Call(Method::kGet, "/workouts/123");
  EXPECT_EQ(client_route.status, 200);
  EXPECT_EQ(client_route.body, index.body);
  auto asset = Call(Method::kGet, "/assets/app-1a2b.js");
  EXPECT_EQ(asset.headers.Get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Call(Method::kGet, "/assets/missing.js").status, 404);
  EXPECT_EQ(Call(Method::kPost, "/").status, 405);
}

TEST_F(AppTest, TraversalNeverReachesTheDisk) {
  for (auto* target : {"/../data/vigor.db", "/%2e%2e/data/vigor.db",
                       "/assets/..%2f..%2fdata%2fvigor.db", "/..%5c..%5cetc%5cpasswd", "/%00"}) {
    auto r = Call(Method::kGet, target);
    EXPECT_TRUE(r.status == 404 || r.body.starts_with("<!doctype html>")) << target;
    EXPECT_EQ(r.body.find("SQLite format"), std::string::npos) << target;
  }
}

TEST_F(AppTest, AccessLogNamesTheRouteNotTheRawTarget) {
  Call(Method::kGet, "/diagnostics/write-probe/secret-token-value?token=hunter2");
  auto log = LogText();
  EXPECT_NE(log.find("\"route\":\"/diagnostics/write-probe/{key}\""), std::string::npos);
  EXPECT_EQ(log.find("hunter2"), std::string::npos);
  EXPECT_EQ(log.find("secret-token-value"), std::string::npos);
}

TEST_F(AppTest, MetricsCountRequestsByRouteAndStatus) {
  Call(Method::kGet, "/api/v1/meta");
  Call(Method::kGet, "/api/v1/meta");
  {
    testing::OffContract off("an unknown path, to count it as unmatched");
    Call(Method::kGet, "/api/v1/nope");
  }
  auto text = Call(Method::kGet, "/metrics").body;
  EXPECT_NE(
      text.find(
          "vigor_http_requests_total{method=\"GET\",route=\"/api/v1/meta\",status=\"200\"} 2"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find("vigor_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"),
      std::string::npos);
  EXPECT_NE(text.find("vigor_build_info{version=\"" + std::string(app::Version()) + "\"} 1"),
            std::string::npos);
}

TEST(AppWiringTest, WriteProbeRoutesExistOnlyWhenEnabled) {
  testing::TempDir dir;
  platform::obs::Logger logger(platform::obs::LogLevel::kError, (dir.path() / "log").string());
  platform::config::Config config;
  config.data_dir = dir.path();
  config.web_dir.clear();
  auto app = app::BuildApp(config, logger);
  Request request;
  request.method = Method::kGet;
  request.target = "/diagnostics/write-probe/x";
  auto response = app->http->Handle(request);
  // The contract documents the 404 of a server started without the probe.
  testing::ExpectKeepsContract(testing::ExchangeOf(request, response));
  EXPECT_EQ(response.status, 404);
}

}  // namespace
}  // namespace vigor
