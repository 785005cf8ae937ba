#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/nutrition/nutrition_views.hpp"
#include "features/nutrition/targets_model.hpp"
#include "features/nutrition/targets_repository.hpp"
#include "features/nutrition/targets_sources.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

// Daily targets (by hand or computed from the profile), micronutrient targets from the Dietary
// Reference Intakes, and the day and week views that hold the diary's totals against them.
class TargetsService {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  TargetsService(
      platform::store::Database& database, TargetsSources sources,
      Clock clock = [] { return std::chrono::system_clock::now(); })
      : database_(database), sources_(std::move(sources)), clock_(std::move(clock)) {}

  // The diary's per-day totals; until set (the diary is built after targets), days have none.
  void SetDiaryTotals(DiaryTotals totals) { diary_totals_ = std::move(totals); }

  ResolvedTargets Get(const platform::auth::Principal& principal);
  // Checks `settings` (field errors, nothing written), replaces the user's, bumps their rev.
  ResolvedTargets Set(const platform::auth::Principal& principal, const TargetsSettings& settings);
  // What `settings` would give, saving nothing.
  ResolvedTargets Preview(const platform::auth::Principal& principal,
                          const TargetsSettings& settings);

  struct NutrientDay {
    core::Day day;
    std::vector<NutrientDayEntry> nutrients;
  };
  // `date` is a local day, YYYY-MM-DD (a field error otherwise).
  NutrientDay Day(const platform::auth::Principal& principal, const std::string& date);
  // The week holding `date` (today in the user's zone when absent), from their week start.
  NutritionWeek Week(const platform::auth::Principal& principal,
                     const std::optional<std::string>& date);

  // In the caller's transaction, for goals: the days of `days` whose eating was on the energy
  // target (`protein` false) or hit the protein target (true), by the week view's rules.
  std::vector<core::Day> DaysOnTarget(platform::store::Session& s, const std::string& user_id,
                                      core::DayRange days, bool protein);

  // In the caller's transaction (TargetsLookup): the daily targets in force, nullopt without.
  std::optional<DailyTargets> DailyTargetsOf(platform::store::Session& s,
                                             const std::string& user_id);

  // The rules a PUT or preview must keep beyond each field's range: a manual target needs its
  // energy, a computed one a profile.
  static void CheckRules(const TargetsSettings& settings);

 private:
  ResolvedTargets Resolve(platform::store::Session& s, const std::string& user_id,
                          const std::optional<TargetsSettings>& settings);
  core::Day Today(const std::string& time_zone) const;

  platform::store::Database& database_;
  TargetsSources sources_;
  Clock clock_;
  DiaryTotals diary_totals_;
  TargetsRepository targets_;
};

}  // namespace vigor::features::nutrition
