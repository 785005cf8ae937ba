#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/events/outbox.hpp"

namespace vigor::platform::events {

class EventBus;

// One open stream's view of its user's events (a browser tab's EventSource). The dispatcher
// offers events; the stream takes them in the user's number order, each once. An event that
// arrives ahead of one still missing (the dispatcher saw a later commit first) is not queued:
// the subscription asks for a repair, and the dispatcher reads what is missing from the outbox.
// Destroying it leaves the bus.
class Subscription {
 public:
  // Queued events beyond this end the subscription (a client that does not read): it reconnects
  // with Last-Event-ID and catches up from the outbox.
  static constexpr std::size_t kMaxQueued = 1000;

  Subscription(EventBus& bus, std::string user_id);
  ~Subscription();
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  const std::string& user_id() const { return user_id_; }

  // Starts delivery after event number `last_seq` (what the client has), with `replay` (outbox
  // rows after it, in order) first; `more` when the replay was cut short. Events offered before
  // Arm are kept and sorted in then.
  void Arm(std::int64_t last_seq, const std::vector<Event>& replay, bool more);

  // The dispatcher's side.
  void Offer(const Event& event);
  // The number to repair after, when a repair is due.
  std::optional<std::int64_t> RepairFrom();
  // Outbox rows after RepairFrom(), in order; `complete` when they reach the newest.
  void Repaired(const std::vector<Event>& rows, bool complete);
  // Ends the subscription (shutdown): the stream closes.
  void End();

  // The stream's side. `wake` is called (from any thread, while holding nothing the stream
  // needs) whenever Take has something new; it must not block.
  void SetWake(const std::function<void()>& wake);
  // Everything queued, oldest first; `ended` once nothing more will come.
  std::vector<Event> Take(bool& ended);

 private:
  // Under mutex_. Returns whether the stream should be woken.
  bool AcceptLocked(const Event& event, bool from_outbox);

  EventBus& bus_;
  const std::string user_id_;
  std::mutex mutex_;
  std::optional<std::int64_t> last_;  // the newest number queued; unset before Arm
  std::vector<Event> early_;          // offered before Arm
  std::deque<Event> queue_;
  bool repair_ = false;
  bool ended_ = false;
  std::function<void()> wake_;
};

struct EventBusLimits {
  int streams_per_user = 8;
  int streams_total = 1000;
};

// The in-process bus: the dispatcher publishes committed events, and each goes to its user's
// open subscriptions only. Another user's subscriptions never see it.
class EventBus {
 public:
  explicit EventBus(EventBusLimits limits) : limits_(limits) {}

  // A new subscription for the user, not yet armed. Throws platform::Error kRateLimited when the
  // user has streams_per_user open already, kUnavailable when the instance has streams_total.
  std::shared_ptr<Subscription> Subscribe(const std::string& user_id);
  void Publish(const Event& event);
  // Subscriptions waiting for a repair from the outbox.
  std::vector<std::shared_ptr<Subscription>> NeedingRepair();
  // Ends every subscription (graceful shutdown).
  void EndAll();
  std::size_t open() const;

 private:
  friend class Subscription;
  void Remove(Subscription* subscription);

  EventBusLimits limits_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<std::weak_ptr<Subscription>>, std::less<>> by_user_;
  std::map<const Subscription*, std::weak_ptr<Subscription>> all_;
};

}  // namespace vigor::platform::events
