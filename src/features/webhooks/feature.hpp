#pragma once

#include "features/oauth/grant_events.hpp"
#include "features/webhooks/webhook_service.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/feature.hpp"
#include "platform/jobs/poller.hpp"

namespace vigor::features::webhooks {

// Webhooks for third-party apps (issue 14): the apps' subscription API, the owner's view, the
// observers that queue deliveries in the transactions of workout writes and grant revocations,
// the delivery job, and a poller that enqueues the retries that came due.
class WebhooksFeature final : public platform::Feature {
 public:
  static constexpr std::chrono::seconds kRetryPollEvery{2};

  WebhooksFeature(platform::FeatureContext& context,
                  workouts::WorkoutChangeObservers& workout_changes,
                  oauth::GrantObservers& grant_events, std::function<bool()> allow_private_targets);
  ~WebhooksFeature() override;

  void Start() override { retries_.Start(); }
  void Stop() override { retries_.Stop(); }

  WebhookService& service() { return service_; }

 private:
  WebhookService service_;
  platform::jobs::Poller retries_;  // last: its thread stops before the rest goes
};

}  // namespace vigor::features::webhooks
