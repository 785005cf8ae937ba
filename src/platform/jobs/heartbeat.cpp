#include "platform/jobs/heartbeat.hpp"

#include <exception>

namespace vigor::platform::jobs {

Heartbeat::Heartbeat(std::chrono::milliseconds every, std::function<bool()> beat)
    : thread_([this, every, beat = std::move(beat)] {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, every, [this] { return stopping_; })) {
          lock.unlock();
          bool go_on = true;
          try {
            go_on = beat();
          } catch (const std::exception&) {
            // Transient: the next beat tries again (see the header).
          }
          lock.lock();
          if (!go_on) return;
        }
      }) {}

Heartbeat::~Heartbeat() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace vigor::platform::jobs
