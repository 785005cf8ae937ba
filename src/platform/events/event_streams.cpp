#include "platform/events/event_streams.hpp"

#include <algorithm>

#include "platform/events/dispatcher.hpp"
#include "platform/events/event_bus.hpp"
#include "platform/events/outbox.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::events {

std::shared_ptr<Subscription> EventStreams::Open(const std::string& user_id,
                                                 std::optional<std::int64_t> last_event_id) {
  // Subscribed before reading, so an event committed in between is offered, not lost; what the
  // read returns as well is dropped as a duplicate by its number.
  auto subscription = bus_.Subscribe(user_id);
  std::int64_t newest = 0;
  std::vector<Event> replay;
  database_.Read([&](store::Session& s) {
    newest = outbox_.LastSeq(s, user_id);
    if (last_event_id && *last_event_id < newest) {
      replay = outbox_.After(s, user_id, *last_event_id, kReplayLimit + 1);
    }
  });
  bool more = replay.size() > static_cast<std::size_t>(kReplayLimit);
  if (more) replay.resize(kReplayLimit);
  // A number from the future (another database, a restore) counts as "now".
  std::int64_t after = last_event_id ? std::clamp<std::int64_t>(*last_event_id, 0, newest) : newest;
  subscription->Arm(after, replay, more);
  if (more) dispatcher_.Wake();
  return subscription;
}

}  // namespace vigor::platform::events
