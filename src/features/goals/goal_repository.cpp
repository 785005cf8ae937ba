#include "features/goals/goal_repository.hpp"

#include "platform/store/revisions.hpp"

namespace vigor::features::goals {

namespace {
using platform::store::NextRevision;
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_GOAL_COLUMNS                                                                     \
  "id, title, metric, target, direction, period, start_date, deadline, sport, exercise_id, "   \
  "muscle, measurement_kind, reps, min_sessions, archived, reached_period_start, reached_at, " \
  "history_next_end, created_at, updated_at, rev"

constexpr Statement kInsert{
    "goals.insert",
    "INSERT INTO goals (user_id, id, title, metric, target, direction, period, start_date, "
    "deadline, sport, exercise_id, muscle, measurement_kind, reps, min_sessions, archived, "
    "history_next_end, input_hash, idempotency_key, created_at, updated_at, rev) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20, $21)"};
constexpr Statement kUpdate{
    "goals.update",
    "UPDATE goals SET title = $3, metric = $4, target = $5, direction = $6, period = $7, "
    "start_date = $8, deadline = $9, sport = $10, exercise_id = $11, muscle = $12, "
    "measurement_kind = $13, reps = $14, min_sessions = $15, archived = $16, "
    "history_next_end = $17, input_hash = $18, updated_at = $19, rev = $20, "
    "reached_period_start = NULL, reached_at = NULL "
    "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING rev"};
constexpr Statement kTombstone{"goals.tombstone",
                               "UPDATE goals SET deleted_at = $3, updated_at = $3, rev = $4 "
                               "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kDeleteHistory{"goal_history.delete_of_goal",
                                   "DELETE FROM goal_history WHERE user_id = $1 AND goal_id = $2"};
constexpr Statement kLockForChange{
    "goals.lock_for_change", "SELECT rev FROM goals WHERE user_id = $1 AND id = $2",
    "SELECT rev FROM goals WHERE user_id = $1 AND id = $2 FOR NO KEY UPDATE"};
constexpr Statement kById{"goals.by_id", "SELECT " VIGOR_GOAL_COLUMNS
                                         " FROM goals WHERE user_id = $1 AND id = $2 "
                                         "AND deleted_at IS NULL"};
constexpr Statement kHead{
    "goals.head", "SELECT id, input_hash, deleted_at FROM goals WHERE user_id = $1 AND id = $2"};
constexpr Statement kByIdempotencyKey{
    "goals.by_idempotency_key",
    "SELECT id, input_hash, deleted_at FROM goals WHERE user_id = $1 AND idempotency_key = $2"};
constexpr Statement kList{"goals.list", "SELECT " VIGOR_GOAL_COLUMNS
                                        " FROM goals WHERE user_id = $1 AND deleted_at IS NULL "
                                        "AND archived = $2 ORDER BY created_at, id"};
constexpr Statement kMarkReached{"goals.mark_reached",
                                 "UPDATE goals SET reached_period_start = $3, reached_at = $4 "
                                 "WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kInsertHistory{
    "goal_history.insert",
    "INSERT INTO goal_history (user_id, goal_id, period_start, period_end, value, target, "
    "reached) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (user_id, goal_id, period_start) DO NOTHING"};
constexpr Statement kSetHistoryMark{
    "goals.set_history_next_end",
    "UPDATE goals SET history_next_end = $3 WHERE user_id = $1 AND id = $2"};
// Keeps the newest kHistoryKept periods of the goal.
constexpr Statement kTrimHistory{
    "goal_history.trim",
    "DELETE FROM goal_history WHERE user_id = $1 AND goal_id = $2 AND period_start NOT IN "
    "(SELECT period_start FROM goal_history WHERE user_id = $1 AND goal_id = $2 "
    "ORDER BY period_start DESC LIMIT 104)"};
constexpr Statement kHistory{
    "goal_history.of_goal",
    "SELECT period_start, period_end, value, target, reached FROM goal_history "
    "WHERE user_id = $1 AND goal_id = $2 ORDER BY period_start DESC LIMIT 104"};
constexpr Statement kHistoryDue{
    "goals.history_due",
    "SELECT user_id, id FROM goals WHERE history_next_end < $1 AND deleted_at IS NULL "
    "AND archived = 0 AND period <> 'once' ORDER BY history_next_end LIMIT $2"};

#undef VIGOR_GOAL_COLUMNS

static_assert(kHistoryKept == 104, "the LIMIT of goal_history.trim and goal_history.of_goal");

Goal GoalFromRow(const Row& r) {
  Goal g;
  g.id = r.Text("id");
  auto& in = g.spec;
  in.title = r.Text("title");
  in.metric = ParseMetric(r.Text("metric")).value_or(Metric::kSessions);
  in.target = r.Real("target");
  in.decrease = r.Text("direction") == "decrease";
  in.period = ParseGoalPeriod(r.Text("period")).value_or(GoalPeriod::kWeek);
  g.start_date = r.Text("start_date");
  if (in.period == GoalPeriod::kOnce) in.start_date = g.start_date;
  in.deadline = r.OptText("deadline");
  in.sport = r.OptText("sport");
  in.exercise_id = r.OptText("exercise_id");
  in.muscle = r.OptText("muscle");
  in.measurement_kind = r.OptText("measurement_kind");
  in.reps = r.OptInt("reps");
  in.min_sessions = r.OptInt("min_sessions");
  in.archived = r.Bool("archived");
  g.reached_period_start = r.OptText("reached_period_start");
  g.reached_at = r.OptText("reached_at");
  g.history_next_end = r.OptText("history_next_end");
  g.created_at = r.Text("created_at");
  g.updated_at = r.Text("updated_at");
  g.rev = r.Int("rev");
  return g;
}

GoalRepository::Head HeadFromRow(const Row& r) {
  return {.id = r.Text("id"),
          .input_hash = r.Text("input_hash"),
          .deleted = r.OptText("deleted_at").has_value()};
}
}  // namespace

std::int64_t GoalRepository::Insert(Session& s, const std::string& user_id, const Goal& g,
                                    const std::string& input_hash,
                                    const std::optional<std::string>& idempotency_key) {
  const auto& in = g.spec;
  std::int64_t rev = NextRevision(s, user_id);
  s.Execute(kInsert, user_id, g.id, in.title, std::string(InfoOf(in.metric).name), in.target,
            in.decrease ? "decrease" : "increase", std::string(GoalPeriodName(in.period)),
            g.start_date, in.deadline, in.sport, in.exercise_id, in.muscle, in.measurement_kind,
            in.reps, in.min_sessions, in.archived, g.history_next_end, input_hash, idempotency_key,
            g.created_at, rev);
  return rev;
}

std::optional<std::int64_t> GoalRepository::Replace(Session& s, const std::string& user_id,
                                                    const Goal& g, const std::string& input_hash) {
  const auto& in = g.spec;
  auto row =
      s.QueryOne(kUpdate, user_id, g.id, in.title, std::string(InfoOf(in.metric).name), in.target,
                 in.decrease ? "decrease" : "increase", std::string(GoalPeriodName(in.period)),
                 g.start_date, in.deadline, in.sport, in.exercise_id, in.muscle,
                 in.measurement_kind, in.reps, in.min_sessions, in.archived, g.history_next_end,
                 input_hash, g.updated_at, NextRevision(s, user_id));
  if (!row) return std::nullopt;
  return row->Int("rev");
}

bool GoalRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                               const std::string& now) {
  if (!s.QueryOne(kById, user_id, id)) return false;
  s.Execute(kTombstone, user_id, id, now, NextRevision(s, user_id));
  s.Execute(kDeleteHistory, user_id, id);
  return true;
}

void GoalRepository::LockForChange(Session& s, const std::string& user_id, const std::string& id) {
  s.Query(kLockForChange, user_id, id);
}

std::optional<Goal> GoalRepository::Find(Session& s, const std::string& user_id,
                                         const std::string& id) {
  auto row = s.QueryOne(kById, user_id, id);
  if (!row) return std::nullopt;
  return GoalFromRow(*row);
}

std::optional<GoalRepository::Head> GoalRepository::FindHead(Session& s, const std::string& user_id,
                                                             const std::string& id) {
  auto row = s.QueryOne(kHead, user_id, id);
  if (!row) return std::nullopt;
  return HeadFromRow(*row);
}

std::optional<GoalRepository::Head> GoalRepository::FindByIdempotencyKey(Session& s,
                                                                         const std::string& user_id,
                                                                         const std::string& key) {
  auto row = s.QueryOne(kByIdempotencyKey, user_id, key);
  if (!row) return std::nullopt;
  return HeadFromRow(*row);
}

std::vector<Goal> GoalRepository::List(Session& s, const std::string& user_id, bool archived) {
  std::vector<Goal> goals;
  for (const auto& row : s.Query(kList, user_id, archived)) goals.push_back(GoalFromRow(row));
  return goals;
}

void GoalRepository::MarkReached(Session& s, const std::string& user_id, const std::string& id,
                                 const std::string& period_start, const std::string& reached_at) {
  s.Execute(kMarkReached, user_id, id, period_start, reached_at);
}

void GoalRepository::AddHistory(Session& s, const std::string& user_id, const std::string& goal_id,
                                const std::vector<HistoryEntry>& entries,
                                const std::string& next_end) {
  for (const auto& e : entries) {
    s.Execute(kInsertHistory, user_id, goal_id, e.period_start, e.period_end, e.value, e.target,
              e.reached);
  }
  s.Execute(kSetHistoryMark, user_id, goal_id, next_end);
  if (!entries.empty()) s.Execute(kTrimHistory, user_id, goal_id);
}

std::vector<HistoryEntry> GoalRepository::History(Session& s, const std::string& user_id,
                                                  const std::string& goal_id) {
  std::vector<HistoryEntry> entries;
  for (const auto& r : s.Query(kHistory, user_id, goal_id)) {
    entries.push_back({.period_start = r.Text("period_start"),
                       .period_end = r.Text("period_end"),
                       .value = r.OptReal("value"),
                       .target = r.Real("target"),
                       .reached = r.Bool("reached")});
  }
  return entries;
}

std::vector<std::pair<std::string, std::string>> GoalRepository::WithHistoryDue(
    Session& s, const std::string& before, int limit) {
  std::vector<std::pair<std::string, std::string>> due;
  for (const auto& r : s.Query(kHistoryDue, before, static_cast<std::int64_t>(limit))) {
    due.emplace_back(r.Text("user_id"), r.Text("id"));
  }
  return due;
}

}  // namespace vigor::features::goals
