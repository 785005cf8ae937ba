#include "platform/jobs/job_queue.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "platform/crypto/random.hpp"
#include "platform/events/outbox.hpp"
#include "platform/id.hpp"
#include "platform/jobs/heartbeat.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"

namespace vigor::platform::jobs {

using store::Row;
using store::Session;
using store::Statement;

namespace {

#define VIGOR_JOB_COLUMNS                                                                \
  "id, user_id, kind, status, progress, total, done, payload, result, error, attempts, " \
  "created_at, updated_at"

constexpr Statement kInsert{"jobs.insert",
                            "INSERT INTO jobs (id, user_id, kind, payload, created_at, updated_at) "
                            "VALUES ($1, $2, $3, $4, $5, $5)"};
constexpr Statement kFind{"jobs.find",
                          "SELECT " VIGOR_JOB_COLUMNS " FROM jobs WHERE id = $1 AND user_id = $2"};
constexpr Statement kRemove{
    "jobs.remove", "DELETE FROM jobs WHERE id = $1 AND user_id = $2 AND status <> 'running'"};
constexpr Statement kAnyDue{
    "jobs.any_due",
    "SELECT 1 FROM jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < $1) "
    "LIMIT 1"};
// The backlog for the metrics: jobs waiting for a runner (due or not), across all instances.
constexpr Statement kQueuedCount{"jobs.queued_count",
                                 "SELECT COUNT(*) AS n FROM jobs WHERE status = 'queued'"};
// Jobs whose runner died too often (the job itself may be what kills it) fail for good.
constexpr Statement kGiveUp{
    "jobs.give_up",
    "UPDATE jobs SET status = 'failed', error = 'The job was interrupted too often.', "
    "lease_token = NULL, lease_until = NULL, updated_at = $1 "
    "WHERE status = 'running' AND lease_until < $1 AND attempts >= $2 "
    "RETURNING " VIGOR_JOB_COLUMNS};
// The oldest due job, taken with a lease: another runner skips it until the lease runs out.
constexpr Statement kClaim{
    "jobs.claim",
    "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = $2, "
    "lease_until = $3, updated_at = $1 WHERE id = (SELECT id FROM jobs WHERE status = 'queued' "
    "OR (status = 'running' AND lease_until < $1) ORDER BY created_at, id LIMIT 1) "
    "RETURNING " VIGOR_JOB_COLUMNS,
    // Several instances poll at once: each takes a job no other runner is taking (SKIP LOCKED),
    // and the outer condition is checked again on the locked row.
    "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = $2, "
    "lease_until = $3, updated_at = $1 WHERE id = (SELECT id FROM jobs WHERE status = 'queued' "
    "OR (status = 'running' AND lease_until < $1) ORDER BY created_at, id LIMIT 1 "
    "FOR UPDATE SKIP LOCKED) "
    "AND (status = 'queued' OR (status = 'running' AND lease_until < $1)) "
    "RETURNING " VIGOR_JOB_COLUMNS};
// One given job of the user, taken with a lease while it is still queued (nobody claimed it).
constexpr Statement kClaimQueued{
    "jobs.claim_queued",
    "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = $2, "
    "lease_until = $3, updated_at = $1 WHERE id = $4 AND user_id = $5 AND status = 'queued' "
    "RETURNING " VIGOR_JOB_COLUMNS};
constexpr Statement kProgress{
    "jobs.progress",
    "UPDATE jobs SET done = $3, total = $4, progress = $5, lease_until = $6, updated_at = $7 "
    "WHERE id = $1 AND lease_token = $2 AND status = 'running' RETURNING " VIGOR_JOB_COLUMNS};
// The heartbeat: only while this runner still holds the job.
constexpr Statement kRenew{"jobs.renew",
                           "UPDATE jobs SET lease_until = $3 WHERE id = $1 AND lease_token = $2 "
                           "AND status = 'running' RETURNING id"};
constexpr Statement kSucceed{
    "jobs.succeed",
    "UPDATE jobs SET status = 'succeeded', progress = 1, result = $3, error = NULL, "
    "lease_token = NULL, lease_until = NULL, updated_at = $4 "
    "WHERE id = $1 AND lease_token = $2 RETURNING " VIGOR_JOB_COLUMNS};
constexpr Statement kFail{
    "jobs.fail",
    "UPDATE jobs SET status = 'failed', result = $3, error = $4, lease_token = NULL, "
    "lease_until = NULL, updated_at = $5 WHERE id = $1 AND lease_token = $2 "
    "RETURNING " VIGOR_JOB_COLUMNS};

#undef VIGOR_JOB_COLUMNS

std::optional<JobStatus> ParseStatus(std::string_view text) {
  for (auto s :
       {JobStatus::kQueued, JobStatus::kRunning, JobStatus::kSucceeded, JobStatus::kFailed}) {
    if (JobStatusName(s) == text) return s;
  }
  return std::nullopt;
}

Job JobFromRow(const Row& r) {
  return Job{.id = r.Text("id"),
             .user_id = r.Text("user_id"),
             .kind = r.Text("kind"),
             .status = ParseStatus(r.Text("status")).value_or(JobStatus::kFailed),
             .progress = r.Real("progress"),
             .total = r.OptInt("total"),
             .done = r.Int("done"),
             .payload = r.Text("payload"),
             .result = r.OptText("result"),
             .error = r.OptText("error"),
             .attempts = r.Int("attempts"),
             .created_at = r.Text("created_at"),
             .updated_at = r.Text("updated_at")};
}

double ProgressOf(std::int64_t done, std::optional<std::int64_t> total) {
  if (!total || *total <= 0) return 0;
  return std::clamp(static_cast<double>(done) / static_cast<double>(*total), 0.0, 1.0);
}

}  // namespace

std::string_view JobStatusName(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued:
      return "queued";
    case JobStatus::kRunning:
      return "running";
    case JobStatus::kSucceeded:
      return "succeeded";
    case JobStatus::kFailed:
      return "failed";
  }
  return "failed";
}

bool JobContext::Progress(Session& session, std::int64_t done, std::optional<std::int64_t> total) {
  auto row = session.QueryOne(kProgress, job_.id, lease_token_, done, total,
                              ProgressOf(done, total), queue_.LeaseEnd(), NowRfc3339());
  if (row) queue_.ReportProgress(session, JobFromRow(*row));
  return row.has_value();
}

void JobContext::Succeed(Session& session, const std::string& result_json) {
  auto row = session.QueryOne(kSucceed, job_.id, lease_token_, result_json, NowRfc3339());
  if (row) queue_.ReportProgress(session, JobFromRow(*row));
}

void JobContext::Progress(std::int64_t done, std::optional<std::int64_t> total) {
  auto now = std::chrono::steady_clock::now();
  if (now - last_write_ < JobQueue::kProgressInterval) return;
  last_write_ = now;
  queue_.database_.Write([&](Session& s) { Progress(s, done, total); });
}

JobQueue::JobQueue(store::Database& database, obs::Logger& logger, std::chrono::seconds lease)
    : database_(database),
      logger_(logger),
      lease_(lease),
      poller_(
          "job queue", kPollInterval,
          [this] {
            // A cheap read first: an idle poll costs no durable write.
            while (AnyDue() && RunOne()) {
              if (poller_.stopping()) return;
            }
          },
          logger) {}

JobQueue::~JobQueue() { Stop(); }

std::string JobQueue::LeaseEnd() const { return Rfc3339FromNow(lease_); }

void JobQueue::ReportProgress(Session& session, const Job& job) {
  if (events_ == nullptr) return;
  // Small on purpose: a page that wants the result or the error reads the job when it is done.
  boost::json::object payload{{"id", job.id},
                              {"status", JobStatusName(job.status)},
                              {"done", job.done},
                              {"progress", job.progress}};
  payload["total"] = job.total ? boost::json::value(*job.total) : boost::json::value(nullptr);
  events_->Append(session, job.user_id, job.kind + ".progress", boost::json::serialize(payload));
}

void JobQueue::Register(std::string kind, Handler handler) {
  handlers_[std::move(kind)] = std::move(handler);
}

std::string JobQueue::Enqueue(Session& session, const std::string& user_id, std::string_view kind,
                              std::string_view payload_json) {
  std::string id = NewId();
  session.Execute(kInsert, id, user_id, kind, payload_json, NowRfc3339());
  return id;
}

std::optional<Job> JobQueue::Find(Session& session, const std::string& user_id,
                                  const std::string& id) {
  auto row = session.QueryOne(kFind, id, user_id);
  if (!row) return std::nullopt;
  return JobFromRow(*row);
}

bool JobQueue::Remove(Session& session, const std::string& user_id, const std::string& id) {
  return session.Execute(kRemove, id, user_id) == 1;
}

void JobQueue::Start() { poller_.Start(); }
void JobQueue::Stop() { poller_.Stop(); }
void JobQueue::Notify() { poller_.Notify(); }

bool JobQueue::AnyDue() {
  return database_.ReadResult(
      [&](Session& s) { return s.QueryOne(kAnyDue, NowRfc3339()).has_value(); });
}

std::int64_t JobQueue::QueuedCount() {
  return database_.ReadResult([&](Session& s) { return s.QueryOne(kQueuedCount)->Int("n"); });
}

std::size_t JobQueue::DrainForTests() {
  std::size_t ran = 0;
  while (RunOne()) ++ran;
  return ran;
}

bool JobQueue::RunOne() {
  std::lock_guard run_lock(run_mutex_);
  std::string token = crypto::RandomToken(16);
  auto claimed = database_.WriteResult([&](Session& s) -> std::optional<Job> {
    std::string now = NowRfc3339();
    for (const auto& given_up : s.Query(kGiveUp, now, kMaxAttempts)) {
      ReportProgress(s, JobFromRow(given_up));
    }
    auto row = s.QueryOne(kClaim, now, token, LeaseEnd());
    if (!row) return std::nullopt;
    Job job = JobFromRow(*row);
    ReportProgress(s, job);
    return job;
  });
  if (!claimed) return false;
  Execute(*claimed, token);
  return true;
}

std::optional<Job> JobQueue::RunNow(const std::string& user_id, const std::string& id) {
  std::string token = crypto::RandomToken(16);
  auto claimed = database_.WriteResult([&](Session& s) -> std::optional<Job> {
    auto row = s.QueryOne(kClaimQueued, NowRfc3339(), token, LeaseEnd(), id, user_id);
    if (!row) return std::nullopt;
    Job job = JobFromRow(*row);
    ReportProgress(s, job);
    return job;
  });
  if (!claimed) return std::nullopt;
  Execute(*claimed, token);
  return database_.ReadResult([&](Session& s) { return Find(s, user_id, id); });
}

void JobQueue::Execute(const Job& job, const std::string& token) {
  std::optional<std::string> result;
  std::optional<std::string> details;
  std::string error;
  auto handler = handlers_.find(job.kind);
  if (handler == handlers_.end()) {
    error = "This kind of job is not known to this server.";
  } else {
    JobContext context(*this, job, token);
    // Keeps the lease while the handler runs; stops once the lease is lost (taken over).
    Heartbeat heartbeat(std::chrono::duration_cast<std::chrono::milliseconds>(lease_) / 3, [&] {
      return database_.WriteResult(
          [&](Session& s) { return s.QueryOne(kRenew, job.id, token, LeaseEnd()).has_value(); });
    });
    try {
      result = handler->second(context);
    } catch (const JobFailed& e) {
      error = e.what();
      details = e.details_json();
    } catch (const std::exception& e) {
      logger_.Error("job failed", {{"job_id", std::string_view(job.id)},
                                   {"kind", std::string_view(job.kind)},
                                   {"error", std::string_view(e.what())}});
      error = "The job failed because of an error on the server.";
    }
  }
  if (error.size() > kMaxErrorLength) error.resize(kMaxErrorLength);
  database_.Write([&](Session& s) {
    std::string now = NowRfc3339();
    // No row when the handler already recorded its outcome (JobContext::Succeed).
    auto row = result ? s.QueryOne(kSucceed, job.id, token, *result, now)
                      : s.QueryOne(kFail, job.id, token, details, error, now);
    if (row) ReportProgress(s, JobFromRow(*row));
  });
  logger_.Info("job finished", {{"job_id", std::string_view(job.id)},
                                {"kind", std::string_view(job.kind)},
                                {"status", std::string_view(result ? "succeeded" : "failed")}});
}

}  // namespace vigor::platform::jobs
