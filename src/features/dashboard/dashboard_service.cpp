#include "features/dashboard/dashboard_service.hpp"

#include "platform/time_zone.hpp"

namespace vigor::features::dashboard {

boost::json::object DashboardService::Get(const platform::auth::Principal& principal,
                                          std::chrono::system_clock::time_point now) {
  using std::chrono::days;
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  return database_.ReadResult([&](platform::store::Session& s) {
    const std::string& user_id = principal.user_id;
    auto profile = sources_.profile(s, user_id);
    auto week_start = core::ParseWeekStart(profile.week_start).value_or(core::WeekStart::kMonday);
    // A zone the profile holds is known (checked when set); UTC if the database lost it since.
    core::Day today =
        platform::LocalDayOf(now_ms, profile.time_zone).value_or(std::chrono::floor<days>(now));
    auto this_week = core::PeriodContaining(today, core::Period::kWeek, week_start);
    auto last_week = core::PreviousPeriod(this_week, core::Period::kWeek, week_start);
    // Whole weeks that end with this one, so the heatmap's columns are full weeks.
    core::DayRange calendar{this_week.first - days{7 * (kCalendarWeeks - 1)}, today};
    core::DayRange load{today - days{7 * kLoadWeeks - 1}, today};
    return boost::json::object{
        {"today", core::FormatDay(today)},
        {"week_start", core::WeekStartName(week_start)},
        {"this_week", sources_.totals(s, user_id, this_week)},
        {"last_week", sources_.totals(s, user_id, last_week)},
        {"goals", sources_.goals(s, principal)},
        {"recent_records", sources_.recent_records(s, user_id, kRecentRecords)},
        {"calendar", sources_.calendar(s, user_id, calendar)},
        {"load", sources_.load(s, user_id, load)},
    };
  });
}

}  // namespace vigor::features::dashboard
