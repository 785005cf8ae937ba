// The outbound client over HTTPS (webhook deliveries): the certificate is verified, host name
// (here an IP address) included. The receiver is Vigor's own TLS server on loopback with a
// certificate made at test start by the openssl tool; trusted only through SSL_CERT_FILE.
#include "platform/http/outbound_client.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "app/build_app.hpp"
#include "platform/http/server.hpp"
#include "platform/obs/metrics.hpp"
#include "support/temp_dir.hpp"

namespace vigor {
namespace {

using platform::http::OutboundError;
using platform::http::PostOutbound;

bool RunQuiet(const std::string& command, const std::filesystem::path& log) {
  return std::system((command + " >'" + log.string() + "' 2>&1").c_str()) == 0;
}

class OutboundClientTlsTest : public ::testing::Test {
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
    config_.data_dir = dir_.path();
    config_.web_dir.clear();
    app_ = app::BuildApp(config_, logger_);
    platform::http::ServerOptions options;
    options.port = 0;
    options.tls_cert = cert_;
    options.tls_key = key_;
    server_ =
        std::make_unique<platform::http::Server>(options, *app_->http, logger_, app_->metrics);
    port_ = server_->Listen();
    thread_ = std::thread([this] { server_->Run(false); });
  }

  void TearDown() override {
    ::unsetenv("SSL_CERT_FILE");
    if (server_) {
      server_->Stop();
      thread_.join();
    }
  }

  platform::http::OutboundResponse Post(const std::string& host) {
    return PostOutbound({.url = "https://" + host + ":" + std::to_string(port_) + "/api/v1/meta",
                         .headers = {{"Content-Type", "application/json"}},
                         .body = "{}"},
                        {.allow_private = true});
  }

  testing::TempDir dir_;
  std::filesystem::path certs_ = dir_.path() / "certs";
  std::filesystem::path cert_ = certs_ / "cert.pem";
  std::filesystem::path key_ = certs_ / "key.pem";
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (dir_.path() / "log").string()};
  platform::config::Config config_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<platform::http::Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

TEST_F(OutboundClientTlsTest, AnUntrustedCertificateIsRefused) {
  try {
    Post("127.0.0.1");
    FAIL() << "a self-signed certificate was accepted";
  } catch (const OutboundError& e) {
    EXPECT_NE(std::string(e.what()).find("tls"), std::string::npos) << e.what();
  }
}

TEST_F(OutboundClientTlsTest, ATrustedCertificateForTheAddressIsAccepted) {
  ::setenv("SSL_CERT_FILE", cert_.c_str(), 1);
  // POST to a GET route: the server's 405 proves the request went through TLS and was read.
  EXPECT_EQ(Post("127.0.0.1").status, 405);
}

TEST_F(OutboundClientTlsTest, ACertificateForAnotherHostIsRefused) {
  ::setenv("SSL_CERT_FILE", cert_.c_str(), 1);
  // "localhost" resolves to the same loopback server, but the certificate names 127.0.0.1 only.
  try {
    Post("localhost");
    FAIL() << "a certificate for 127.0.0.1 was accepted for localhost";
  } catch (const OutboundError& e) {
    EXPECT_NE(std::string(e.what()).find("tls"), std::string::npos) << e.what();
  }
}

TEST_F(OutboundClientTlsTest, APrivateAddressIsRefusedBeforeConnecting) {
  EXPECT_THROW(PostOutbound({.url = "https://127.0.0.1:" + std::to_string(port_) + "/", .body = ""},
                            {.allow_private = false}),
               OutboundError);
}

}  // namespace
}  // namespace vigor
