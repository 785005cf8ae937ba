#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/token_bucket.hpp"
#include "features/accounts/account_erasure.hpp"
#include "features/accounts/audit_log.hpp"
#include "features/accounts/credential_repository.hpp"
#include "features/accounts/instance_settings.hpp"
#include "features/accounts/mails.hpp"
#include "features/accounts/model.hpp"
#include "features/accounts/user_repository.hpp"
#include "platform/auth/credential_cache.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::crypto {
class PasswordHasher;
class PasswordPolicy;
class SecretBox;
}  // namespace vigor::platform::crypto
namespace vigor::platform::mail {
class MailQueue;
}
namespace vigor::platform::ratelimit {
class RateLimiter;
}

namespace vigor::features::accounts {

struct AuthLimits {
  // ASVS 2.2.1: at most 100 failed sign-ins per account per hour reach the password check
  // (10 at once, then one every 40 s).
  core::BucketRule login_per_account{10, 90.0 / 3600};
  // A browser that signed in to the account before (a valid device cookie) spends its own budget
  // instead of the account's, so a stranger exhausting the account does not lock its owner out
  // (OWASP, "Slow down online guessing attacks with device cookies"). Once this is spent too, the
  // device counts as untrusted again and shares the account's budget.
  core::BucketRule login_per_device{5, 5.0 / 3600};
  core::BucketRule login_per_ip{60, 60.0 / 60};
  core::BucketRule signup_per_ip{20, 20.0 / 3600};
  core::BucketRule reset_per_ip{20, 20.0 / 3600};
  core::BucketRule reset_per_account{3, 3.0 / 3600};
  // Failed second-factor codes (successes are refunded): 10 per 15 minutes.
  core::BucketRule second_factor_per_user{10, 10.0 / 900};
  core::BucketRule verify_per_ip{60, 60.0 / 3600};
};

struct AuthOptions {
  std::chrono::seconds session_idle{std::chrono::hours(24 * 7)};
  std::chrono::seconds session_absolute{std::chrono::hours(24 * 30)};
  // How long a browser keeps the device cookie of its last successful sign-in.
  std::chrono::seconds device_cookie_lifetime{std::chrono::hours(24 * 365)};
  AuthLimits limits;
};

// Everything the accounts services share, built once in BuildApp.
struct AccountsDeps {
  platform::store::Database& database;
  platform::crypto::PasswordHasher& hasher;
  const platform::crypto::PasswordPolicy& policy;
  const platform::crypto::SecretBox& secrets;
  platform::mail::MailQueue& mail;
  platform::ratelimit::RateLimiter& limiter;
  InstanceSettings& settings;
  const AccountMails& mails;
  AuthOptions options;
  UserRepository users;
  CredentialRepository credentials;
  AuditLog audit;
  AccountErasure erasure;
};

// When a user is suspended (by moderation), the end of the suspension as RFC 3339 text; nullopt
// when the user may use the account. Read in the caller's transaction. The moderation feature
// supplies it; without one (an application without moderation) nobody is suspended.
using SuspensionCheck = std::function<std::optional<std::string>(platform::store::Session&,
                                                                 const std::string& user_id)>;

// Who an OAuth access token ("vgr_oat_...") speaks for: the user, the grant (the principal's
// credential id) and the grant's scopes. The OAuth feature supplies the check at installation
// (SetOAuthTokenVerifier), so accounts does not depend on it; nullopt when the token is unknown,
// expired, revoked, or its grant or client is no longer live. The verifier keeps the grant's
// last use itself.
struct OAuthTokenHolder {
  std::string user_id;
  std::string grant_id;
  std::vector<std::string> scopes;
  std::string expires_at;  // RFC 3339, as stored
};
using OAuthTokenVerifier = std::function<std::optional<OAuthTokenHolder>(const std::string& token)>;

// Consent to the processing of health data (issue 15). The consent feature supplies these at
// installation, so accounts does not depend on it; without them nobody is asked (an application
// without the feature, as in some tests of other features).
struct ConsentHooks {
  // Inside the sign-up's transaction: records the consent to privacy policy `version`, or throws
  // Error(kValidation) naming the field when that is not the current version.
  std::function<void(platform::store::Session&, const std::string& user_id, std::int64_t version,
                     const std::string& ip)>
      record_at_signup;
  // Whether the user must consent (again) before using the app: never consented, withdrew, or
  // consented to an older version than the current one. In the caller's transaction.
  std::function<bool(platform::store::Session&, const std::string& user_id)> required;
  // Inside DELETE /api/v1/me's transaction: deleting the account withdraws the consent.
  std::function<void(platform::store::Session&, const std::string& user_id, const std::string& ip)>
      withdraw;
};

// A new sign-in session: the cookie values to hand to the browser once.
struct IssuedSession {
  std::string token;
  std::string csrf_token;
  std::chrono::seconds max_age;
};

struct SignupInput {
  std::string email;
  std::string username;
  std::string password;
  std::optional<std::string> invite_code;
  // The browser's language and time zone, so that a new account starts out speaking it.
  PreferencesPatch preferences;
  // The privacy policy version the user ticked the consent box for (ConsentHooks).
  std::optional<std::int64_t> consent_policy_version;
};

struct LoginOutcome {
  std::optional<User> user;              // signed in
  std::optional<IssuedSession> session;  // signed in
  std::optional<std::string> challenge;  // a second factor is needed
  // Signed in: a new device cookie for this browser (see AuthLimits::login_per_device).
  std::optional<std::string> device_cookie;
  // Signed in while suspended: the end of the suspension. The session is restricted until then
  // (see Principal::suspended_until).
  std::optional<std::string> suspended_until;
  // Signed in while the account was pending erasure: the deletion is cancelled.
  bool erasure_cancelled = false;
  // Signed in: the user must consent to the current privacy policy first (ConsentHooks).
  bool consent_required = false;
};

// Sign-up, email verification, sign-in (with the second factor), sign-out, password reset and
// resolving credentials to a Principal. Nothing here knows HTTP.
class AuthService {
 public:
  explicit AuthService(AccountsDeps& deps) : d_(deps) {}

  // Installation only: until a user's suspension ends, their tokens answer 403 account_suspended
  // (with the end time) and their sign-ins and sessions are restricted (Principal::
  // suspended_until): the auth middleware lets such a session reach only the routes that show
  // the decision and take the appeal, so a suspended user can still read and contest it.
  void SetSuspensionCheck(SuspensionCheck check) { suspension_ = std::move(check); }
  // Installation only: how Bearer tokens starting "vgr_oat_" (OAuth access tokens) are checked.
  // Without one, such tokens are refused.
  void SetOAuthTokenVerifier(OAuthTokenVerifier verifier) { oauth_verifier_ = std::move(verifier); }
  // Installation only: resolved sessions and tokens are kept in `cache` (see CredentialCache:
  // every write in this process that changes what they were read from drops them at once).
  void SetCredentialCache(platform::auth::CredentialCache* cache) { cache_ = cache; }
  // Installation only: how the OAuth feature ends a user's grants, told to the apps (their
  // webhooks), inside the caller's transaction. Without it (no OAuth feature), the grants'
  // rows are deleted.
  using OAuthGrantsEnder = std::function<void(platform::store::Session&, const std::string&)>;
  void SetOAuthGrantsEnder(OAuthGrantsEnder ender) { oauth_grants_ender_ = std::move(ender); }
  const OAuthGrantsEnder& oauth_grants_ender() const { return oauth_grants_ender_; }
  // Installation only: sign-up then requires consent to the current privacy policy, and sign-in
  // and GET /me tell whether consent is required.
  void SetConsentHooks(ConsentHooks hooks) { consent_ = std::move(hooks); }
  // Whether `user_id` must consent before using the app, in the caller's transaction.
  bool ConsentRequired(platform::store::Session& s, const std::string& user_id) const {
    return consent_.required && consent_.required(s, user_id);
  }
  // DELETE /api/v1/me: the consent is withdrawn with the account, in the caller's transaction.
  void WithdrawConsent(platform::store::Session& s, const std::string& user_id,
                       const std::string& ip) const {
    if (consent_.withdraw) consent_.withdraw(s, user_id, ip);
  }

  void Signup(const SignupInput& input, const ClientInfo& client);
  // Returns "verified", "email_changed" or "awaiting_approval".
  std::string VerifyEmail(const std::string& token, const ClientInfo& client);
  // `device_cookie`: what the browser sent of an earlier successful sign-in ("" when nothing).
  LoginOutcome Login(const std::string& login, const std::string& password,
                     const ClientInfo& client, std::string_view device_cookie = {});
  LoginOutcome CompleteSecondFactor(const std::string& challenge, const std::string& code,
                                    const ClientInfo& client);
  void Logout(const platform::auth::Principal& principal, const ClientInfo& client);
  void RequestPasswordReset(const std::string& email, const ClientInfo& client);
  void ConfirmPasswordReset(const std::string& token, const std::string& password,
                            const ClientInfo& client);

  std::optional<platform::auth::Principal> AuthenticateSession(const std::string& token);

  // OWASP's signed double-submit cookie: a CSRF token is a random nonce and the MAC of the
  // session cookie's value with it, so it is good only with the session it was issued for
  // (`session_token` "" before sign-in). Checked in constant time; needs no database.
  std::string IssueCsrfToken(std::string_view session_token) const;
  bool IsCsrfTokenFor(std::string_view csrf_token, std::string_view session_token) const;
  std::optional<platform::auth::Principal> AuthenticateToken(const std::string& token,
                                                             const ClientInfo& client);

  // Creates a session in the caller's transaction (also used after a password change or 2FA).
  IssuedSession IssueSession(platform::store::Session& s, const std::string& user_id,
                             const ClientInfo& client);
  // Checks a TOTP code or a recovery code for the user, in the caller's transaction.
  bool CheckSecondFactor(platform::store::Session& s, const User& user, const std::string& code,
                         const ClientInfo& client);

  // Housekeeping tasks (see platform::jobs::Housekeeping): dead sessions, expired one-time tokens.
  std::int64_t PurgeDeadSessions(platform::store::Session& s,
                                 std::chrono::system_clock::time_point now, int limit);
  std::int64_t PurgeExpiredOneTimeTokens(platform::store::Session& s,
                                         std::chrono::system_clock::time_point now, int limit);
  // Erases the accounts whose grace period after DELETE /api/v1/me ended before `now`.
  std::int64_t EraseDueAccounts(platform::store::Session& s,
                                std::chrono::system_clock::time_point now, int limit);

 private:
  bool IsRetriedSignup(const std::string& username, const std::string& email,
                       const std::string& password);
  std::string IssueDeviceCookie(const std::string& user_id) const;
  // The rate-limit bucket of a device cookie that is genuine and names `user_id`.
  std::optional<std::string> DeviceBucket(std::string_view device_cookie,
                                          const std::string& user_id) const;

  // Throws Error(kForbidden, account_suspended) while `user_id` is suspended.
  void RefuseSuspended(platform::store::Session& s, const std::string& user_id) const;
  // A sign-in of a user pending erasure keeps the account: removes the mark, audits and mails.
  bool CancelErasure(platform::store::Session& s, const User& user, const ClientInfo& client);
  // The end of `user_id`'s suspension; nullopt when they are not suspended.
  std::optional<std::string> SuspendedUntil(platform::store::Session& s,
                                            const std::string& user_id) const;

  AccountsDeps& d_;
  SuspensionCheck suspension_;
  OAuthTokenVerifier oauth_verifier_;
  OAuthGrantsEnder oauth_grants_ender_;
  ConsentHooks consent_;

  platform::auth::CredentialCache* cache_ = nullptr;

  std::optional<platform::auth::CredentialCache::Loaded> AuthenticateOAuthToken(
      const std::string& token);
  // Through the cache when there is one.
  std::optional<platform::auth::Principal> Resolve(
      const std::string& key,
      const std::function<std::optional<platform::auth::CredentialCache::Loaded>()>& load);
};

// Lower-cased, trimmed; empty when it is not a plausible address.
std::string NormalizeEmail(const std::string& email);
// Trimmed, lower case: a username as stored, and a sign-in name as looked up.
std::string NormalizeUsername(const std::string& username);
bool IsValidUsername(const std::string& username);

}  // namespace vigor::features::accounts
