#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/calendar.hpp"
#include "features/accounts/training_profile.hpp"
#include "features/dashboard/dashboard_cache.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::dashboard {

// What the dashboard shows, each part answered by the feature that owns it (stats, goals,
// records) in the JSON of its own schema, read in the dashboard's one transaction. The
// composition root connects them (app/feature_links.cpp).
struct DashboardSources {
  using Session = platform::store::Session;
  accounts::TrainingProfileLookup profile;
  // StatsTotals of the user's days in `days`.
  std::function<boost::json::value(Session&, const std::string& user_id, core::DayRange days)>
      totals;
  // The user's active goals with their progress (an array of Goal).
  std::function<boost::json::value(Session&, const platform::auth::Principal&)> goals;
  // The newest `limit` records as they were set (an array of PersonalRecord).
  std::function<boost::json::value(Session&, const std::string& user_id, int limit)> recent_records;
  // TrainingCalendar and TrainingLoad of `days`.
  std::function<boost::json::value(Session&, const std::string& user_id, core::DayRange days)>
      calendar;
  std::function<boost::json::value(Session&, const std::string& user_id, core::DayRange days)> load;
};

// The signed-in home in one read: this week against last, goals, recent records, the last 26
// weeks of training days and the last 12 weeks of load. Every part reads aggregates kept with
// the writes, so the cost does not grow with the length of the history.
//
// The home is opened far more often than anything on it changes, so Body keeps the last one
// composed per user (DashboardCache) under its version: the user's rev (moved by every write of
// theirs on any instance, a change of preferences included), the local day (goals and weeks turn
// over at midnight) and what the caller may see (language, body values). Checking it costs one
// statement; composing one costs about fifteen.
class DashboardService {
 public:
  static constexpr int kRecentRecords = 5;
  static constexpr int kCalendarWeeks = 26;
  static constexpr int kLoadWeeks = 12;
  // About 2,000 users' homes of ~15 kB each.
  static constexpr std::size_t kCacheBytes = std::size_t{32} << 20;
  static constexpr std::chrono::minutes kCacheMaxAge{5};

  // How a body is written: the API's JSON text (platform::http::SerializeJson), given by the
  // feature so that the service knows nothing of HTTP.
  using Encode = std::function<std::string(const boost::json::value&)>;
  // The body's validator for its reader (platform::http::RepresentationETag), kept with it so
  // that a conditional GET does not hash ~15 kB again on every read. Unset: none is kept.
  using Validate = std::function<std::string(std::string_view user_id, std::string_view body)>;

  DashboardService(platform::store::Database& database, DashboardSources sources, Encode encode,
                   Validate validate = {})
      : database_(database),
        sources_(std::move(sources)),
        encode_(std::move(encode)),
        validate_(std::move(validate)),
        cache_(kCacheBytes, kCacheMaxAge) {}

  // `now` is passed in so that tests can ask about a fixed day.
  boost::json::object Get(const platform::auth::Principal& principal,
                          std::chrono::system_clock::time_point now);
  // The same as a response body (Get's JSON, encoded), from the cache when nothing it shows
  // has changed.
  DashboardCache::Held Body(const platform::auth::Principal& principal,
                            std::chrono::system_clock::time_point now);

  const DashboardCache& cache() const { return cache_; }

 private:
  boost::json::object Compose(platform::store::Session& s,
                              const platform::auth::Principal& principal,
                              const accounts::TrainingProfile& profile, core::Day today);

  platform::store::Database& database_;
  DashboardSources sources_;
  Encode encode_;
  Validate validate_;
  DashboardCache cache_;
};

}  // namespace vigor::features::dashboard
