#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "features/stats/model.hpp"
#include "features/stats/sources.hpp"
#include "features/stats/stats_repository.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::stats {

// Analytics read from the daily aggregates, and the upkeep of those aggregates: every workout
// write reports its changes (OnWorkoutChanges, inside its transaction) and the local days it
// touched, before and after, are computed again from that day's live workouts. Local days are the
// workout's time zone, else the profile's; weeks start on the profile's week_start.
class StatsService {
 public:
  using Session = platform::store::Session;
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // How far before a load range fitness and fatigue start from 0: 6 time constants of fitness,
  // after which a load before the start weighs (41/42)^252 = 0.2% of what it would.
  static constexpr int kLoadWarmUpDays = 6 * 42;
  // How far before a body-weight range the trend starts from the first weigh-in found: a weigh-in
  // 60 entries back weighs 0.9^60 = 0.2%.
  static constexpr int kTrendWarmUpDays = 180;

  StatsService(platform::store::Database& database, StatsSources sources,
               Clock clock = &std::chrono::system_clock::now)
      : database_(database), sources_(std::move(sources)), clock_(std::move(clock)) {}

  // ---- the API: ranges are checked (kValidation with field errors) --------------------------
  // Default range: the 12 periods ending with the one that holds `to` (default today), at most
  // the days a range may span (years: the 10 whose days it reaches).
  StatsSummary Summary(const platform::auth::Principal& principal,
                       const std::optional<std::string>& period_text, const RangeQuery& query,
                       const std::optional<std::string>& kind,
                       const std::optional<std::string>& sport);
  // Default range: the 28 days ending `to`.
  MuscleStats Muscles(const platform::auth::Principal& principal, const RangeQuery& query);
  // Default range: the 365 days ending `to`.
  TrainingCalendar Calendar(const platform::auth::Principal& principal, const RangeQuery& query);
  // Default range: the 90 days ending `to`.
  TrainingLoad Load(const platform::auth::Principal& principal, const RangeQuery& query);
  // Default range: the 365 days ending `to`.
  BodyWeightTrend BodyWeight(const platform::auth::Principal& principal, const RangeQuery& query);

  // ---- for goals and the dashboard, inside the caller's (read) transaction -------------------
  // Today in the user's time zone, and the day their weeks start on.
  core::Day Today(Session& s, const std::string& user_id);
  core::WeekStart WeekStartOf(Session& s, const std::string& user_id);
  // The metric per local day of `days` (days with a non-zero value), oldest first.
  std::vector<std::pair<core::Day, double>> DailyTotals(Session& s, const std::string& user_id,
                                                        TotalMetric metric,
                                                        const TotalsFilter& filter,
                                                        core::DayRange days);
  // The totals of the user's week that holds `day`.
  StatsTotals WeekTotals(Session& s, const std::string& user_id, core::Day day);
  StatsTotals ThisWeekTotals(Session& s, const std::string& user_id);
  StatsTotals LastWeekTotals(Session& s, const std::string& user_id);
  TrainingCalendar Calendar(Session& s, const std::string& user_id, core::DayRange days);
  TrainingLoad Load(Session& s, const std::string& user_id, core::DayRange days);

  // ---- upkeep -------------------------------------------------------------------------------
  // The WorkoutChangeObservers observer: each touched (user, local day) is computed once a call.
  void OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes);
  // Housekeeping: fills the aggregates of users whose workouts predate them (migration 0017 lists
  // them), at most `limit` workouts a call, oldest first; returns how many it read. Idempotent.
  std::int64_t Backfill(Session& s, int limit);

 private:
  struct Zone {
    std::string time_zone;
    core::WeekStart week_start = core::WeekStart::kMonday;
  };
  Zone ZoneOf(Session& s, const std::string& user_id);
  core::Day TodayIn(const std::string& time_zone) const;
  std::optional<core::Day> LocalDayOf(const std::string& started_at,
                                      const std::optional<std::string>& time_zone,
                                      const std::string& profile_zone) const;
  // Computes the user's rows of `days` again from their live workouts.
  void Recompute(Session& s, const std::string& user_id, const std::set<core::Day>& days,
                 const std::string& profile_zone);
  void RecomputeRun(Session& s, const std::string& user_id, core::DayRange run,
                    const std::string& profile_zone);
  StatsTotals SumOver(Session& s, const std::string& user_id, core::DayRange days);
  // The streaks as of the user's last training day, from every training day (after a change).
  void KeepStreaks(Session& s, const std::string& user_id);

  platform::store::Database& database_;
  StatsSources sources_;
  Clock clock_;
  StatsRepository stats_;
};

}  // namespace vigor::features::stats
