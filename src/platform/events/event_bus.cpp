#include "platform/events/event_bus.hpp"

#include <algorithm>

#include "platform/error.hpp"

namespace vigor::platform::events {

Subscription::Subscription(EventBus& bus, std::string user_id)
    : bus_(bus), user_id_(std::move(user_id)) {}

Subscription::~Subscription() { bus_.Remove(this); }

bool Subscription::AcceptLocked(const Event& event, bool from_outbox) {
  if (ended_ || event.seq <= *last_) return false;  // ended, or already queued
  // From the outbox, a jump is rows purged meanwhile: nothing more can come for them.
  if (!from_outbox && (repair_ || event.seq != *last_ + 1)) {
    repair_ = true;  // an earlier number is missing: the repair reads this one too
    return false;
  }
  queue_.push_back(event);
  last_ = event.seq;
  if (queue_.size() > kMaxQueued) {
    queue_.clear();
    ended_ = true;
  }
  return true;
}

void Subscription::Arm(std::int64_t last_seq, const std::vector<Event>& replay, bool more) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    last_ = last_seq;
    bool woken = false;
    for (const auto& e : replay) woken = AcceptLocked(e, true) || woken;
    repair_ = more;
    std::sort(early_.begin(), early_.end(),
              [](const Event& a, const Event& b) { return a.seq < b.seq; });
    for (const auto& e : early_) woken = AcceptLocked(e, false) || woken;
    early_.clear();
    if (woken) wake = wake_;
  }
  if (wake) wake();
}

void Subscription::Offer(const Event& event) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (!last_) {
      if (!ended_) early_.push_back(event);
      return;
    }
    if (AcceptLocked(event, false) || ended_) wake = wake_;
  }
  if (wake) wake();
}

std::optional<std::int64_t> Subscription::RepairFrom() {
  std::lock_guard lock(mutex_);
  if (!repair_ || ended_ || !last_) return std::nullopt;
  return *last_;
}

void Subscription::Repaired(const std::vector<Event>& rows, bool complete) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    bool woken = false;
    for (const auto& e : rows) woken = AcceptLocked(e, true) || woken;
    if (complete) repair_ = false;
    if (woken || ended_) wake = wake_;
  }
  if (wake) wake();
}

void Subscription::End() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    ended_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

void Subscription::SetWake(const std::function<void()>& wake) {
  bool pending;
  {
    std::lock_guard lock(mutex_);
    wake_ = wake;
    pending = !queue_.empty() || ended_;
  }
  if (pending && wake) wake();
}

std::vector<Event> Subscription::Take(bool& ended) {
  std::lock_guard lock(mutex_);
  std::vector<Event> events(std::make_move_iterator(queue_.begin()),
                            std::make_move_iterator(queue_.end()));
  queue_.clear();
  ended = ended_;
  return events;
}

std::shared_ptr<Subscription> EventBus::Subscribe(const std::string& user_id) {
  std::lock_guard lock(mutex_);
  if (static_cast<int>(all_.size()) >= limits_.streams_total) {
    throw Error(ErrorKind::kUnavailable, Msg("server_connections_full")).WithRetryAfter(30);
  }
  auto& mine = by_user_[user_id];
  if (static_cast<int>(mine.size()) >= limits_.streams_per_user) {
    throw Error(ErrorKind::kRateLimited, Msg("user_connections_full")).WithRetryAfter(30);
  }
  auto subscription = std::make_shared<Subscription>(*this, user_id);
  mine.push_back(subscription);
  all_.emplace(subscription.get(), subscription);
  return subscription;
}

void EventBus::Remove(Subscription* subscription) {
  std::lock_guard lock(mutex_);
  if (all_.erase(subscription) == 0) return;
  auto it = by_user_.find(subscription->user_id());
  if (it == by_user_.end()) return;
  // The expired entry is this one (its count already reached zero): drop every expired one.
  std::erase_if(it->second, [](const auto& weak) { return weak.expired(); });
  if (it->second.empty()) by_user_.erase(it);
}

void EventBus::Publish(const Event& event) {
  std::vector<std::shared_ptr<Subscription>> targets;
  {
    std::lock_guard lock(mutex_);
    auto it = by_user_.find(event.user_id);
    if (it == by_user_.end()) return;
    for (const auto& weak : it->second) {
      if (auto s = weak.lock()) targets.push_back(std::move(s));
    }
  }
  for (const auto& s : targets) s->Offer(event);
}

std::vector<std::shared_ptr<Subscription>> EventBus::NeedingRepair() {
  std::vector<std::shared_ptr<Subscription>> all;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, weak] : all_) {
      if (auto s = weak.lock()) all.push_back(std::move(s));
    }
  }
  std::erase_if(all, [](const auto& s) { return !s->RepairFrom(); });
  return all;
}

void EventBus::EndAll() {
  std::vector<std::shared_ptr<Subscription>> all;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, weak] : all_) {
      if (auto s = weak.lock()) all.push_back(std::move(s));
    }
  }
  for (const auto& s : all) s->End();
}

std::size_t EventBus::open() const {
  std::lock_guard lock(mutex_);
  return all_.size();
}

}  // namespace vigor::platform::events
