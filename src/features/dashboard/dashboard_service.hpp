#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <string>

#include "core/calendar.hpp"
#include "features/accounts/training_profile.hpp"
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
class DashboardService {
 public:
  static constexpr int kRecentRecords = 5;
  static constexpr int kCalendarWeeks = 26;
  static constexpr int kLoadWeeks = 12;

  DashboardService(platform::store::Database& database, DashboardSources sources)
      : database_(database), sources_(std::move(sources)) {}

  // `now` is passed in so that tests can ask about a fixed day.
  boost::json::object Get(const platform::auth::Principal& principal,
                          std::chrono::system_clock::time_point now);

 private:
  platform::store::Database& database_;
  DashboardSources sources_;
};

}  // namespace vigor::features::dashboard
