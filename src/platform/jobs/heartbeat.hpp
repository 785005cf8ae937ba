#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace vigor::platform::jobs {

// Calls `beat` every `every` on a thread of its own, from construction until destruction or until
// `beat` returns false: what keeps a lease (a job's, a periodic run's) while its holder works, so
// a lease can be short and still cover long work. An exception from `beat` (the database briefly
// unavailable) is swallowed and the next beat tries again; the lease simply runs out if the
// database stays away, which is what it is for.
class Heartbeat {
 public:
  Heartbeat(std::chrono::milliseconds every, std::function<bool()> beat);
  ~Heartbeat();  // stops and joins; a beat in progress finishes first
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is initialised
};

}  // namespace vigor::platform::jobs
