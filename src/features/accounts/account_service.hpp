#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/accounts/auth_service.hpp"
#include "features/accounts/training_profile.hpp"

namespace vigor::features::accounts {

struct TotpSetup {
  std::string secret_base32;
  std::string otpauth_uri;
};

struct CreatedToken {
  ApiToken token;
  std::string secret;  // shown once
};

struct AuditPage {
  std::vector<AuditEvent> items;
  std::optional<std::string> next_cursor;
};

// How to write to a user, for a feature that mails them (the notifications' daily digest).
// mailable: an active account with a confirmed email address.
struct MailContact {
  std::string email;
  std::string username;
  std::string locale;
  std::string time_zone;
  bool mailable = false;
};

// The signed-in user's own account: password, email, sessions, tokens, two-factor, audit log.
// Every method acts on `principal.user_id` only: there is no way to name another user here.
class AccountService {
 public:
  AccountService(AccountsDeps& deps, AuthService& auth, std::string issuer)
      : d_(deps), auth_(auth), issuer_(std::move(issuer)) {}

  User Me(const platform::auth::Principal& principal);
  // Whether the user must consent to the current privacy policy before using the app.
  bool ConsentRequired(const platform::auth::Principal& principal);
  // The IANA zone of the user's profile ("UTC" when there is no such user), in the caller's
  // transaction: other features read local times in it (imports).
  std::string TimeZoneOf(platform::store::Session& s, const std::string& user_id);
  // How to write to the user (nullopt for no such user), in the caller's transaction.
  std::optional<MailContact> MailContactOf(platform::store::Session& s, const std::string& user_id);
  // What progress figures need (training_profile.hpp), in the caller's transaction.
  TrainingProfile TrainingProfileOf(platform::store::Session& s, const std::string& user_id);
  // Applies the members of `patch` that are set, after checking them all (field errors are named
  // "preferences.<member>"), and returns the updated user.
  User UpdatePreferences(const platform::auth::Principal& principal, const PreferencesPatch& patch);
  // Returns the new session that replaces the current one (rotated on privilege change).
  IssuedSession ChangePassword(const platform::auth::Principal& principal,
                               const std::string& current, const std::string& next,
                               const ClientInfo& client);
  void ChangeEmail(const platform::auth::Principal& principal, const std::string& new_email,
                   const std::string& password, const ClientInfo& client);

  std::vector<SessionRecord> Sessions(const platform::auth::Principal& principal);
  void RevokeSession(const platform::auth::Principal& principal, const std::string& session_id,
                     const ClientInfo& client);
  void RevokeAllSessions(const platform::auth::Principal& principal, const ClientInfo& client);

  std::vector<ApiToken> Tokens(const platform::auth::Principal& principal);
  CreatedToken CreateToken(const platform::auth::Principal& principal, const std::string& name,
                           const std::vector<std::string>& scopes,
                           std::optional<int> expires_in_days, const ClientInfo& client);
  void RevokeToken(const platform::auth::Principal& principal, const std::string& token_id,
                   const ClientInfo& client);

  TotpSetup StartTotp(const platform::auth::Principal& principal, const std::string& password,
                      const ClientInfo& client);
  // Returns the recovery codes (shown once) and the rotated session.
  std::pair<std::vector<std::string>, IssuedSession> EnableTotp(
      const platform::auth::Principal& principal, const std::string& code,
      const ClientInfo& client);
  void DisableTotp(const platform::auth::Principal& principal, const std::string& password,
                   const std::string& code, const ClientInfo& client);

  // DELETE /api/v1/me: after the password (and the second factor when it is on), ends every
  // session and token of the user, marks the account pending erasure and mails when it will be
  // erased. Returns erase_after (RFC 3339): the grace period is the admin's setting.
  std::string RequestErasure(const platform::auth::Principal& principal,
                             const std::string& password, const std::string& code,
                             const ClientInfo& client);

  AuditPage AuditEvents(const platform::auth::Principal& principal, const std::string& cursor,
                        int limit);

 private:
  User Load(const std::string& user_id);
  void RequirePassword(const User& user, const std::string& password);

  AccountsDeps& d_;
  AuthService& auth_;
  std::string issuer_;
};

}  // namespace vigor::features::accounts
