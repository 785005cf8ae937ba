// The real socket server on an ephemeral port, with the real application behind it.
#include "platform/http/server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/build_app.hpp"
#include "features/diagnostics/feature.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace vigor {
namespace {

using testing::HttpConnection;
using testing::MakeRequest;

class ServerTest : public ::testing::Test {
 protected:
  void Start(platform::http::ServerOptions options) {
    config_.data_dir = dir_.path();
    config_.web_dir.clear();
    config_.enable_write_probe = true;
    app_ = app::BuildApp(config_, logger_);
    options.port = 0;
    server_ =
        std::make_unique<platform::http::Server>(options, *app_->http, logger_, app_->metrics);
    port_ = server_->Listen();
    thread_ = std::thread([this] { server_->Run(false); });
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
    }
  }

  testing::TempDir dir_;
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (dir_.path() / "log").string()};
  platform::config::Config config_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<platform::http::Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Start({});
  HttpConnection conn(port_);
  ASSERT_TRUE(conn.connected());
  for (int i = 0; i < 3; ++i) {
    conn.SendRaw(MakeRequest("GET", "/api/v1/meta"));
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r.has_value()) << "request " << i;
    EXPECT_EQ(r->status, 200);
  }
}

TEST_F(ServerTest, HeadHasNoBodyButTheGetLength) {
  Start({});
  HttpConnection conn(port_);
  conn.SendRaw(MakeRequest("GET", "/api/v1/meta"));
  auto get = conn.ReadResponse();
  conn.SendRaw("HEAD /api/v1/meta HTTP/1.1\r\nHost: x\r\n\r\n");
  // Read the HEAD response header only: its Content-Length announces the GET body.
  conn.SendRaw(MakeRequest("GET", "/healthz"));
  auto head = conn.ReadResponse();
  ASSERT_TRUE(get && head);
  EXPECT_EQ(head->headers["content-length"], std::to_string(get->body.size()));
}

TEST_F(ServerTest, DeclaredOversizeBodyIs413WithoutReadingIt) {
  Start({.max_body_bytes = 1024});
  HttpConnection conn(port_);
  conn.SendRaw(
      "PUT /diagnostics/write-probe/k HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 10000000\r\n\r\n");
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->headers["content-type"], "application/problem+json");
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  Start({.max_body_bytes = 1024});
  HttpConnection conn(port_);
  std::string chunk(2000, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx", chunk.size());
  conn.SendRaw(
      "PUT /diagnostics/write-probe/k HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      std::string(size) + "\r\n" + chunk + "\r\n0\r\n\r\n");
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, OversizeHeaderIs431) {
  Start({.max_header_bytes = 2048});
  testing::OffContract off("headers over the server's limit: refused before any route");
  HttpConnection conn(port_);
  conn.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'b') + "\r\n\r\n");
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 431);
}

TEST_F(ServerTest, GarbageGets400AndTheServerKeepsServing) {
  Start({});
  {
    HttpConnection conn(port_);
    conn.SendRaw("\x16\x03\x01 this is not http\r\n\r\n");
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 400);
  }
  HttpConnection again(port_);
  again.SendRaw(MakeRequest("GET", "/healthz"));
  auto r = again.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, SlowHeaderIsCutAtTheHeaderTimeout) {
  Start({.header_timeout = std::chrono::milliseconds(300)});
  HttpConnection conn(port_);
  conn.SendRaw("GET /healthz HTTP/1.1\r\n");
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(conn.WaitClosed(3000));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  Start({.idle_timeout = std::chrono::milliseconds(300)});
  HttpConnection conn(port_);
  conn.SendRaw(MakeRequest("GET", "/healthz"));
  ASSERT_TRUE(conn.ReadResponse().has_value());
  EXPECT_TRUE(conn.WaitClosed(3000));
}

TEST_F(ServerTest, StopLetsTheRequestInFlightFinish) {
  Start({});
  HttpConnection busy(port_);
  HttpConnection idle(port_);
  idle.SendRaw(MakeRequest("GET", "/healthz"));
  ASSERT_TRUE(idle.ReadResponse().has_value());
  busy.SendRaw(MakeRequest("PUT", "/diagnostics/write-probe/held?hold_ms=600", R"({"value":"v"})"));
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  server_->Stop();
  auto r = busy.ReadResponse(5000);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->headers["connection"], "close");
  EXPECT_TRUE(idle.WaitClosed(2000));
  thread_.join();
  server_.reset();
  // The held write was committed before the answer, so it is in the database.
  auto value = app_->Get<features::diagnostics::DiagnosticsFeature>().write_probes().Get("held");
  EXPECT_EQ(value.value, "v");
}

TEST_F(ServerTest, SharedIoContextModelServesToo) {
  Start({.io_threads = 2, .shared_io_context = true});
  HttpConnection conn(port_);
  conn.SendRaw(MakeRequest("GET", "/api/v1/meta"));
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
}

}  // namespace
}  // namespace vigor
