#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>

namespace vigor::testing {

HttpConnection::HttpConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void HttpConnection::SendRaw(const std::string& bytes) {
  exchanges_.Sent(bytes);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

bool HttpConnection::Fill(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char chunk[16384];
  ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

namespace {
std::string LowerCase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

void SentRequests::Sent(const std::string& bytes) {
  sent_ += bytes;
  Parse();
}

void SentRequests::Parse() {
  while (!unparseable_) {
    auto head_end = sent_.find("\r\n\r\n");
    if (head_end == std::string::npos) return;  // the rest is still to come
    std::string head = sent_.substr(0, head_end);
    auto line_end = std::min(head.find("\r\n"), head.size());
    std::string line = head.substr(0, line_end);
    auto first = line.find(' ');
    auto last = line.rfind(' ');
    if (first == std::string::npos || last == first ||
        !line.substr(last + 1).starts_with("HTTP/1.")) {
      unparseable_ = true;
      return;
    }
    Exchange exchange{.method = line.substr(0, first),
                      .target = line.substr(first + 1, last - first - 1)};
    std::size_t length = 0;
    for (std::size_t pos = line_end + 2; pos < head.size();) {
      auto end = std::min(head.find("\r\n", pos), head.size());
      std::string field = head.substr(pos, end - pos);
      pos = end + 2;
      auto colon = field.find(':');
      if (colon == std::string::npos) continue;
      std::string name = LowerCase(field.substr(0, colon));
      std::string value = field.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (name == "content-type") exchange.request_content_type = value;
      if (name == "content-length") length = std::strtoul(value.c_str(), nullptr, 10);
      if (name == "transfer-encoding") unparseable_ = true;  // no chunked requests here
    }
    if (unparseable_) return;
    if (sent_.size() < head_end + 4 + length) return;  // the body is still to come
    exchange.request_body = sent_.substr(head_end + 4, length);
    sent_.erase(0, head_end + 4 + length);
    requests_.push_back(std::move(exchange));
  }
}

void SentRequests::Answered(const RawResponse& response, bool body_read) {
  if (unparseable_ || requests_.empty()) return;
  Exchange exchange = std::move(requests_.front());
  requests_.pop_front();
  exchange.status = response.status;
  if (auto it = response.headers.find("content-type"); it != response.headers.end()) {
    exchange.response_content_type = it->second;
  }
  exchange.response_body = response.body;
  exchange.response_body_read = body_read;
  ExpectKeepsContract(exchange);
}

std::optional<RawResponse> HttpConnection::ReadResponse(int timeout_ms) {
  auto response = ReadHeadUnchecked(timeout_ms);
  if (!response) return std::nullopt;
  std::size_t length = 0;
  if (auto it = response->headers.find("content-length"); it != response->headers.end()) {
    length = std::stoul(it->second);
  }
  while (buffer_.size() < length) {
    if (!Fill(timeout_ms)) return std::nullopt;
  }
  response->body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  exchanges_.Answered(*response, true);
  return response;
}

void HttpConnection::DecodeChunks() {
  while (!stream_ended_) {
    auto line_end = buffer_.find("\r\n");
    if (line_end == std::string::npos) return;
    std::size_t size = std::stoul(buffer_.substr(0, line_end), nullptr, 16);
    if (buffer_.size() < line_end + 2 + size + 2) return;
    stream_text_.append(buffer_, line_end + 2, size);
    buffer_.erase(0, line_end + 2 + size + 2);
    if (size == 0) stream_ended_ = true;
  }
}

bool HttpConnection::ReadStreamUntil(const std::string& needle, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    DecodeChunks();
    if (stream_text_.find(needle) != std::string::npos) return true;
    if (stream_ended_) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0 || !Fill(static_cast<int>(left))) return false;
  }
}

bool HttpConnection::ReadStreamEnd(int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    DecodeChunks();
    if (stream_ended_) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return true;  // closed
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

std::optional<RawResponse> HttpConnection::ReadHead(int timeout_ms) {
  auto response = ReadHeadUnchecked(timeout_ms);
  if (response) exchanges_.Answered(*response, false);
  return response;
}

std::optional<RawResponse> HttpConnection::ReadHeadUnchecked(int timeout_ms) {
  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(timeout_ms)) return std::nullopt;
  }
  RawResponse response;
  std::string head = buffer_.substr(0, header_end);
  buffer_.erase(0, header_end + 4);
  std::size_t line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  response.status = std::atoi(status_line.substr(9, 3).c_str());
  std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    std::size_t end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(pos, end - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[name] = value;
    }
    pos = end + 2;
  }
  return response;
}

bool HttpConnection::WaitClosed(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char chunk[4096];
  while (true) {
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n == 0) return true;
    if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
  }
}

std::string MakeRequest(const std::string& method, const std::string& target,
                        const std::string& body, const std::string& content_type,
                        const std::string& extra_headers) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!body.empty() || method == "PUT" || method == "POST") {
    request += "Content-Type: " + content_type + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += extra_headers;
  request += "\r\n";
  request += body;
  return request;
}

}  // namespace vigor::testing
