#include "platform/mail/mail_queue.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "platform/crypto/secret_box.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"

namespace vigor::platform::mail {

using store::Session;
using store::Statement;

namespace {

constexpr Statement kInsert{
    "mail_outbox.insert",
    "INSERT INTO mail_outbox (to_addr, subject, sealed_body, created_at, next_attempt_at) "
    "VALUES ($1, $2, $3, $4, $4)"};
constexpr Statement kAnyDue{"mail_outbox.any_due",
                            "SELECT 1 FROM mail_outbox WHERE sent_at IS NULL AND attempts < $2 "
                            "AND next_attempt_at <= $1 LIMIT 1"};
// Claiming pushes next_attempt_at past a lease, so a second sender (another instance, or
// DrainForTests racing the worker) does not pick the same rows while they are being sent.
constexpr Statement kClaim{
    "mail_outbox.claim",
    "UPDATE mail_outbox SET next_attempt_at = $2 WHERE id IN ("
    "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND attempts < $3 AND next_attempt_at <= $1 "
    "ORDER BY id LIMIT $4) "
    "RETURNING id, to_addr, subject, sealed_body, attempts",
    // Several instances send at once: each claims rows no other sender is claiming.
    "UPDATE mail_outbox SET next_attempt_at = $2 WHERE id IN ("
    "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND attempts < $3 AND next_attempt_at <= $1 "
    "ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) "
    "RETURNING id, to_addr, subject, sealed_body, attempts"};
constexpr Statement kMarkSent{
    "mail_outbox.mark_sent",
    "UPDATE mail_outbox SET sent_at = $2, sealed_body = NULL, attempts = attempts + 1, "
    "last_error = NULL WHERE id = $1"};
constexpr Statement kMarkFailed{
    "mail_outbox.mark_failed",
    "UPDATE mail_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1"};
// Abandoned mail keeps its row (for the operator) but not its one-time links.
constexpr Statement kMarkAbandoned{
    "mail_outbox.mark_abandoned",
    "UPDATE mail_outbox SET attempts = $2, sealed_body = NULL, last_error = $3 WHERE id = $1"};

// Delivered mail after a week, abandoned mail (kept for the operator) after a month.
constexpr Statement kDeleteOld{
    "mail_outbox.delete_old",
    "DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at < $1 "
    "OR (sent_at IS NULL AND attempts >= $3 AND created_at < $2) LIMIT $4)"};

constexpr std::size_t kMaxErrorLength = 500;

std::chrono::seconds BackoffAfter(int attempts) {
  constexpr auto count = std::size(MailQueue::kBackoff);
  auto index = static_cast<std::size_t>(std::max(attempts, 1) - 1);
  return MailQueue::kBackoff[std::min(index, count - 1)];
}

std::string In(std::chrono::system_clock::duration d) {
  return FormatRfc3339(std::chrono::system_clock::now() + d);
}

}  // namespace

struct MailQueue::Claimed {
  std::int64_t id = 0;
  std::string to;
  std::string subject;
  std::optional<std::string> sealed_body;
  int attempts = 0;  // before this attempt
};

MailQueue::MailQueue(store::Database& database, const crypto::SecretBox& box, Mailer& mailer,
                     obs::Logger& logger)
    : database_(database),
      box_(box),
      mailer_(mailer),
      logger_(logger),
      poller_(
          "mail queue", kPollInterval,
          [this] {
            // A cheap read first: the poll must not cost a durable write twice a second.
            while (AnyDue()) {
              auto [sent, claimed] = SendBatch();
              if (claimed < static_cast<std::size_t>(kBatchSize) || poller_.stopping()) return;
            }
          },
          logger) {}

MailQueue::~MailQueue() { Stop(); }

void MailQueue::Enqueue(Session& session, const MailMessage& message) {
  CheckMailMessage(message);
  session.Execute(kInsert, message.to, message.subject, box_.Seal(message.text), NowRfc3339());
}

void MailQueue::Start() { poller_.Start(); }
void MailQueue::Stop() { poller_.Stop(); }
void MailQueue::Notify() { poller_.Notify(); }

bool MailQueue::AnyDue() {
  return database_.ReadResult(
      [&](Session& s) { return s.QueryOne(kAnyDue, NowRfc3339(), kMaxAttempts).has_value(); });
}

std::pair<std::size_t, std::size_t> MailQueue::SendBatch() {
  std::lock_guard send_lock(send_mutex_);
  std::string now = NowRfc3339();
  std::string lease_end = In(kClaimLease);
  auto claimed = database_.WriteResult([&](Session& s) {
    std::vector<Claimed> out;
    for (auto& row : s.Query(kClaim, now, lease_end, kMaxAttempts, kBatchSize)) {
      out.push_back({.id = row.Int("id"),
                     .to = row.Text("to_addr"),
                     .subject = row.Text("subject"),
                     .sealed_body = row.OptText("sealed_body"),
                     .attempts = static_cast<int>(row.Int("attempts"))});
    }
    return out;
  });
  // RETURNING gives no order; oldest first.
  std::sort(claimed.begin(), claimed.end(), [](auto& a, auto& b) { return a.id < b.id; });

  std::size_t sent = 0;
  for (const auto& mail : claimed) {
    std::optional<std::string> body;
    if (mail.sealed_body) body = box_.Open(*mail.sealed_body);
    if (!body) {
      // Retrying cannot help: the key changed, or the row was altered by hand.
      std::runtime_error failure("the mail body cannot be decrypted (was the key file replaced?)");
      Record(mail, &failure, /*permanent=*/true);
      continue;
    }
    try {
      mailer_.Send(MailMessage{.to = mail.to, .subject = mail.subject, .text = *body});
    } catch (const std::invalid_argument& e) {
      Record(mail, &e, /*permanent=*/true);
      continue;
    } catch (const std::exception& e) {
      Record(mail, &e, /*permanent=*/false);
      continue;
    }
    Record(mail, nullptr, false);
    ++sent;
  }
  return {sent, claimed.size()};
}

void MailQueue::Record(const Claimed& mail, const std::exception* failure, bool permanent) {
  std::string masked = MaskAddress(mail.to);
  int attempts = mail.attempts + 1;
  if (failure == nullptr) {
    database_.Write([&](Session& s) { s.Execute(kMarkSent, mail.id, NowRfc3339()); });
    logger_.Info("mail sent", {{"mail_id", mail.id}, {"to", std::string_view(masked)}});
    return;
  }
  // Mailer errors describe the transport (curl, file system), never the body.
  std::string error = std::string(failure->what()).substr(0, kMaxErrorLength);
  if (permanent || attempts >= kMaxAttempts) {
    database_.Write([&](Session& s) { s.Execute(kMarkAbandoned, mail.id, attempts, error); });
    logger_.Error("mail abandoned", {{"mail_id", mail.id},
                                     {"to", std::string_view(masked)},
                                     {"attempts", std::int64_t{attempts}},
                                     {"error", std::string_view(error)}});
    return;
  }
  auto delay = BackoffAfter(attempts);
  database_.Write([&](Session& s) { s.Execute(kMarkFailed, mail.id, attempts, In(delay), error); });
  logger_.Warn("mail send failed; will retry", {{"mail_id", mail.id},
                                                {"to", std::string_view(masked)},
                                                {"attempts", std::int64_t{attempts}},
                                                {"retry_in_s", std::int64_t{delay.count()}},
                                                {"error", std::string_view(error)}});
}

std::size_t MailQueue::DrainForTests() {
  std::size_t total = 0;
  while (true) {
    auto [sent, claimed] = SendBatch();
    total += sent;
    if (claimed == 0) return total;
  }
}

std::int64_t MailQueue::PurgeOld(Session& s, std::chrono::system_clock::time_point now, int limit) {
  return s.Execute(kDeleteOld, FormatRfc3339(now - kKeepSent), FormatRfc3339(now - kKeepAbandoned),
                   kMaxAttempts, limit);
}

}  // namespace vigor::platform::mail
