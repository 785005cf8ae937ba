#pragma once

#include "features/clubs/club_service.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/feature.hpp"
#include "platform/feature.hpp"

namespace vigor::features::clubs {

// Clubs: /api/v1/clubs... (clubs, membership and join requests, roles, posts), notifications of
// kind "club" (a join request to the admins, an approval to the requester) and the reportable
// kinds "club" and "club_post". Installed after social (people, the privacy fragment) and
// notifications.
class ClubsFeature final : public platform::Feature {
 public:
  ClubsFeature(platform::FeatureContext& context, social::SocialFeature& social,
               notifications::Notifier& notifier, moderation::ReportableKinds& reportable);

  ClubService& service() { return service_; }

 private:
  ClubService service_;
};

}  // namespace vigor::features::clubs
