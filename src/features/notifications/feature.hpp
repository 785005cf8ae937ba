#pragma once

#include "features/notifications/notification_service.hpp"
#include "features/notifications/notifier.hpp"
#include "platform/events/outbox.hpp"
#include "platform/feature.hpp"

namespace vigor::features::notifications {

// Notifications: the Notifier every feature is given (connect notifier() to the app's
// NotifierSlot), /api/v1/notifications... and /api/v1/me/notification-preferences, the event
// kinds "notification" and "notification.read", and two housekeeping tasks: the daily digests
// and the purge of old read notifications. Installed before the features that notify; the
// people lookup (social) and the digest's account lookup (accounts) are connected after.
class NotificationsFeature final : public platform::Feature {
 public:
  NotificationsFeature(platform::FeatureContext& context, platform::events::EventOutbox& outbox);

  Notifier& notifier() { return service_; }
  NotificationService& service() { return service_; }
  void SetPeople(social::SocialLookup& people) { service_.SetPeople(people); }
  void SetRecipients(DigestRecipientLookup recipients) {
    service_.SetRecipients(std::move(recipients));
  }

 private:
  NotificationService service_;
};

}  // namespace vigor::features::notifications
