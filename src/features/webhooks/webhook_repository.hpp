#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/webhooks/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::webhooks {

// The webhook tables' SQL, and the few reads of the OAuth tables (clients, grants) and of users
// (a username for the payload) that webhooks need, each a named statement of its own.
class WebhookRepository {
 public:
  using Session = platform::store::Session;

  struct ClientCredentials {
    std::string id;
    std::string public_id;
    bool confidential = false;
    std::optional<std::string> secret_hash;
    bool disabled = false;
  };
  std::optional<ClientCredentials> FindClient(Session& s, const std::string& public_id);
  // The owner's client of that client_id (oauth_clients.id), or nullopt.
  std::optional<std::string> OwnedClientId(Session& s, const std::string& owner_id,
                                           const std::string& public_id);

  void InsertSubscription(Session& s, const std::string& client_id, const Subscription& sub,
                          const std::string& secret_sealed);
  std::vector<Subscription> Subscriptions(Session& s, const std::string& client_id);
  std::int64_t CountSubscriptions(Session& s, const std::string& client_id);
  bool DeleteSubscription(Session& s, const std::string& client_id, const std::string& id);

  struct Target {
    std::string subscription_id;
    std::vector<std::string> events;
    std::string grant_scopes;  // space-separated
  };
  // Live subscriptions of the clients `user_id` has a live grant for (enabled clients only).
  std::vector<Target> TargetsOfUser(Session& s, const std::string& user_id);
  // The live subscriptions of an enabled client.
  std::vector<Target> TargetsOfClient(Session& s, const std::string& client_id);
  bool HasLiveGrant(Session& s, const std::string& user_id, const std::string& client_id);
  std::optional<std::string> Username(Session& s, const std::string& user_id);

  void InsertDelivery(Session& s, const std::string& id, const std::string& subscription_id,
                      const std::string& user_id, std::string_view event, const std::string& body,
                      const std::string& now);
  std::optional<PendingDelivery> FindPending(Session& s, const std::string& id);
  void RecordAttempt(Session& s, const std::string& id, const std::string& status,
                     std::int64_t attempts, std::optional<std::int64_t> status_code,
                     const std::optional<std::string>& error, const std::string& now,
                     const std::optional<std::string>& next_attempt_at,
                     const std::optional<std::string>& delivered_at);
  struct Due {
    std::string id;
    std::string user_id;
    std::string next_attempt_at;
  };
  std::vector<Due> DueRetries(Session& s, const std::string& now, int limit);
  // Clears next_attempt_at when it is still `expected`: true for the one caller that claims it.
  bool ClaimRetry(Session& s, const std::string& id, const std::string& expected);

  // Housekeeping: deletes settled deliveries (delivered or failed) made before `before`.
  std::int64_t PurgeSettled(Session& s, const std::string& before, int limit);

  std::optional<Delivery> LastDelivery(Session& s, const std::string& subscription_id);
  // The client's deliveries, newest first, older than `cursor` (a delivery id) when given.
  std::vector<Delivery> Deliveries(Session& s, const std::string& client_id,
                                   const std::string& cursor, int limit);
};

}  // namespace vigor::features::webhooks
