#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace vigor::platform::http {

// The body of a long-lived response (Server-Sent Events), produced while the connection stays
// open. A handler returns it in Response::stream; the server then writes the status and headers,
// and from then on holds the connection on its I/O side, without a worker thread: it calls Take
// whenever `wake` was called, writes what Take returns, writes Heartbeat() after a quiet
// heartbeat_interval(), and ends the response when Take says so, when the client goes away or
// when the server shuts down (after writing Farewell()). Destroying the stream releases what it
// holds. None of these may block: they run on an I/O thread.
class ResponseStream {
 public:
  virtual ~ResponseStream() = default;

  // Called once before anything else. `wake` may be called from any thread, any number of times.
  virtual void Start(std::function<void()> wake) = 0;
  // What to write now ("" for nothing); `ended` becomes true when nothing more will come.
  virtual std::string Take(bool& ended) = 0;
  virtual std::string Heartbeat() const = 0;
  virtual std::chrono::milliseconds heartbeat_interval() const = 0;
  virtual std::string Farewell() const { return {}; }
};

}  // namespace vigor::platform::http
