#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace vigor::platform::obs {
class Logger;
}
namespace vigor::platform::store {
class Database;
}

namespace vigor::platform::events {

class EventBus;
class EventOutbox;

struct DispatcherOptions {
  // How often the outbox is read when nothing announced a write.
  std::chrono::milliseconds idle_interval{1000};
  // After an Append (its transaction not yet committed), read this often for expect_window.
  std::chrono::milliseconds fast_interval{20};
  std::chrono::milliseconds expect_window{2000};
  // How long an id skipped in the outbox is waited for (see below).
  std::chrono::milliseconds gap_timeout{30'000};
};

// Moves committed outbox rows to the in-process bus, on a thread of its own.
//
// Why the dispatcher does not simply read "id > the last id seen": on PostgreSQL an identity is
// taken when a row is inserted, not when its transaction commits, so two concurrent writers may
// commit ids 11 then 10; a reader that already moved past 11 would never read 10. So the
// dispatcher remembers the ids it skipped (the holes below the newest id it has seen) and reads
// again from the oldest hole each round, delivering a hole's row when it shows up. A hole that
// stays empty for gap_timeout is forgotten: its transaction rolled back (an identity is never
// given back) or ran longer than any write should. Even then nothing is lost for a subscriber
// that hears from its user again: a user's event numbers (Event::seq) are gapless and in commit
// order (outbox.hpp), so a subscription that is offered number 7 after 5 asks for a repair, and
// the dispatcher reads 6 and 7 from the outbox for it. On SQLite (one writer) ids are in commit
// order and a rolled-back id is reused, so there are no holes.
//
// Waking: an Append (inside its transaction) calls Expect, and the dispatcher reads every
// fast_interval for a moment until the row appears; otherwise every idle_interval. For several
// instances on one PostgreSQL, a LISTEN connection calls Wake on each NOTIFY (the writer sends
// one in its transaction, delivered at commit): that is where fan-out between instances plugs in;
// the rest of this class stays as it is.
class EventDispatcher {
 public:
  EventDispatcher(store::Database& database, EventOutbox& outbox, EventBus& bus,
                  obs::Logger& logger, DispatcherOptions options = {});
  ~EventDispatcher();  // calls Stop()
  EventDispatcher(const EventDispatcher&) = delete;
  EventDispatcher& operator=(const EventDispatcher&) = delete;

  void Start();
  void Stop();
  // Committed rows are waiting: read now.
  void Wake();
  // A transaction is writing an event: read often for a moment.
  void Expect();

  // One round on the calling thread: publishes new rows, then repairs subscriptions. Returns
  // whether it found new rows. Not concurrently with the thread (tests call it with it stopped).
  bool RunOnce();

 private:
  void Run();
  bool PublishNew();
  void Repair();

  store::Database& database_;
  EventOutbox& outbox_;
  EventBus& bus_;
  obs::Logger& logger_;
  DispatcherOptions options_;

  // Touched by the round only.
  bool started_reading_ = false;
  std::int64_t cursor_ = 0;  // the newest id seen
  std::map<std::int64_t, std::chrono::steady_clock::time_point> holes_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  bool database_away_ = false;  // the round's thread only
  std::chrono::steady_clock::time_point expect_until_{};
  std::uint64_t expect_generation_ = 0;
  std::thread thread_;
};

}  // namespace vigor::platform::events
