#include "features/dashboard/dashboard_cache.hpp"

namespace vigor::features::dashboard {

namespace {
// What an entry costs besides its body: the strings, the list node and the map's bucket.
std::size_t Weight(const std::string& user_id, const std::string& version,
                   const ComposedHome& home) {
  constexpr std::size_t kOverhead = 160;
  return 2 * user_id.size() + version.size() + home.body.size() + home.time_zone.size() + kOverhead;
}
}  // namespace

DashboardCache::Home DashboardCache::Find(const std::string& user_id, const std::string& version,
                                          Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto found = by_user_.find(user_id);
  if (found == by_user_.end()) return nullptr;
  auto it = found->second;
  if (it->version != version || now - it->stored_at > max_age_) {
    Erase(it);
    return nullptr;
  }
  recent_.splice(recent_.begin(), recent_, it);
  return it->home;
}

void DashboardCache::Put(const std::string& user_id, const std::string& version, Home home,
                         Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (auto found = by_user_.find(user_id); found != by_user_.end()) Erase(found->second);
  std::size_t weight = Weight(user_id, version, *home);
  if (weight > capacity_bytes_) return;
  while (bytes_ + weight > capacity_bytes_ && !recent_.empty()) Erase(std::prev(recent_.end()));
  recent_.push_front(Entry{user_id, version, std::move(home), now});
  by_user_.emplace(user_id, recent_.begin());
  bytes_ += weight;
}

void DashboardCache::Erase(std::list<Entry>::iterator it) {
  bytes_ -= Weight(it->user_id, it->version, *it->home);
  by_user_.erase(it->user_id);
  recent_.erase(it);
}

std::size_t DashboardCache::size() const {
  std::lock_guard lock(mutex_);
  return recent_.size();
}

std::size_t DashboardCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace vigor::features::dashboard
