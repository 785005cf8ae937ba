#include "features/webhooks/webhook_service.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <sstream>

#include "core/token_bucket.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/error.hpp"
#include "platform/http/outbound_client.hpp"
#include "platform/id.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/time.hpp"

namespace vigor::features::webhooks {

namespace {

using platform::Error;
using platform::ErrorKind;
namespace outbound = platform::http;

constexpr std::string_view kSecretPrefix = "vgr_whs_";
constexpr std::size_t kMaxErrorLength = 300;
constexpr int kRetryBatch = 100;

// 30 calls at once, then one every 6 seconds (600 an hour), per caller address: subscribing is
// rare, and a client secret cannot be guessed at this pace.
core::BucketRule CallerRule() { return {30.0, 600.0 / 3600.0}; }

bool HasWord(const std::string& words, std::string_view word) {
  std::istringstream in(words);
  for (std::string w; in >> w;) {
    if (w == word) return true;
  }
  return false;
}

std::string_view EventOf(const workouts::WorkoutChange& change) {
  if (!change.before) return kWorkoutCreated;
  if (!change.after) return kWorkoutDeleted;
  return kWorkoutUpdated;
}

std::string DeliveryPayload(std::string_view delivery_id) {
  return boost::json::serialize(boost::json::object{{"delivery_id", delivery_id}});
}

[[noreturn]] void ThrowBadCredentials() {
  throw Error(ErrorKind::kUnauthenticated, Msg("client_credentials_invalid"));
}

}  // namespace

void WebhookService::LimitCaller(const std::string& caller) {
  d_.limiter.Take("webhooks:ip:" + caller, CallerRule());
}

ClientApp WebhookService::AuthenticateClient(const std::string& client_id,
                                             const std::string& client_secret) {
  if (client_id.empty() || client_secret.empty() || client_id.size() > 200 ||
      client_secret.size() > 200) {
    ThrowBadCredentials();
  }
  auto client = d_.database.ReadResult([&](Session& s) { return repo_.FindClient(s, client_id); });
  // The hash is computed whatever the outcome, so an unknown client takes as long as a known one.
  std::string presented = platform::crypto::Sha256Hex(client_secret);
  if (!client || !client->confidential || !client->secret_hash || client->disabled) {
    ThrowBadCredentials();
  }
  if (!platform::crypto::ConstantTimeEquals(presented, *client->secret_hash)) {
    ThrowBadCredentials();
  }
  return {client->id, client->public_id};
}

NewSubscription WebhookService::Subscribe(const ClientApp& client, const std::string& url,
                                          const std::vector<std::string>& events) {
  platform::FieldErrors errors;
  if (url.empty() || url.size() > kMaxUrlLength) {
    errors.Add("url", Msg("webhook_url_invalid"));
  } else {
    switch (outbound::CheckTarget(url, d_.options.allow_private_targets())) {
      case outbound::TargetProblem::kNone:
        break;
      case outbound::TargetProblem::kInvalidUrl:
        errors.Add("url", Msg("webhook_url_invalid"));
        break;
      case outbound::TargetProblem::kUnresolvable:
        errors.Add("url", Msg("webhook_url_unresolvable"));
        break;
      case outbound::TargetProblem::kPrivateAddress:
        errors.Add("url", Msg("webhook_url_private"));
        break;
    }
  }
  std::vector<std::string> chosen;
  bool events_ok = !events.empty();
  for (const auto& event : events) {
    if (!IsKnownEvent(event)) events_ok = false;
  }
  if (!events_ok) {
    errors.Add("events", Msg("webhook_events_invalid"));
  } else {
    // In the documented order, each once.
    for (const auto& known : KnownEvents()) {
      if (std::find(events.begin(), events.end(), known) != events.end()) chosen.push_back(known);
    }
  }
  errors.ThrowIfAny();

  NewSubscription created{{platform::NewId(), url, chosen, platform::NowRfc3339()},
                          std::string(kSecretPrefix) + platform::crypto::RandomToken(32)};
  std::string sealed = d_.secrets.Seal(created.secret);
  d_.database.Write([&](Session& s) {
    if (repo_.CountSubscriptions(s, client.id) >= kMaxSubscriptionsPerClient) {
      throw Error(ErrorKind::kConflict, Msg("webhook_limit_reached",
                                            {{"max", std::to_string(kMaxSubscriptionsPerClient)}}));
    }
    repo_.InsertSubscription(s, client.id, created.subscription, sealed);
  });
  return created;
}

std::vector<Subscription> WebhookService::Subscriptions(const ClientApp& client) {
  return d_.database.ReadResult([&](Session& s) { return repo_.Subscriptions(s, client.id); });
}

void WebhookService::Unsubscribe(const ClientApp& client, const std::string& id) {
  bool deleted = d_.database.WriteResult(
      [&](Session& s) { return repo_.DeleteSubscription(s, client.id, id); });
  if (!deleted) throw Error(ErrorKind::kNotFound, Msg("no_such_webhook"));
}

OwnerView WebhookService::ForOwner(const std::string& owner_id, const std::string& public_client_id,
                                   const std::string& cursor, int limit) {
  return d_.database.ReadResult([&](Session& s) {
    auto client_id = repo_.OwnedClientId(s, owner_id, public_client_id);
    if (!client_id) throw Error(ErrorKind::kNotFound, Msg("webhooks_no_such_app"));
    OwnerView view;
    // At most kMaxSubscriptionsPerClient: one read each for its newest delivery.
    for (auto& sub : repo_.Subscriptions(s, *client_id)) {
      auto last = repo_.LastDelivery(s, sub.id);
      view.subscriptions.push_back({std::move(sub), std::move(last)});
    }
    view.deliveries = repo_.Deliveries(s, *client_id, cursor, limit + 1);
    if (view.deliveries.size() > static_cast<std::size_t>(limit)) {
      view.deliveries.pop_back();
      view.next_cursor = view.deliveries.back().id;
    }
    return view;
  });
}

void WebhookService::Queue(Session& s, const std::string& subscription_id,
                           const std::string& user_id, std::string_view event,
                           const std::string& username, const std::string& data_json) {
  std::string id = platform::NewId();
  std::string now = platform::NowRfc3339();
  boost::json::object body{{"id", id},
                           {"event", event},
                           {"created_at", now},
                           {"user", {{"id", user_id}, {"username", username}}},
                           {"data", boost::json::parse(data_json)}};
  repo_.InsertDelivery(s, id, subscription_id, user_id, event, boost::json::serialize(body), now);
  d_.jobs.Enqueue(s, user_id, kDeliveryJobKind, DeliveryPayload(id));
}

void WebhookService::OnWorkoutChanges(Session& s,
                                      std::span<const workouts::WorkoutChange> changes) {
  // One read per user of the batch (an import's batch is one user's).
  std::string user_id;
  std::vector<WebhookRepository::Target> targets;
  std::string username;
  for (const auto& change : changes) {
    if (change.user_id != user_id || user_id.empty()) {
      user_id = change.user_id;
      targets = repo_.TargetsOfUser(s, user_id);
      username = targets.empty() ? "" : repo_.Username(s, user_id).value_or("");
    }
    if (targets.empty()) continue;
    std::string_view event = EventOf(change);
    std::string data =
        boost::json::serialize(boost::json::object{{"workout_id", change.workout_id}});
    // A user may have granted one app twice (two devices): one delivery per subscription.
    std::set<std::string> queued;
    for (const auto& target : targets) {
      bool wants =
          std::find(target.events.begin(), target.events.end(), event) != target.events.end();
      // Only an app that may read the user's workouts hears of them.
      if (!wants || !HasWord(target.grant_scopes, "workouts:read")) continue;
      if (!queued.insert(target.subscription_id).second) continue;
      Queue(s, target.subscription_id, user_id, event, username, data);
    }
  }
}

void WebhookService::OnGrantRevoked(Session& s, const oauth::GrantRevoked& revoked) {
  // Another grant of the same user to the same app still stands: the app is still authorised.
  if (repo_.HasLiveGrant(s, revoked.user_id, revoked.client_id)) return;
  auto targets = repo_.TargetsOfClient(s, revoked.client_id);
  if (targets.empty()) return;
  std::string username = repo_.Username(s, revoked.user_id).value_or("");
  std::string data = boost::json::serialize(boost::json::object{{"reason", revoked.reason}});
  for (const auto& target : targets) {
    if (std::find(target.events.begin(), target.events.end(), kAppDeauthorized) ==
        target.events.end()) {
      continue;
    }
    Queue(s, target.subscription_id, revoked.user_id, kAppDeauthorized, username, data);
  }
}

std::string WebhookService::RunJob(platform::jobs::JobContext& job) {
  std::string delivery_id;
  try {
    delivery_id = std::string(
        boost::json::parse(job.job().payload).as_object().at("delivery_id").as_string());
  } catch (const std::exception&) {
    throw platform::jobs::JobFailed("malformed webhook job");
  }
  auto pending =
      d_.database.ReadResult([&](Session& s) { return repo_.FindPending(s, delivery_id); });
  // Gone with its subscription, or settled by an earlier run of this job.
  if (!pending || pending->status != "queued") return R"({"attempted":false})";

  std::int64_t attempt = pending->attempts + 1;
  std::optional<std::int64_t> status_code;
  std::optional<std::string> error;
  bool may_retry = true;
  std::optional<std::string> secret;
  if (pending->live) secret = d_.secrets.Open(pending->secret_sealed);
  if (!pending->live) {
    error = "the subscription or its app is disabled";
    may_retry = false;
  } else if (!secret) {
    error = "the signing secret cannot be opened with this instance's key";
    may_retry = false;
  } else {
    auto unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    outbound::OutboundRequest request{
        .url = pending->url,
        .headers = {{"Content-Type", "application/json"},
                    {"User-Agent", "Vigor-Webhooks"},
                    {"Vigor-Webhook-Id", pending->id},
                    {"Vigor-Signature", SignatureHeader(*secret, unix_seconds, pending->body)}},
        .body = pending->body};
    try {
      auto response =
          outbound::PostOutbound(request, {.allow_private = d_.options.allow_private_targets()});
      status_code = response.status;
      if (response.status < 200 || response.status > 299) {
        error = "the receiver answered " + std::to_string(response.status);
      }
    } catch (const outbound::OutboundError& e) {
      error = e.what();
    }
  }
  if (error && error->size() > kMaxErrorLength) error->resize(kMaxErrorLength);

  std::string now = platform::NowRfc3339();
  std::string outcome;
  std::optional<std::int64_t> delay;
  if (error && may_retry) {
    delay = RetryDelaySeconds(static_cast<int>(attempt), d_.options.retry_base_seconds);
  }
  d_.database.Write([&](Session& s) {
    if (!error) {
      outcome = "delivered";
      repo_.RecordAttempt(s, delivery_id, outcome, attempt, status_code, std::nullopt, now,
                          std::nullopt, now);
    } else if (delay) {
      outcome = "retry";
      repo_.RecordAttempt(s, delivery_id, "queued", attempt, status_code, error, now,
                          platform::Rfc3339FromNow(std::chrono::seconds(*delay)), std::nullopt);
    } else {
      outcome = "failed";
      repo_.RecordAttempt(s, delivery_id, outcome, attempt, status_code, error, now, std::nullopt,
                          std::nullopt);
    }
    job.Succeed(
        s, boost::json::serialize(boost::json::object{{"attempted", true}, {"outcome", outcome}}));
  });
  return boost::json::serialize(boost::json::object{{"attempted", true}, {"outcome", outcome}});
}

std::int64_t WebhookService::PurgeSettled(Session& s, std::chrono::system_clock::time_point now,
                                          int limit) {
  return repo_.PurgeSettled(s, platform::FormatRfc3339(now - kKeepSettled), limit);
}

int WebhookService::EnqueueDueRetries() {
  std::string now = platform::NowRfc3339();
  // A cheap read first: an idle poll costs no durable write.
  bool any =
      d_.database.ReadResult([&](Session& s) { return !repo_.DueRetries(s, now, 1).empty(); });
  if (!any) return 0;
  int enqueued = d_.database.WriteResult([&](Session& s) {
    int n = 0;
    for (const auto& due : repo_.DueRetries(s, now, kRetryBatch)) {
      // Another instance's poller may have claimed it a moment ago.
      if (!repo_.ClaimRetry(s, due.id, due.next_attempt_at)) continue;
      d_.jobs.Enqueue(s, due.user_id, kDeliveryJobKind, DeliveryPayload(due.id));
      ++n;
    }
    return n;
  });
  if (enqueued > 0) d_.jobs.Notify();
  return enqueued;
}

}  // namespace vigor::features::webhooks
