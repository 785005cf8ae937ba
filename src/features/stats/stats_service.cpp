#include "features/stats/stats_service.hpp"

#include <algorithm>
#include <map>

#include "core/limits.hpp"
#include "core/training_load.hpp"
#include "platform/error.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::stats {

namespace {
using core::Day;
using core::DayRange;
using platform::i18n::Msg;

constexpr std::int64_t kMsPerDay = 86'400'000;
// Zones run from UTC-12 to UTC+14: a local day lies within 14 hours of the same UTC day.
constexpr std::int64_t kZoneSlackMs = 14 * 3'600'000;
// Touched days this close together are read in one window (fewer statements for an import).
constexpr int kRunGapDays = 3;
constexpr int kNoLimit = 1'000'000;

std::int64_t UtcStartMs(Day day) { return day.time_since_epoch().count() * kMsPerDay; }

// from/to as sent, `to` defaulting to today and `from` to `default_from(to)`; checked.
DayRange ResolveRange(const RangeQuery& query, Day today,
                      const std::function<Day(Day)>& default_from) {
  platform::FieldErrors errors;
  std::optional<Day> from;
  std::optional<Day> to = today;
  if (query.from && !(from = core::ParseDay(*query.from))) {
    errors.Add("from", Msg("not_date"));
  }
  if (query.to && !(to = core::ParseDay(*query.to))) errors.Add("to", Msg("not_date"));
  errors.ThrowIfAny();
  if (!from) from = default_from(*to);
  if (*from > *to) {
    errors.Add("from", Msg("range_reversed"));
  } else if ((*to - *from).count() + 1 > core::limits::kStatsRangeDays) {
    errors.Add("from", Msg("range_too_long", {{"max", core::limits::kStatsRangeDays}}));
  }
  errors.ThrowIfAny();
  return {*from, *to};
}

void Add(StatsTotals& into, const StatsTotals& day) {
  into.sessions += day.sessions;
  into.duration_s += day.duration_s;
  into.distance_m += day.distance_m;
  into.elevation_gain_m += day.elevation_gain_m;
  into.volume_kg += day.volume_kg;
  into.sets += day.sets;
  into.load += day.load;
}

}  // namespace

// ---- zones and days -----------------------------------------------------------------------

StatsService::Zone StatsService::ZoneOf(Session& s, const std::string& user_id) {
  auto profile = sources_.profile(s, user_id);
  Zone zone;
  zone.time_zone = platform::IsKnownTimeZone(profile.time_zone) ? profile.time_zone : "UTC";
  zone.week_start = core::ParseWeekStart(profile.week_start).value_or(core::WeekStart::kMonday);
  return zone;
}

Day StatsService::TodayIn(const std::string& time_zone) const {
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
  if (auto day = platform::LocalDayOf(now_ms, time_zone)) return *day;
  return Day{std::chrono::days(now_ms / kMsPerDay)};
}

std::optional<Day> StatsService::LocalDayOf(const std::string& started_at,
                                            const std::optional<std::string>& time_zone,
                                            const std::string& profile_zone) const {
  auto ms = platform::ParseRfc3339Ms(started_at);
  if (!ms) return std::nullopt;
  if (time_zone && platform::IsKnownTimeZone(*time_zone)) {
    return platform::LocalDayOf(*ms, *time_zone);
  }
  return platform::LocalDayOf(*ms, profile_zone);
}

Day StatsService::Today(Session& s, const std::string& user_id) {
  return TodayIn(ZoneOf(s, user_id).time_zone);
}

core::WeekStart StatsService::WeekStartOf(Session& s, const std::string& user_id) {
  return ZoneOf(s, user_id).week_start;
}

// ---- upkeep -------------------------------------------------------------------------------

void StatsService::OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes) {
  // Per user (a batch is one user's in practice), every local day before and after.
  std::map<std::string, std::vector<const workouts::WorkoutChange*>> by_user;
  for (const auto& change : changes) by_user[change.user_id].push_back(&change);
  for (const auto& [user_id, user_changes] : by_user) {
    auto zone = ZoneOf(s, user_id).time_zone;
    std::set<Day> days;
    for (const auto* change : user_changes) {
      for (const auto* facts : {change->before ? &*change->before : nullptr,
                                change->after ? &*change->after : nullptr}) {
        if (!facts) continue;
        if (auto day = LocalDayOf(facts->started_at, facts->time_zone, zone)) days.insert(*day);
      }
    }
    Recompute(s, user_id, days, zone);
    // Only new workouts, all after the last training day: the streaks grow from the kept ones
    // without reading the history (what logging does nearly every time).
    bool only_newer_days = std::all_of(user_changes.begin(), user_changes.end(),
                                       [](const auto* change) { return !change->before; });
    auto kept = only_newer_days ? stats_.FindStreaks(s, user_id) : std::nullopt;
    if (kept && !days.empty() && *days.begin() > kept->last_day) {
      for (Day day : days) {
        kept->monday =
            core::ExtendStreaks(kept->monday, kept->last_day, day, core::WeekStart::kMonday);
        kept->sunday =
            core::ExtendStreaks(kept->sunday, kept->last_day, day, core::WeekStart::kSunday);
        kept->saturday =
            core::ExtendStreaks(kept->saturday, kept->last_day, day, core::WeekStart::kSaturday);
        kept->last_day = day;
      }
      stats_.SaveStreaks(s, user_id, kept);
    } else {
      KeepStreaks(s, user_id);
    }
  }
}

void StatsService::KeepStreaks(Session& s, const std::string& user_id) {
  auto days = stats_.TrainingDays(s, user_id);
  if (days.empty()) {
    stats_.SaveStreaks(s, user_id, std::nullopt);
    return;
  }
  KeptStreaks kept;
  kept.last_day = days.back();
  kept.monday = core::ComputeStreaks(days, kept.last_day, core::WeekStart::kMonday);
  kept.sunday = core::ComputeStreaks(days, kept.last_day, core::WeekStart::kSunday);
  kept.saturday = core::ComputeStreaks(days, kept.last_day, core::WeekStart::kSaturday);
  stats_.SaveStreaks(s, user_id, kept);
}

void StatsService::Recompute(Session& s, const std::string& user_id, const std::set<Day>& days,
                             const std::string& profile_zone) {
  std::optional<DayRange> run;
  for (Day day : days) {
    if (run && (day - run->last).count() <= kRunGapDays) {
      run->last = day;
      continue;
    }
    if (run) RecomputeRun(s, user_id, *run, profile_zone);
    run = DayRange{day, day};
  }
  if (run) RecomputeRun(s, user_id, *run, profile_zone);
}

void StatsService::RecomputeRun(Session& s, const std::string& user_id, DayRange run,
                                const std::string& profile_zone) {
  // Every workout whose local day can be in the run, whatever its zone; filtered below.
  auto from = platform::FormatUtcMs(UtcStartMs(run.first) - kZoneSlackMs);
  auto to = platform::FormatUtcMs(UtcStartMs(run.last + std::chrono::days(1)) + kZoneSlackMs);
  auto workouts = sources_.workouts(s, user_id, from, to, kNoLimit);
  std::map<Day, std::vector<const SourceWorkout*>> by_day;
  std::vector<std::string> exercise_ids;
  for (const auto& w : workouts) {
    auto day = LocalDayOf(w.started_at, w.time_zone, profile_zone);
    if (!day || !run.contains(*day)) continue;
    by_day[*day].push_back(&w);
    for (const auto& block : w.blocks) exercise_ids.push_back(block.exercise_id);
  }
  std::sort(exercise_ids.begin(), exercise_ids.end());
  exercise_ids.erase(std::unique(exercise_ids.begin(), exercise_ids.end()), exercise_ids.end());
  std::unordered_map<std::string, ExerciseMuscles> muscles;
  if (!exercise_ids.empty()) muscles = sources_.muscles(s, user_id, exercise_ids);
  stats_.DeleteDays(s, user_id, run);
  for (const auto& [day, of_day] : by_day) {
    stats_.InsertDay(s, user_id, day, AggregateDay(of_day, muscles));
  }
}

std::int64_t StatsService::Backfill(Session& s, int limit) {
  std::int64_t read = 0;
  while (read < limit) {
    auto next = stats_.NextBackfill(s);
    if (!next) break;
    const auto& [user_id, after] = *next;
    // The lock every workout write of the user takes (its rev): a write and this recompute of
    // the same day do not interleave on PostgreSQL, and what this reads is what they committed.
    platform::store::LockUserChanges(s, user_id);
    int want = static_cast<int>(limit - read);
    auto workouts = sources_.workouts(s, user_id, after, "~", want);
    auto zone = ZoneOf(s, user_id).time_zone;
    std::set<Day> days;
    for (const auto& w : workouts) {
      if (auto day = LocalDayOf(w.started_at, w.time_zone, zone)) days.insert(*day);
    }
    Recompute(s, user_id, days, zone);
    KeepStreaks(s, user_id);
    read += static_cast<std::int64_t>(workouts.size());
    if (static_cast<int>(workouts.size()) < want) {
      stats_.FinishBackfill(s, user_id);
      continue;
    }
    // The next call starts at the last one read (its day again, harmlessly); past it when a
    // whole batch started at the same instant, so the backfill always moves on.
    std::string last = workouts.back().started_at;
    stats_.AdvanceBackfill(s, user_id, last == workouts.front().started_at ? last + "~" : last);
  }
  return read;
}

// ---- reads for other features -------------------------------------------------------------

std::vector<std::pair<Day, double>> StatsService::DailyTotals(Session& s,
                                                              const std::string& user_id,
                                                              TotalMetric metric,
                                                              const TotalsFilter& filter,
                                                              DayRange days) {
  return stats_.Daily(s, user_id, metric, filter, days);
}

StatsTotals StatsService::SumOver(Session& s, const std::string& user_id, DayRange days) {
  StatsTotals totals;
  totals.start = days.first;
  totals.end = days.last;
  for (const auto& day : stats_.DayTotals(s, user_id, days, std::nullopt, std::nullopt)) {
    Add(totals, day);
  }
  return totals;
}

StatsTotals StatsService::WeekTotals(Session& s, const std::string& user_id, Day day) {
  auto week = core::PeriodContaining(day, core::Period::kWeek, WeekStartOf(s, user_id));
  return SumOver(s, user_id, week);
}

StatsTotals StatsService::ThisWeekTotals(Session& s, const std::string& user_id) {
  auto zone = ZoneOf(s, user_id);
  auto week = core::PeriodContaining(TodayIn(zone.time_zone), core::Period::kWeek, zone.week_start);
  return SumOver(s, user_id, week);
}

StatsTotals StatsService::LastWeekTotals(Session& s, const std::string& user_id) {
  auto zone = ZoneOf(s, user_id);
  auto week = core::PeriodContaining(TodayIn(zone.time_zone), core::Period::kWeek, zone.week_start);
  return SumOver(s, user_id, core::PreviousPeriod(week, core::Period::kWeek, zone.week_start));
}

TrainingCalendar StatsService::Calendar(Session& s, const std::string& user_id, DayRange days) {
  auto zone = ZoneOf(s, user_id);
  TrainingCalendar calendar;
  calendar.range = days;
  for (const auto& t : stats_.DayTotals(s, user_id, days, std::nullopt, std::nullopt)) {
    calendar.days.push_back({t.start, t.sessions, t.duration_s, t.load});
  }
  if (auto kept = stats_.FindStreaks(s, user_id)) {
    calendar.streaks = core::StreaksAsOf(kept->For(zone.week_start), kept->last_day,
                                         TodayIn(zone.time_zone), zone.week_start);
  }
  return calendar;
}

TrainingLoad StatsService::Load(Session& s, const std::string& user_id, DayRange days) {
  DayRange read{days.first - std::chrono::days(kLoadWarmUpDays), days.last};
  std::vector<double> loads(static_cast<std::size_t>(read.days()), 0.0);
  for (const auto& t : stats_.DayTotals(s, user_id, read, std::nullopt, std::nullopt)) {
    loads[static_cast<std::size_t>((t.start - read.first).count())] = t.load;
  }
  auto computed = core::ComputeTrainingLoad(loads);
  TrainingLoad load;
  load.range = days;
  for (std::size_t i = kLoadWarmUpDays; i < computed.size(); ++i) {
    const auto& c = computed[i];
    load.items.push_back({read.first + std::chrono::days(i), c.load, c.acute, c.chronic, c.ratio,
                          c.fitness, c.fatigue, c.form});
  }
  return load;
}

// ---- the API ------------------------------------------------------------------------------

StatsSummary StatsService::Summary(const platform::auth::Principal& principal,
                                   const std::optional<std::string>& period_text,
                                   const RangeQuery& query, const std::optional<std::string>& kind,
                                   const std::optional<std::string>& sport) {
  platform::FieldErrors errors;
  auto period = core::ParsePeriod(period_text.value_or("week"));
  if (!period) {
    errors.Add("period", Msg("one_of", {{"values", "week, month"}, {"last", "year"}}));
  }
  if (kind && *kind != "strength" && *kind != "cardio") {
    errors.Add("kind", Msg("one_of", {{"values", "strength"}, {"last", "cardio"}}));
  }
  if (sport && !workouts::IsCardioSport(*sport)) errors.Add("sport", Msg("sport_invalid"));
  errors.ThrowIfAny();
  return database_.ReadResult([&](Session& s) {
    auto zone = ZoneOf(s, principal.user_id);
    auto range = ResolveRange(query, TodayIn(zone.time_zone), [&](Day to) {
      auto p = core::PeriodContaining(to, *period, zone.week_start);
      for (int i = 0; i < 11; ++i) p = core::PreviousPeriod(p, *period, zone.week_start);
      // 12 years are more than a range may span: then as many days as it may.
      return std::max(p.first, to - std::chrono::days(core::limits::kStatsRangeDays - 1));
    });
    StatsSummary summary;
    summary.period = *period;
    summary.week_start = zone.week_start;
    summary.range = range;
    for (auto p = core::PeriodContaining(range.first, *period, zone.week_start);
         p.first <= range.last; p = core::NextPeriod(p, *period, zone.week_start)) {
      StatsTotals totals;
      totals.start = p.first;
      totals.end = p.last;
      summary.items.push_back(totals);
    }
    DayRange read{summary.items.front().start, summary.items.back().end};
    std::size_t at = 0;
    for (const auto& day : stats_.DayTotals(s, principal.user_id, read, kind, sport)) {
      while (summary.items[at].end < day.start) ++at;
      Add(summary.items[at], day);
    }
    return summary;
  });
}

MuscleStats StatsService::Muscles(const platform::auth::Principal& principal,
                                  const RangeQuery& query) {
  return database_.ReadResult([&](Session& s) {
    auto range = ResolveRange(query, Today(s, principal.user_id),
                              [](Day to) { return to - std::chrono::days(27); });
    return MuscleStats{range, stats_.Muscles(s, principal.user_id, range)};
  });
}

TrainingCalendar StatsService::Calendar(const platform::auth::Principal& principal,
                                        const RangeQuery& query) {
  return database_.ReadResult([&](Session& s) {
    auto range = ResolveRange(query, Today(s, principal.user_id),
                              [](Day to) { return to - std::chrono::days(364); });
    return Calendar(s, principal.user_id, range);
  });
}

TrainingLoad StatsService::Load(const platform::auth::Principal& principal,
                                const RangeQuery& query) {
  return database_.ReadResult([&](Session& s) {
    auto range = ResolveRange(query, Today(s, principal.user_id),
                              [](Day to) { return to - std::chrono::days(89); });
    return Load(s, principal.user_id, range);
  });
}

BodyWeightTrend StatsService::BodyWeight(const platform::auth::Principal& principal,
                                         const RangeQuery& query) {
  return database_.ReadResult([&](Session& s) {
    auto range = ResolveRange(query, Today(s, principal.user_id),
                              [](Day to) { return to - std::chrono::days(364); });
    auto weigh_ins = sources_.weigh_ins(
        s, principal.user_id, range.first - std::chrono::days(kTrendWarmUpDays), range.last);
    BodyWeightTrend trend;
    trend.range = range;
    for (const auto& point : core::WeightTrend(weigh_ins)) {
      if (range.contains(point.day)) trend.items.push_back(point);
    }
    return trend;
  });
}

}  // namespace vigor::features::stats
