#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace vigor::platform::store {
class Database;
}

namespace vigor::platform::events {

class EventBus;
class EventDispatcher;
class EventOutbox;
class Subscription;

// Opens a user's live event stream: a bus subscription armed at the right event number.
class EventStreams {
 public:
  // Events replayed at once after a Last-Event-ID; the dispatcher sends the rest.
  static constexpr int kReplayLimit = 200;

  EventStreams(store::Database& database, EventOutbox& outbox, EventBus& bus,
               EventDispatcher& dispatcher)
      : database_(database), outbox_(outbox), bus_(bus), dispatcher_(dispatcher) {}

  // The user's events after `last_event_id` (replayed from the outbox while it keeps them), or,
  // without one, those from now on. Throws platform::Error (429, 503) beyond the bus's caps.
  std::shared_ptr<Subscription> Open(const std::string& user_id,
                                     std::optional<std::int64_t> last_event_id);

 private:
  store::Database& database_;
  EventOutbox& outbox_;
  EventBus& bus_;
  EventDispatcher& dispatcher_;
};

}  // namespace vigor::platform::events
