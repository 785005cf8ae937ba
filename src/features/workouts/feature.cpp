#include "features/workouts/feature.hpp"

#include "features/workouts/routes.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::workouts {

namespace {

// The owner's default for new workouts (of the sport), as the social feature keeps it.
DefaultVisibility DefaultVisibilityFrom(social::SocialLookup& social) {
  return [&social](platform::store::Session& s, const std::string& user_id,
                   const std::optional<std::string>& sport) {
    return std::string(
        core::privacy::VisibilityName(social.DefaultVisibility(s, user_id, "workout", sport)));
  };
}

// What a moderator reads of a reported workout: title, sport, local date and notes.
std::string ExcerptOf(const Workout& w) {
  std::string excerpt = w.title;
  excerpt += " · ";
  excerpt += w.cardio ? w.cardio->sport : std::string(KindName(w.kind));
  excerpt += " · " + LocalDateOf(w.started_at, w.time_zone);
  if (w.notes && !w.notes->empty()) excerpt += "\n" + *w.notes;
  return excerpt;
}

}  // namespace

WorkoutsFeature::WorkoutsFeature(platform::FeatureContext& context, const ExerciseLookup& exercises,
                                 social::SocialFeature& social,
                                 moderation::ReportableKinds& reportable)
    : workouts_(context.database, exercises, changes_, DefaultVisibilityFrom(social.lookup())),
      history_pages_(context.database, workouts_),
      routines_(context.database, exercises.exists, exercises.in_catalogue),
      programs_(context.database),
      shared_(context.database, social.lookup(), social.policy(), exercises),
      visibility_changes_(context.database, context.jobs, changes_) {
  RegisterWorkoutRoutes(context.router, workouts_, history_pages_);
  RegisterRoutineRoutes(context.router, routines_);
  RegisterProgramRoutes(context.router, programs_);
  RegisterSharedWorkoutRoutes(context.router, shared_);
  RegisterVisibilityChangeRoutes(context.router, visibility_changes_);
  context.jobs.Register(
      std::string(kVisibilityChangeJobKind),
      [this](platform::jobs::JobContext& job) { return visibility_changes_.RunJob(job); });

  // A workout can be reported by whoever may see it; the id is the owner's (ids are per user),
  // so the report names the owner's username too.
  reportable.Add(
      "workout",
      [this](platform::store::Session& s, const std::string& viewer_id, std::string_view owner_hint,
             std::string_view id) -> std::optional<moderation::ReportedContent> {
        auto workout =
            shared_.VisibleWorkout(s, viewer_id, std::string(owner_hint), std::string(id));
        if (!workout) return std::nullopt;
        return moderation::ReportedContent{.owner_id = workout->user_id,
                                           .excerpt = ExcerptOf(*workout)};
      });

  using platform::store::Session;
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("idempotency_keys", [this](Session& s, TimePoint now, int limit) {
    return workouts_.PurgeIdempotencyKeys(s, now, limit);
  });
}

}  // namespace vigor::features::workouts
