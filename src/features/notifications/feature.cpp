#include "features/notifications/feature.hpp"

#include "features/notifications/routes.hpp"
#include "platform/config/config.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::notifications {

NotificationsFeature::NotificationsFeature(platform::FeatureContext& context,
                                           platform::events::EventOutbox& outbox)
    : service_(context.database, outbox, context.mail,
               DigestMails(context.config.effective_public_url(), context.config.instance_name)) {
  RegisterNotificationRoutes(context.router, service_);
  context.event_kinds.Add("notification",
                          "A new notification for the user: its id, kind and the unread count.");
  context.event_kinds.Add("notification.read",
                          "The user marked notifications read: the new unread count.");
  using TimePoint = std::chrono::system_clock::time_point;
  // Housekeeping runs every few minutes on every instance: a digest is due at most that late,
  // and each is claimed in the transaction that sends it, so it goes out once.
  context.housekeeping.Add("notification_digests",
                           [this](platform::store::Session& s, TimePoint now, int limit) {
                             return service_.SendDueDigests(s, now, limit);
                           });
  context.housekeeping.Add("notifications_read",
                           [this](platform::store::Session& s, TimePoint now, int limit) {
                             return service_.PurgeOld(s, now, limit);
                           });
}

}  // namespace vigor::features::notifications
