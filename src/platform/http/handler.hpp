#pragma once

#include <cstddef>
#include <string_view>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace vigor::platform::http {

// What the socket layer needs to know about a request before reading its body.
struct RouteTraits {
  bool blocking = true;            // run on the worker pool, not the I/O thread
  std::size_t max_body_bytes = 0;  // 0: the server's default
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
