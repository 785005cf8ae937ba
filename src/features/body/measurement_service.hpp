#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "features/body/measurement_repository.hpp"
#include "features/body/model.hpp"
#include "features/social/privacy_policy.hpp"
#include "features/social/social_lookup.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::body {

// Body weight (kg), body fat (%), circumferences (m), resting heart rate (bpm) and the user's
// own kinds (with their own unit): one value per kind per local day, a second one the same day
// replacing the first. Built-in kinds are checked against their SI unit and a sensible range.
// The user's time zone from their profile ("UTC" when none), read in the caller's session: the
// accounts feature answers it (see app/feature_links), so this feature does not import it.
using ProfileTimeZone =
    std::function<std::string(platform::store::Session& session, const std::string& user_id)>;

// A measurement's day is refused when it is after today in the user's time zone.
class MeasurementService {
 public:
  MeasurementService(platform::store::Database& database,
                     const platform::crypto::SecretBox& secrets, ProfileTimeZone profile_time_zone,
                     social::SocialLookup* social = nullptr,
                     const social::PrivacyPolicy* policy = nullptr)
      : database_(database),
        profile_time_zone_(std::move(profile_time_zone)),
        social_(social),
        policy_(policy),
        measurements_(secrets) {}

  // For housekeeping, which seals notes stored before notes were sealed.
  MeasurementRepository& repository() { return measurements_; }

  // One user's entries as `viewer_id` (nullopt: anonymous) may see them (the privacy policy),
  // newest first, of `kind` when given. An unknown user, or one blocked either way: kNotFound.
  SharedMeasurementPage ListOf(const std::optional<std::string>& viewer_id,
                               const std::string& username, const std::optional<std::string>& kind,
                               const std::string& cursor, int limit);
  // Bulk visibility change, inside the caller's transaction: the user's live entries on the
  // days from..to (both optional) that do not have `visibility` yet, at most `limit` of them get
  // it. Returns how many changed (fewer than `limit`: done).
  std::int64_t ChangeVisibilityBatch(platform::store::Session& s, const std::string& user_id,
                                     const std::string& visibility,
                                     const std::optional<std::string>& from,
                                     const std::optional<std::string>& to, int limit);

  Measurement Put(const platform::auth::Principal& principal, const MeasurementInput& input);
  std::vector<Measurement> List(const platform::auth::Principal& principal,
                                const MeasurementFilter& filter);
  // The kinds the user has live entries of, by name, each with its count and latest entry.
  std::vector<MeasurementKindSummary> Kinds(const platform::auth::Principal& principal);
  void Delete(const platform::auth::Principal& principal, const std::string& id);

  // For goals, in the caller's session: the user's values of a kind on the days from `first` to
  // `last` (oldest first), and the latest value before `first`.
  struct ValuesAround {
    std::optional<Measurement> before;
    std::vector<Measurement> in_range;
  };
  ValuesAround ValuesForGoals(platform::store::Session& s, const std::string& user_id,
                              const std::string& kind, const std::string& first,
                              const std::string& last);
  // For analytics, inside the caller's transaction: the user's live entries of `kind` on the days
  // from..to (YYYY-MM-DD, both included), oldest first, as (day, value).
  std::vector<std::pair<std::string, double>> DailyValues(platform::store::Session& s,
                                                          const std::string& user_id,
                                                          const std::string& kind,
                                                          const std::string& from,
                                                          const std::string& to) {
    std::vector<std::pair<std::string, double>> values;
    for (auto& m : measurements_.List(s, user_id, {.kind = kind, .from = from, .to = to})) {
      values.emplace_back(std::move(m.day), m.value);
    }
    return values;
  }

 private:
  platform::store::Database& database_;
  ProfileTimeZone profile_time_zone_;
  social::SocialLookup* social_;
  const social::PrivacyPolicy* policy_;
  MeasurementRepository measurements_;
};

}  // namespace vigor::features::body
