#pragma once

#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/privacy_policy.hpp"
#include "features/social/profile_stats.hpp"
#include "features/social/social_lookup.hpp"
#include "features/social/social_lookup_impl.hpp"
#include "features/social/social_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::social {

// People and privacy: the one privacy policy (PrivacyPolicy and privacy_sql.hpp), the social
// graph (follows, blocks, mutes), profiles, the directory, privacy settings and zones. Installed
// early: the features that share users' items (workouts, feed, challenges, clubs) read the
// policy, the defaults and the zones through it.
class SocialFeature final : public platform::Feature {
 public:
  // `notifier`: follow requests, new followers and approvals; `reportable`: the "user" kind.
  SocialFeature(platform::FeatureContext& context, notifications::Notifier& notifier,
                moderation::ReportableKinds& reportable);

  const PrivacyPolicy& policy() const { return policy_; }
  SocialLookup& lookup() { return lookup_; }
  // Features that keep something derived from the graph (the feed's inboxes) add observers here
  // while they install.
  GraphChangeObservers& graph_changes() { return graph_changes_; }
  // The counts profiles show, connected once the stats feature is installed (build_app.cpp).
  void ConnectStats(ProfileStatsSource stats) { service_.ConnectStats(std::move(stats)); }
  SocialService& service() { return service_; }

 private:
  PrivacyPolicy policy_;
  SocialLookupImpl lookup_;
  GraphChangeObservers graph_changes_;
  SocialService service_;
};

}  // namespace vigor::features::social
