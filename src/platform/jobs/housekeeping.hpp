#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "platform/jobs/poller.hpp"

namespace vigor::platform::store {
class Database;
class Session;
}  // namespace vigor::platform::store

namespace vigor::platform::jobs {

// Periodic removal of rows whose time has passed: expired sessions and one-time tokens, old
// idempotency keys, delivered mail, idle rate-limit buckets. Each feature registers a task that
// owns its SQL; a task deletes at most `limit` rows a call, and is called again (each call its
// own transaction) until it deletes fewer, so it never holds the single writer for long. Every
// instance may run it: the deletes are idempotent.
class Housekeeping {
 public:
  static constexpr std::chrono::minutes kInterval{10};
  static constexpr int kBatch = 500;

  // Deletes at most `limit` rows that were due before `now`; returns how many it deleted.
  using Task = std::function<std::int64_t(store::Session& session,
                                          std::chrono::system_clock::time_point now, int limit)>;

  Housekeeping(store::Database& database, obs::Logger& logger,
               std::chrono::milliseconds interval = kInterval);

  // Before Start.
  void Add(std::string name, Task task);

  void Start() { poller_.Start(); }
  void Stop() { poller_.Stop(); }

  // Runs every task until it has nothing left as of `now`; the rows each deleted, by name.
  std::map<std::string, std::int64_t> RunOnce(std::chrono::system_clock::time_point now);

 private:
  store::Database& database_;
  obs::Logger& logger_;
  std::vector<std::pair<std::string, Task>> tasks_;
  Poller poller_;  // last: its thread stops before the rest goes
};

}  // namespace vigor::platform::jobs
