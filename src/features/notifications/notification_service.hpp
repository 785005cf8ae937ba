#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/notifications/digest_mail.hpp"
#include "features/notifications/model.hpp"
#include "features/notifications/notification_repository.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/social_lookup.hpp"
#include "platform/events/outbox.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::notifications {

// The notifications of each user: stored by Notify inside the writer's transaction (unless the
// recipient turned the kind off, or blocked, is blocked by or muted the actor) and pushed to the
// recipient's open pages as an outbox event "notification"; read back as a list with the unread
// count; marked read ("notification.read" tells the other open pages the new count); the
// recipient's preferences; and the daily digest mail, sent by housekeeping.
class NotificationService final : public Notifier {
 public:
  using Session = platform::store::Session;
  using TimePoint = std::chrono::system_clock::time_point;

  // Repeated kudos by the same actor on the same item within this long make one notification.
  static constexpr std::chrono::minutes kCoalesce{10};
  // Read notifications are kept this long.
  static constexpr std::chrono::hours kKeepRead{24 * 90};
  // A digest lists at most this many notifications; the rest wait for the next one.
  static constexpr int kDigestMax = 50;
  static constexpr std::size_t kExcerptMaxBytes = 280;
  static constexpr std::size_t kMarkReadMaxIds = 100;

  NotificationService(platform::store::Database& database, platform::events::EventOutbox& outbox,
                      platform::mail::MailQueue& mail, DigestMails mails);

  // Connected while the app is built (the social feature is installed after this one).
  void SetPeople(social::SocialLookup& people) { people_ = &people; }
  void SetRecipients(DigestRecipientLookup recipients) { recipients_ = std::move(recipients); }

  void Notify(Session& s, const Notification& notification) override;

  // `cursor`: the next_cursor of the page before ("" for the first); a bad one is a 422.
  NotificationPage List(const std::string& user_id, const std::string& cursor, int limit);
  std::int64_t UnreadCount(const std::string& user_id);
  // Marks the given ones (or all, when `ids` is nullopt) read; returns the unread count after.
  std::int64_t MarkRead(const std::string& user_id,
                        const std::optional<std::vector<std::string>>& ids);

  NotificationPreferences Preferences(const std::string& user_id);
  NotificationPreferences UpdatePreferences(const std::string& user_id,
                                            const PreferencesPatch& patch);

  // Housekeeping: mails the digests due at `now` (at most `limit` users); returns how many were
  // due (each moves to its next day, sent or not).
  std::int64_t SendDueDigests(Session& s, TimePoint now, int limit);
  // Housekeeping: deletes read notifications older than kKeepRead.
  std::int64_t PurgeOld(Session& s, TimePoint now, int limit);

  // The next instant, strictly after `now_ms`, at which the local clock of `zone` shows
  // `hour`:00 (a zone the database does not know counts as UTC).
  static std::int64_t NextDigestMs(std::int64_t now_ms, const std::string& zone, int hour);

 private:
  std::vector<NotificationView> Views(Session& s, std::vector<StoredNotification> items);
  NotificationPreferences PreferencesIn(Session& s, const std::string& user_id);
  std::string TimeZoneOf(Session& s, const std::string& user_id);

  platform::store::Database& database_;
  platform::events::EventOutbox& outbox_;
  platform::mail::MailQueue& mail_;
  DigestMails mails_;
  NotificationRepository repo_;
  social::SocialLookup* people_ = nullptr;
  DigestRecipientLookup recipients_;
};

}  // namespace vigor::features::notifications
