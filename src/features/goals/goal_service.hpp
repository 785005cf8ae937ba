#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "features/accounts/training_profile.hpp"
#include "features/goals/goal_evaluator.hpp"
#include "features/goals/goal_reached.hpp"
#include "features/goals/goal_repository.hpp"
#include "features/goals/metric_sources.hpp"
#include "features/workouts/revision.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/auth/principal.hpp"
#include "platform/events/outbox.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::goals {

struct CreateOutcome {
  Goal goal;
  bool created = true;  // false: a retry that found the goal made before
};

// Goals of a user: set, changed, archived, deleted, and their progress (goal_evaluator.hpp has
// the rules). A goal of a workout metric becomes reached inside the workout write that reaches
// it (OnWorkoutChanges), which stores reached_at and appends a "goal.reached" event once per
// period; body-metric goals are evaluated when read (their reached_at is the day of the value).
class GoalService {
 public:
  using Session = platform::store::Session;
  using Principal = platform::auth::Principal;

  GoalService(platform::store::Database& database, MetricSources sources,
              accounts::TrainingProfileLookup profile, platform::events::EventOutbox* outbox)
      : database_(database),
        sources_(std::move(sources)),
        profile_(std::move(profile)),
        outbox_(outbox) {}

  // Days on a nutrition target, given once nutrition is installed (after goals); until then
  // nutrition goals count nothing.
  void SetNutritionDays(MetricSources::NutritionDays days) {
    sources_.nutrition_days = std::move(days);
  }

  std::vector<Goal> List(const Principal& principal, bool archived);
  Goal Get(const Principal& principal, const std::string& id);
  CreateOutcome Create(const Principal& principal, const GoalInput& input,
                       const std::optional<std::string>& idempotency_key);
  // If-Match is required (kPreconditionRequired without it, kPreconditionFailed when stale).
  Goal Replace(const Principal& principal, const std::string& id, const GoalInput& input,
               const std::optional<workouts::IfMatch>& if_match);
  void Delete(const Principal& principal, const std::string& id);
  // The progress the goal would have now, checked as a create is; nothing is stored.
  GoalProgress Preview(const Principal& principal, const GoalInput& input);
  // Finished periods, newest first; periods found finished are written first.
  std::vector<HistoryEntry> History(const Principal& principal, const std::string& id);

  // Observers of goals reached (the feed); added while installing.
  GoalReachedObservers& reached_observers() { return reached_observers_; }

  // For the dashboard: the user's active goals with their progress, in the caller's session.
  std::vector<Goal> ActiveWithProgress(Session& s, const std::string& user_id,
                                       platform::i18n::Language language);
  // The same as the reader sees them: their language, body values only with body:read.
  std::vector<Goal> ActiveWithProgress(Session& s, const Principal& principal);

  // The workout observer (installed after stats and records): evaluates the active goals the
  // changes can affect and marks those that became reached, with their events.
  void OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes);
  // Housekeeping: writes the history of goals with a finished period; returns how many goals.
  std::int64_t CloseFinishedPeriods(Session& s, std::chrono::system_clock::time_point now,
                                    int limit);

 private:
  EvaluationContext ContextOf(Session& s, const std::string& user_id,
                              platform::i18n::Language language);
  // The reader's: their language, and body values only with body:read.
  EvaluationContext ContextOf(Session& s, const Principal& principal);
  void Check(Session& s, const std::string& user_id, const GoalInput& input,
             const EvaluationContext& ctx);
  // Fills title and progress for reading.
  void Complete(Session& s, const std::string& user_id, Goal& goal, const EvaluationContext& ctx);
  // Stores reached_at when the goal is reached in its current period and was not yet; returns
  // the evaluation when it newly became reached.
  std::optional<Evaluation> MarkIfReached(Session& s, const std::string& user_id, Goal& goal,
                                          const EvaluationContext& ctx);
  void CloseHistory(Session& s, const std::string& user_id, const Goal& goal,
                    const EvaluationContext& ctx);
  bool HistoryDue(const Goal& goal, const EvaluationContext& ctx) const;

  platform::store::Database& database_;
  MetricSources sources_;
  accounts::TrainingProfileLookup profile_;
  platform::events::EventOutbox* outbox_;
  GoalReachedObservers reached_observers_;
  GoalRepository goals_;
};

}  // namespace vigor::features::goals
