#pragma once

#include "features/accounts/auth_service.hpp"
#include "features/moderation/moderation_service.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/social_lookup.hpp"
#include "platform/feature.hpp"

namespace vigor::features::moderation {

// Reports, the moderators' queue, decisions (dismiss, hide, warn, suspend) and appeals. Install
// after every feature that registers reportable kinds is constructed (the registry is read per
// request, so the order only matters for the suspension check): it gives accounts its
// suspension check, so a suspended user's tokens answer 403 and their sessions are restricted to
// the decisions and the appeal (see AuthService::SetSuspensionCheck).
class ModerationFeature final : public platform::Feature {
 public:
  ModerationFeature(platform::FeatureContext& context, const ReportableKinds& kinds,
                    notifications::Notifier& notifier, social::SocialLookup& people,
                    accounts::AuthService& auth);

  ModerationService& service() { return moderation_; }
  // Whom to mail a suspension to (connected in BuildApp, from the accounts feature).
  void SetRecipients(notifications::DigestRecipientLookup recipients) {
    moderation_.SetRecipients(std::move(recipients));
  }

 private:
  ModerationService moderation_;
};

}  // namespace vigor::features::moderation
