#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/calendar.hpp"

namespace vigor::features::dashboard {

// The dashboards this instance composed last, as response bodies, each under the user and the
// version of everything it was composed from (see DashboardService::Body). A version is only ever
// compared for equality, so an entry is never served for a newer state: a write on any instance
// moves the user's rev, which is part of the version. Least recently used entries go first once
// the bodies pass `capacity_bytes`; an entry older than `max_age` is composed again, which bounds
// what a change that does not move the rev (an aggregate backfill after an upgrade) can leave
// stale.
// A composed home: the response body, and the local day and time zone it was composed for.
struct ComposedHome {
  std::string body;
  std::string time_zone;
  core::Day today;
};

class DashboardCache {
 public:
  using Clock = std::chrono::steady_clock;
  using Home = std::shared_ptr<const ComposedHome>;

  DashboardCache(std::size_t capacity_bytes, Clock::duration max_age)
      : capacity_bytes_(capacity_bytes), max_age_(max_age) {}

  Home Find(const std::string& user_id, const std::string& version, Clock::time_point now);
  void Put(const std::string& user_id, const std::string& version, Home home,
           Clock::time_point now);

  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Entry {
    std::string user_id;
    std::string version;
    Home home;
    Clock::time_point stored_at;
  };
  void Erase(std::list<Entry>::iterator it);

  const std::size_t capacity_bytes_;
  const Clock::duration max_age_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_user_;
  std::size_t bytes_ = 0;
};

}  // namespace vigor::features::dashboard
