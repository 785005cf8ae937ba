#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::features::webhooks {

// The events an app may subscribe to, in the order the docs list them.
inline constexpr std::string_view kWorkoutCreated = "workout.created";
inline constexpr std::string_view kWorkoutUpdated = "workout.updated";
inline constexpr std::string_view kWorkoutDeleted = "workout.deleted";
inline constexpr std::string_view kAppDeauthorized = "app.deauthorized";
const std::vector<std::string>& KnownEvents();
bool IsKnownEvent(std::string_view event);

// The job kind that sends one delivery attempt.
inline constexpr std::string_view kDeliveryJobKind = "webhook";

// A confidential client app, as its credentials identified it.
struct ClientApp {
  std::string id;         // oauth_clients.id
  std::string public_id;  // the client_id apps send
};

struct Subscription {
  std::string id;
  std::string url;
  std::vector<std::string> events;
  std::string created_at;
};

struct NewSubscription {
  Subscription subscription;
  std::string secret;  // "vgr_whs_" + 43 characters: shown once
};

struct Delivery {
  std::string id;
  std::string subscription_id;
  std::string event;
  std::string status;  // queued, delivered, failed
  std::int64_t attempts = 0;
  std::optional<std::int64_t> last_status_code;
  std::optional<std::string> last_error;
  std::optional<std::string> last_attempt_at;
  std::optional<std::string> next_attempt_at;
  std::string created_at;
  std::optional<std::string> delivered_at;
};

// What the app's owner sees: each subscription with its newest delivery, and the deliveries.
struct SubscriptionWithLast {
  Subscription subscription;
  std::optional<Delivery> last_delivery;
};
struct OwnerView {
  std::vector<SubscriptionWithLast> subscriptions;
  std::vector<Delivery> deliveries;  // newest first
  std::optional<std::string> next_cursor;
};

// What a delivery attempt needs.
struct PendingDelivery {
  std::string id;
  std::string user_id;
  std::string url;
  std::string body;
  std::string secret_sealed;
  std::string status;
  std::int64_t attempts = 0;
  bool live = true;  // the subscription and its client are enabled
};

// The signature header's value: "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>".
std::string SignatureHeader(std::string_view secret, std::int64_t unix_seconds,
                            std::string_view body);

// The delay before attempt `attempt` + 1 after attempt `attempt` (1-based) failed: base x 1, 4,
// 20, 120, 720 (30 s, 2 min, 10 min, 1 h, 6 h for a base of 30 s); nullopt after the last.
inline constexpr int kMaxAttempts = 6;
std::optional<std::int64_t> RetryDelaySeconds(int attempt, std::int64_t base_seconds);

}  // namespace vigor::features::webhooks
