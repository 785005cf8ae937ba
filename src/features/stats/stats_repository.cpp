#include "features/stats/stats_repository.hpp"

namespace vigor::features::stats {

namespace {
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kDeleteDaily{
    "stats_daily.delete_days",
    "DELETE FROM stats_daily WHERE user_id = $1 AND day >= $2 AND day <= $3"};
constexpr Statement kDeleteMuscles{
    "stats_daily_muscles.delete_days",
    "DELETE FROM stats_daily_muscles WHERE user_id = $1 AND day >= $2 AND day <= $3"};
constexpr Statement kDeleteExercises{
    "stats_daily_exercises.delete_days",
    "DELETE FROM stats_daily_exercises WHERE user_id = $1 AND day >= $2 AND day <= $3"};
constexpr Statement kInsertDaily{
    "stats_daily.insert",
    "INSERT INTO stats_daily (user_id, day, kind, sport, sessions, duration_s, distance_m, "
    "elevation_gain_m, volume_kg, sets, load) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11)"};
constexpr Statement kInsertMuscle{
    "stats_daily_muscles.insert",
    "INSERT INTO stats_daily_muscles (user_id, day, muscle, sets, volume_kg) "
    "VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kInsertExercise{
    "stats_daily_exercises.insert",
    "INSERT INTO stats_daily_exercises (user_id, day, exercise_id, sessions, sets, volume_kg) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};

// PostgreSQL sums BIGINT columns as NUMERIC: cast back so the row reads an integer.
constexpr Statement kDayTotals{
    "stats_daily.day_totals",
    "SELECT day, SUM(sessions) AS sessions, SUM(duration_s) AS duration_s, "
    "SUM(distance_m) AS distance_m, SUM(elevation_gain_m) AS elevation_gain_m, "
    "SUM(volume_kg) AS volume_kg, SUM(sets) AS sets, SUM(load) AS load FROM stats_daily "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 AND ($4 IS NULL OR kind = $4) "
    "AND ($5 IS NULL OR sport = $5) GROUP BY day ORDER BY day",
    "SELECT day, SUM(sessions)::bigint AS sessions, SUM(duration_s) AS duration_s, "
    "SUM(distance_m) AS distance_m, SUM(elevation_gain_m) AS elevation_gain_m, "
    "SUM(volume_kg) AS volume_kg, SUM(sets)::bigint AS sets, SUM(load) AS load FROM stats_daily "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 AND ($4::text IS NULL OR kind = $4) "
    "AND ($5::text IS NULL OR sport = $5) GROUP BY day ORDER BY day"};
constexpr Statement kMuscles{
    "stats_daily_muscles.totals",
    "SELECT muscle, SUM(sets) AS sets, SUM(volume_kg) AS volume_kg FROM stats_daily_muscles "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 GROUP BY muscle "
    "ORDER BY SUM(sets) DESC, muscle"};
constexpr Statement kTrainingDays{
    "stats_daily.training_days",
    "SELECT DISTINCT day FROM stats_daily WHERE user_id = $1 ORDER BY day"};
// $4: the metric's name (TotalMetric); one statement for all of them.
constexpr Statement kDailyMetric{
    "stats_daily.metric",
    "SELECT day, SUM(CASE $4 WHEN 'sessions' THEN sessions * 1.0 "
    "WHEN 'duration_s' THEN duration_s WHEN 'distance_m' THEN distance_m "
    "WHEN 'elevation_gain_m' THEN elevation_gain_m WHEN 'volume_kg' THEN volume_kg "
    "WHEN 'sets' THEN sets * 1.0 WHEN 'load' THEN load ELSE 0 END) AS value FROM stats_daily "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 AND ($5 IS NULL OR kind = $5) "
    "AND ($6 IS NULL OR sport = $6) GROUP BY day ORDER BY day",
    "SELECT day, SUM(CASE $4::text WHEN 'sessions' THEN sessions * 1.0 "
    "WHEN 'duration_s' THEN duration_s WHEN 'distance_m' THEN distance_m "
    "WHEN 'elevation_gain_m' THEN elevation_gain_m WHEN 'volume_kg' THEN volume_kg "
    "WHEN 'sets' THEN sets * 1.0 WHEN 'load' THEN load ELSE 0 END) AS value FROM stats_daily "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 AND ($5::text IS NULL OR kind = $5) "
    "AND ($6::text IS NULL OR sport = $6) GROUP BY day ORDER BY day"};
constexpr Statement kDailyExerciseMetric{
    "stats_daily_exercises.metric",
    "SELECT day, CASE $5 WHEN 'sessions' THEN sessions * 1.0 WHEN 'sets' THEN sets * 1.0 "
    "ELSE volume_kg END AS value FROM stats_daily_exercises "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 AND exercise_id = $4 ORDER BY day",
    "SELECT day, CASE $5::text WHEN 'sessions' THEN sessions * 1.0 WHEN 'sets' THEN sets * 1.0 "
    "ELSE volume_kg END AS value FROM stats_daily_exercises "
    "WHERE user_id = $1 AND day >= $2 AND day <= $3 AND exercise_id = $4 ORDER BY day"};
constexpr Statement kDailyMuscleMetric{
    "stats_daily_muscles.metric",
    "SELECT day, CASE $5 WHEN 'sets' THEN sets ELSE volume_kg END AS value "
    "FROM stats_daily_muscles WHERE user_id = $1 AND day >= $2 AND day <= $3 AND muscle = $4 "
    "ORDER BY day",
    "SELECT day, CASE $5::text WHEN 'sets' THEN sets ELSE volume_kg END AS value "
    "FROM stats_daily_muscles WHERE user_id = $1 AND day >= $2 AND day <= $3 AND muscle = $4 "
    "ORDER BY day"};
constexpr Statement kSaveStreaks{
    "stats_streaks.save",
    "INSERT INTO stats_streaks (user_id, last_day, run_days, longest_days, run_weeks_monday, "
    "longest_weeks_monday, run_weeks_sunday, longest_weeks_sunday, run_weeks_saturday, "
    "longest_weeks_saturday) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
    "ON CONFLICT (user_id) DO UPDATE SET last_day = excluded.last_day, "
    "run_days = excluded.run_days, longest_days = excluded.longest_days, "
    "run_weeks_monday = excluded.run_weeks_monday, "
    "longest_weeks_monday = excluded.longest_weeks_monday, "
    "run_weeks_sunday = excluded.run_weeks_sunday, "
    "longest_weeks_sunday = excluded.longest_weeks_sunday, "
    "run_weeks_saturday = excluded.run_weeks_saturday, "
    "longest_weeks_saturday = excluded.longest_weeks_saturday"};
constexpr Statement kDeleteStreaks{"stats_streaks.delete",
                                   "DELETE FROM stats_streaks WHERE user_id = $1"};
constexpr Statement kFindStreaks{
    "stats_streaks.find",
    "SELECT last_day, run_days, longest_days, run_weeks_monday, longest_weeks_monday, "
    "run_weeks_sunday, longest_weeks_sunday, run_weeks_saturday, longest_weeks_saturday "
    "FROM stats_streaks WHERE user_id = $1"};
constexpr Statement kNextBackfill{"stats_backfill.next",
                                  "SELECT user_id, after FROM stats_backfill "
                                  "ORDER BY user_id LIMIT 1"};
constexpr Statement kAdvanceBackfill{"stats_backfill.advance",
                                     "UPDATE stats_backfill SET after = $2 WHERE user_id = $1"};
constexpr Statement kFinishBackfill{"stats_backfill.finish",
                                    "DELETE FROM stats_backfill WHERE user_id = $1"};

core::Day DayOf(const Row& r) { return core::ParseDay(r.Text("day")).value_or(core::Day{}); }

std::string MetricName(TotalMetric metric) {
  switch (metric) {
    case TotalMetric::kSessions:
      return "sessions";
    case TotalMetric::kDurationS:
      return "duration_s";
    case TotalMetric::kDistanceM:
      return "distance_m";
    case TotalMetric::kElevationGainM:
      return "elevation_gain_m";
    case TotalMetric::kVolumeKg:
      return "volume_kg";
    case TotalMetric::kSets:
    case TotalMetric::kMuscleSets:
      return "sets";
    case TotalMetric::kLoad:
      return "load";
  }
  return "sessions";
}

}  // namespace

void StatsRepository::DeleteDays(Session& s, const std::string& user_id, core::DayRange days) {
  auto first = core::FormatDay(days.first);
  auto last = core::FormatDay(days.last);
  s.Execute(kDeleteDaily, user_id, first, last);
  s.Execute(kDeleteMuscles, user_id, first, last);
  s.Execute(kDeleteExercises, user_id, first, last);
}

void StatsRepository::InsertDay(Session& s, const std::string& user_id, core::Day day,
                                const DayRows& rows) {
  auto text = core::FormatDay(day);
  for (const auto& t : rows.totals) {
    s.Execute(kInsertDaily, user_id, text, t.kind, t.sport, t.sessions, t.duration_s, t.distance_m,
              t.elevation_gain_m, t.volume_kg, t.sets, t.load);
  }
  for (const auto& m : rows.muscles) {
    s.Execute(kInsertMuscle, user_id, text, m.muscle, m.sets, m.volume_kg);
  }
  for (const auto& e : rows.exercises) {
    s.Execute(kInsertExercise, user_id, text, e.exercise_id, e.sessions, e.sets, e.volume_kg);
  }
}

std::vector<StatsTotals> StatsRepository::DayTotals(Session& s, const std::string& user_id,
                                                    core::DayRange days,
                                                    const std::optional<std::string>& kind,
                                                    const std::optional<std::string>& sport) {
  std::vector<StatsTotals> items;
  for (const auto& r : s.Query(kDayTotals, user_id, core::FormatDay(days.first),
                               core::FormatDay(days.last), kind, sport)) {
    StatsTotals t;
    t.start = t.end = DayOf(r);
    t.sessions = r.Int("sessions");
    t.duration_s = r.Real("duration_s");
    t.distance_m = r.Real("distance_m");
    t.elevation_gain_m = r.Real("elevation_gain_m");
    t.volume_kg = r.Real("volume_kg");
    t.sets = r.Int("sets");
    t.load = r.Real("load");
    items.push_back(t);
  }
  return items;
}

std::vector<MuscleTotals> StatsRepository::Muscles(Session& s, const std::string& user_id,
                                                   core::DayRange days) {
  std::vector<MuscleTotals> items;
  for (const auto& r :
       s.Query(kMuscles, user_id, core::FormatDay(days.first), core::FormatDay(days.last))) {
    items.push_back({r.Text("muscle"), r.Real("sets"), r.Real("volume_kg")});
  }
  return items;
}

std::vector<core::Day> StatsRepository::TrainingDays(Session& s, const std::string& user_id) {
  std::vector<core::Day> days;
  for (const auto& r : s.Query(kTrainingDays, user_id)) days.push_back(DayOf(r));
  return days;
}

std::vector<std::pair<core::Day, double>> StatsRepository::Daily(Session& s,
                                                                 const std::string& user_id,
                                                                 TotalMetric metric,
                                                                 const TotalsFilter& filter,
                                                                 core::DayRange days) {
  auto first = core::FormatDay(days.first);
  auto last = core::FormatDay(days.last);
  auto name = MetricName(metric);
  std::vector<Row> rows;
  if (filter.exercise_id) {
    bool per_exercise = metric == TotalMetric::kSessions || metric == TotalMetric::kSets ||
                        metric == TotalMetric::kVolumeKg;
    if (!per_exercise) return {};
    rows = s.Query(kDailyExerciseMetric, user_id, first, last, *filter.exercise_id, name);
  } else if (filter.muscle || metric == TotalMetric::kMuscleSets) {
    bool per_muscle = metric == TotalMetric::kMuscleSets || metric == TotalMetric::kVolumeKg;
    if (!per_muscle || !filter.muscle) return {};
    rows = s.Query(kDailyMuscleMetric, user_id, first, last, *filter.muscle, name);
  } else {
    rows = s.Query(kDailyMetric, user_id, first, last, name, filter.kind, filter.sport);
  }
  std::vector<std::pair<core::Day, double>> values;
  for (const auto& r : rows) {
    double value = r.Real("value");
    if (value != 0) values.emplace_back(DayOf(r), value);
  }
  return values;
}

void StatsRepository::SaveStreaks(Session& s, const std::string& user_id,
                                  const std::optional<KeptStreaks>& kept) {
  if (!kept) {
    s.Execute(kDeleteStreaks, user_id);
    return;
  }
  auto n = [](int v) { return static_cast<std::int64_t>(v); };
  s.Execute(kSaveStreaks, user_id, core::FormatDay(kept->last_day), n(kept->monday.current_days),
            n(kept->monday.longest_days), n(kept->monday.current_weeks),
            n(kept->monday.longest_weeks), n(kept->sunday.current_weeks),
            n(kept->sunday.longest_weeks), n(kept->saturday.current_weeks),
            n(kept->saturday.longest_weeks));
}

std::optional<KeptStreaks> StatsRepository::FindStreaks(Session& s, const std::string& user_id) {
  auto row = s.QueryOne(kFindStreaks, user_id);
  if (!row) return std::nullopt;
  auto i = [&](const char* column) { return static_cast<int>(row->Int(column)); };
  KeptStreaks kept;
  kept.last_day = core::ParseDay(row->Text("last_day")).value_or(core::Day{});
  auto streaks = [&](const char* run_weeks, const char* longest_weeks) {
    return core::Streaks{.current_days = i("run_days"),
                         .longest_days = i("longest_days"),
                         .current_weeks = i(run_weeks),
                         .longest_weeks = i(longest_weeks)};
  };
  kept.monday = streaks("run_weeks_monday", "longest_weeks_monday");
  kept.sunday = streaks("run_weeks_sunday", "longest_weeks_sunday");
  kept.saturday = streaks("run_weeks_saturday", "longest_weeks_saturday");
  return kept;
}

std::optional<std::pair<std::string, std::string>> StatsRepository::NextBackfill(Session& s) {
  auto row = s.QueryOne(kNextBackfill);
  if (!row) return std::nullopt;
  return std::make_pair(row->Text("user_id"), row->Text("after"));
}

void StatsRepository::AdvanceBackfill(Session& s, const std::string& user_id,
                                      const std::string& after) {
  s.Execute(kAdvanceBackfill, user_id, after);
}

void StatsRepository::FinishBackfill(Session& s, const std::string& user_id) {
  s.Execute(kFinishBackfill, user_id);
}

}  // namespace vigor::features::stats
