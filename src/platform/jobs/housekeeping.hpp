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

class ClusterSchedule;

// Periodic removal of rows whose time has passed: expired sessions and one-time tokens, old
// idempotency keys, delivered mail, idle rate-limit buckets. Each feature registers a task that
// owns its SQL; a task deletes at most `limit` rows a call, and is called again (each call its
// own transaction) until it deletes fewer, so it never holds the single writer for long. The
// deletes are idempotent, but with several instances on one database a ClusterSchedule (RunOn)
// makes one of them run each period, so a digest task, say, does not race itself.
class Housekeeping {
 public:
  static constexpr std::chrono::minutes kInterval{10};
  // How often an instance asks whether the period is due: an instance that took over from a
  // dead one runs within this of the due time.
  static constexpr std::chrono::minutes kAskEvery{1};
  static constexpr int kBatch = 500;

  // Deletes at most `limit` rows that were due before `now`; returns how many it deleted.
  using Task = std::function<std::int64_t(store::Session& session,
                                          std::chrono::system_clock::time_point now, int limit)>;

  Housekeeping(store::Database& database, obs::Logger& logger,
               std::chrono::milliseconds interval = kInterval);

  // Before Start.
  void Add(std::string name, Task task);
  // Before Start: the background runs go through `schedule` (once per period across the
  // instances sharing the database) instead of this instance's own timer.
  void RunOn(ClusterSchedule& schedule) { schedule_ = &schedule; }

  void Start() { poller_.Start(); }
  void Stop() { poller_.Stop(); }

  // Runs every task until it has nothing left as of `now`; the rows each deleted, by name.
  std::map<std::string, std::int64_t> RunOnce(std::chrono::system_clock::time_point now);

 private:
  void Round();

  store::Database& database_;
  obs::Logger& logger_;
  std::vector<std::pair<std::string, Task>> tasks_;
  std::chrono::milliseconds interval_;
  ClusterSchedule* schedule_ = nullptr;
  std::chrono::steady_clock::time_point next_local_run_{};  // without a schedule
  Poller poller_;  // last: its thread stops before the rest goes
};

}  // namespace vigor::platform::jobs
