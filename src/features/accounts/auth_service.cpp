#include "features/accounts/auth_service.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "platform/crypto/password.hpp"
#include "platform/crypto/password_policy.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/crypto/totp.hpp"
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

constexpr auto kChallengeTtl = std::chrono::minutes(5);
// The MAC purposes of what the instance signs (platform::crypto::SecretBox::Mac).
constexpr std::string_view kCsrfPurpose = "csrf";
constexpr std::string_view kDevicePurpose = "device";
// Sessions are touched at most this often, so reads stay reads.
constexpr auto kTouchEvery = std::chrono::minutes(5);

// What a MAC covers: each part preceded by its length, so no two lists of parts read the same.
std::string MacInput(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto part : parts) out.append(std::to_string(part.size())).append(":").append(part);
  return out;
}

Error InvalidCredentials() { return Error(ErrorKind::kUnauthenticated, Msg("login_failed")); }

platform::auth::Principal PrincipalFor(const User& user, platform::auth::Principal::Via via,
                                       std::string credential_id,
                                       std::vector<std::string> scopes = {}) {
  platform::auth::Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.role = user.role;
  p.via = via;
  p.credential_id = std::move(credential_id);
  p.scopes = std::move(scopes);
  p.locale = user.preferences.locale;
  return p;
}

}  // namespace

LoginOutcome AuthService::Login(const std::string& login, const std::string& password,
                                const ClientInfo& client, std::string_view device_cookie) {
  const auto& limits = d_.options.limits;
  d_.limiter.Take("login:ip:" + client.ip, limits.login_per_ip);
  std::string key = NormalizeUsername(login);
  auto user = d_.database.ReadResult([&](Session& s) {
    return key.find('@') != std::string::npos ? d_.users.FindByEmail(s, key)
                                              : d_.users.FindByUsername(s, key);
  });
  // A browser that signed in to this account before spends its own budget while it lasts;
  // everyone else shares the account's. Unknown names get a bucket of their own too, so an
  // unknown and a known account are refused the same way and at the same rate.
  std::string bucket;
  const core::BucketRule* rule = &limits.login_per_account;
  if (auto device = user ? DeviceBucket(device_cookie, user->id) : std::nullopt;
      device && d_.limiter.TryTake(*device, limits.login_per_device)) {
    bucket = *device;
    rule = &limits.login_per_device;
  } else {
    bucket = "login:account:" + (user ? user->id : crypto::Sha256Hex(key));
    d_.limiter.Take(bucket, *rule);
  }

  if (!user || !user->password_hash) {
    d_.hasher.VerifyDummy(password);
    d_.database.Write([&](Session& s) {
      d_.audit.Record(s, "login_failed", user ? std::optional(user->id) : std::nullopt,
                      std::nullopt, client.ip, user ? "password reset pending" : "unknown account");
    });
    throw InvalidCredentials();
  }
  auto verification = d_.hasher.Verify(password, *user->password_hash);
  if (!verification.ok) {
    d_.database.Write(
        [&](Session& s) { d_.audit.Record(s, "login_failed", user->id, std::nullopt, client.ip); });
    throw InvalidCredentials();
  }
  d_.limiter.Refund(bucket, *rule);

  // Past the password: telling the state of the account leaks nothing to a stranger.
  if (user->status == UserStatus::kDisabled) {
    throw Error(ErrorKind::kForbidden, Msg("account_disabled"));
  }
  if (!user->email_verified()) {
    throw Error(ErrorKind::kForbidden, Msg("email_not_verified"));
  }
  if (user->status == UserStatus::kPendingApproval) {
    throw Error(ErrorKind::kForbidden, Msg("account_pending_approval"));
  }
  // A suspended user still signs in, to a restricted session (see SetSuspensionCheck).
  std::optional<std::string> new_hash;
  if (verification.needs_rehash) new_hash = d_.hasher.Hash(password);

  auto signed_in = d_.database.WriteResult([&](Session& s) {
    std::string now = platform::NowRfc3339();
    if (new_hash) d_.users.SetPasswordHash(s, user->id, new_hash, now);
    LoginOutcome outcome;
    if (user->totp_enabled()) {
      std::string challenge = crypto::RandomToken();
      d_.credentials.InsertOneTimeToken(s, crypto::Sha256Hex(challenge), "login_challenge",
                                        user->id, std::nullopt, now,
                                        platform::Rfc3339FromNow(kChallengeTtl));
      outcome.challenge = challenge;
      return outcome;
    }
    outcome.session = IssueSession(s, user->id, client);
    outcome.device_cookie = IssueDeviceCookie(user->id);
    d_.users.TouchLogin(s, user->id, now);
    d_.audit.Record(s, "login_succeeded", user->id, user->id, client.ip);
    outcome.erasure_cancelled = CancelErasure(s, *user, client);
    outcome.user = *d_.users.FindById(s, user->id);
    outcome.suspended_until = SuspendedUntil(s, user->id);
    outcome.consent_required = ConsentRequired(s, user->id);
    return outcome;
  });
  if (signed_in.erasure_cancelled) d_.mail.Notify();
  return signed_in;
}

bool AuthService::CheckSecondFactor(Session& s, const User& user, const std::string& code,
                                    const ClientInfo& client) {
  std::string trimmed;
  for (char c : code) {
    if (c != ' ' && c != '-') trimmed.push_back(static_cast<char>(std::tolower(c)));
  }
  if (trimmed.size() == 6 && std::all_of(trimmed.begin(), trimmed.end(), ::isdigit)) {
    if (!user.totp_secret_sealed) return false;
    auto secret = d_.secrets.Open(*user.totp_secret_sealed);
    if (!secret) throw Error::Internal("cannot open the TOTP secret");
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    auto step = crypto::MatchTotp(*secret, trimmed, now);
    // A code is good once: the same time step cannot sign in twice.
    return step && d_.users.ClaimTotpStep(s, user.id, *step);
  }
  if (d_.credentials.UseRecoveryCode(s, user.id, crypto::Sha256Hex(trimmed),
                                     platform::NowRfc3339())) {
    d_.audit.Record(s, "recovery_code_used", user.id, user.id, client.ip);
    return true;
  }
  return false;
}

LoginOutcome AuthService::CompleteSecondFactor(const std::string& challenge,
                                               const std::string& code, const ClientInfo& client) {
  std::string hash = crypto::Sha256Hex(challenge);
  auto pending = d_.database.ReadResult([&](Session& s) {
    return d_.credentials.FindOneTimeToken(s, hash, "login_challenge", platform::NowRfc3339());
  });
  if (!pending) {
    throw Error(ErrorKind::kUnauthenticated, Msg("sign_in_expired"));
  }
  std::string bucket = "second_factor:" + pending->user_id;
  d_.limiter.Take(bucket, d_.options.limits.second_factor_per_user);
  std::optional<LoginOutcome> outcome;
  d_.database.Write([&](Session& s) {
    auto user = d_.users.FindById(s, pending->user_id);
    if (!user || user->status != UserStatus::kActive) return;
    if (!CheckSecondFactor(s, *user, code, client)) {
      d_.audit.Record(s, "second_factor_failed", user->id, std::nullopt, client.ip);
      return;
    }
    std::string now = platform::NowRfc3339();
    d_.credentials.ConsumeOneTimeToken(s, hash, now);
    LoginOutcome ok;
    ok.session = IssueSession(s, user->id, client);
    ok.device_cookie = IssueDeviceCookie(user->id);
    d_.users.TouchLogin(s, user->id, now);
    d_.audit.Record(s, "login_succeeded", user->id, user->id, client.ip, "with second factor");
    ok.erasure_cancelled = CancelErasure(s, *user, client);
    ok.user = *d_.users.FindById(s, user->id);
    ok.suspended_until = SuspendedUntil(s, user->id);
    ok.consent_required = ConsentRequired(s, user->id);
    outcome = std::move(ok);
  });
  if (!outcome) throw Error(ErrorKind::kUnauthenticated, Msg("code_wrong"));
  d_.limiter.Refund(bucket, d_.options.limits.second_factor_per_user);
  if (outcome->erasure_cancelled) d_.mail.Notify();
  return std::move(*outcome);
}

void AuthService::Logout(const platform::auth::Principal& principal, const ClientInfo& client) {
  d_.database.Write([&](Session& s) {
    d_.credentials.DeleteSession(s, principal.user_id, principal.credential_id);
    d_.audit.Record(s, "logout", principal.user_id, principal.user_id, client.ip);
  });
}

IssuedSession AuthService::IssueSession(Session& s, const std::string& user_id,
                                        const ClientInfo& client) {
  IssuedSession issued{crypto::RandomToken(), "", d_.options.session_absolute};
  issued.csrf_token = IssueCsrfToken(issued.token);
  SessionRecord record;
  record.id = platform::NewId();
  record.user_id = user_id;
  record.created_at = platform::NowRfc3339();
  record.last_used_at = record.created_at;
  record.expires_at = platform::Rfc3339FromNow(d_.options.session_absolute);
  if (!client.user_agent.empty()) record.user_agent = client.user_agent.substr(0, 300);
  if (!client.ip.empty()) record.ip = client.ip;
  d_.credentials.InsertSession(s, record, crypto::Sha256Hex(issued.token));
  return issued;
}

std::optional<platform::auth::Principal> AuthService::AuthenticateSession(
    const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::string hash = crypto::Sha256Hex(token);
  return Resolve(
      "session:" + hash, [&]() -> std::optional<platform::auth::CredentialCache::Loaded> {
        auto idle = std::chrono::duration_cast<std::chrono::seconds>(d_.options.session_idle);
        auto found = d_.database.ReadResult([&](Session& s) {
          auto live = d_.credentials.FindLiveSession(s, hash, platform::NowRfc3339(),
                                                     platform::Rfc3339FromNow(-idle));
          std::optional<std::string> suspended_until;
          if (live) suspended_until = SuspendedUntil(s, live->second.id);
          return live ? std::optional(std::pair(std::move(*live), std::move(suspended_until)))
                      : std::nullopt;
        });
        if (!found) return std::nullopt;
        auto& [live, suspended_until] = *found;
        auto& [session, user] = live;
        // A copy lasts no longer than the session itself: its absolute end, its idle end as of the
        // last use read here, and the end of a suspension (which changes what it may reach).
        std::string valid_until = session.expires_at;
        if (auto used = platform::ParseRfc3339Ms(session.last_used_at)) {
          valid_until = std::min(
              valid_until,
              platform::FormatUtcMs(*used + std::chrono::duration_cast<std::chrono::milliseconds>(
                                                d_.options.session_idle)
                                                .count()));
        }
        if (suspended_until) valid_until = std::min(valid_until, *suspended_until);
        if (session.last_used_at <
            platform::Rfc3339FromNow(
                -std::chrono::duration_cast<std::chrono::seconds>(kTouchEvery))) {
          // Named, not captured: clang 14 (clang-tidy) cannot capture a structured binding.
          const std::string& session_id = session.id;
          d_.database.Write([&](Session& s) {
            d_.credentials.TouchSession(s, session_id, platform::NowRfc3339());
          });
        }
        auto principal = PrincipalFor(user, platform::auth::Principal::Via::kSession, session.id);
        principal.suspended_until = std::move(suspended_until);
        return platform::auth::CredentialCache::Loaded{std::move(principal),
                                                       std::move(valid_until)};
      });
}

std::optional<platform::auth::Principal> AuthService::Resolve(
    const std::string& key,
    const std::function<std::optional<platform::auth::CredentialCache::Loaded>()>& load) {
  if (cache_) return cache_->Find(key, load);
  auto loaded = load();
  if (!loaded) return std::nullopt;
  return std::move(loaded->principal);
}

std::string AuthService::IssueCsrfToken(std::string_view session_token) const {
  std::string nonce = crypto::RandomToken(16);
  return nonce + "." + d_.secrets.Mac(kCsrfPurpose, MacInput({session_token, nonce}));
}

bool AuthService::IsCsrfTokenFor(std::string_view csrf_token,
                                 std::string_view session_token) const {
  auto dot = csrf_token.find('.');
  if (dot == std::string_view::npos || csrf_token.size() > 200) return false;
  std::string_view nonce = csrf_token.substr(0, dot);
  std::string_view mac = csrf_token.substr(dot + 1);
  // Under any key of the ring: a token issued before a key rotation stays good.
  return d_.secrets.MacMatches(kCsrfPurpose, MacInput({session_token, nonce}), mac);
}

// "<user id>.<nonce>.<MAC>": a device cookie names the account it signed in to and proves it
// was this instance that said so. Nothing is stored; its nonce names its rate-limit bucket.
std::string AuthService::IssueDeviceCookie(const std::string& user_id) const {
  std::string nonce = crypto::RandomToken(16);
  return user_id + "." + nonce + "." + d_.secrets.Mac(kDevicePurpose, MacInput({user_id, nonce}));
}

std::optional<std::string> AuthService::DeviceBucket(std::string_view device_cookie,
                                                     const std::string& user_id) const {
  if (device_cookie.empty() || device_cookie.size() > 200) return std::nullopt;
  auto first = device_cookie.find('.');
  auto second = first == std::string_view::npos ? first : device_cookie.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string_view named = device_cookie.substr(0, first);
  std::string_view nonce = device_cookie.substr(first + 1, second - first - 1);
  std::string_view mac = device_cookie.substr(second + 1);
  if (!d_.secrets.MacMatches(kDevicePurpose, MacInput({named, nonce}), mac) || named != user_id) {
    return std::nullopt;
  }
  // The nonce is hashed: the table of buckets holds nothing a cookie could be rebuilt from.
  return "login:device:" + crypto::Sha256Hex(nonce);
}

std::optional<platform::auth::Principal> AuthService::AuthenticateToken(const std::string& token,
                                                                        const ClientInfo& client) {
  using Loaded = platform::auth::CredentialCache::Loaded;
  if (token.starts_with("vgr_oat_") && token.size() <= 200) {
    return Resolve("oauth:" + crypto::Sha256Hex(token),
                   [&] { return AuthenticateOAuthToken(token); });
  }
  if (!token.starts_with("vgr_pat_") || token.size() > 200) return std::nullopt;
  std::string hash = crypto::Sha256Hex(token);
  return Resolve("token:" + hash, [&]() -> std::optional<Loaded> {
    auto found = d_.database.ReadResult([&](Session& s) {
      auto live = d_.credentials.FindLiveToken(s, hash, platform::NowRfc3339());
      if (live) RefuseSuspended(s, live->second.id);
      return live;
    });
    if (!found) return std::nullopt;
    auto& [api_token, user] = *found;
    if (!api_token.last_used_at ||
        *api_token.last_used_at <
            platform::Rfc3339FromNow(
                -std::chrono::duration_cast<std::chrono::seconds>(kTouchEvery))) {
      const std::string& token_id = api_token.id;  // clang 14 cannot capture a binding
      d_.database.Write([&](Session& s) {
        d_.credentials.TouchToken(s, token_id, platform::NowRfc3339(), client.ip);
      });
    }
    return Loaded{
        PrincipalFor(user, platform::auth::Principal::Via::kToken, api_token.id, api_token.scopes),
        api_token.expires_at.value_or(std::string())};
  });
}

std::optional<platform::auth::CredentialCache::Loaded> AuthService::AuthenticateOAuthToken(
    const std::string& token) {
  if (!oauth_verifier_) return std::nullopt;
  auto holder = oauth_verifier_(token);
  if (!holder) return std::nullopt;
  auto user = d_.database.ReadResult([&](Session& s) -> std::optional<User> {
    auto found = d_.users.FindById(s, holder->user_id);
    if (!found || found->status != UserStatus::kActive) return std::nullopt;
    RefuseSuspended(s, found->id);
    return found;
  });
  if (!user) return std::nullopt;
  return platform::auth::CredentialCache::Loaded{
      PrincipalFor(*user, platform::auth::Principal::Via::kToken, holder->grant_id, holder->scopes),
      holder->expires_at};
}

std::optional<std::string> AuthService::SuspendedUntil(Session& s,
                                                       const std::string& user_id) const {
  if (!suspension_) return std::nullopt;
  return suspension_(s, user_id);
}

void AuthService::RefuseSuspended(Session& s, const std::string& user_id) const {
  if (auto until = SuspendedUntil(s, user_id)) {
    throw Error(ErrorKind::kForbidden, Msg("account_suspended", {{"until", *until}}));
  }
}

std::int64_t AuthService::PurgeDeadSessions(Session& s, std::chrono::system_clock::time_point now,
                                            int limit) {
  return d_.credentials.DeleteDeadSessions(s, platform::FormatRfc3339(now),
                                           platform::FormatRfc3339(now - d_.options.session_idle),
                                           limit);
}

std::int64_t AuthService::PurgeExpiredOneTimeTokens(Session& s,
                                                    std::chrono::system_clock::time_point now,
                                                    int limit) {
  return d_.credentials.DeleteExpiredOneTimeTokens(s, platform::FormatRfc3339(now), limit);
}

bool AuthService::CancelErasure(Session& s, const User& user, const ClientInfo& client) {
  if (!d_.erasure.Cancel(s, user.id)) return false;
  d_.audit.Record(s, "erasure_cancelled", user.id, user.id, client.ip);
  d_.mail.Enqueue(s, d_.mails.ErasureCancelled(user.email, user.username));
  return true;
}

std::int64_t AuthService::EraseDueAccounts(Session& s, std::chrono::system_clock::time_point now,
                                           int limit) {
  std::int64_t erased = 0;
  for (const auto& user_id : d_.erasure.Due(s, platform::FormatRfc3339(now), limit)) {
    if (d_.erasure.Erase(s, user_id)) ++erased;
  }
  return erased;
}

}  // namespace vigor::features::accounts
