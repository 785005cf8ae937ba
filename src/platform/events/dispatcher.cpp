#include "platform/events/dispatcher.hpp"

#include <string_view>

#include "platform/error.hpp"
#include "platform/events/event_bus.hpp"
#include "platform/events/outbox.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::events {

namespace {
constexpr int kBatch = 200;
// More holes than this at once (a jump of the identity after a crash) are not all tracked.
constexpr std::size_t kMaxHoles = 10'000;
}  // namespace

EventDispatcher::EventDispatcher(store::Database& database, EventOutbox& outbox, EventBus& bus,
                                 obs::Logger& logger, DispatcherOptions options)
    : database_(database), outbox_(outbox), bus_(bus), logger_(logger), options_(options) {}

EventDispatcher::~EventDispatcher() { Stop(); }

void EventDispatcher::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  // Where reading starts is fixed now, not at the first round: a row committed in between must
  // not be skipped. (Should the database be unavailable, the first round tries again.)
  if (!started_reading_) {
    try {
      cursor_ = database_.ReadResult([&](store::Session& s) { return outbox_.MaxId(s); });
      started_reading_ = true;
    } catch (const std::exception& e) {
      logger_.Warn("event dispatcher: cannot read the outbox yet",
                   {{"error", std::string_view(e.what())}});
    }
  }
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void EventDispatcher::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::lock_guard lock(mutex_);
  thread_ = std::thread();
}

void EventDispatcher::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void EventDispatcher::Expect() {
  {
    std::lock_guard lock(mutex_);
    expect_until_ = std::chrono::steady_clock::now() + options_.expect_window;
    ++expect_generation_;
    woken_ = true;
  }
  wake_.notify_all();
}

void EventDispatcher::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto interval = std::chrono::steady_clock::now() < expect_until_ ? options_.fast_interval
                                                                     : options_.idle_interval;
    wake_.wait_for(lock, interval, [this] { return stopping_ || woken_; });
    if (stopping_) break;
    woken_ = false;
    auto generation = expect_generation_;
    lock.unlock();
    bool found = false;
    try {
      found = RunOnce();
      if (database_away_) {
        database_away_ = false;
        logger_.Info("event dispatch resumed: the database answers again");
      }
    } catch (const Error& e) {
      // The database briefly unavailable (a restart, a failover): the next round reads the same
      // rows again. One warning for the outage, not an error every round.
      if (e.kind() != ErrorKind::kUnavailable) {
        logger_.Error("event dispatch failed", {{"error", std::string_view(e.what())}});
      } else if (!database_away_) {
        database_away_ = true;
        logger_.Warn("event dispatch waits: the database is unavailable",
                     {{"error", std::string_view(e.what())}});
      }
    } catch (const std::exception& e) {
      logger_.Error("event dispatch failed", {{"error", std::string_view(e.what())}});
    }
    lock.lock();
    // What was expected showed up (unless another write announced itself meanwhile).
    if (found && generation == expect_generation_) expect_until_ = {};
  }
}

bool EventDispatcher::RunOnce() {
  bool found = PublishNew();
  Repair();
  return found;
}

bool EventDispatcher::PublishNew() {
  if (!started_reading_) {
    // Rows written before this process started have no subscriber here yet; a stream that
    // resumes after them replays them from the outbox itself.
    cursor_ = database_.ReadResult([&](store::Session& s) { return outbox_.MaxId(s); });
    started_reading_ = true;
  }
  auto now = std::chrono::steady_clock::now();
  std::erase_if(holes_, [&](const auto& hole) { return now - hole.second > options_.gap_timeout; });

  bool found = false;
  std::int64_t after = holes_.empty() ? cursor_ : std::min(holes_.begin()->first - 1, cursor_);
  while (true) {
    auto rows = database_.ReadResult(
        [&](store::Session& s) { return outbox_.RowsAfter(s, after, kBatch); });
    for (const auto& row : rows) {
      if (row.id <= cursor_) {
        if (holes_.erase(row.id) == 0) continue;  // delivered before
      } else {
        for (auto id = cursor_ + 1; id < row.id && holes_.size() < kMaxHoles; ++id) {
          holes_.emplace(id, now);
        }
        cursor_ = row.id;
      }
      found = true;
      bus_.Publish(row);
    }
    if (rows.size() < static_cast<std::size_t>(kBatch)) break;
    after = rows.back().id;
  }
  return found;
}

void EventDispatcher::Repair() {
  for (const auto& subscription : bus_.NeedingRepair()) {
    auto from = subscription->RepairFrom();
    if (!from) continue;
    auto rows = database_.ReadResult([&](store::Session& s) {
      return outbox_.After(s, subscription->user_id(), *from, kBatch);
    });
    subscription->Repaired(rows, rows.size() < static_cast<std::size_t>(kBatch));
  }
}

}  // namespace vigor::platform::events
