#pragma once

#include <chrono>
#include <cstddef>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace vigor::platform::store {

// Answers composed from one user's data (a response body, usually), each kept under a key and
// the version of everything it was composed from: the user's rev (store/revisions.hpp, moved by
// every write of theirs on any instance) and whatever else the answer depends on (language,
// what the caller may see). A version is only ever compared for equality, so an entry is never
// served for a newer state, and checking it costs the caller one statement (CurrentRevision, in
// the snapshot the answer would be composed in). Least recently used entries go first once the
// entries pass `capacity_bytes`; an entry older than `max_age` is composed again, which bounds
// what a change that does not move the rev (an aggregate backfill after an upgrade) can leave
// stale.
//
// Value has `std::size_t bytes() const`: what it holds beyond its own size.
template <class Value>
class RevisionCache {
 public:
  using Clock = std::chrono::steady_clock;
  using Held = std::shared_ptr<const Value>;

  RevisionCache(std::size_t capacity_bytes, Clock::duration max_age)
      : capacity_bytes_(capacity_bytes), max_age_(max_age) {}
  RevisionCache(const RevisionCache&) = delete;
  RevisionCache& operator=(const RevisionCache&) = delete;

  // The entry of `key` when it has this version and is young enough, else null (and a stale
  // entry is dropped).
  Held Find(const std::string& key, const std::string& version, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) return nullptr;
    auto it = found->second;
    if (it->version != version || now - it->stored_at > max_age_) {
      Erase(it);
      return nullptr;
    }
    recent_.splice(recent_.begin(), recent_, it);
    return it->value;
  }

  // Keeps `value` as the entry of `key` (replacing any), unless it alone passes the capacity.
  void Put(const std::string& key, const std::string& version, Held value, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto found = by_key_.find(key); found != by_key_.end()) Erase(found->second);
    std::size_t weight = Weight(key, version, *value);
    if (weight > capacity_bytes_) return;
    while (bytes_ + weight > capacity_bytes_ && !recent_.empty()) Erase(std::prev(recent_.end()));
    recent_.push_front(Entry{key, version, std::move(value), now});
    by_key_.emplace(key, recent_.begin());
    bytes_ += weight;
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return recent_.size();
  }
  std::size_t bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
  }

 private:
  struct Entry {
    std::string key;
    std::string version;
    Held value;
    Clock::time_point stored_at;
  };

  // What an entry costs besides the value's own bytes: the strings (the key twice, in the list
  // and the map), the list node and the map's bucket.
  static std::size_t Weight(const std::string& key, const std::string& version,
                            const Value& value) {
    constexpr std::size_t kOverhead = 160;
    return 2 * key.size() + version.size() + value.bytes() + kOverhead;
  }

  void Erase(typename std::list<Entry>::iterator it) {
    bytes_ -= Weight(it->key, it->version, *it->value);
    by_key_.erase(it->key);
    recent_.erase(it);
  }

  const std::size_t capacity_bytes_;
  const Clock::duration max_age_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> by_key_;
  std::size_t bytes_ = 0;
};

}  // namespace vigor::platform::store
