#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vigor::platform::obs {
class Logger;
class CounterFamily;
}  // namespace vigor::platform::obs
namespace vigor::platform::store {
class Database;
}

namespace vigor::platform::jobs {

// Periodic work done once per period across every instance sharing the database (table
// periodic_runs), instead of once per instance: housekeeping, scheduled backups, the restore
// drill. Each instance keeps its own timer and asks RunIfDue; the instance whose conditional
// UPDATE claims the due period (due_at passed, no live lease) runs the work, the others skip.
// The lease is short and renewed by a heartbeat while the work runs, so a runner that dies (the
// process killed, the machine gone) leaves the period to another instance once its lease runs
// out. On PostgreSQL the UPDATE re-checks its condition on the row it locked, so of two
// instances claiming at once exactly one wins; on SQLite the single writer orders them.
class ClusterSchedule {
 public:
  static constexpr std::chrono::seconds kDefaultLease{60};

  // `instance` names this process in the table (unique per process: a random id).
  ClusterSchedule(store::Database& database, obs::Logger& logger, std::string instance,
                  std::chrono::seconds lease = kDefaultLease);

  // Counts runs by name (vigor_periodic_runs_total{name}). Before use.
  void CountRunsIn(obs::CounterFamily& runs) { runs_ = &runs; }

  using Clock = std::chrono::system_clock;

  // A claimed period: this instance holds `name` until it finishes or its lease runs out.
  struct Lease {
    std::string name;
    Clock::time_point started;
    std::chrono::steady_clock::time_point began = std::chrono::steady_clock::now();
  };

  // Claims the period of `name` when it is due at `now` and no other instance holds a live
  // lease on it; a name never seen before is due at once. Nullopt: not due, or held elsewhere.
  std::optional<Lease> TryClaim(std::string_view name, Clock::time_point now);
  // Keeps the lease for another lease length from now; false when it is no longer this
  // instance's (it ran out and another instance claimed the period).
  bool Renew(const Lease& lease);
  // Records the run (when it started, how long it took), gives the lease back and makes the
  // next period due at `next_due`.
  void Finish(const Lease& lease, Clock::time_point next_due);
  // Gives the lease back without a run: the period stays due.
  void Release(const Lease& lease);

  // TryClaim, then `work` on the calling thread with the lease renewed by a heartbeat, then
  // Finish with the next period due `period` after the start. Returns whether the work ran
  // here. When the work throws, the lease is released (the period stays due: the next caller,
  // here or on another instance, tries again) and the exception reaches the caller.
  bool RunIfDue(std::string_view name, std::chrono::milliseconds period,
                const std::function<void()>& work, Clock::time_point now = Clock::now());
  // The same where the work decides when the next period is due, counted from its start (a
  // failed backup asks for a retry sooner than a whole interval).
  bool RunIfDueThen(std::string_view name, const std::function<std::chrono::milliseconds()>& work,
                    Clock::time_point now = Clock::now());

  const std::string& instance() const { return instance_; }

 private:
  store::Database& database_;
  obs::Logger& logger_;
  std::string instance_;
  std::chrono::seconds lease_;
  obs::CounterFamily* runs_ = nullptr;
};

}  // namespace vigor::platform::jobs
