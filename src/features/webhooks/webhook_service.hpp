#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "features/oauth/grant_events.hpp"
#include "features/webhooks/model.hpp"
#include "features/webhooks/webhook_repository.hpp"
#include "features/workouts/workout_changes.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::crypto {
class SecretBox;
}
namespace vigor::platform::jobs {
class JobQueue;
class JobContext;
}  // namespace vigor::platform::jobs
namespace vigor::platform::obs {
class Logger;
}
namespace vigor::platform::ratelimit {
class RateLimiter;
}

namespace vigor::features::webhooks {

// Webhooks: apps subscribe with their client credentials; every event of a user who authorised
// the app becomes a delivery row and a job in the transaction of the change itself; a job sends
// one attempt, signed, and schedules the next one with back-off when it fails.
class WebhookService {
 public:
  using Session = platform::store::Session;

  struct Options {
    // Whether loopback and private targets are allowed now (the admin's instance setting).
    std::function<bool()> allow_private_targets;
    std::int64_t retry_base_seconds = 30;
  };
  struct Dependencies {
    platform::store::Database& database;
    platform::crypto::SecretBox& secrets;
    platform::jobs::JobQueue& jobs;
    platform::ratelimit::RateLimiter& limiter;
    platform::obs::Logger& logger;
    Options options;
  };
  static constexpr int kMaxSubscriptionsPerClient = 10;
  static constexpr std::size_t kMaxUrlLength = 2048;

  explicit WebhookService(Dependencies d) : d_(std::move(d)) {}

  // Counts one attempt of `caller` (an IP address) at the apps' webhook API; throws kRateLimited
  // when there were too many.
  void LimitCaller(const std::string& caller);
  // The confidential, enabled client whose secret this is; throws kUnauthenticated otherwise.
  ClientApp AuthenticateClient(const std::string& client_id, const std::string& client_secret);

  // Throws kValidation with field errors (url, events) or kConflict at the limit.
  NewSubscription Subscribe(const ClientApp& client, const std::string& url,
                            const std::vector<std::string>& events);
  std::vector<Subscription> Subscriptions(const ClientApp& client);
  // Throws kNotFound unless the client has that subscription.
  void Unsubscribe(const ClientApp& client, const std::string& id);

  // The app owner's view; throws kNotFound unless `owner_id` owns the app.
  OwnerView ForOwner(const std::string& owner_id, const std::string& public_client_id,
                     const std::string& cursor, int limit);

  // Observers, inside the writing transaction.
  void OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes);
  void OnGrantRevoked(Session& s, const oauth::GrantRevoked& revoked);

  // The job handler: one attempt of one delivery.
  std::string RunJob(platform::jobs::JobContext& job);
  // Enqueues a job for every delivery whose retry is due; returns how many. Called by the
  // feature's poller, and by tests.
  int EnqueueDueRetries();
  // Housekeeping: settled deliveries are kept kKeepSettled for the owner's view, then deleted.
  static constexpr std::chrono::hours kKeepSettled{24 * 30};
  std::int64_t PurgeSettled(Session& s, std::chrono::system_clock::time_point now, int limit);

 private:
  void Queue(Session& s, const std::string& subscription_id, const std::string& user_id,
             std::string_view event, const std::string& username, const std::string& data_json);

  Dependencies d_;
  WebhookRepository repo_;
};

}  // namespace vigor::features::webhooks
