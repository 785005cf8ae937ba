#include "platform/jobs/cluster_schedule.hpp"

#include <string_view>

#include "platform/jobs/heartbeat.hpp"
#include "platform/obs/log.hpp"
#include "platform/obs/metrics.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"

namespace vigor::platform::jobs {

using store::Session;
using store::Statement;

namespace {

// A cheap read first: an instance asking for a period not yet due (the usual case) writes nothing.
constexpr Statement kPeek{"periodic_runs.peek",
                          "SELECT 1 AS busy FROM periodic_runs WHERE name = $1 "
                          "AND (due_at > $2 OR lease_until >= $2)"};
// A name seen for the first time is due at once (a fresh cluster runs its housekeeping now).
constexpr Statement kEnsure{
    "periodic_runs.ensure",
    "INSERT INTO periodic_runs (name, due_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"};
// The claim: due and not held. On PostgreSQL a concurrent claimer waits for the row lock and then
// re-checks this condition on the committed row, so only one of them gets the row back.
constexpr Statement kClaim{
    "periodic_runs.claim",
    "UPDATE periodic_runs SET lease_owner = $2, lease_until = $3 WHERE name = $1 AND due_at <= $4 "
    "AND (lease_until IS NULL OR lease_until < $4) RETURNING name"};
constexpr Statement kRenew{"periodic_runs.renew",
                           "UPDATE periodic_runs SET lease_until = $3 WHERE name = $1 AND "
                           "lease_owner = $2 RETURNING name"};
constexpr Statement kFinish{
    "periodic_runs.finish",
    "UPDATE periodic_runs SET due_at = $3, lease_owner = NULL, lease_until = NULL, "
    "last_run_at = $4, last_duration_ms = $5 WHERE name = $1 AND lease_owner = $2"};
constexpr Statement kRelease{"periodic_runs.release",
                             "UPDATE periodic_runs SET lease_owner = NULL, lease_until = NULL "
                             "WHERE name = $1 AND lease_owner = $2"};

}  // namespace

ClusterSchedule::ClusterSchedule(store::Database& database, obs::Logger& logger,
                                 std::string instance, std::chrono::seconds lease)
    : database_(database), logger_(logger), instance_(std::move(instance)), lease_(lease) {}

std::optional<ClusterSchedule::Lease> ClusterSchedule::TryClaim(std::string_view name,
                                                                Clock::time_point now) {
  std::string at = FormatRfc3339(now);
  if (database_.ReadResult([&](Session& s) { return s.QueryOne(kPeek, name, at).has_value(); })) {
    return std::nullopt;
  }
  bool claimed = database_.WriteResult([&](Session& s) {
    s.Execute(kEnsure, name, at);
    return s.QueryOne(kClaim, name, instance_, FormatRfc3339(now + lease_), at).has_value();
  });
  if (!claimed) return std::nullopt;
  return Lease{.name = std::string(name), .started = now};
}

bool ClusterSchedule::Renew(const Lease& lease) {
  return database_.WriteResult([&](Session& s) {
    return s.QueryOne(kRenew, lease.name, instance_, Rfc3339FromNow(lease_)).has_value();
  });
}

void ClusterSchedule::Finish(const Lease& lease, Clock::time_point next_due) {
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - lease.began);
  database_.Write([&](Session& s) {
    s.Execute(kFinish, lease.name, instance_, FormatRfc3339(next_due), FormatRfc3339(lease.started),
              static_cast<std::int64_t>(took.count()));
  });
  if (runs_ != nullptr) runs_->Inc({lease.name});
}

void ClusterSchedule::Release(const Lease& lease) {
  database_.Write([&](Session& s) { s.Execute(kRelease, lease.name, instance_); });
}

bool ClusterSchedule::RunIfDue(std::string_view name, std::chrono::milliseconds period,
                               const std::function<void()>& work, Clock::time_point now) {
  return RunIfDueThen(
      name,
      [&] {
        work();
        return period;
      },
      now);
}

bool ClusterSchedule::RunIfDueThen(std::string_view name,
                                   const std::function<std::chrono::milliseconds()>& work,
                                   Clock::time_point now) {
  auto lease = TryClaim(name, now);
  if (!lease) return false;
  std::chrono::milliseconds next{};
  try {
    // Renewed three times a lease: one missed beat (a slow database) does not lose it.
    Heartbeat heartbeat(std::chrono::duration_cast<std::chrono::milliseconds>(lease_) / 3,
                        [&] { return Renew(*lease); });
    next = work();
  } catch (...) {
    try {
      Release(*lease);
    } catch (const std::exception& e) {
      // The lease then runs out by itself.
      logger_.Warn(
          "periodic run: cannot give the lease back",
          {{"name", std::string_view(lease->name)}, {"error", std::string_view(e.what())}});
    }
    throw;
  }
  Finish(*lease, lease->started + next);
  return true;
}

}  // namespace vigor::platform::jobs
