// AuthService: signing up, verifying an address, resetting a forgotten password (the ways in
// that mail a link); signing in and credentials are in auth_service.cpp.
#include <algorithm>
#include <cctype>

#include "features/accounts/auth_service.hpp"
#include "platform/crypto/password.hpp"
#include "platform/crypto/password_policy.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::accounts {

using platform::Error;
using platform::ErrorKind;
using platform::FieldErrors;
using platform::store::Session;
namespace crypto = platform::crypto;

namespace {

constexpr auto kVerifyTtl = std::chrono::hours(48);
constexpr auto kResetTtl = std::chrono::hours(1);

std::string Trim(const std::string& s) {
  auto start = s.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return {};
  auto end = s.find_last_not_of(" \t\r\n");
  return s.substr(start, end - start + 1);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::string NormalizeUsername(const std::string& username) { return Lower(Trim(username)); }

std::string NormalizeEmail(const std::string& email) {
  std::string e = Lower(Trim(email));
  auto at = e.find('@');
  bool ok = e.size() <= 254 && at != std::string::npos && at > 0 && at == e.rfind('@') &&
            e.find('.', at) != std::string::npos && e.back() != '.' &&
            e.find_first_of(" \t\r\n<>()[],;:\"\\") == std::string::npos && at + 1 < e.size() &&
            e[at + 1] != '.';
  return ok ? e : std::string();
}

bool IsValidUsername(const std::string& username) {
  if (username.size() < 3 || username.size() > 30) return false;
  return std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void AuthService::Signup(const SignupInput& input, const ClientInfo& client) {
  d_.limiter.Take("signup:ip:" + client.ip, d_.options.limits.signup_per_ip);
  FieldErrors errors;
  std::string email = NormalizeEmail(input.email);
  std::string username = NormalizeUsername(input.username);
  if (email.empty()) errors.Add("email", Msg("email_invalid"));
  if (!IsValidUsername(username)) {
    errors.Add("username", Msg("username_invalid"));
  }
  if (auto problem = d_.policy.Check(input.password, username, email)) {
    errors.Add("password", *problem);
  }
  AddPreferenceErrors(errors, input.preferences, "");
  // Explicit consent (GDPR Art. 9(2)(a)): the box ticked for the policy version the form showed.
  if (consent_.record_at_signup && !input.consent_policy_version) {
    errors.Add("consent_policy_version", Msg("consent_required"));
  }
  errors.ThrowIfAny();

  std::string mode = d_.settings.Registration();
  if (mode == "closed") {
    throw Error(ErrorKind::kForbidden, Msg("signup_closed"));
  }
  if (mode == "invite_only" && (!input.invite_code || input.invite_code->empty())) {
    throw Error(ErrorKind::kValidation, Msg("invite_required"), {{"invite_code", Msg("required")}});
  }

  // The slow part runs before the transaction, and also when the address is taken, so both
  // answers take the same time.
  std::string hash = d_.hasher.Hash(input.password);
  std::string token = crypto::RandomToken();

  bool username_taken = false;
  d_.database.Write([&](Session& s) {
    username_taken = d_.users.UsernameTaken(s, username);
    if (username_taken) return;
    if (d_.users.EmailTaken(s, email)) {
      d_.mail.Enqueue(s, d_.mails.AlreadyRegistered(email));
      return;
    }
    std::string now = platform::NowRfc3339();
    User user;
    user.id = platform::NewId();
    user.username = username;
    user.email = email;
    user.password_hash = hash;
    user.status = mode == "approval" ? UserStatus::kPendingApproval : UserStatus::kActive;
    user.created_at = now;
    Apply(user.preferences, input.preferences);
    d_.users.Insert(s, user);
    if (mode == "invite_only" &&
        !d_.credentials.UseInvite(s, crypto::Sha256Hex(*input.invite_code), user.id, now)) {
      throw Error(ErrorKind::kValidation, Msg("invite_invalid"),
                  {{"invite_code", Msg("token_unknown")}});
    }
    if (consent_.record_at_signup) {
      consent_.record_at_signup(s, user.id, *input.consent_policy_version, client.ip);
    }
    d_.credentials.InsertOneTimeToken(s, crypto::Sha256Hex(token), "verify_email", user.id,
                                      std::nullopt, now, platform::Rfc3339FromNow(kVerifyTtl));
    d_.audit.Record(s, "signup", user.id, user.id, client.ip);
    d_.mail.Enqueue(s, d_.mails.Verification(email, username, token));
  });
  if (username_taken) {
    if (IsRetriedSignup(username, email, input.password)) return;
    throw Error(ErrorKind::kConflict, Msg("username_taken_detail"),
                {{"username", Msg("username_taken")}});
  }
  d_.mail.Notify();
}

// A sign-up whose answer was lost (a dropped connection, a primary that failed over after its
// COMMIT) is sent again by the client: it finds its own account and must get the answer the
// first attempt had, not "username taken". It is the same sign-up when the account is still
// unverified, with the same address, and the password matches: whoever sends that already knows
// everything the answer could tell. Nothing is written again; the first verification mail stands.
// Every taken username costs one password check, so the time of the 409 does not tell whether
// the address sent is the (unverified) account's.
bool AuthService::IsRetriedSignup(const std::string& username, const std::string& email,
                                  const std::string& password) {
  auto existing =
      d_.database.ReadResult([&](Session& s) { return d_.users.FindByUsername(s, username); });
  if (!existing || existing->email_verified() || existing->email != email ||
      !existing->password_hash) {
    d_.hasher.VerifyDummy(password);
    return false;
  }
  return d_.hasher.Verify(password, *existing->password_hash).ok;
}

std::string AuthService::VerifyEmail(const std::string& token, const ClientInfo& client) {
  d_.limiter.Take("verify:ip:" + client.ip, d_.options.limits.verify_per_ip);
  std::string hash = crypto::Sha256Hex(token);
  std::string status = d_.database.WriteResult([&](Session& s) -> std::string {
    std::string now = platform::NowRfc3339();
    for (const char* purpose : {"verify_email", "change_email"}) {
      auto found = d_.credentials.FindOneTimeToken(s, hash, purpose, now);
      if (!found) continue;
      d_.credentials.ConsumeOneTimeToken(s, hash, now);
      auto user = d_.users.FindById(s, found->user_id);
      if (!user) break;
      if (std::string(purpose) == "change_email") {
        std::string new_email = found->payload.value_or("");
        if (new_email.empty() || d_.users.EmailTaken(s, new_email)) {
          throw Error(ErrorKind::kConflict, Msg("email_in_use"));
        }
        d_.users.SetEmail(s, user->id, new_email, now);
        d_.audit.Record(s, "email_changed", user->id, user->id, client.ip);
        d_.mail.Enqueue(s, d_.mails.EmailChangedNotice(user->email, user->username));
        return "email_changed";
      }
      d_.users.MarkEmailVerified(s, user->id, now);
      d_.audit.Record(s, "email_verified", user->id, user->id, client.ip);
      return user->status == UserStatus::kPendingApproval ? "awaiting_approval" : "verified";
    }
    throw Error(ErrorKind::kBadRequest, Msg("link_invalid"));
  });
  d_.mail.Notify();
  return status;
}

void AuthService::RequestPasswordReset(const std::string& email, const ClientInfo& client) {
  d_.limiter.Take("reset:ip:" + client.ip, d_.options.limits.reset_per_ip);
  std::string normalized = NormalizeEmail(email);
  if (normalized.empty()) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"email", Msg("email_invalid")}});
  }
  // Per address, so nobody can flood one inbox; the answer is the same whether it exists.
  d_.limiter.Take("reset:account:" + crypto::Sha256Hex(normalized),
                  d_.options.limits.reset_per_account);
  std::string token = crypto::RandomToken();
  d_.database.Write([&](Session& s) {
    auto user = d_.users.FindByEmail(s, normalized);
    if (!user || user->status == UserStatus::kDisabled) return;
    std::string now = platform::NowRfc3339();
    d_.credentials.InvalidateOneTimeTokens(s, user->id, "password_reset", now);
    d_.credentials.InsertOneTimeToken(s, crypto::Sha256Hex(token), "password_reset", user->id,
                                      std::nullopt, now, platform::Rfc3339FromNow(kResetTtl));
    d_.audit.Record(s, "password_reset_requested", user->id, std::nullopt, client.ip);
    d_.mail.Enqueue(s, d_.mails.PasswordReset(user->email, user->username, token));
  });
  d_.mail.Notify();
}

void AuthService::ConfirmPasswordReset(const std::string& token, const std::string& password,
                                       const ClientInfo& client) {
  d_.limiter.Take("verify:ip:" + client.ip, d_.options.limits.verify_per_ip);
  std::string hash = crypto::Sha256Hex(token);
  auto pending = d_.database.ReadResult([&](Session& s) -> std::optional<User> {
    auto found = d_.credentials.FindOneTimeToken(s, hash, "password_reset", platform::NowRfc3339());
    if (!found) return std::nullopt;
    return d_.users.FindById(s, found->user_id);
  });
  if (!pending) {
    throw Error(ErrorKind::kBadRequest, Msg("link_invalid"));
  }
  if (auto problem = d_.policy.Check(password, pending->username, pending->email)) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"password", *problem}});
  }
  std::string new_hash = d_.hasher.Hash(password);
  d_.database.Write([&](Session& s) {
    std::string now = platform::NowRfc3339();
    if (!d_.credentials.ConsumeOneTimeToken(s, hash, now)) {
      throw Error(ErrorKind::kBadRequest, Msg("link_used"));
    }
    d_.users.SetPasswordHash(s, pending->id, new_hash, now);
    // A reset link proves the mailbox: the address counts as verified from now on.
    if (!pending->email_verified()) d_.users.MarkEmailVerified(s, pending->id, now);
    d_.credentials.DeleteSessions(s, pending->id);
    d_.audit.Record(s, "password_reset", pending->id, pending->id, client.ip);
  });
}

}  // namespace vigor::features::accounts
