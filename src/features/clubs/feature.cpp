#include "features/clubs/feature.hpp"

#include "features/clubs/routes.hpp"

namespace vigor::features::clubs {

ClubsFeature::ClubsFeature(platform::FeatureContext& context, social::SocialFeature& social,
                           notifications::Notifier& notifier,
                           moderation::ReportableKinds& reportable)
    : service_(context.database, context.rate_limiter, notifier, social.lookup()) {
  RegisterClubRoutes(context.router, service_);
  reportable.Add("club",
                 [this](platform::store::Session& s, const std::string& viewer_id, std::string_view,
                        std::string_view id) { return service_.ReportedClub(s, viewer_id, id); });
  reportable.Add("club_post",
                 [this](platform::store::Session& s, const std::string& viewer_id, std::string_view,
                        std::string_view id) { return service_.ReportedPost(s, viewer_id, id); });
}

}  // namespace vigor::features::clubs
