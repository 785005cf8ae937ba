#include "features/moderation/feature.hpp"

#include "features/moderation/routes.hpp"
#include "platform/config/config.hpp"

namespace vigor::features::moderation {

ModerationFeature::ModerationFeature(platform::FeatureContext& context,
                                     const ReportableKinds& kinds,
                                     notifications::Notifier& notifier,
                                     social::SocialLookup& people, accounts::AuthService& auth)
    : moderation_(
          context.database, context.rate_limiter, kinds, notifier, people, context.mail,
          ModerationMails(context.config.effective_public_url(), context.config.instance_name)) {
  RegisterModerationRoutes(context.router, moderation_);
  auth.SetSuspensionCheck([this](platform::store::Session& s, const std::string& user_id) {
    return moderation_.SuspendedUntil(s, user_id);
  });
}

}  // namespace vigor::features::moderation
