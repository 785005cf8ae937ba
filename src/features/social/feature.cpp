#include "features/social/feature.hpp"

#include "features/social/routes.hpp"
#include "platform/crypto/sealed_columns.hpp"

namespace vigor::features::social {

SocialFeature::SocialFeature(platform::FeatureContext& context, notifications::Notifier& notifier,
                             moderation::ReportableKinds& reportable)
    : lookup_(context.secrets),
      service_({.database = context.database,
                .policy = policy_,
                .lookup = lookup_,
                .graph_changes = graph_changes_,
                .notifier = notifier,
                .limiter = context.rate_limiter,
                .secrets = context.secrets}) {
  RegisterSocialRoutes(context.router, service_);
  context.sealed_columns.Add({.table = "privacy_zones",
                              .key_columns = {"user_id", "id"},
                              .column = "sealed_center",
                              .what = "privacy zones' centres (\"lat,lon\")",
                              .binary = true});
  // A user is reported by username; what the moderator reads is the profile as it was then.
  reportable.Add("user",
                 [this](platform::store::Session& s, const std::string& viewer_id, std::string_view,
                        std::string_view username) -> std::optional<moderation::ReportedContent> {
                   std::string owner_id;
                   auto excerpt = service_.ReportExcerpt(s, viewer_id, username, &owner_id);
                   if (!excerpt) return std::nullopt;
                   return moderation::ReportedContent{owner_id, *excerpt};
                 });
}

}  // namespace vigor::features::social
