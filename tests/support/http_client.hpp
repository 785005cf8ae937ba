#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "support/openapi_contract.hpp"

namespace vigor::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// The requests sent on one connection, kept until their responses come, so that every response
// read is checked against api/openapi.yaml with the request it answers (ExpectKeepsContract).
// Only as long as what was sent parses as HTTP/1.1 requests framed by Content-Length: after
// anything else (garbage, a TLS hello on a plain port, a chunked request) nothing more on that
// connection is checked. The plain and the TLS test clients share it.
class SentRequests {
 public:
  void Sent(const std::string& bytes);
  // `body_read`: false when only the head was read (a stream): its body is not checked.
  void Answered(const RawResponse& response, bool body_read);

 private:
  void Parse();
  std::string sent_;               // bytes sent and not yet parsed into requests_
  std::deque<Exchange> requests_;  // sent, not yet answered
  bool unparseable_ = false;
};

// A deliberately small HTTP/1.1 client on plain POSIX sockets, so tests do not compile Beast.
// Every response read is checked against api/openapi.yaml with the request it answers
// (SentRequests).
class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  void SendRaw(const std::string& bytes);
  // Reads one response (Content-Length framed); nullopt when the server closed or timed out.
  std::optional<RawResponse> ReadResponse(int timeout_ms = 5000);
  // True when the server has closed the connection (read returns 0) within timeout_ms.
  bool WaitClosed(int timeout_ms);
  // Reads only the status line and headers (a streamed body follows); nullopt on timeout.
  std::optional<RawResponse> ReadHead(int timeout_ms = 5000);
  // After ReadHead of a chunked response: decodes chunks as they arrive into stream_text()
  // until it contains `needle` (true); false when the time runs out, the server closes or the
  // last chunk came first.
  bool ReadStreamUntil(const std::string& needle, int timeout_ms);
  // Reads until the last chunk or the connection closes (true), or the time runs out (false).
  bool ReadStreamEnd(int timeout_ms);
  const std::string& stream_text() const { return stream_text_; }
  bool stream_ended() const { return stream_ended_; }

 private:
  bool Fill(int timeout_ms);
  std::optional<RawResponse> ReadHeadUnchecked(int timeout_ms);
  void DecodeChunks();
  int fd_ = -1;
  std::string buffer_;
  std::string stream_text_;
  bool stream_ended_ = false;
  SentRequests exchanges_;
};

std::string MakeRequest(const std::string& method, const std::string& target,
                        const std::string& body = {},
                        const std::string& content_type = "application/json",
                        const std::string& extra_headers = {});

}  // namespace vigor::testing
