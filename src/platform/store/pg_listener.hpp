#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace vigor::platform::obs {
class Logger;
}

namespace vigor::platform::store {

struct PgListenerOptions {
  // A libpq connection URI, as --database (a multi-host URL finds the new primary after a
  // failover; NOTIFY is only ever sent on the primary).
  std::string url;
  std::vector<std::string> channels;
  // Waits between connection attempts after the server went away: doubling from the first to
  // the last.
  std::chrono::milliseconds retry_first{100};
  std::chrono::milliseconds retry_max{5000};
  // A silent network (no RST, no FIN) is noticed by a query this often when nothing arrives.
  std::chrono::milliseconds probe_every{10'000};
};

// One PostgreSQL connection per instance that LISTENs on a few channels and hands each
// notification to `on_notify` (channel, payload), on a thread of its own: how a write committed
// on one instance reaches the others at once (live events, cache invalidation). A NOTIFY is
// delivered at its transaction's commit and never for a rolled-back one.
//
// When the server goes away (restart, failover, network), the connection is made again by
// itself, with back-off; the loss is logged once and the return once. Notifications sent while
// it was away are lost for good (PostgreSQL queues them only for live listeners), so after every
// (re)connection `on_connected` is called: the owner then treats everything as changed.
class PgListener {
 public:
  using OnNotify = std::function<void(std::string_view channel, std::string_view payload)>;

  PgListener(PgListenerOptions options, obs::Logger& logger, OnNotify on_notify,
             std::function<void()> on_connected);
  ~PgListener();  // calls Stop()
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

  // Both idempotent. Stop returns within a fraction of a second.
  void Start();
  void Stop();

  bool connected() const { return connected_.load(); }
  std::uint64_t received() const { return received_.load(); }
  std::uint64_t connections() const { return connections_.load(); }

 private:
  void Run();
  bool stopping();
  void Sleep(std::chrono::milliseconds time);

  PgListenerOptions options_;
  obs::Logger& logger_;
  OnNotify on_notify_;
  std::function<void()> on_connected_;
  std::atomic<bool> connected_{false};
  std::atomic<std::uint64_t> received_{0};
  std::atomic<std::uint64_t> connections_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigor::platform::store
