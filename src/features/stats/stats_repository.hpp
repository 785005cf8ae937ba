#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/trend.hpp"
#include "features/stats/day_rows.hpp"
#include "features/stats/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::stats {

// The SQL of the daily aggregates (migration 0017). Every method takes the owner. Reads cost one
// statement each and read only the rows of their range; days are YYYY-MM-DD texts, whose text
// order is day order.
// Streaks as of `last_day` (core::StreaksAsOf reads them on a later day), by week start.
struct KeptStreaks {
  core::Day last_day;
  core::Streaks monday;
  core::Streaks sunday;
  core::Streaks saturday;

  const core::Streaks& For(core::WeekStart week_start) const {
    return week_start == core::WeekStart::kSunday     ? sunday
           : week_start == core::WeekStart::kSaturday ? saturday
                                                      : monday;
  }
};

class StatsRepository {
 public:
  using Session = platform::store::Session;

  // Deletes the user's rows of the days first..last (all three tables).
  void DeleteDays(Session& s, const std::string& user_id, core::DayRange days);
  void InsertDay(Session& s, const std::string& user_id, core::Day day, const DayRows& rows);

  // Per day with training in `days` (start = end = the day), oldest first, summed over the kinds
  // and sports that match (`kind`, `sport` nullopt: all).
  std::vector<StatsTotals> DayTotals(Session& s, const std::string& user_id, core::DayRange days,
                                     const std::optional<std::string>& kind,
                                     const std::optional<std::string>& sport);
  // The user's muscles over `days`, most sets first.
  std::vector<MuscleTotals> Muscles(Session& s, const std::string& user_id, core::DayRange days);
  // Every day the user trained on, oldest first (one index-only row per training day): read when
  // the days change, to keep the streaks.
  std::vector<core::Day> TrainingDays(Session& s, const std::string& user_id);
  // The streaks as of the last training day, for each day a week may start on; nullopt deletes
  // them (no training left).
  void SaveStreaks(Session& s, const std::string& user_id, const std::optional<KeptStreaks>& kept);
  std::optional<KeptStreaks> FindStreaks(Session& s, const std::string& user_id);
  // One metric per day of `days` (days with a non-zero value), oldest first.
  std::vector<std::pair<core::Day, double>> Daily(Session& s, const std::string& user_id,
                                                  TotalMetric metric, const TotalsFilter& filter,
                                                  core::DayRange days);

  // The backfill of history from before migration 0017: the next user still to do, and where.
  std::optional<std::pair<std::string, std::string>> NextBackfill(Session& s);
  void AdvanceBackfill(Session& s, const std::string& user_id, const std::string& after);
  void FinishBackfill(Session& s, const std::string& user_id);
};

}  // namespace vigor::features::stats
