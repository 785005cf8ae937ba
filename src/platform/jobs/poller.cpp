#include "platform/jobs/poller.hpp"

#include <string_view>

#include "platform/error.hpp"
#include "platform/obs/log.hpp"

namespace vigor::platform::jobs {

Poller::Poller(std::string what, std::chrono::milliseconds interval, std::function<void()> round,
               obs::Logger& logger)
    : what_(std::move(what)), interval_(interval), round_(std::move(round)), logger_(logger) {}

Poller::~Poller() { Stop(); }

void Poller::Start() {
  std::lock_guard lock(mutex_);
  if (worker_.joinable()) return;
  stopping_ = false;
  worker_ = std::thread([this] { Run(); });
}

void Poller::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (!worker_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
  std::lock_guard lock(mutex_);
  worker_ = std::thread();
}

void Poller::Notify() {
  {
    std::lock_guard lock(mutex_);
    notified_ = true;
  }
  wake_.notify_all();
}

bool Poller::stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void Poller::Run() {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, interval_, [this] { return stopping_ || notified_; });
      if (stopping_) return;
      notified_ = false;
    }
    try {
      round_();
      if (database_away_) {
        database_away_ = false;
        logger_.Info(what_ + " resumed: the database answers again");
      }
    } catch (const Error& e) {
      // The database away (a restart, a failover) is expected and lasts seconds: one warning
      // when it starts and one line when it ends, not an error on every round meanwhile.
      if (e.kind() != ErrorKind::kUnavailable) {
        logger_.Error(what_ + " poll failed", {{"error", std::string_view(e.what())}});
      } else if (!database_away_) {
        database_away_ = true;
        logger_.Warn(what_ + " waits: the database is unavailable",
                     {{"error", std::string_view(e.what())}});
      }
    } catch (const std::exception& e) {
      logger_.Error(what_ + " poll failed", {{"error", std::string_view(e.what())}});
    }
  }
}

}  // namespace vigor::platform::jobs
