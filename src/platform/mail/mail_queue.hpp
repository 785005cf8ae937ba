#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <utility>

#include "platform/jobs/poller.hpp"
#include "platform/mail/mailer.hpp"

namespace vigor::platform::crypto {
class SecretBox;
}
namespace vigor::platform::obs {
class Logger;
}
namespace vigor::platform::store {
class Database;
class Session;
}  // namespace vigor::platform::store

namespace vigor::platform::mail {

// A transactional outbox (table mail_outbox). A service enqueues mail inside its own write
// transaction, so the mail exists exactly when the change that caused it committed; a background
// thread delivers it through the Mailer and retries failures with backoff. Delivery is
// at-least-once: a crash between the SMTP hand-off and marking the row sent resends the mail
// after the claim lease (kClaimLease) runs out.
class MailQueue {
 public:
  // Delays before the 2nd, 3rd, ... attempt; the last one repeats until kMaxAttempts.
  static constexpr std::chrono::seconds kBackoff[] = {
      std::chrono::seconds(5), std::chrono::seconds(30), std::chrono::minutes(2),
      std::chrono::minutes(10), std::chrono::hours(1)};
  static constexpr int kMaxAttempts = 8;
  static constexpr int kBatchSize = 20;
  static constexpr std::chrono::milliseconds kPollInterval{500};
  // A claimed message is not picked up again before this; longer than a batch of SMTP timeouts.
  static constexpr std::chrono::minutes kClaimLease{10};
  // How long rows stay once delivered, or once given up (for the operator to look into).
  static constexpr std::chrono::hours kKeepSent{24 * 7};
  static constexpr std::chrono::hours kKeepAbandoned{24 * 30};

  // All references must outlive the queue.
  MailQueue(store::Database& database, const crypto::SecretBox& box, Mailer& mailer,
            obs::Logger& logger);
  ~MailQueue();  // calls Stop()
  MailQueue(const MailQueue&) = delete;
  MailQueue& operator=(const MailQueue&) = delete;

  // Inside the caller's write transaction: the mail is stored (body sealed) and goes out only if
  // that transaction commits. Throws std::invalid_argument for a message that could never be
  // sent (see CheckMailMessage), which fails the caller's transaction instead of queueing poison.
  // Call Notify() after the write returns for immediate delivery; otherwise the next poll
  // (at most kPollInterval later) sends it.
  void Enqueue(store::Session& session, const MailMessage& message);

  // Starts and stops the background sender. Stop waits for a send in progress; both are
  // idempotent.
  void Start();
  void Stop();
  // Wakes the sender now.
  void Notify();

  // Housekeeping: deletes at most `limit` rows past kKeepSent or kKeepAbandoned.
  std::int64_t PurgeOld(store::Session& s, std::chrono::system_clock::time_point now, int limit);

  // Sends everything due now on the calling thread and returns how many were sent.
  std::size_t DrainForTests();

 private:
  struct Claimed;
  // One batch: claims due rows, sends them, records the outcome. Returns {sent, claimed}.
  std::pair<std::size_t, std::size_t> SendBatch();
  bool AnyDue();
  void Record(const Claimed& mail, const std::exception* failure, bool permanent);

  store::Database& database_;
  const crypto::SecretBox& box_;
  Mailer& mailer_;
  obs::Logger& logger_;

  std::mutex send_mutex_;  // one batch at a time in this process (worker and DrainForTests)
  jobs::Poller poller_;    // last: its thread stops before the rest goes
};

}  // namespace vigor::platform::mail
