#pragma once

#include <string>
#include <vector>

#include "features/accounts/audit_log.hpp"
#include "features/accounts/auth_service.hpp"
#include "features/consent/consent_repository.hpp"
#include "platform/auth/principal.hpp"

namespace vigor::features::consent {

// The privacy policy and users' consent to the processing of their health data (issue 15,
// docs/privacy.md). Sign-up records the consent to the version the form showed; users created
// otherwise (`vigor user create`, the first admin) and everyone after a new version are asked
// at their next visit (GET /api/v1/me says consent_required). Withdrawing is deleting the
// account: DELETE /api/v1/me marks the consent withdrawn in its transaction.
class ConsentService {
 public:
  using Session = platform::store::Session;

  // The longest policy text an admin may publish, in bytes.
  static constexpr std::size_t kMaxPolicyBytes = 100'000;

  ConsentService(platform::store::Database& database, accounts::AuditLog& audit)
      : database_(database), audit_(audit) {}

  // Public: the current version, what the sign-up form links to.
  Policy CurrentPolicy();

  ConsentStatus Status(const platform::auth::Principal& principal);
  // Consents to `version`, which must be the current one (a field error otherwise: a newer one
  // was published since the page was shown). Consenting twice to the same version records once.
  ConsentStatus Give(const platform::auth::Principal& principal, std::int64_t version,
                     const std::string& ip);

  // Admin: the published versions, newest first; publishing a new one asks every user again.
  std::vector<Policy> Policies(const platform::auth::Principal& admin);
  Policy Publish(const platform::auth::Principal& admin, const std::string& text,
                 const std::string& ip);

  // What accounts calls (accounts::ConsentHooks).
  accounts::ConsentHooks Hooks();

 private:
  Policy Current(Session& s);
  bool Required(Session& s, const std::string& user_id);
  // Records the consent to `version` when it is the current one; otherwise a field error named
  // `field`.
  void Record(Session& s, const std::string& user_id, std::int64_t version,
              const std::string& field, const std::string& ip);

  platform::store::Database& database_;
  accounts::AuditLog& audit_;
  ConsentRepository repo_;
};

}  // namespace vigor::features::consent
