#include "features/goals/json_codec.hpp"

#include <boost/json/array.hpp>

#include "core/limits.hpp"
#include "features/body/model.hpp"
#include "features/exercises/model.hpp"
#include "features/workouts/model.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::goals {

namespace http = platform::http;
using platform::FieldErrors;

namespace {

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

std::optional<std::string> DayField(http::JsonFields& f, FieldErrors& errors, const char* name) {
  auto text = f.String(name, {.max_length = 10});
  if (text && !core::ParseDay(*text)) {
    errors.Add(name, Msg("not_date"));
    return std::nullopt;
  }
  return text;
}

}  // namespace

GoalInput DecodeGoalInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  GoalInput in;
  in.id = f.String("id", {.min_length = 1, .max_length = 64});
  in.title = f.String("title", {.max_length = core::limits::kGoalTitleLength}).value_or("");
  while (!in.title.empty() && in.title.back() == ' ') in.title.pop_back();
  while (!in.title.empty() && in.title.front() == ' ') in.title.erase(0, 1);
  if (auto metric = f.String("metric", {.required = true, .max_length = 32})) {
    if (auto parsed = ParseMetric(*metric)) {
      in.metric = *parsed;
    } else {
      errors.Add("metric", Msg("goal_metric_invalid"));
    }
  }
  if (auto target = f.Number("target", true, core::limits::kGoalTarget)) {
    if (*target <= 0) {
      errors.Add("target", Msg("goal_target_positive"));
    } else {
      in.target = *target;
    }
  }
  if (auto direction = f.String("direction", {.max_length = 16})) {
    if (*direction == "decrease") {
      in.decrease = true;
    } else if (*direction != "increase") {
      errors.Add("direction", Msg("goal_direction_invalid"));
    }
  }
  if (auto period = f.String("period", {.required = true, .max_length = 16})) {
    if (auto parsed = ParseGoalPeriod(*period)) {
      in.period = *parsed;
    } else {
      errors.Add("period", Msg("goal_period_invalid"));
    }
  }
  in.start_date = DayField(f, errors, "start_date");
  in.deadline = DayField(f, errors, "deadline");
  in.sport = f.String("sport", {.max_length = 16});
  if (in.sport && !workouts::IsCardioSport(*in.sport)) errors.Add("sport", Msg("sport_invalid"));
  in.exercise_id = f.String("exercise_id", {.min_length = 1, .max_length = 64});
  in.muscle = f.String("muscle", {.max_length = 32});
  if (in.muscle && !exercises::Parse<exercises::Muscle>(*in.muscle)) {
    errors.Add("muscle", Msg("goal_muscle_invalid"));
  }
  in.measurement_kind = f.String("measurement_kind", {.min_length = 1, .max_length = 40});
  if (in.measurement_kind && !body::IsMeasurementKind(*in.measurement_kind)) {
    errors.Add("measurement_kind", Msg("measurement_kind_invalid"));
  }
  in.reps = f.Int("reps", false, core::limits::kGoalReps);
  in.min_sessions = f.Int("min_sessions", false, core::limits::kGoalMinSessions);
  in.archived = f.Bool("archived", false).value_or(false);
  f.RejectUnknown({"id", "title", "metric", "target", "direction", "period", "start_date",
                   "deadline", "sport", "exercise_id", "muscle", "measurement_kind", "reps",
                   "min_sessions", "archived"});
  errors.ThrowIfAny();
  return in;
}

boost::json::object EncodeGoalProgress(const GoalProgress& p) {
  return {{"period_start", p.period_start},
          {"period_end", p.period_end},
          {"value", OrNull(p.value)},
          {"target", p.target},
          {"unit", p.unit},
          {"fraction", p.fraction},
          {"reached", p.reached},
          {"reached_at", OrNull(p.reached_at)},
          {"on_track", OrNull(p.on_track)},
          {"projected_date", OrNull(p.projected_date)},
          {"explanation", p.explanation}};
}

boost::json::object EncodeGoal(const Goal& g) {
  const auto& in = g.spec;
  bool once = in.period == GoalPeriod::kOnce;
  return {{"id", g.id},
          {"title", g.title},
          {"metric", InfoOf(in.metric).name},
          {"target", in.target},
          {"direction", in.decrease ? "decrease" : "increase"},
          {"period", GoalPeriodName(in.period)},
          {"start_date", once ? boost::json::value(g.start_date) : boost::json::value(nullptr)},
          {"deadline", OrNull(in.deadline)},
          {"sport", OrNull(in.sport)},
          {"exercise_id", OrNull(in.exercise_id)},
          {"muscle", OrNull(in.muscle)},
          {"measurement_kind", OrNull(in.measurement_kind)},
          {"reps", OrNull(in.reps)},
          {"min_sessions", OrNull(in.min_sessions)},
          {"archived", in.archived},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at},
          {"rev", g.rev},
          {"progress", EncodeGoalProgress(g.progress)}};
}

boost::json::object EncodeGoalHistory(const std::vector<HistoryEntry>& entries) {
  boost::json::array items;
  for (const auto& e : entries) {
    items.push_back({{"period_start", e.period_start},
                     {"period_end", e.period_end},
                     {"value", OrNull(e.value)},
                     {"target", e.target},
                     {"reached", e.reached}});
  }
  return {{"items", std::move(items)}};
}

}  // namespace vigor::features::goals
