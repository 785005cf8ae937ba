#include "platform/jobs/housekeeping.hpp"

#include "platform/obs/log.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::jobs {

Housekeeping::Housekeeping(store::Database& database, obs::Logger& logger,
                           std::chrono::milliseconds interval)
    : database_(database),
      logger_(logger),
      poller_(
          "housekeeping", interval, [this] { RunOnce(std::chrono::system_clock::now()); }, logger) {
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
