#include "features/accounts/account_service.hpp"

#include <algorithm>

#include "platform/crypto/password.hpp"
#include "platform/crypto/password_policy.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/crypto/totp.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"

namespace vigor::features::accounts {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;
namespace crypto = platform::crypto;

namespace {
constexpr auto kEmailChangeTtl = std::chrono::hours(48);

Error WrongPassword() {
  return Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"password", Msg("not_right")}});
}

// Recovery codes: 12 characters from an unambiguous alphabet, shown as xxxx-xxxx-xxxx.
std::string NewRecoveryCode() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string bytes = crypto::RandomBytes(12);
  std::string code;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 8) code.push_back('-');
    code.push_back(kAlphabet[static_cast<unsigned char>(bytes[i]) % (sizeof kAlphabet - 1)]);
  }
  return code;
}

std::string NormalizeCode(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c != ' ' && c != '-') out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}
}  // namespace

User AccountService::Load(const std::string& user_id) {
  auto user = d_.database.ReadResult([&](Session& s) { return d_.users.FindById(s, user_id); });
  if (!user) throw Error(ErrorKind::kUnauthenticated, Msg("sign_in_again"));
  return std::move(*user);
}

void AccountService::RequirePassword(const User& user, const std::string& password) {
  // Re-entering the password is a sign-in attempt too: same per-account limit.
  std::string bucket = "login:account:" + user.id;
  d_.limiter.Take(bucket, d_.options.limits.login_per_account);
  if (!user.password_hash || !d_.hasher.Verify(password, *user.password_hash).ok) {
    throw WrongPassword();
  }
  d_.limiter.Refund(bucket, d_.options.limits.login_per_account);
}

User AccountService::Me(const Principal& principal) { return Load(principal.user_id); }

bool AccountService::ConsentRequired(const Principal& principal) {
  return d_.database.ReadResult(
      [&](Session& s) { return auth_.ConsentRequired(s, principal.user_id); });
}

std::string AccountService::TimeZoneOf(Session& s, const std::string& user_id) {
  auto user = d_.users.FindById(s, user_id);
  return user ? user->preferences.time_zone : "UTC";
}

std::optional<MailContact> AccountService::MailContactOf(Session& s, const std::string& user_id) {
  auto user = d_.users.FindById(s, user_id);
  if (!user) return std::nullopt;
  return MailContact{.email = user->email,
                     .username = user->username,
                     .locale = user->preferences.locale,
                     .time_zone = user->preferences.time_zone,
                     .mailable = user->status == UserStatus::kActive && user->email_verified()};
}

TrainingProfile AccountService::TrainingProfileOf(Session& s, const std::string& user_id) {
  auto user = d_.users.FindById(s, user_id);
  if (!user) return {};
  const auto& p = user->preferences;
  return TrainingProfile{.time_zone = p.time_zone,
                         .week_start = p.week_start,
                         .one_rep_max_formula = p.one_rep_max_formula,
                         .birth_year = p.birth_year,
                         .max_heart_rate = p.max_heart_rate,
                         .resting_heart_rate = p.resting_heart_rate};
}

User AccountService::UpdatePreferences(const Principal& principal, const PreferencesPatch& patch) {
  platform::FieldErrors errors;
  AddPreferenceErrors(errors, patch, "preferences.");
  errors.ThrowIfAny();
  auto updated = d_.database.WriteResult([&](Session& s) -> std::optional<User> {
    auto user = d_.users.FindById(s, principal.user_id);
    if (!user) return std::nullopt;
    auto& p = user->preferences;
    Apply(p, patch);
    platform::FieldErrors together;
    AddProfileErrors(together, p, "preferences.");
    together.ThrowIfAny();
    user->updated_at = platform::NowRfc3339();
    d_.users.SetPreferences(s, user->id, p, user->updated_at);
    // What others derive from the preferences (weeks, local days, heart-rate zones) is kept
    // under the user's rev (the dashboard's cache), so a change of them moves it too.
    platform::store::NextRevision(s, user->id);
    return user;
  });
  if (!updated) throw Error(ErrorKind::kUnauthenticated, Msg("sign_in_again"));
  return std::move(*updated);
}

IssuedSession AccountService::ChangePassword(const Principal& principal, const std::string& current,
                                             const std::string& next, const ClientInfo& client) {
  User user = Load(principal.user_id);
  if (!user.password_hash || !d_.hasher.Verify(current, *user.password_hash).ok) {
    d_.limiter.Take("login:account:" + user.id, d_.options.limits.login_per_account);
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"current_password", Msg("not_right")}});
  }
  if (auto problem = d_.policy.Check(next, user.username, user.email)) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"new_password", *problem}});
  }
  std::string hash = d_.hasher.Hash(next);
  return d_.database.WriteResult([&](Session& s) {
    std::string now = platform::NowRfc3339();
    d_.users.SetPasswordHash(s, user.id, hash, now);
    // Every other device signs in again; this one gets a fresh session id.
    d_.credentials.DeleteSessions(s, user.id);
    d_.audit.Record(s, "password_changed", user.id, user.id, client.ip);
    return auth_.IssueSession(s, user.id, client);
  });
}

void AccountService::ChangeEmail(const Principal& principal, const std::string& new_email,
                                 const std::string& password, const ClientInfo& client) {
  std::string email = NormalizeEmail(new_email);
  if (email.empty()) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"new_email", Msg("email_invalid")}});
  }
  User user = Load(principal.user_id);
  RequirePassword(user, password);
  if (email == user.email) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"new_email", Msg("email_is_current")}});
  }
  std::string token = crypto::RandomToken();
  d_.database.Write([&](Session& s) {
    std::string now = platform::NowRfc3339();
    d_.audit.Record(s, "email_change_requested", user.id, user.id, client.ip);
    // Whether the address is taken is not told here (enumeration); the confirmation refuses it.
    if (d_.users.EmailTaken(s, email)) {
      d_.mail.Enqueue(s, d_.mails.AlreadyRegistered(email));
      return;
    }
    d_.credentials.InvalidateOneTimeTokens(s, user.id, "change_email", now);
    d_.credentials.InsertOneTimeToken(s, crypto::Sha256Hex(token), "change_email", user.id, email,
                                      now, platform::Rfc3339FromNow(kEmailChangeTtl));
    d_.mail.Enqueue(s, d_.mails.EmailChange(email, user.username, token));
  });
  d_.mail.Notify();
}

std::vector<SessionRecord> AccountService::Sessions(const Principal& principal) {
  return d_.database.ReadResult([&](Session& s) {
    return d_.credentials.ListSessions(s, principal.user_id, platform::NowRfc3339());
  });
}

void AccountService::RevokeSession(const Principal& principal, const std::string& session_id,
                                   const ClientInfo& client) {
  d_.database.Write([&](Session& s) {
    if (!d_.credentials.DeleteSession(s, principal.user_id, session_id)) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_session"));
    }
    d_.audit.Record(s, "session_revoked", principal.user_id, principal.user_id, client.ip);
  });
}

void AccountService::RevokeAllSessions(const Principal& principal, const ClientInfo& client) {
  d_.database.Write([&](Session& s) {
    d_.credentials.DeleteSessions(s, principal.user_id);
    d_.audit.Record(s, "sessions_revoked_all", principal.user_id, principal.user_id, client.ip);
  });
}

std::vector<ApiToken> AccountService::Tokens(const Principal& principal) {
  return d_.database.ReadResult(
      [&](Session& s) { return d_.credentials.ListTokens(s, principal.user_id); });
}

CreatedToken AccountService::CreateToken(const Principal& principal, const std::string& name,
                                         const std::vector<std::string>& scopes,
                                         std::optional<int> expires_in_days,
                                         const ClientInfo& client) {
  platform::FieldErrors errors;
  if (name.empty() || name.size() > 100) errors.Add("name", Msg("length_1_to_100"));
  if (scopes.empty()) errors.Add("scopes", Msg("scope_required"));
  const auto& known = KnownScopes();
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    if (std::find(known.begin(), known.end(), scopes[i]) == known.end()) {
      errors.Add("scopes[" + std::to_string(i) + "]", Msg("scope_unknown"));
    }
  }
  if (expires_in_days && (*expires_in_days < 1 || *expires_in_days > 3650)) {
    errors.Add("expires_in_days", Msg("token_days_invalid"));
  }
  errors.ThrowIfAny();

  CreatedToken created;
  created.secret = "vgr_pat_" + crypto::RandomToken();
  created.token.id = platform::NewId();
  created.token.user_id = principal.user_id;
  created.token.name = name;
  created.token.scopes = scopes;
  std::sort(created.token.scopes.begin(), created.token.scopes.end());
  created.token.scopes.erase(std::unique(created.token.scopes.begin(), created.token.scopes.end()),
                             created.token.scopes.end());
  created.token.created_at = platform::NowRfc3339();
  if (expires_in_days) {
    created.token.expires_at = platform::Rfc3339FromNow(std::chrono::hours(24 * *expires_in_days));
  }
  d_.database.Write([&](Session& s) {
    d_.credentials.InsertToken(s, created.token, crypto::Sha256Hex(created.secret));
    d_.audit.Record(s, "token_created", principal.user_id, principal.user_id, client.ip,
                    "name: " + name);
  });
  return created;
}

void AccountService::RevokeToken(const Principal& principal, const std::string& token_id,
                                 const ClientInfo& client) {
  d_.database.Write([&](Session& s) {
    if (!d_.credentials.DeleteToken(s, principal.user_id, token_id)) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_token"));
    }
    d_.audit.Record(s, "token_revoked", principal.user_id, principal.user_id, client.ip);
  });
}

TotpSetup AccountService::StartTotp(const Principal& principal, const std::string& password,
                                    const ClientInfo&) {
  User user = Load(principal.user_id);
  RequirePassword(user, password);
  if (user.totp_enabled()) {
    throw Error(ErrorKind::kConflict, Msg("totp_already_on"));
  }
  std::string secret = crypto::NewTotpSecret();
  d_.database.Write([&](Session& s) {
    d_.users.SetTotpPending(s, user.id, d_.secrets.Seal(secret), platform::NowRfc3339());
  });
  return {crypto::Base32Encode(secret), crypto::TotpUri(issuer_, user.username, secret)};
}

std::pair<std::vector<std::string>, IssuedSession> AccountService::EnableTotp(
    const Principal& principal, const std::string& code, const ClientInfo& client) {
  std::string bucket = "second_factor:" + principal.user_id;
  d_.limiter.Take(bucket, d_.options.limits.second_factor_per_user);
  User user = Load(principal.user_id);
  if (user.totp_enabled()) {
    throw Error(ErrorKind::kConflict, Msg("totp_already_on"));
  }
  if (!user.totp_pending_sealed) {
    throw Error(ErrorKind::kConflict, Msg("totp_setup_not_started"));
  }
  auto secret = d_.secrets.Open(*user.totp_pending_sealed);
  if (!secret) throw Error::Internal("cannot open the pending TOTP secret");
  auto now_s = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  auto step = crypto::MatchTotp(*secret, NormalizeCode(code), now_s);
  if (!step) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"code", Msg("totp_code_not_right")}});
  }
  std::vector<std::string> codes;
  std::vector<std::string> hashes;
  for (int i = 0; i < 10; ++i) {
    codes.push_back(NewRecoveryCode());
    hashes.push_back(crypto::Sha256Hex(NormalizeCode(codes.back())));
  }
  auto session = d_.database.WriteResult([&](Session& s) {
    std::string now = platform::NowRfc3339();
    d_.users.SetTotpSecret(s, user.id, *user.totp_pending_sealed, now);
    d_.users.ClaimTotpStep(s, user.id, *step);
    d_.credentials.ReplaceRecoveryCodes(s, user.id, hashes);
    // A privilege change: every session starts over, this one with a new id.
    d_.credentials.DeleteSessions(s, user.id);
    d_.audit.Record(s, "totp_enabled", user.id, user.id, client.ip);
    return auth_.IssueSession(s, user.id, client);
  });
  d_.limiter.Refund(bucket, d_.options.limits.second_factor_per_user);
  return {codes, session};
}

void AccountService::DisableTotp(const Principal& principal, const std::string& password,
                                 const std::string& code, const ClientInfo& client) {
  std::string bucket = "second_factor:" + principal.user_id;
  d_.limiter.Take(bucket, d_.options.limits.second_factor_per_user);
  User user = Load(principal.user_id);
  RequirePassword(user, password);
  if (!user.totp_enabled()) {
    throw Error(ErrorKind::kConflict, Msg("totp_not_on"));
  }
  d_.database.Write([&](Session& s) {
    if (!auth_.CheckSecondFactor(s, user, code, client)) {
      throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"code", Msg("not_right")}});
    }
    d_.users.SetTotpSecret(s, user.id, std::nullopt, platform::NowRfc3339());
    d_.credentials.DeleteRecoveryCodes(s, user.id);
    d_.audit.Record(s, "totp_disabled", user.id, user.id, client.ip);
  });
  d_.limiter.Refund(bucket, d_.options.limits.second_factor_per_user);
}

std::string AccountService::RequestErasure(const Principal& principal, const std::string& password,
                                           const std::string& code, const ClientInfo& client) {
  User user = Load(principal.user_id);
  RequirePassword(user, password);
  std::string bucket = "second_factor:" + user.id;
  if (user.totp_enabled()) d_.limiter.Take(bucket, d_.options.limits.second_factor_per_user);
  std::string erase_after = d_.database.WriteResult([&](Session& s) {
    if (user.totp_enabled()) {
      if (code.empty()) {
        throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"code", Msg("required")}});
      }
      if (!auth_.CheckSecondFactor(s, user, code, client)) {
        throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"code", Msg("not_right")}});
      }
    }
    std::string now = platform::NowRfc3339();
    std::string until =
        platform::Rfc3339FromNow(std::chrono::hours(24 * d_.settings.ErasureGraceDays(s)));
    d_.erasure.Schedule(s, user.id, now, until);
    // Signed out everywhere at once: sessions, personal access tokens, OAuth grants (their
    // codes and tokens go with them).
    d_.credentials.DeleteSessions(s, user.id);
    d_.credentials.DeleteTokens(s, user.id);
    if (const auto& end_grants = auth_.oauth_grants_ender()) {
      end_grants(s, user.id);
    } else {
      d_.erasure.EndOAuthGrants(s, user.id);
    }
    d_.audit.Record(s, "erasure_requested", user.id, user.id, client.ip, "erase after " + until);
    auth_.WithdrawConsent(s, user.id, client.ip);
    d_.mail.Enqueue(s, d_.mails.ErasureScheduled(user.email, user.username, until));
    return until;
  });
  if (user.totp_enabled()) d_.limiter.Refund(bucket, d_.options.limits.second_factor_per_user);
  d_.mail.Notify();
  return erase_after;
}

AuditPage AccountService::AuditEvents(const Principal& principal, const std::string& cursor,
                                      int limit) {
  AuditPage page;
  page.items = d_.database.ReadResult(
      [&](Session& s) { return d_.audit.List(s, principal.user_id, cursor, limit + 1); });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  for (auto& event : page.items) {
    if (!event.actor_id || *event.actor_id == principal.user_id) continue;
    // Someone else acted on the account (an admin, a moderator, a reporter): the user sees
    // what was done and when, and that it was not them, but not the other person's address.
    event.ip.reset();
    // Who reported the user is not theirs to know (moderation keeps reporters anonymous).
    if (event.kind == "moderation_report") event.actor_id.reset();
  }
  return page;
}

}  // namespace vigor::features::accounts
