#include "features/dashboard/dashboard_service.hpp"

#include "platform/store/revisions.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::dashboard {

namespace {

using std::chrono::days;

core::Day TodayOf(const std::string& time_zone, std::chrono::system_clock::time_point now) {
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  // A zone the profile holds is known (checked when set); UTC if the database lost it since.
  return platform::LocalDayOf(now_ms, time_zone).value_or(std::chrono::floor<days>(now));
}

// Who asks, as far as it changes what the home shows: its language (goal titles) and whether it
// may see body values (a token without body:read sees goals on body weight without them).
std::string VersionOf(std::int64_t rev, const platform::auth::Principal& principal) {
  return std::to_string(rev) + '|' + principal.locale + '|' +
         (principal.HasScope("body:read") ? "body" : "-");
}

}  // namespace

boost::json::object DashboardService::Compose(platform::store::Session& s,
                                              const platform::auth::Principal& principal,
                                              const accounts::TrainingProfile& profile,
                                              core::Day today) {
  const std::string& user_id = principal.user_id;
  auto week_start = core::ParseWeekStart(profile.week_start).value_or(core::WeekStart::kMonday);
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
}

boost::json::object DashboardService::Get(const platform::auth::Principal& principal,
                                          std::chrono::system_clock::time_point now) {
  return database_.ReadResult([&](platform::store::Session& s) {
    auto profile = sources_.profile(s, principal.user_id);
    return Compose(s, principal, profile, TodayOf(profile.time_zone, now));
  });
}

DashboardCache::Held DashboardService::Body(const platform::auth::Principal& principal,
                                            std::chrono::system_clock::time_point now) {
  return database_.ReadResult([&](platform::store::Session& s) -> DashboardCache::Held {
    // In the same snapshot as the parts composed below, so the version names what they show.
    auto version = VersionOf(platform::store::CurrentRevision(s, principal.user_id), principal);
    auto at = DashboardCache::Clock::now();
    if (auto cached = cache_.Find(principal.user_id, version, at)) {
      // The profile is as it was (a change of preferences moves the rev), and so is its zone.
      if (TodayOf(cached->time_zone, now) == cached->today) return cached;
    }
    auto profile = sources_.profile(s, principal.user_id);
    core::Day today = TodayOf(profile.time_zone, now);
    ComposedHome composed{encode_(Compose(s, principal, profile, today)), profile.time_zone, today};
    if (validate_) composed.etag = validate_(principal.user_id, composed.body);
    auto held = std::make_shared<const ComposedHome>(std::move(composed));
    cache_.Put(principal.user_id, version, held, at);
    return held;
  });
}

}  // namespace vigor::features::dashboard
