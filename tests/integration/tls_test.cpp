// The real socket server serving HTTPS on an ephemeral port, with the real application behind it,
// driven by a small OpenSSL client. The certificate is made at test start with the openssl tool.
#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

#include "app/build_app.hpp"
#include "features/diagnostics/feature.hpp"
#include "platform/http/server.hpp"
#include "platform/obs/metrics.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/tls_client.hpp"

namespace vigor {
namespace {

using testing::HttpConnection;
using testing::MakeRequest;
using testing::TlsClientOptions;
using testing::TlsConnection;

::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << text << "' does not contain '" << part << "'";
}

// Runs a shell command with its output in `log`; true when it exits 0.
bool RunQuiet(const std::string& command, const std::filesystem::path& log) {
  return std::system((command + " >'" + log.string() + "' 2>&1").c_str()) == 0;
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(certs_);
    ASSERT_TRUE(
        RunQuiet("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                 "-nodes -keyout '" +
                     key_.string() + "' -out '" + cert_.string() +
                     "' -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1",
                 certs_ / "openssl.log"))
        << "the openssl command-line tool is needed (scripts/bootstrap installs it)";
  }

  // The app is built without config.tls_cert, so HSTS can only come from the server marking the
  // requests it read over TLS (request.tls).
  void Start(platform::http::ServerOptions options) {
    config_.data_dir = dir_.path();
    config_.web_dir.clear();
    config_.enable_write_probe = true;
    app_ = app::BuildApp(config_, logger_);
    options.port = 0;
    options.tls_cert = cert_;
    options.tls_key = key_;
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

  TlsClientOptions Verified() const { return {.ca_file = cert_.string()}; }

  // A fresh verified TLS connection that answers GET /healthz with 200.
  void ExpectServing() {
    TlsConnection conn(port_, Verified());
    ASSERT_TRUE(conn.Handshake()) << conn.error();
    ASSERT_TRUE(conn.SendRaw(MakeRequest("GET", "/healthz")));
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
  }

  testing::TempDir dir_;
  std::filesystem::path certs_ = dir_.path() / "certs";
  std::filesystem::path cert_ = certs_ / "cert.pem";
  std::filesystem::path key_ = certs_ / "key.pem";
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (dir_.path() / "log").string()};
  platform::config::Config config_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<platform::http::Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

TEST_F(TlsTest, ServesHttpsWithHstsOnAKeptAliveConnection) {
  Start({});
  TlsClientOptions options = Verified();
  options.alpn = {"h2", "http/1.1"};
  TlsConnection conn(port_, options);
  ASSERT_TRUE(conn.Handshake()) << conn.error();
  EXPECT_EQ(conn.protocol(), "TLSv1.3");
  EXPECT_EQ(conn.alpn(), "http/1.1");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(conn.SendRaw(MakeRequest("GET", "/api/v1/meta")));
    auto r = conn.ReadResponse();
    ASSERT_TRUE(r.has_value()) << "request " << i;
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->headers["strict-transport-security"], "max-age="));
  }
}

TEST_F(TlsTest, Tls12GetsOnlyForwardSecretAeadCiphers) {
  Start({});
  TlsClientOptions tls12 = Verified();
  tls12.max_version = TLS1_2_VERSION;
  {
    TlsConnection conn(port_, tls12);
    ASSERT_TRUE(conn.Handshake()) << conn.error();
    EXPECT_EQ(conn.protocol(), "TLSv1.2");
    EXPECT_TRUE(conn.cipher().starts_with("ECDHE-")) << conn.cipher();
    EXPECT_TRUE(conn.cipher().find("GCM") != std::string::npos ||
                conn.cipher().find("CHACHA20") != std::string::npos)
        << conn.cipher();
  }
  // CBC suites the certificate could otherwise use are refused.
  tls12.tls12_ciphers =
      "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256:"
      "ECDHE-ECDSA-AES256-SHA384";
  TlsConnection cbc(port_, tls12);
  EXPECT_FALSE(cbc.Handshake());
  EXPECT_TRUE(Contains(cbc.error(), "handshake failure"));
}

TEST_F(TlsTest, Tls11ClientIsRefused) {
  Start({});
  TlsConnection old(port_,
                    {.min_version = TLS1_VERSION, .max_version = TLS1_1_VERSION, .legacy = true});
  EXPECT_FALSE(old.Handshake());
  // The server's answer, not a client that could not even offer TLS 1.1.
  EXPECT_TRUE(Contains(old.error(), "alert protocol version"));
  ExpectServing();
}

TEST_F(TlsTest, PlainHttpOnTheTlsPortGets400AndServingGoesOn) {
  Start({.header_timeout = std::chrono::milliseconds(500)});
  {
    testing::OffContract off("plain HTTP on the TLS port: refused before any route");
    HttpConnection plain(port_);
    plain.SendRaw(MakeRequest("GET", "/healthz"));
    auto r = plain.ReadResponse();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 400);
    EXPECT_TRUE(Contains(r->body, "HTTPS"));
    EXPECT_TRUE(plain.WaitClosed(3000));
  }
  {
    // Neither HTTP nor TLS: closed at once or, at the latest, at the handshake's timeout.
    HttpConnection garbage(port_);
    // A std::string literal (""s): the bytes after the NUL are sent too.
    using namespace std::string_literals;
    garbage.SendRaw("\x16\x03\x01\x00\x05 this is not TLS at all\r\n\r\n"s);
    EXPECT_TRUE(garbage.WaitClosed(3000));
  }
  ExpectServing();
}

TEST_F(TlsTest, SilentClientIsCutAtTheHeaderTimeout) {
  Start({.header_timeout = std::chrono::milliseconds(300)});
  // Connects and never starts the handshake.
  HttpConnection silent(port_);
  ASSERT_TRUE(silent.connected());
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(silent.WaitClosed(3000));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  // Finishes the handshake, then sends only half a request header.
  TlsConnection slow(port_, Verified());
  ASSERT_TRUE(slow.Handshake()) << slow.error();
  ASSERT_TRUE(slow.SendRaw("GET /healthz HTTP/1.1\r\n"));
  started = std::chrono::steady_clock::now();
  EXPECT_TRUE(slow.WaitClosed(3000));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  ExpectServing();
}

TEST_F(TlsTest, DeclaredOversizeBodyIs413OverTlsToo) {
  Start({.max_body_bytes = 1024});
  TlsConnection conn(port_, Verified());
  ASSERT_TRUE(conn.Handshake()) << conn.error();
  ASSERT_TRUE(conn.SendRaw(
      "PUT /diagnostics/write-probe/k HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 10000000\r\n\r\n"));
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 413);
}

TEST_F(TlsTest, StopLetsTheTlsRequestInFlightFinish) {
  Start({});
  TlsConnection busy(port_, Verified());
  TlsConnection idle(port_, Verified());
  ASSERT_TRUE(busy.Handshake()) << busy.error();
  ASSERT_TRUE(idle.Handshake()) << idle.error();
  ASSERT_TRUE(idle.SendRaw(MakeRequest("GET", "/healthz")));
  ASSERT_TRUE(idle.ReadResponse().has_value());
  ASSERT_TRUE(busy.SendRaw(
      MakeRequest("PUT", "/diagnostics/write-probe/held?hold_ms=600", R"({"value":"v"})")));
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  server_->Stop();
  auto r = busy.ReadResponse(5000);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->headers["connection"], "close");
  EXPECT_TRUE(idle.WaitClosed(2000));
  EXPECT_TRUE(busy.WaitClosed(2000));
  thread_.join();
  server_.reset();
  // The held write was committed before the answer, so it is in the database.
  auto value = app_->Get<features::diagnostics::DiagnosticsFeature>().write_probes().Get("held");
  EXPECT_EQ(value.value, "v");
}

TEST_F(TlsTest, StopClosesAConnectionStillInItsHandshake) {
  Start({});  // a header timeout of 10 s, so only Stop() can close it quickly
  HttpConnection silent(port_);
  ASSERT_TRUE(silent.connected());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // accepted and registered
  auto started = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_TRUE(silent.WaitClosed(3000));
  thread_.join();
  server_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST_F(TlsTest, SharedIoContextModelServesTlsToo) {
  Start({.io_threads = 2, .shared_io_context = true});
  ExpectServing();
}

TEST_F(TlsTest, UnusableKeyOrCertificateFailsAtStartNamingTheFile) {
  auto other_key = certs_ / "other-key.pem";
  ASSERT_TRUE(
      RunQuiet("openssl ecparam -genkey -name prime256v1 -noout -out '" + other_key.string() + "'",
               certs_ / "openssl-other.log"));
  config_.data_dir = dir_.path();
  config_.web_dir.clear();
  app_ = app::BuildApp(config_, logger_);
  auto message_of = [&](const std::filesystem::path& cert, const std::filesystem::path& key) {
    platform::obs::MetricsRegistry metrics;  // a server registers its metrics once
    try {
      platform::http::Server server({.port = 0, .tls_cert = cert, .tls_key = key}, *app_->http,
                                    logger_, metrics);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_TRUE(Contains(message_of(cert_, other_key), other_key.string()));
  EXPECT_TRUE(Contains(message_of(certs_ / "missing.pem", key_), "missing.pem"));
  EXPECT_TRUE(Contains(message_of(key_, key_), "certificate chain from " + key_.string()));
}

}  // namespace
}  // namespace vigor
