#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "platform/store/table_watch.hpp"

namespace vigor::platform::store {

// Copies of what reads returned, kept in memory for a short time under a key, never stale in
// this process: a copy is made of reads the TableWatch records, and any committed write to a
// table those reads name drops every copy before that write returns, so the writer's very next
// request reads the database again. Other instances' writes arrive by the cluster's
// notifications (table_watch.hpp); `lifetime` bounds how long one could go unseen.
//
// The same contract as auth::CredentialCache (which predates this and keeps its own copy of the
// logic; it can become a WatchedCache<Principal>).
template <class Value>
class WatchedCache {
 public:
  WatchedCache(TableWatch& watch, std::chrono::milliseconds lifetime,
               std::size_t max_entries = 10'000)
      : watch_(watch), lifetime_(lifetime), state_(std::make_shared<State>()) {
    state_->max_entries = max_entries;
    // The watch may outlive this cache (it is the application's database): the listener holds
    // the state weakly.
    watch_.OnChange([weak = std::weak_ptr<State>(state_)](const std::vector<std::string>&) {
      if (auto state = weak.lock()) state->Invalidate();
    });
  }
  WatchedCache(const WatchedCache&) = delete;
  WatchedCache& operator=(const WatchedCache&) = delete;

  // The value of `key`: from memory when a copy is current, else from `load`, whose reads are
  // recorded and whose result is kept unless a watched write committed meanwhile. `load` may
  // throw (nothing kept).
  Value Find(const std::string& key, const std::function<Value()>& load) {
    if (lifetime_.count() <= 0) return load();
    auto now = std::chrono::steady_clock::now();
    State& s = *state_;
    {
      std::lock_guard lock(s.mutex);
      auto found = s.entries.find(key);
      if (found != s.entries.end()) {
        if (found->second.generation == s.generation.load() && now < found->second.until) {
          return found->second.value;
        }
        s.entries.erase(found);
      }
    }
    // Taken before the reads: a watched write that commits from here on makes this copy stale,
    // and its notification moves the generation past this one.
    std::uint64_t generation = s.generation.load();
    std::optional<Value> loaded;
    {
      TableWatch::Recording recording(watch_);
      loaded.emplace(load());
    }
    {
      std::lock_guard lock(s.mutex);
      if (generation == s.generation.load()) {
        // Bounded memory: a full cache starts over rather than tracking which entry is oldest.
        if (s.entries.size() >= s.max_entries) s.entries.clear();
        s.entries.insert_or_assign(key, Entry{*loaded, now + lifetime_, generation});
      }
    }
    return std::move(*loaded);
  }

  void Invalidate() { state_->Invalidate(); }

 private:
  struct Entry {
    Value value;
    std::chrono::steady_clock::time_point until;
    std::uint64_t generation = 0;
  };
  struct State {
    void Invalidate() {
      std::lock_guard lock(mutex);
      // Under the lock: a Find that checked the generation and is inserting finishes first, and
      // its entry is cleared here with the rest.
      generation.fetch_add(1);
      entries.clear();
    }
    std::mutex mutex;
    std::atomic<std::uint64_t> generation{0};
    std::unordered_map<std::string, Entry> entries;
    std::size_t max_entries = 0;
  };

  TableWatch& watch_;
  std::chrono::milliseconds lifetime_;
  std::shared_ptr<State> state_;
};

}  // namespace vigor::platform::store
