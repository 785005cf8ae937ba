#include "platform/auth/credential_cache.hpp"

#include "platform/store/table_watch.hpp"
#include "platform/time.hpp"

namespace vigor::platform::auth {

CredentialCache::CredentialCache(store::TableWatch& watch, std::chrono::milliseconds lifetime,
                                 std::size_t max_entries)
    : watch_(watch), lifetime_(lifetime), max_entries_(max_entries) {
  watch_.OnChange([this](const std::vector<std::string>&) { Invalidate(); });
}

std::optional<Principal> CredentialCache::Find(const std::string& key,
                                               const std::function<std::optional<Loaded>()>& load) {
  if (lifetime_.count() <= 0) {
    auto loaded = load();
    if (!loaded) return std::nullopt;
    return std::move(loaded->principal);
  }
  auto now = std::chrono::steady_clock::now();
  {
    std::optional<Loaded> hit;
    {
      std::lock_guard lock(mutex_);
      auto found = entries_.find(key);
      if (found != entries_.end()) {
        const Entry& entry = found->second;
        if (entry.generation == generation_.load() && now < entry.until) {
          hit = entry.loaded;
        } else {
          entries_.erase(found);
        }
      }
    }
    // Text order is time order (platform::FormatRfc3339).
    if (hit && (hit->valid_until.empty() || NowRfc3339() < hit->valid_until)) {
      return std::move(hit->principal);
    }
  }

  // Taken before the reads: a watched write that commits from here on makes this copy stale,
  // and its notification moves the generation past this one.
  std::uint64_t generation = generation_.load();
  std::optional<Loaded> loaded;
  {
    store::TableWatch::Recording recording(watch_);
    loaded = load();
  }
  if (!loaded) return std::nullopt;
  {
    std::lock_guard lock(mutex_);
    if (generation == generation_.load()) {
      // Bounded memory: a full cache starts over rather than tracking which entry is oldest.
      if (entries_.size() >= max_entries_) entries_.clear();
      entries_[key] = Entry{*loaded, now + lifetime_, generation};
    }
  }
  return std::move(loaded->principal);
}

void CredentialCache::Invalidate() {
  std::lock_guard lock(mutex_);
  // Under the lock: a Find that checked the generation and is inserting finishes first, and its
  // entry is cleared here with the rest.
  generation_.fetch_add(1);
  entries_.clear();
}

}  // namespace vigor::platform::auth
