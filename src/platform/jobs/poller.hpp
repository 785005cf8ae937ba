#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace vigor::platform::obs {
class Logger;
}

namespace vigor::platform::jobs {

// The background thread of a queue kept in the database (jobs, mail): it runs `round` every
// `interval`, or at once when notified, until stopped. A round does what is due and returns; a
// long one checks stopping() between items. An exception ends the round, is logged, and the next
// poll tries again (the database may be briefly unavailable).
class Poller {
 public:
  // `what` names the queue in the log ("job queue"). `logger` must outlive the poller.
  Poller(std::string what, std::chrono::milliseconds interval, std::function<void()> round,
         obs::Logger& logger);
  ~Poller();  // calls Stop()
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  // Both idempotent; Stop waits for the round in progress.
  void Start();
  void Stop();
  // Starts a round now (or right after the one in progress).
  void Notify();
  bool stopping();

 private:
  void Run();

  std::string what_;
  std::chrono::milliseconds interval_;
  std::function<void()> round_;
  obs::Logger& logger_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool notified_ = false;
  bool stopping_ = false;
  bool database_away_ = false;  // the round's thread only
  std::thread worker_;
};

}  // namespace vigor::platform::jobs
