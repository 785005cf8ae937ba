#pragma once

#include <chrono>

namespace vigor::platform::http {
class Router;
}

namespace vigor::platform::events {

class EventStreams;

struct EventRoutesOptions {
  // A comment line this often keeps proxies from closing a quiet stream and finds dead clients.
  std::chrono::milliseconds heartbeat{20'000};
};

// GET /api/v1/events: the signed-in user's Server-Sent Events stream.
void RegisterRoutes(http::Router& router, EventStreams& streams, EventRoutesOptions options);

}  // namespace vigor::platform::events
