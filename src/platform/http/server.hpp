#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "platform/http/handler.hpp"

namespace vigor::platform::obs {
class Logger;
class MetricsRegistry;
}  // namespace vigor::platform::obs

namespace vigor::platform::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 2;
  // One io_context shared by all I/O threads instead of one per thread.
  bool shared_io_context = false;
  int workers = 32;  // threads for blocking handlers (database, hashing)
  // Threads for blocking GET and HEAD handlers, which read; 0: they run on `workers` too. Reads
  // on a pool as large as the database's read connections never wait for a connection, and
  // keep the threads that compete for the CPU few: on 2 cores, 32 readers time-slicing cost a
  // third of the dashboard's throughput in context switches (bench/RESULTS.md). Writes keep the
  // larger pool, since a write waits for its batch's fsync and concurrent writes share one.
  int read_workers = 0;
  // A blocking GET or HEAD whose route lately took less than this many microseconds (RouteCost)
  // runs on the I/O thread itself: no hop to a worker and back. 0: every blocking handler runs
  // on a pool. A slow run sends the route back to the pool at once.
  int inline_reads_below_micros = 500;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::chrono::milliseconds header_timeout{10'000};  // whole header, from its first byte
  std::chrono::milliseconds body_timeout{60'000};
  std::chrono::milliseconds idle_timeout{60'000};  // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_timeout{30'000};
  // HTTPS when both are set: a PEM certificate chain (leaf first) and its PEM private key.
  // The TLS handshake must finish within header_timeout.
  std::filesystem::path tls_cert;
  std::filesystem::path tls_key;
};

// The process's limit on open file descriptors (RLIMIT_NOFILE): every client connection holds
// one, and the usual default soft limit of 1024 would cap the server at about a thousand clients.
struct OpenFileLimit {
  std::uint64_t soft_before = 0;
  std::uint64_t soft = 0;  // after raising it
  std::uint64_t hard = 0;
};
// Raises the soft limit to the hard limit (which only the administrator can raise: systemd's
// LimitNOFILE=, ulimit -Hn). Never lowers it.
OpenFileLimit RaiseOpenFileLimit();

// HTTP/1.1 server on Boost.Beast: one coroutine per connection, a deadline before every read
// and write, header and body limits, blocking handlers on a worker pool, graceful shutdown.
// Plain HTTP, or HTTPS (TLS 1.2+) when options carry a certificate and key.
class Server {
 public:
  // Throws std::runtime_error naming the file when the TLS certificate or key cannot be used.
  Server(ServerOptions options, RequestHandler& handler, obs::Logger& logger,
         obs::MetricsRegistry& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the port (useful when options.port is 0). Throws on failure.
  std::uint16_t Listen();
  // Serves until Stop() or, when handle_signals, SIGINT/SIGTERM; then stops accepting, closes
  // idle connections, lets requests in flight finish (up to shutdown_timeout) and returns.
  void Run(bool handle_signals);
  // Starts the graceful shutdown; safe from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigor::platform::http
