#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace vigor::platform::http {

// How long a route's handler took lately, in microseconds: a moving average that rises at once
// with a slow route and falls slowly with fast runs. The server keeps it and, for reads, runs a
// route that is reliably quick on the I/O thread itself instead of handing it to a worker and
// back (two thread switches that cost more than such a read). A new route starts as slow
// (kUnknown): it runs on the pool until it has shown that it is quick.
//
// A run counts as the quicker of it and the run before. A thread preempted in the middle of a
// quick handler (a busy machine, or one of many pool threads on two cores) shows one slow run
// that is not the route's doing; one such run sent a 20 us route to the pool, where its runs
// are preempted more often still (bench/PROFILE.md). A route that is slow is slow twice running.
struct RouteCost {
  static constexpr std::int32_t kUnknown = 4000;
  std::atomic<std::int32_t> micros{kUnknown};
  std::atomic<std::int32_t> last_run{kUnknown};

  void Record(std::int64_t took_micros) {
    auto took = static_cast<std::int32_t>(std::clamp<std::int64_t>(took_micros, 0, 1'000'000'000));
    std::int64_t run = std::min(took, last_run.exchange(took, std::memory_order_relaxed));
    std::int64_t old = micros.load(std::memory_order_relaxed);
    std::int64_t next = run > 2 * old ? run                     // a slow route, at once
                                      : old + (run - old) / 8;  // fast runs count slowly
    micros.store(static_cast<std::int32_t>(next), std::memory_order_relaxed);
  }
};

// What the socket layer needs to know about a request before reading its body.
struct RouteTraits {
  bool blocking = true;            // run on the worker pool, not the I/O thread
  std::size_t max_body_bytes = 0;  // 0: the server's default
  RouteCost* cost = nullptr;       // the route's, when it is one
};

// The seam between sockets and the application: the server parses bytes into a Request and
// calls Handle; tests call Handle directly, without sockets.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  virtual RouteTraits Traits(Method method, std::string_view target) const = 0;
  // Never throws: every failure becomes a problem response.
  virtual Response Handle(Request& request) = 0;
  // Answers a request the server refused before it was complete (body too large, bad framing),
  // through the same logging, metrics and headers as any other response.
  virtual Response Reject(Request& request, const Error& error) = 0;
};

}  // namespace vigor::platform::http
