#include "features/body/feature.hpp"

#include "features/body/routes.hpp"
#include "platform/crypto/sealed_columns.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::body {

BodyFeature::BodyFeature(platform::FeatureContext& context, ProfileTimeZone profile_time_zone,
                         social::SocialFeature& social)
    : measurements_(context.database, context.secrets, std::move(profile_time_zone),
                    &social.lookup(), &social.policy()) {
  RegisterRoutes(context.router, measurements_);
  context.sealed_columns.Add({.table = "measurements",
                              .key_columns = {"user_id", "id"},
                              .column = "notes",
                              .what = "body measurement notes (health notes)"});
  // Notes written before notes were sealed are sealed in the background, a batch at a time.
  context.housekeeping.Add(
      "measurement_notes_sealing",
      [this](platform::store::Session& s, std::chrono::system_clock::time_point, int limit) {
        return measurements_.repository().SealPlainNotes(s, limit);
      });
}

}  // namespace vigor::features::body
