#include "platform/jobs/housekeeping.hpp"

#include <algorithm>

#include "platform/jobs/cluster_schedule.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::jobs {

Housekeeping::Housekeeping(store::Database& database, obs::Logger& logger,
                           std::chrono::milliseconds interval)
    : database_(database),
      logger_(logger),
      interval_(interval),
      poller_(
          "housekeeping", std::min<std::chrono::milliseconds>(interval, kAskEvery),
          [this] { Round(); }, logger) {}

void Housekeeping::Round() {
  if (schedule_ != nullptr) {
    schedule_->RunIfDue("housekeeping", interval_,
                        [this] { RunOnce(std::chrono::system_clock::now()); });
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (now < next_local_run_) return;
  next_local_run_ = now + interval_;
  RunOnce(std::chrono::system_clock::now());
}

void Housekeeping::Add(std::string name, Task task) {
  tasks_.emplace_back(std::move(name), std::move(task));
}

std::map<std::string, std::int64_t> Housekeeping::RunOnce(
    std::chrono::system_clock::time_point now) {
  std::map<std::string, std::int64_t> deleted;
  for (const auto& [name, task] : tasks_) {
    std::int64_t total = 0;
    while (true) {
      auto n = database_.WriteResult(
          [&, &task = task](store::Session& s) { return task(s, now, kBatch); });
      total += n;
      if (n < kBatch || poller_.stopping()) break;
    }
    deleted[name] = total;
    if (total > 0) {
      logger_.Info("housekeeping", {{"task", std::string_view(name)}, {"deleted", total}});
    }
  }
  return deleted;
}

}  // namespace vigor::platform::jobs
