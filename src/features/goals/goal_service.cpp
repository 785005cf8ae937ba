#include "features/goals/goal_service.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::goals {

using core::Day;
using core::DayRange;
using platform::Error;
using platform::ErrorKind;
using platform::i18n::Language;

namespace {

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_goal")); }

Language LanguageOf(const platform::auth::Principal& principal) {
  return platform::i18n::LanguageFromLocale(principal.locale);
}

std::string OptionalText(const std::optional<std::string>& v) { return v ? "=" + *v : "-"; }
std::string OptionalInt(const std::optional<std::int64_t>& v) {
  return v ? "=" + std::to_string(*v) : "-";
}

// What a retry with the same id or Idempotency-Key must repeat: the content and the id.
std::string InputHash(const GoalInput& in) {
  std::string text = in.id.value_or("") + "|" + in.title + "|" +
                     std::string(InfoOf(in.metric).name) + "|" + std::to_string(in.target) + "|" +
                     (in.decrease ? "d" : "i") + "|" + std::string(GoalPeriodName(in.period)) +
                     "|" + OptionalText(in.start_date) + "|" + OptionalText(in.deadline) + "|" +
                     OptionalText(in.sport) + "|" + OptionalText(in.exercise_id) + "|" +
                     OptionalText(in.muscle) + "|" + OptionalText(in.measurement_kind) + "|" +
                     OptionalInt(in.reps) + "|" + OptionalInt(in.min_sessions) + "|" +
                     (in.archived ? "a" : "l");
  return platform::crypto::Sha256Hex(text);
}

// Which filters each metric takes.
bool TakesSport(Metric m) {
  return m == Metric::kSessions || m == Metric::kTrainingTime || m == Metric::kDistance ||
         m == Metric::kElevationGain;
}
bool TakesExercise(Metric m) {
  return m == Metric::kSessions || m == Metric::kTrainingTime || m == Metric::kVolume ||
         m == Metric::kOneRepMax || m == Metric::kWeightForReps;
}

std::string DayStartUtc(Day day, const std::string& zone) {
  auto ms = platform::LocalDayStartMs(day, zone);
  return platform::FormatUtcMs(ms.value_or(0));
}

}  // namespace

EvaluationContext GoalService::ContextOf(Session& s, const std::string& user_id,
                                         Language language) {
  auto profile = profile_(s, user_id);
  EvaluationContext ctx;
  ctx.time_zone = platform::IsKnownTimeZone(profile.time_zone) ? profile.time_zone : "UTC";
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  ctx.today =
      platform::LocalDayOf(now_ms, ctx.time_zone)
          .value_or(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  ctx.week_start = core::ParseWeekStart(profile.week_start).value_or(core::WeekStart::kMonday);
  ctx.formula = profile.one_rep_max_formula == "brzycki" ? core::OneRepMaxFormula::kBrzycki
                                                         : core::OneRepMaxFormula::kEpley;
  ctx.language = language;
  return ctx;
}

EvaluationContext GoalService::ContextOf(Session& s, const Principal& principal) {
  auto ctx = ContextOf(s, principal.user_id, LanguageOf(principal));
  ctx.body_values_visible = principal.HasScope("body:read");
  ctx.nutrition_values_visible = principal.HasScope("nutrition:read");
  return ctx;
}

void GoalService::Check(Session& s, const std::string& user_id, const GoalInput& in,
                        const EvaluationContext& ctx) {
  platform::FieldErrors errors;
  std::string metric(InfoOf(in.metric).name);
  auto require = [&](bool present, const char* field) {
    if (!present) errors.Add(field, Msg("goal_field_required_for", {{"metric", metric}}));
  };
  auto refuse = [&](bool present, const char* field) {
    if (present) errors.Add(field, Msg("goal_field_not_for", {{"metric", metric}}));
  };
  bool lift = in.metric == Metric::kOneRepMax || in.metric == Metric::kWeightForReps;
  if (lift) require(in.exercise_id.has_value(), "exercise_id");
  if (!TakesExercise(in.metric)) refuse(in.exercise_id.has_value(), "exercise_id");
  if (!TakesSport(in.metric)) refuse(in.sport.has_value(), "sport");
  if (in.metric == Metric::kMuscleSets) {
    require(in.muscle.has_value(), "muscle");
  } else {
    refuse(in.muscle.has_value(), "muscle");
  }
  if (in.metric == Metric::kMeasurement) {
    require(in.measurement_kind.has_value(), "measurement_kind");
  } else {
    refuse(in.measurement_kind.has_value(), "measurement_kind");
  }
  if (in.metric == Metric::kWeightForReps) {
    require(in.reps.has_value(), "reps");
  } else {
    refuse(in.reps.has_value(), "reps");
  }
  if (in.metric != Metric::kStreakWeeks) refuse(in.min_sessions.has_value(), "min_sessions");
  if (in.decrease && InfoOf(in.metric).shape != MetricShape::kBody) {
    errors.Add("direction", Msg("goal_decrease_body_only"));
  }
  if (in.period == GoalPeriod::kOnce) {
    if (!in.deadline) {
      errors.Add("deadline", Msg("goal_deadline_required"));
    } else {
      Day start = in.start_date ? *core::ParseDay(*in.start_date) : ctx.today;
      if (*core::ParseDay(*in.deadline) <= start) {
        errors.Add("deadline", Msg("goal_deadline_after_start"));
      }
    }
  } else {
    if (in.start_date) errors.Add("start_date", Msg("goal_once_only"));
    if (in.deadline) errors.Add("deadline", Msg("goal_once_only"));
  }
  if (in.exercise_id && TakesExercise(in.metric) &&
      !sources_.exercise_exists(s, user_id, *in.exercise_id)) {
    errors.Add("exercise_id", Msg("exercise_not_yours"));
  }
  errors.ThrowIfAny();
}

void GoalService::Complete(Session& s, const std::string& user_id, Goal& goal,
                           const EvaluationContext& ctx) {
  goal.title = goal.spec.title.empty() ? DefaultTitle(goal.spec, ctx.language) : goal.spec.title;
  DayRange period = CurrentPeriod(goal.spec, goal.start_date, ctx.today, ctx.week_start);
  auto evaluation = Evaluate(s, sources_, user_id, goal.spec, period, ctx);
  std::optional<std::string> stored;
  if (goal.reached_period_start == core::FormatDay(period.first)) stored = goal.reached_at;
  goal.progress = ProgressOf(goal.spec, evaluation, stored, ctx);
}

std::optional<Evaluation> GoalService::MarkIfReached(Session& s, const std::string& user_id,
                                                     Goal& goal, const EvaluationContext& ctx) {
  DayRange period = CurrentPeriod(goal.spec, goal.start_date, ctx.today, ctx.week_start);
  std::string period_start = core::FormatDay(period.first);
  if (goal.reached_period_start == period_start) return std::nullopt;
  if (!period.contains(ctx.today)) return std::nullopt;  // a one-off goal not running now
  auto evaluation = Evaluate(s, sources_, user_id, goal.spec, period, ctx);
  if (!evaluation.reached) return std::nullopt;
  goal.reached_period_start = period_start;
  goal.reached_at = platform::NowRfc3339();
  goals_.MarkReached(s, user_id, goal.id, period_start, *goal.reached_at);
  return evaluation;
}

std::vector<Goal> GoalService::List(const Principal& principal, bool archived) {
  return database_.ReadResult([&](Session& s) {
    auto ctx = ContextOf(s, principal);
    auto goals = goals_.List(s, principal.user_id, archived);
    for (auto& goal : goals) Complete(s, principal.user_id, goal, ctx);
    return goals;
  });
}

std::vector<Goal> GoalService::ActiveWithProgress(Session& s, const std::string& user_id,
                                                  Language language) {
  auto ctx = ContextOf(s, user_id, language);
  auto goals = goals_.List(s, user_id, false);
  for (auto& goal : goals) Complete(s, user_id, goal, ctx);
  return goals;
}

std::vector<Goal> GoalService::ActiveWithProgress(Session& s, const Principal& principal) {
  auto ctx = ContextOf(s, principal);
  auto goals = goals_.List(s, principal.user_id, false);
  for (auto& goal : goals) Complete(s, principal.user_id, goal, ctx);
  return goals;
}

Goal GoalService::Get(const Principal& principal, const std::string& id) {
  auto goal = database_.ReadResult([&](Session& s) -> std::optional<Goal> {
    auto found = goals_.Find(s, principal.user_id, id);
    if (found) Complete(s, principal.user_id, *found, ContextOf(s, principal));
    return found;
  });
  if (!goal) throw NotFound();
  return std::move(*goal);
}

GoalProgress GoalService::Preview(const Principal& principal, const GoalInput& input) {
  return database_.ReadResult([&](Session& s) {
    auto ctx = ContextOf(s, principal);
    Check(s, principal.user_id, input, ctx);
    Goal goal;
    goal.spec = input;
    goal.start_date = input.start_date.value_or(core::FormatDay(ctx.today));
    Complete(s, principal.user_id, goal, ctx);
    return goal.progress;
  });
}

CreateOutcome GoalService::Create(const Principal& principal, const GoalInput& input,
                                  const std::optional<std::string>& idempotency_key) {
  const std::string& user_id = principal.user_id;
  std::string hash = InputHash(input);
  return database_.WriteResult([&](Session& s) -> CreateOutcome {
    // Under the user's change lock, so of concurrent retries one inserts and the others find it.
    platform::store::LockUserChanges(s, user_id);
    auto ctx = ContextOf(s, principal);
    auto existing = [&](const GoalRepository::Head& head) -> CreateOutcome {
      if (head.deleted) throw Error(ErrorKind::kConflict, Msg("goal_deleted"));
      auto goal = goals_.Find(s, user_id, head.id);
      if (!goal) throw NotFound();
      Complete(s, user_id, *goal, ctx);
      return {std::move(*goal), false};
    };
    if (idempotency_key) {
      if (auto head = goals_.FindByIdempotencyKey(s, user_id, *idempotency_key)) {
        if (head->input_hash != hash) {
          throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
        }
        return existing(*head);
      }
    }
    if (input.id) {
      if (auto head = goals_.FindHead(s, user_id, *input.id)) {
        if (!head->deleted && head->input_hash != hash) {
          throw Error(ErrorKind::kConflict, Msg("goal_id_conflict"));
        }
        return existing(*head);
      }
    }
    Check(s, user_id, input, ctx);
    Goal goal;
    goal.id = input.id.value_or(platform::NewId());
    goal.spec = input;
    goal.spec.id.reset();
    goal.start_date = input.start_date.value_or(core::FormatDay(ctx.today));
    if (input.period == GoalPeriod::kOnce) goal.spec.start_date = goal.start_date;
    if (input.period != GoalPeriod::kOnce) {
      goal.history_next_end = core::FormatDay(
          CurrentPeriod(goal.spec, goal.start_date, ctx.today, ctx.week_start).last);
    }
    goal.created_at = goal.updated_at = platform::NowRfc3339();
    goal.rev = goals_.Insert(s, user_id, goal, hash, idempotency_key);
    // A goal set when it is already reached counts as reached from now, without an event.
    MarkIfReached(s, user_id, goal, ctx);
    Complete(s, user_id, goal, ctx);
    return {std::move(goal), true};
  });
}

Goal GoalService::Replace(const Principal& principal, const std::string& id, const GoalInput& input,
                          const std::optional<workouts::IfMatch>& if_match) {
  if (input.id && *input.id != id) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"id", Msg("id_mismatch")}});
  }
  const std::string& user_id = principal.user_id;
  return database_.WriteResult([&](Session& s) {
    goals_.LockForChange(s, user_id, id);
    auto current = goals_.Find(s, user_id, id);
    if (!current) throw NotFound();
    if (!if_match) throw Error(ErrorKind::kPreconditionRequired, Msg("goal_if_match_required"));
    if (!if_match->Matches(current->rev)) {
      throw Error(ErrorKind::kPreconditionFailed, Msg("goal_changed"));
    }
    auto ctx = ContextOf(s, principal);
    Check(s, user_id, input, ctx);
    Goal goal = std::move(*current);
    goal.spec = input;
    goal.spec.id.reset();
    if (input.period == GoalPeriod::kOnce) {
      goal.start_date = input.start_date.value_or(goal.start_date);
      goal.spec.start_date = goal.start_date;
      goal.history_next_end.reset();
    } else {
      goal.history_next_end = core::FormatDay(
          CurrentPeriod(goal.spec, goal.start_date, ctx.today, ctx.week_start).last);
    }
    goal.updated_at = platform::NowRfc3339();
    goal.reached_period_start.reset();
    goal.reached_at.reset();
    auto rev = goals_.Replace(s, user_id, goal, InputHash(input));
    if (!rev) throw NotFound();
    goal.rev = *rev;
    MarkIfReached(s, user_id, goal, ctx);
    Complete(s, user_id, goal, ctx);
    return goal;
  });
}

void GoalService::Delete(const Principal& principal, const std::string& id) {
  bool deleted = database_.WriteResult([&](Session& s) {
    return goals_.Tombstone(s, principal.user_id, id, platform::NowRfc3339());
  });
  if (!deleted) throw NotFound();
}

bool GoalService::HistoryDue(const Goal& goal, const EvaluationContext& ctx) const {
  if (goal.spec.period == GoalPeriod::kOnce || !goal.history_next_end) return false;
  auto next_end = core::ParseDay(*goal.history_next_end);
  return next_end && *next_end < ctx.today;
}

void GoalService::CloseHistory(Session& s, const std::string& user_id, const Goal& goal,
                               const EvaluationContext& ctx) {
  if (!HistoryDue(goal, ctx)) return;
  auto period = core::ParsePeriod(GoalPeriodName(goal.spec.period));
  DayRange current = core::PeriodContaining(ctx.today, *period, ctx.week_start);
  // The finished periods from the oldest not yet written, the newest kHistoryKept of them.
  std::vector<DayRange> finished;
  Day oldest_end = *core::ParseDay(*goal.history_next_end);
  for (DayRange p = core::PreviousPeriod(current, *period, ctx.week_start);
       p.last >= oldest_end && static_cast<int>(finished.size()) < kHistoryKept;
       p = core::PreviousPeriod(p, *period, ctx.week_start)) {
    finished.push_back(p);
  }
  std::vector<HistoryEntry> entries;
  for (auto it = finished.rbegin(); it != finished.rend(); ++it) {
    EvaluationContext then = ctx;
    then.today = it->last;
    auto e = Evaluate(s, sources_, user_id, goal.spec, *it, then);
    entries.push_back({.period_start = core::FormatDay(it->first),
                       .period_end = core::FormatDay(it->last),
                       .value = e.value,
                       .target = goal.spec.target,
                       .reached = e.reached});
  }
  goals_.AddHistory(s, user_id, goal.id, entries, core::FormatDay(current.last));
}

std::vector<HistoryEntry> GoalService::History(const Principal& principal, const std::string& id) {
  const std::string& user_id = principal.user_id;
  bool due = database_.ReadResult([&](Session& s) {
    auto goal = goals_.Find(s, user_id, id);
    if (!goal) throw NotFound();
    return HistoryDue(*goal, ContextOf(s, user_id, Language::kEnglish));
  });
  if (due) {
    database_.Write([&](Session& s) {
      auto goal = goals_.Find(s, user_id, id);
      if (goal) CloseHistory(s, user_id, *goal, ContextOf(s, user_id, Language::kEnglish));
    });
  }
  return database_.ReadResult([&](Session& s) {
    auto goal = goals_.Find(s, user_id, id);
    if (!goal) throw NotFound();
    auto entries = goals_.History(s, user_id, id);
    if (InfoOf(goal->spec.metric).shape == MetricShape::kBody && !principal.HasScope("body:read")) {
      for (auto& entry : entries) entry.value.reset();  // body values need body:read
    }
    return entries;
  });
}

std::int64_t GoalService::CloseFinishedPeriods(Session& s,
                                               std::chrono::system_clock::time_point now,
                                               int limit) {
  // A UTC day before yesterday's: every zone's day has ended by then.
  Day before = std::chrono::floor<std::chrono::days>(now) - std::chrono::days(1);
  std::int64_t closed = 0;
  for (const auto& [user_id, goal_id] : goals_.WithHistoryDue(s, core::FormatDay(before), limit)) {
    auto goal = goals_.Find(s, user_id, goal_id);
    if (!goal) continue;
    CloseHistory(s, user_id, *goal, ContextOf(s, user_id, Language::kEnglish));
    ++closed;
  }
  return closed;
}

void GoalService::OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes) {
  std::set<std::string> users;
  for (const auto& change : changes) users.insert(change.user_id);
  for (const auto& user_id : users) {
    std::vector<const workouts::WorkoutFacts*> facts;
    for (const auto& change : changes) {
      if (change.user_id != user_id) continue;
      if (change.before) facts.push_back(&*change.before);
      if (change.after) facts.push_back(&*change.after);
    }
    auto goals = goals_.List(s, user_id, false);
    if (goals.empty()) continue;
    auto ctx = ContextOf(s, user_id, Language::kEnglish);
    std::vector<std::pair<Goal, Evaluation>> reached;
    for (auto& goal : goals) {
      auto shape = InfoOf(goal.spec.metric).shape;
      if (shape == MetricShape::kBody) continue;  // evaluated when read
      DayRange period = CurrentPeriod(goal.spec, goal.start_date, ctx.today, ctx.week_start);
      std::string from = DayStartUtc(period.first, ctx.time_zone);
      std::string to = DayStartUtc(period.last + std::chrono::days(1), ctx.time_zone);
      // Only a change inside the period, of the goal's sport and exercise, can reach it.
      bool affects = false;
      for (const auto* f : facts) {
        auto started = platform::ParseRfc3339Ms(f->started_at);
        std::string at = started ? platform::FormatUtcMs(*started) : f->started_at;
        bool in_period = shape == MetricShape::kStreak || (at >= from && at < to);
        bool sport = !goal.spec.sport || f->sport == goal.spec.sport;
        bool exercise =
            !goal.spec.exercise_id || std::find(f->exercise_ids.begin(), f->exercise_ids.end(),
                                                *goal.spec.exercise_id) != f->exercise_ids.end();
        if (in_period && sport && exercise) affects = true;
      }
      if (!affects) continue;
      if (auto evaluation = MarkIfReached(s, user_id, goal, ctx)) {
        reached.emplace_back(goal, *evaluation);
      }
    }
    for (const auto& [goal, evaluation] : reached) {
      reached_observers_.Notify(
          s, {.user_id = user_id,
              .goal_id = goal.id,
              .period_start = goal.reached_period_start.value_or(""),
              .reached_at = goal.reached_at.value_or(""),
              .title =
                  goal.spec.title.empty() ? DefaultTitle(goal.spec, ctx.language) : goal.spec.title,
              .metric = std::string(InfoOf(goal.spec.metric).name),
              .value = evaluation.value,
              .target = goal.spec.target,
              .unit = std::string(InfoOf(goal.spec.metric).unit)});
    }
    if (!outbox_) continue;
    // Events last: the outbox's counter lock comes after the goals' rows (see outbox.hpp).
    for (const auto& [goal, evaluation] : reached) {
      boost::json::object payload{
          {"goal_id", goal.id},
          {"title",
           goal.spec.title.empty() ? DefaultTitle(goal.spec, ctx.language) : goal.spec.title},
          {"value", evaluation.value.value_or(0)},
          {"target", goal.spec.target},
          {"unit", InfoOf(goal.spec.metric).unit},
          {"reached_at", goal.reached_at.value_or("")}};
      outbox_->Append(s, user_id, "goal.reached", boost::json::serialize(payload));
    }
  }
}

}  // namespace vigor::features::goals
