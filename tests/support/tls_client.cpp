#include "support/tls_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace vigor::testing {

namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point DeadlineIn(int timeout_ms) {
  return Clock::now() + std::chrono::milliseconds(timeout_ms);
}

// OpenSSL's queued errors, oldest first, as "reason; reason".
std::string TakeOpenSslErrors() {
  std::string text;
  while (unsigned long code = ERR_get_error()) {
    char line[256];
    ERR_error_string_n(code, line, sizeof line);
    if (!text.empty()) text += "; ";
    text += line;
  }
  return text;
}

}  // namespace

TlsConnection::TlsConnection(std::uint16_t port, TlsClientOptions options) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    error_ = "connect failed";
    return;
  }
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);

  context_ = SSL_CTX_new(TLS_client_method());
  if (options.legacy) SSL_CTX_set_security_level(context_, 0);
  if (options.min_version != 0) SSL_CTX_set_min_proto_version(context_, options.min_version);
  if (options.max_version != 0) SSL_CTX_set_max_proto_version(context_, options.max_version);
  if (!options.tls12_ciphers.empty()) {
    SSL_CTX_set_cipher_list(context_, options.tls12_ciphers.c_str());
  } else if (options.legacy) {
    SSL_CTX_set_cipher_list(context_, "DEFAULT:@SECLEVEL=0");
  }
  if (!options.ca_file.empty()) {
    SSL_CTX_load_verify_locations(context_, options.ca_file.c_str(), nullptr);
    SSL_CTX_set_verify(context_, SSL_VERIFY_PEER, nullptr);
  }
  if (!options.alpn.empty()) {
    std::string wire;
    for (const auto& protocol : options.alpn) {
      wire += static_cast<char>(protocol.size());
      wire += protocol;
    }
    SSL_CTX_set_alpn_protos(context_, reinterpret_cast<const unsigned char*>(wire.data()),
                            static_cast<unsigned int>(wire.size()));
  }
  ssl_ = SSL_new(context_);
  if (!options.ca_file.empty()) X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), "127.0.0.1");
  SSL_set_fd(ssl_, fd_);
}

TlsConnection::~TlsConnection() {
  if (ssl_ != nullptr) SSL_free(ssl_);
  if (context_ != nullptr) SSL_CTX_free(context_);
  if (fd_ >= 0) ::close(fd_);
}

template <class Call>
TlsConnection::Io TlsConnection::Drive(Call call, Clock::time_point deadline) {
  if (ssl_ == nullptr) return Io::kFailed;  // not connected
  while (true) {
    ERR_clear_error();
    errno = 0;
    int rc = call();
    if (rc > 0) return Io::kOk;
    int reason = SSL_get_error(ssl_, rc);
    short events = 0;
    if (reason == SSL_ERROR_WANT_READ) {
      events = POLLIN;
    } else if (reason == SSL_ERROR_WANT_WRITE) {
      events = POLLOUT;
    } else if (reason == SSL_ERROR_ZERO_RETURN) {
      error_ = "closed by the server (close_notify)";
      return Io::kClosed;
    } else {
      int saved_errno = errno;
      error_ = TakeOpenSslErrors();
      if (error_.empty()) {
        error_ = saved_errno != 0 ? std::strerror(saved_errno) : "connection closed";
      }
      return Io::kFailed;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{fd_, events, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      error_ = "timed out";
      return Io::kTimedOut;
    }
  }
}

bool TlsConnection::Handshake(int timeout_ms) {
  if (ssl_ == nullptr) return false;
  return Drive([this] { return SSL_connect(ssl_); }, DeadlineIn(timeout_ms)) == Io::kOk;
}

std::string TlsConnection::protocol() const { return ssl_ ? SSL_get_version(ssl_) : ""; }

std::string TlsConnection::cipher() const {
  const char* name = ssl_ ? SSL_get_cipher_name(ssl_) : nullptr;
  return name ? name : "";
}

std::string TlsConnection::alpn() const {
  const unsigned char* data = nullptr;
  unsigned int length = 0;
  if (ssl_ != nullptr) SSL_get0_alpn_selected(ssl_, &data, &length);
  return data ? std::string(reinterpret_cast<const char*>(data), length) : "";
}

bool TlsConnection::SendRaw(const std::string& bytes, int timeout_ms) {
  exchanges_.Sent(bytes);
  auto deadline = DeadlineIn(timeout_ms);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    std::size_t n = 0;
    auto io = Drive(
        [&] { return SSL_write_ex(ssl_, bytes.data() + sent, bytes.size() - sent, &n); }, deadline);
    if (io != Io::kOk) return false;
    sent += n;
  }
  return true;
}

TlsConnection::Io TlsConnection::Fill(Clock::time_point deadline) {
  char chunk[16384];
  std::size_t n = 0;
  auto io = Drive([&] { return SSL_read_ex(ssl_, chunk, sizeof chunk, &n); }, deadline);
  if (io == Io::kOk) buffer_.append(chunk, n);
  return io;
}

std::optional<RawResponse> TlsConnection::ReadResponse(int timeout_ms) {
  auto deadline = DeadlineIn(timeout_ms);
  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (Fill(deadline) != Io::kOk) return std::nullopt;
  }
  RawResponse response;
  std::string head = buffer_.substr(0, header_end);
  buffer_.erase(0, header_end + 4);
  std::size_t line_end = head.find("\r\n");
  response.status = std::atoi(head.substr(9, 3).c_str());
  std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    std::size_t end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(pos, end - pos);
    if (auto colon = line.find(':'); colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[name] = value;
    }
    pos = end + 2;
  }
  std::size_t length = 0;
  if (auto it = response.headers.find("content-length"); it != response.headers.end()) {
    length = std::stoul(it->second);
  }
  while (buffer_.size() < length) {
    if (Fill(deadline) != Io::kOk) return std::nullopt;
  }
  response.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  exchanges_.Answered(response, true);
  return response;
}

bool TlsConnection::WaitClosed(int timeout_ms) {
  auto deadline = DeadlineIn(timeout_ms);
  while (true) {
    switch (Fill(deadline)) {
      case Io::kOk:
        continue;  // data the test did not read: dropped
      case Io::kClosed:
        ERR_clear_error();
        SSL_shutdown(ssl_);  // our close_notify in reply
        return true;
      case Io::kFailed:
        return true;
      case Io::kTimedOut:
        return false;
    }
  }
}

}  // namespace vigor::testing
