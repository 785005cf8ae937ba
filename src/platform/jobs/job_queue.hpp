#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "platform/jobs/poller.hpp"

namespace vigor::platform::obs {
class Logger;
}
namespace vigor::platform::store {
class Database;
class Session;
}  // namespace vigor::platform::store
namespace vigor::platform::events {
class EventOutbox;
}

namespace vigor::platform::jobs {

enum class JobStatus { kQueued, kRunning, kSucceeded, kFailed };
std::string_view JobStatusName(JobStatus status);

struct Job {
  std::string id;
  std::string user_id;
  std::string kind;
  JobStatus status = JobStatus::kQueued;
  double progress = 0;  // 0..1
  std::optional<std::int64_t> total;
  std::int64_t done = 0;
  std::string payload;                // the parameters given to Enqueue (JSON text)
  std::optional<std::string> result;  // JSON text
  std::optional<std::string> error;   // a message for the user
  std::int64_t attempts = 0;
  std::string created_at;
  std::string updated_at;
};

// What a handler throws to fail its job with a message for the user (and optional details as
// JSON, kept as the job's result). Any other exception fails the job too, with a generic message
// (its text goes to the log only).
class JobFailed : public std::runtime_error {
 public:
  explicit JobFailed(const std::string& message,
                     std::optional<std::string> details_json = std::nullopt)
      : std::runtime_error(message), details_json_(std::move(details_json)) {}
  const std::optional<std::string>& details_json() const { return details_json_; }

 private:
  std::optional<std::string> details_json_;
};

class JobQueue;

// Handed to a running handler: its job, and a way to report progress and keep the lease.
class JobContext {
 public:
  JobContext(JobQueue& queue, const Job& job, std::string lease_token)
      : queue_(queue), job_(job), lease_token_(std::move(lease_token)) {}
  const Job& job() const { return job_; }
  // Records done/total (and renews the lease) inside the handler's own write transaction, so
  // the counters move exactly with the work that committed. False when the lease was lost (the
  // job was taken over): the handler should then throw to roll its transaction back.
  bool Progress(store::Session& session, std::int64_t done, std::optional<std::int64_t> total);
  // The same in a transaction of its own, for work that writes nothing until its end; written
  // at most every kProgressInterval.
  void Progress(std::int64_t done, std::optional<std::int64_t> total);
  // Marks the job succeeded inside the handler's last write transaction, so that its work and
  // its outcome commit together (a crash in between cannot run the work twice). The handler
  // still returns the result.
  void Succeed(store::Session& session, const std::string& result_json);

 private:
  JobQueue& queue_;
  const Job& job_;
  std::string lease_token_;
  std::chrono::steady_clock::time_point last_write_{};
};

// A job queue in the database (table jobs). A service enqueues inside its own transaction, so the
// job exists exactly when the change that asked for it committed. A runner thread claims due jobs
// one at a time with a lease, so several processes may share the table: a job whose runner died
// is claimed again once its lease ran out, at most kMaxAttempts times; the handler then finds the
// progress its predecessor committed in job().done and may go on from there. A handler returns
// the job's result (JSON text) or throws (see JobFailed).
//
// The lease is short (--job-lease-seconds, 30 s by default) so that another instance picks up the
// job of a dead one quickly; while the handler runs, a heartbeat renews it every third of a lease,
// so a long export or import keeps it. A runner that stops renewing (killed, frozen, cut off from
// the database) loses it after one lease; from then on its writes through JobContext find no row
// (Progress returns false, Succeed records nothing), so the job's effect commits once.
class JobQueue {
 public:
  using Handler = std::function<std::string(JobContext&)>;

  static constexpr std::chrono::milliseconds kPollInterval{500};
  static constexpr std::chrono::seconds kDefaultLease{30};
  static constexpr std::chrono::milliseconds kProgressInterval{250};
  static constexpr int kMaxAttempts = 3;
  static constexpr std::size_t kMaxErrorLength = 1000;

  JobQueue(store::Database& database, obs::Logger& logger,
           std::chrono::seconds lease = kDefaultLease);
  ~JobQueue();  // calls Stop()
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  // Before Start: the handler of a kind. A job of an unknown kind fails.
  void Register(std::string kind, Handler handler);
  // Before Start: every change of a job's status or progress then writes a "<kind>.progress"
  // event for its user (e.g. "import.progress") in the same transaction, with the job's id,
  // status, done, total and progress.
  void PublishProgressTo(events::EventOutbox& outbox) { events_ = &outbox; }

  // Inside the caller's transaction; returns the new job's id. Call Notify() after the write
  // returns for an immediate start (otherwise the next poll, at most kPollInterval later).
  std::string Enqueue(store::Session& session, const std::string& user_id, std::string_view kind,
                      std::string_view payload_json);
  // The user's job of that id.
  std::optional<Job> Find(store::Session& session, const std::string& user_id,
                          const std::string& id);
  // Deletes the user's job (not a running one); false when there is none or it is running.
  bool Remove(store::Session& session, const std::string& user_id, const std::string& id);

  void Start();
  void Stop();
  void Notify();

  // Jobs waiting for a runner, across every instance sharing the database (a metric).
  std::int64_t QueuedCount();

  // Runs every due job on the calling thread; returns how many ran.
  std::size_t DrainForTests();

  // Runs the user's job `id` on the calling thread at once, if it is still queued (no runner has
  // claimed it): for small work a request answers with its outcome (a one-request upload). It
  // takes a lease like any runner, so a runner polling meanwhile skips it; it does not wait for
  // the job another runner of this process may be running. Returns the job as it ended, or
  // nullopt when it was not queued (a runner has it, or there is no such job).
  std::optional<Job> RunNow(const std::string& user_id, const std::string& id);

 private:
  friend class JobContext;
  // Claims and runs one due job; false when there was none.
  bool RunOne();
  // Runs a claimed job's handler and records its outcome.
  void Execute(const Job& job, const std::string& token);
  bool AnyDue();
  void ReportProgress(store::Session& session, const Job& job);
  // When a lease taken or renewed now runs out.
  std::string LeaseEnd() const;

  store::Database& database_;
  obs::Logger& logger_;
  std::map<std::string, Handler, std::less<>> handlers_;
  events::EventOutbox* events_ = nullptr;
  std::chrono::seconds lease_;

  std::mutex run_mutex_;  // one job at a time in this process (worker and DrainForTests)
  Poller poller_;         // last: its thread stops before the rest goes
};

}  // namespace vigor::platform::jobs
