#include "features/webhooks/feature.hpp"

#include "features/webhooks/routes.hpp"
#include "platform/config/config.hpp"
#include "platform/crypto/sealed_columns.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::webhooks {

WebhooksFeature::WebhooksFeature(platform::FeatureContext& context,
                                 workouts::WorkoutChangeObservers& workout_changes,
                                 oauth::GrantObservers& grant_events,
                                 std::function<bool()> allow_private_targets)
    : service_({.database = context.database,
                .secrets = context.secrets,
                .jobs = context.jobs,
                .limiter = context.rate_limiter,
                .logger = context.logger,
                .options = {.allow_private_targets = std::move(allow_private_targets),
                            .retry_base_seconds = context.config.webhooks_retry_base_seconds}}),
      retries_(
          "webhook retries", kRetryPollEvery, [this] { service_.EnqueueDueRetries(); },
          context.logger) {
  RegisterRoutes(context.router, service_);
  context.sealed_columns.Add({.table = "webhook_subscriptions",
                              .key_columns = {"id"},
                              .column = "secret_sealed",
                              .what = "webhook signing secrets"});
  context.jobs.Register(std::string(kDeliveryJobKind),
                        [this](platform::jobs::JobContext& job) { return service_.RunJob(job); });
  using platform::store::Session;
  context.housekeeping.Add("webhook_deliveries",
                           [this](Session& s, std::chrono::system_clock::time_point now,
                                  int limit) { return service_.PurgeSettled(s, now, limit); });
  workout_changes.Add([this](Session& s, std::span<const workouts::WorkoutChange> changes) {
    service_.OnWorkoutChanges(s, changes);
  });
  grant_events.Add([this](Session& s, const oauth::GrantRevoked& revoked) {
    service_.OnGrantRevoked(s, revoked);
  });
}

WebhooksFeature::~WebhooksFeature() { Stop(); }

}  // namespace vigor::features::webhooks
