#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/http_client.hpp"

struct ssl_ctx_st;
struct ssl_st;

namespace vigor::testing {

struct TlsClientOptions {
  std::string
      ca_file;  // verify the server's chain against it and its IP 127.0.0.1; empty: no check
  int min_version = 0;  // TLS1_VERSION, TLS1_2_VERSION, ...; 0: OpenSSL's default
  int max_version = 0;
  std::string tls12_ciphers;      // the TLS 1.2 cipher list offered; empty: OpenSSL's default
  std::vector<std::string> alpn;  // protocols offered by ALPN, most preferred first
  bool legacy = false;            // security level 0, so that TLS 1.0/1.1 can be offered at all
};

// A deliberately small HTTPS/1.1 client: OpenSSL's SSL_* API over a POSIX socket (no Beast).
// Every response read is checked against api/openapi.yaml with the request it answers
// (SentRequests), as with the plain client.
class TlsConnection {
 public:
  explicit TlsConnection(std::uint16_t port, TlsClientOptions options = {});
  ~TlsConnection();
  TlsConnection(const TlsConnection&) = delete;
  TlsConnection& operator=(const TlsConnection&) = delete;

  bool connected() const { return fd_ >= 0; }  // TCP connected
  // False when the handshake fails or times out; error() then says why (OpenSSL's reason).
  bool Handshake(int timeout_ms = 5000);
  const std::string& error() const { return error_; }
  std::string protocol() const;  // "TLSv1.3"
  std::string cipher() const;    // OpenSSL's name, "ECDHE-ECDSA-AES128-GCM-SHA256"
  std::string alpn() const;      // the protocol the server selected; empty when none

  bool SendRaw(const std::string& bytes, int timeout_ms = 5000);
  // Reads one response (Content-Length framed); nullopt when the server closed or timed out.
  std::optional<RawResponse> ReadResponse(int timeout_ms = 5000);
  // True when the server ends the connection (close_notify, EOF, reset) within timeout_ms. A
  // close_notify is answered with one, as a well-behaved client does.
  bool WaitClosed(int timeout_ms);

 private:
  enum class Io { kOk, kClosed, kFailed, kTimedOut };
  // Runs one SSL_* call until it succeeds, waiting on the socket as OpenSSL asks.
  template <class Call>
  Io Drive(Call call, std::chrono::steady_clock::time_point deadline);
  Io Fill(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  ssl_ctx_st* context_ = nullptr;
  ssl_st* ssl_ = nullptr;
  std::string buffer_;
  std::string error_;
  SentRequests exchanges_;
};

}  // namespace vigor::testing
