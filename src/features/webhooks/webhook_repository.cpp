#include "features/webhooks/webhook_repository.hpp"

#include <sstream>

namespace vigor::features::webhooks {

namespace {

using platform::store::Row;
using platform::store::Statement;

constexpr Statement kFindClient{
    "webhooks.client_by_public_id",
    "SELECT id, public_id, confidential, secret_hash, disabled_at FROM oauth_clients "
    "WHERE public_id = $1"};
constexpr Statement kOwnedClient{
    "webhooks.owned_client", "SELECT id FROM oauth_clients WHERE public_id = $1 AND owner_id = $2"};
constexpr Statement kInsertSubscription{
    "webhooks.insert_subscription",
    "INSERT INTO webhook_subscriptions (id, client_id, url, events, secret_sealed, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kSubscriptions{
    "webhooks.subscriptions",
    "SELECT id, url, events, created_at FROM webhook_subscriptions WHERE client_id = $1 "
    "ORDER BY id"};
constexpr Statement kCountSubscriptions{
    "webhooks.count_subscriptions",
    "SELECT COUNT(*) AS n FROM webhook_subscriptions WHERE client_id = $1"};
constexpr Statement kDeleteSubscription{
    "webhooks.delete_subscription",
    "DELETE FROM webhook_subscriptions WHERE id = $1 AND client_id = $2"};
constexpr Statement kTargetsOfUser{
    "webhooks.targets_of_user",
    "SELECT s.id, s.events, g.scopes FROM oauth_grants g "
    "JOIN oauth_clients c ON c.id = g.client_id "
    "JOIN webhook_subscriptions s ON s.client_id = c.id "
    "WHERE g.user_id = $1 AND g.revoked_at IS NULL AND c.disabled_at IS NULL "
    "AND s.disabled_at IS NULL ORDER BY s.id, g.id"};
constexpr Statement kTargetsOfClient{
    "webhooks.targets_of_client",
    "SELECT s.id, s.events, '' AS scopes FROM webhook_subscriptions s "
    "JOIN oauth_clients c ON c.id = s.client_id "
    "WHERE s.client_id = $1 AND c.disabled_at IS NULL AND s.disabled_at IS NULL ORDER BY s.id"};
constexpr Statement kLiveGrant{
    "webhooks.live_grant",
    "SELECT 1 AS live FROM oauth_grants WHERE user_id = $1 AND client_id = $2 "
    "AND revoked_at IS NULL LIMIT 1"};
constexpr Statement kUsername{"webhooks.username", "SELECT username FROM users WHERE id = $1"};
constexpr Statement kInsertDelivery{
    "webhooks.insert_delivery",
    "INSERT INTO webhook_deliveries (id, subscription_id, user_id, event, body, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kFindPending{
    "webhooks.find_pending",
    "SELECT d.id, d.user_id, d.body, d.status, d.attempts, s.url, s.secret_sealed, "
    "s.disabled_at AS subscription_disabled, c.disabled_at AS client_disabled "
    "FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id "
    "JOIN oauth_clients c ON c.id = s.client_id WHERE d.id = $1"};
constexpr Statement kRecordAttempt{
    "webhooks.record_attempt",
    "UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, "
    "last_error = $5, last_attempt_at = $6, next_attempt_at = $7, delivered_at = $8 "
    "WHERE id = $1"};
constexpr Statement kDueRetries{
    "webhooks.due_retries",
    "SELECT id, user_id, next_attempt_at FROM webhook_deliveries "
    "WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 AND status = 'queued' "
    "ORDER BY next_attempt_at LIMIT $2"};
constexpr Statement kClaimRetry{"webhooks.claim_retry",
                                "UPDATE webhook_deliveries SET next_attempt_at = NULL "
                                "WHERE id = $1 AND next_attempt_at = $2 AND status = 'queued'"};
constexpr Statement kPurgeSettled{
    "webhooks.purge_settled",
    "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries "
    "WHERE status <> 'queued' AND created_at < $1 LIMIT $2)"};
#define VIGOR_WEBHOOK_DELIVERY_COLUMNS                                                         \
  "d.id, d.subscription_id, d.event, d.status, d.attempts, d.last_status_code, d.last_error, " \
  "d.last_attempt_at, d.next_attempt_at, d.created_at, d.delivered_at"
constexpr Statement kLastDelivery{
    "webhooks.last_delivery",
    "SELECT " VIGOR_WEBHOOK_DELIVERY_COLUMNS
    " FROM webhook_deliveries d WHERE d.subscription_id = $1 ORDER BY d.id DESC LIMIT 1"};
constexpr Statement kDeliveries{
    "webhooks.deliveries",
    "SELECT " VIGOR_WEBHOOK_DELIVERY_COLUMNS
    " FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id "
    "WHERE s.client_id = $1 AND ($2 = '' OR d.id < $2) ORDER BY d.id DESC LIMIT $3"};
#undef VIGOR_WEBHOOK_DELIVERY_COLUMNS

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

Subscription SubscriptionOf(const Row& r) {
  return {r.Text("id"), r.Text("url"), SplitWords(r.Text("events")), r.Text("created_at")};
}

Delivery DeliveryOf(const Row& r) {
  return {.id = r.Text("id"),
          .subscription_id = r.Text("subscription_id"),
          .event = r.Text("event"),
          .status = r.Text("status"),
          .attempts = r.Int("attempts"),
          .last_status_code = r.OptInt("last_status_code"),
          .last_error = r.OptText("last_error"),
          .last_attempt_at = r.OptText("last_attempt_at"),
          .next_attempt_at = r.OptText("next_attempt_at"),
          .created_at = r.Text("created_at"),
          .delivered_at = r.OptText("delivered_at")};
}

std::vector<WebhookRepository::Target> TargetsOf(const std::vector<Row>& rows) {
  std::vector<WebhookRepository::Target> targets;
  targets.reserve(rows.size());
  for (const auto& r : rows) {
    targets.push_back({r.Text("id"), SplitWords(r.Text("events")), r.Text("scopes")});
  }
  return targets;
}

}  // namespace

std::optional<WebhookRepository::ClientCredentials> WebhookRepository::FindClient(
    Session& s, const std::string& public_id) {
  auto r = s.QueryOne(kFindClient, public_id);
  if (!r) return std::nullopt;
  return ClientCredentials{r->Text("id"), r->Text("public_id"), r->Bool("confidential"),
                           r->OptText("secret_hash"), !r->IsNull("disabled_at")};
}

std::optional<std::string> WebhookRepository::OwnedClientId(Session& s, const std::string& owner_id,
                                                            const std::string& public_id) {
  auto r = s.QueryOne(kOwnedClient, public_id, owner_id);
  if (!r) return std::nullopt;
  return r->Text("id");
}

void WebhookRepository::InsertSubscription(Session& s, const std::string& client_id,
                                           const Subscription& sub,
                                           const std::string& secret_sealed) {
  s.Execute(kInsertSubscription, sub.id, client_id, sub.url, JoinWords(sub.events), secret_sealed,
            sub.created_at);
}

std::vector<Subscription> WebhookRepository::Subscriptions(Session& s,
                                                           const std::string& client_id) {
  std::vector<Subscription> subs;
  for (const auto& r : s.Query(kSubscriptions, client_id)) subs.push_back(SubscriptionOf(r));
  return subs;
}

std::int64_t WebhookRepository::CountSubscriptions(Session& s, const std::string& client_id) {
  return s.QueryOne(kCountSubscriptions, client_id)->Int("n");
}

bool WebhookRepository::DeleteSubscription(Session& s, const std::string& client_id,
                                           const std::string& id) {
  return s.Execute(kDeleteSubscription, id, client_id) > 0;
}

std::vector<WebhookRepository::Target> WebhookRepository::TargetsOfUser(
    Session& s, const std::string& user_id) {
  return TargetsOf(s.Query(kTargetsOfUser, user_id));
}

std::vector<WebhookRepository::Target> WebhookRepository::TargetsOfClient(
    Session& s, const std::string& client_id) {
  return TargetsOf(s.Query(kTargetsOfClient, client_id));
}

bool WebhookRepository::HasLiveGrant(Session& s, const std::string& user_id,
                                     const std::string& client_id) {
  return s.QueryOne(kLiveGrant, user_id, client_id).has_value();
}

std::optional<std::string> WebhookRepository::Username(Session& s, const std::string& user_id) {
  auto r = s.QueryOne(kUsername, user_id);
  if (!r) return std::nullopt;
  return r->Text("username");
}

void WebhookRepository::InsertDelivery(Session& s, const std::string& id,
                                       const std::string& subscription_id,
                                       const std::string& user_id, std::string_view event,
                                       const std::string& body, const std::string& now) {
  s.Execute(kInsertDelivery, id, subscription_id, user_id, event, body, now);
}

std::optional<PendingDelivery> WebhookRepository::FindPending(Session& s, const std::string& id) {
  auto r = s.QueryOne(kFindPending, id);
  if (!r) return std::nullopt;
  return PendingDelivery{
      .id = r->Text("id"),
      .user_id = r->Text("user_id"),
      .url = r->Text("url"),
      .body = r->Text("body"),
      .secret_sealed = r->Text("secret_sealed"),
      .status = r->Text("status"),
      .attempts = r->Int("attempts"),
      .live = r->IsNull("subscription_disabled") && r->IsNull("client_disabled")};
}

void WebhookRepository::RecordAttempt(Session& s, const std::string& id, const std::string& status,
                                      std::int64_t attempts,
                                      std::optional<std::int64_t> status_code,
                                      const std::optional<std::string>& error,
                                      const std::string& now,
                                      const std::optional<std::string>& next_attempt_at,
                                      const std::optional<std::string>& delivered_at) {
  s.Execute(kRecordAttempt, id, status, attempts, status_code, error, now, next_attempt_at,
            delivered_at);
}

std::vector<WebhookRepository::Due> WebhookRepository::DueRetries(Session& s,
                                                                  const std::string& now,
                                                                  int limit) {
  std::vector<Due> due;
  for (const auto& r : s.Query(kDueRetries, now, limit)) {
    due.push_back({r.Text("id"), r.Text("user_id"), r.Text("next_attempt_at")});
  }
  return due;
}

bool WebhookRepository::ClaimRetry(Session& s, const std::string& id, const std::string& expected) {
  return s.Execute(kClaimRetry, id, expected) > 0;
}

std::int64_t WebhookRepository::PurgeSettled(Session& s, const std::string& before, int limit) {
  return s.Execute(kPurgeSettled, before, limit);
}

std::optional<Delivery> WebhookRepository::LastDelivery(Session& s,
                                                        const std::string& subscription_id) {
  auto r = s.QueryOne(kLastDelivery, subscription_id);
  if (!r) return std::nullopt;
  return DeliveryOf(*r);
}

std::vector<Delivery> WebhookRepository::Deliveries(Session& s, const std::string& client_id,
                                                    const std::string& cursor, int limit) {
  std::vector<Delivery> deliveries;
  for (const auto& r : s.Query(kDeliveries, client_id, cursor, limit)) {
    deliveries.push_back(DeliveryOf(r));
  }
  return deliveries;
}

}  // namespace vigor::features::webhooks
