#include "features/oauth/oauth_service.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "features/accounts/model.hpp"
#include "features/oauth/grant_revocation.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::oauth {

using platform::Error;
using platform::ErrorKind;
using platform::i18n::Msg;
using platform::store::Session;
using Clock = std::chrono::system_clock;

namespace {

std::string At(Clock::time_point t) { return platform::FormatRfc3339(t); }

OAuthError Failure(std::string error, std::string description, int status = 400) {
  return OAuthError{std::move(error), std::move(description), status, false};
}

[[noreturn]] void Fail(std::string error, std::string description) {
  throw OAuthFailure(Failure(std::move(error), std::move(description)));
}

OAuthError InvalidGrant(std::string description) {
  return Failure("invalid_grant", std::move(description));
}

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// RFC 7636 4.2: a S256 challenge is 43 base64url characters.
bool IsChallenge(const std::string& text) {
  return text.size() == 43 && std::all_of(text.begin(), text.end(), IsBase64UrlChar);
}

// RFC 7636 4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
bool IsVerifier(const std::string& text) {
  return text.size() >= 43 && text.size() <= 128 &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return IsBase64UrlChar(c) || c == '.' || c == '~'; });
}

bool IsKnownScope(const std::string& scope) {
  const auto& known = accounts::KnownScopes();
  return std::find(known.begin(), known.end(), scope) != known.end();
}

// The requested scopes, or the OAuth error that refuses them.
std::optional<OAuthError> CheckScopes(const std::vector<std::string>& scopes) {
  if (scopes.empty()) return Failure("invalid_scope", "Ask for at least one scope.");
  for (const auto& s : scopes) {
    if (!IsKnownScope(s)) return Failure("invalid_scope", "Unknown scope: " + s);
  }
  return std::nullopt;
}

// `base` with the parameters appended to its query (RFC 6749 4.1.2: existing ones kept).
std::string WithParams(
    const std::string& base,
    std::initializer_list<std::pair<std::string, std::optional<std::string>>> params) {
  auto parsed = boost::urls::parse_uri_reference(base);
  boost::urls::url url = parsed ? boost::urls::url(*parsed) : boost::urls::url();
  for (const auto& [name, value] : params) {
    if (value) url.params().append({name, *value});
  }
  return std::string(url.buffer());
}

bool IsLoopbackHost(const boost::urls::url_view& u) {
  return (u.host_type() == boost::urls::host_type::ipv4 && u.host() == "127.0.0.1") ||
         (u.host_type() == boost::urls::host_type::ipv6 && u.host_address() == "::1");
}

constexpr std::string_view kUserCodeLetters = "BCDFGHJKLMNPQRSTVWXZ";

// 8 letters of kUserCodeLetters, uniformly (bytes of 240 and more are drawn again: 240 = 12 x 20).
std::string NewUserCode() {
  std::string code;
  while (code.size() < 8) {
    for (unsigned char b : platform::crypto::RandomBytes(16)) {
      if (b >= 240 || code.size() == 8) continue;
      code.push_back(kUserCodeLetters[b % kUserCodeLetters.size()]);
    }
  }
  return code;
}

std::int64_t EpochSeconds(const std::string& rfc3339) {
  auto ms = platform::ParseRfc3339Ms(rfc3339);
  return ms ? *ms / 1000 : 0;
}

}  // namespace

bool RedirectUriMatches(const std::string& registered, const std::string& uri) {
  if (registered == uri) return true;
  auto a = boost::urls::parse_absolute_uri(registered);
  auto b = boost::urls::parse_absolute_uri(uri);
  if (!a || !b) return false;
  return a->scheme() == "http" && b->scheme() == "http" && IsLoopbackHost(*a) &&
         IsLoopbackHost(*b) && a->encoded_host() == b->encoded_host() && !a->has_userinfo() &&
         !b->has_userinfo() && a->encoded_path() == b->encoded_path() &&
         a->has_query() == b->has_query() && a->encoded_query() == b->encoded_query() &&
         !b->has_fragment();
}

std::string S256Challenge(const std::string& verifier) {
  auto digest = platform::crypto::Sha256(verifier);
  return platform::crypto::Base64UrlEncode(
      std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::string NormalizeUserCode(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kUserCodeLetters.find(upper) == std::string_view::npos) return "";
    out.push_back(upper);
  }
  return out.size() == 8 ? out : "";
}

AuthorizeOutcome OAuthService::Authorize(const AuthorizeInput& in) {
  auto page = [](std::string text) { return AuthorizeOutcome{std::move(text), {}}; };
  if (!in.client_id || in.client_id->empty()) {
    return page("The request names no app (client_id is missing).");
  }
  auto client = database_.ReadResult(
      [&](Session& s) { return repo_.FindClientByPublicId(s, *in.client_id); });
  if (!client || client->disabled) return page("This app is unknown or has been disabled.");
  if (!in.redirect_uri ||
      std::none_of(client->redirect_uris.begin(), client->redirect_uris.end(),
                   [&](const std::string& r) { return RedirectUriMatches(r, *in.redirect_uri); })) {
    return page("The redirect URI is not one this app registered.");
  }
  auto fail = [&](const std::string& error, const std::string& description) {
    return AuthorizeOutcome{std::nullopt,
                            WithParams(*in.redirect_uri, {{"error", error},
                                                          {"error_description", description},
                                                          {"state", in.state},
                                                          {"iss", issuer_}})};
  };
  if (!in.response_type || in.response_type->empty()) {
    return fail("invalid_request", "response_type is missing.");
  }
  if (*in.response_type != "code") {
    return fail("unsupported_response_type", "Only response_type=code is supported.");
  }
  if (!in.code_challenge || in.code_challenge->empty()) {
    return fail("invalid_request",
                "PKCE is required: send code_challenge and code_challenge_method=S256.");
  }
  if (!in.code_challenge_method || *in.code_challenge_method != "S256") {
    return fail("invalid_request", "code_challenge_method must be S256 (plain is not accepted).");
  }
  if (!IsChallenge(*in.code_challenge)) {
    return fail("invalid_request", "code_challenge must be 43 base64url characters.");
  }
  auto scopes = SplitScopes(in.scope.value_or(""));
  if (auto refused = CheckScopes(scopes)) return fail(refused->error, refused->description);

  if (in.before_parking) in.before_parking();
  std::string id = platform::crypto::RandomToken(16);
  auto now = Clock::now();
  database_.Write([&](Session& s) {
    repo_.InsertRequest(s, id, client->id, *in.redirect_uri, JoinScopes(scopes), in.state,
                        *in.code_challenge, At(now), At(now + kAuthorizationRequestLifetime));
  });
  return AuthorizeOutcome{std::nullopt, "/oauth/consent?request=" + id};
}

AuthorizationRequest OAuthService::GetRequest(const std::string& id) {
  auto found = database_.ReadResult(
      [&](Session& s) { return repo_.FindLiveRequest(s, id, platform::NowRfc3339()); });
  if (!found) throw Error(ErrorKind::kNotFound, Msg("not_found"));
  return *found;
}

std::string OAuthService::Decide(const platform::auth::Principal& user, const std::string& id,
                                 bool approve) {
  auto now = Clock::now();
  return database_.WriteResult([&](Session& s) {
    auto request = repo_.FindLiveRequest(s, id, At(now));
    // A second decision (another tab, a replay) finds nothing: the first one ended the request.
    if (!request || repo_.DeleteRequest(s, id) != 1) {
      throw Error(ErrorKind::kNotFound, Msg("not_found"));
    }
    if (!approve) {
      return WithParams(request->redirect_uri,
                        {{"error", "access_denied"},
                         {"error_description", "The user did not allow the request."},
                         {"state", request->state},
                         {"iss", issuer_}});
    }
    std::string code = platform::crypto::RandomToken(32);
    repo_.InsertCode(s, platform::crypto::Sha256Hex(code), request->client.id, user.user_id,
                     request->redirect_uri, JoinScopes(request->scopes), request->code_challenge,
                     At(now), At(now + kCodeLifetime));
    return WithParams(request->redirect_uri,
                      {{"code", code}, {"state", request->state}, {"iss", issuer_}});
  });
}

Client OAuthService::AuthenticateClient(const ClientCredentials& credentials) {
  auto refuse = [&](std::string description) {
    throw OAuthFailure(OAuthError{"invalid_client", std::move(description), 401,
                                  credentials.basic || credentials.basic_malformed});
  };
  if (credentials.basic_malformed) refuse("The HTTP Basic credentials are malformed.");
  if (!credentials.client_id || credentials.client_id->empty()) {
    refuse("Client authentication is missing (send client_id).");
  }
  auto client = database_.ReadResult(
      [&](Session& s) { return repo_.FindClientByPublicId(s, *credentials.client_id); });
  if (!client || client->disabled) refuse("Client authentication failed.");
  const std::string secret = credentials.client_secret.value_or("");
  if (client->confidential) {
    if (secret.empty() || !client->secret_hash ||
        !platform::crypto::ConstantTimeEquals(platform::crypto::Sha256Hex(secret),
                                              *client->secret_hash)) {
      refuse("Client authentication failed.");
    }
  } else if (!secret.empty()) {
    refuse("A public client has no secret.");
  }
  return *client;
}

IssuedTokens OAuthService::IssueTokens(Session& s, const std::string& grant_id,
                                       const std::vector<std::string>& scopes,
                                       const std::string& now) {
  // Expiry counts from the `now` the tokens are stored with: a second Clock::now() here could
  // fall in the next second and make a token's lifetime (exp - iat) one second long.
  auto now_ms = platform::ParseRfc3339Ms(now);
  auto now_tp = now_ms ? Clock::time_point(std::chrono::milliseconds(*now_ms)) : Clock::now();
  IssuedTokens out;
  out.access_token = "vgr_oat_" + platform::crypto::RandomToken(32);
  out.refresh_token = "vgr_ort_" + platform::crypto::RandomToken(32);
  out.expires_in = kAccessTokenLifetime.count();
  out.scopes = scopes;
  repo_.InsertToken(s, platform::crypto::Sha256Hex(out.access_token), grant_id, "access", now,
                    At(now_tp + kAccessTokenLifetime));
  repo_.InsertToken(s, platform::crypto::Sha256Hex(out.refresh_token), grant_id, "refresh", now,
                    At(now_tp + kRefreshTokenLifetime));
  return out;
}

void OAuthService::RevokeGrant(Session& s, const OAuthRepository::GrantRef& grant,
                               const std::string& reason, const std::string& now) {
  if (!repo_.RevokeGrant(s, grant.id, now, reason)) return;
  observers_.Notify(s, GrantRevoked{grant.user_id, grant.client_id, grant.id, reason});
}

IssuedTokens OAuthService::Token(const Client& client, const TokenInput& input) {
  if (input.grant_type.empty()) Fail("invalid_request", "grant_type is missing.");
  if (input.grant_type == "authorization_code") return ExchangeCode(client, input);
  if (input.grant_type == "refresh_token") return Refresh(client, input);
  if (input.grant_type == kDeviceCodeGrant) return PollDevice(client, input);
  Fail("unsupported_grant_type",
       "Supported: authorization_code, refresh_token, " + std::string(kDeviceCodeGrant) + ".");
}

namespace {
// A token request's result: tokens, or an error to answer after the transaction committed (a
// reuse revokes a grant, a poll records its time, and that must hold although the answer is an
// error).
struct Outcome {
  std::optional<IssuedTokens> tokens;
  std::optional<OAuthError> error;
};

IssuedTokens TokensOf(Outcome outcome) {
  if (outcome.error) throw OAuthFailure(*outcome.error);
  return std::move(*outcome.tokens);
}
}  // namespace

IssuedTokens OAuthService::ExchangeCode(const Client& client, const TokenInput& input) {
  if (!input.code || input.code->empty()) Fail("invalid_request", "code is missing.");
  if (!input.redirect_uri) Fail("invalid_request", "redirect_uri is missing.");
  std::string hash = platform::crypto::Sha256Hex(*input.code);
  auto now_tp = Clock::now();
  std::string now = At(now_tp);
  return TokensOf(database_.WriteResult([&](Session& s) -> Outcome {
    auto code = repo_.FindCode(s, hash);
    if (!code || code->client_id != client.id) {
      return {std::nullopt, InvalidGrant("The authorization code is not valid.")};
    }
    auto reused = [&]() -> Outcome {
      if (code->grant_id) {
        if (auto grant = repo_.FindGrant(s, *code->grant_id)) RevokeGrant(s, *grant, "reuse", now);
      }
      return {std::nullopt,
              InvalidGrant("The authorization code was used already; the tokens issued from it "
                           "are revoked.")};
    };
    if (code->used_at) return reused();
    if (code->expires_at <= now) {
      return {std::nullopt, InvalidGrant("The authorization code expired.")};
    }
    if (code->redirect_uri != *input.redirect_uri) {
      return {std::nullopt,
              InvalidGrant("redirect_uri is not the one of the authorization request.")};
    }
    if (!input.code_verifier || !IsVerifier(*input.code_verifier) ||
        !platform::crypto::ConstantTimeEquals(S256Challenge(*input.code_verifier),
                                              code->code_challenge)) {
      return {std::nullopt, InvalidGrant("The code_verifier does not match the code_challenge.")};
    }
    if (!repo_.UseCode(s, hash, now)) return reused();
    std::string grant_id = platform::NewId();
    repo_.InsertGrant(s, grant_id, client.id, code->user_id, code->scopes, now);
    repo_.SetCodeGrant(s, hash, grant_id);
    return {IssueTokens(s, grant_id, SplitScopes(code->scopes), now), std::nullopt};
  }));
}

IssuedTokens OAuthService::Refresh(const Client& client, const TokenInput& input) {
  if (!input.refresh_token || input.refresh_token->empty()) {
    Fail("invalid_request", "refresh_token is missing.");
  }
  std::string hash = platform::crypto::Sha256Hex(*input.refresh_token);
  std::string now = platform::NowRfc3339();
  return TokensOf(database_.WriteResult([&](Session& s) -> Outcome {
    auto token = repo_.FindToken(s, hash);
    if (!token || token->kind != "refresh" || token->client_id != client.id) {
      return {std::nullopt, InvalidGrant("The refresh token is not valid.")};
    }
    if (token->grant_revoked_at || token->revoked_at) {
      return {std::nullopt, InvalidGrant("The refresh token was revoked.")};
    }
    auto reused = [&]() -> Outcome {
      RevokeGrant(s, {token->grant_id, token->user_id, token->client_id}, "reuse", now);
      return {std::nullopt,
              InvalidGrant("The refresh token was used already; the grant is revoked.")};
    };
    if (token->used_at) return reused();
    if (token->expires_at <= now) {
      return {std::nullopt, InvalidGrant("The refresh token expired.")};
    }
    auto scopes = SplitScopes(token->scopes);
    if (input.scope) {
      for (const auto& asked : SplitScopes(*input.scope)) {
        if (std::find(scopes.begin(), scopes.end(), asked) == scopes.end()) {
          return {std::nullopt, Failure("invalid_scope", "The grant does not hold " + asked + ".")};
        }
      }
    }
    if (!repo_.UseRefreshToken(s, hash, now)) return reused();
    return {IssueTokens(s, token->grant_id, scopes, now), std::nullopt};
  }));
}

IssuedTokens OAuthService::PollDevice(const Client& client, const TokenInput& input) {
  if (!input.device_code || input.device_code->empty()) {
    Fail("invalid_request", "device_code is missing.");
  }
  std::string hash = platform::crypto::Sha256Hex(*input.device_code);
  auto now_tp = Clock::now();
  std::string now = At(now_tp);
  return TokensOf(database_.WriteResult([&](Session& s) -> Outcome {
    auto device = repo_.FindDeviceCode(s, hash);
    if (!device || device->client_id != client.id) {
      return {std::nullopt, InvalidGrant("The device code is not valid.")};
    }
    if (device->expires_at <= now) {
      return {std::nullopt, Failure("expired_token", "The device code expired; start again.")};
    }
    if (device->decision == "used") {
      return {std::nullopt, InvalidGrant("The device code was used already.")};
    }
    if (device->last_polled_at &&
        *device->last_polled_at > At(now_tp - std::chrono::seconds(device->interval))) {
      repo_.MarkPolled(s, hash, now, device->interval + kSlowDownStep);
      return {
          std::nullopt,
          Failure("slow_down", "Poll every " + std::to_string(device->interval + kSlowDownStep) +
                                   " seconds at most.")};
    }
    repo_.MarkPolled(s, hash, now, device->interval);
    if (device->decision == "pending") {
      return {std::nullopt, Failure("authorization_pending", "The user has not decided yet.")};
    }
    if (device->decision == "denied") {
      return {std::nullopt, Failure("access_denied", "The user did not allow the request.")};
    }
    std::string grant_id = platform::NewId();
    repo_.InsertGrant(s, grant_id, client.id, device->user_id.value_or(""), device->scopes, now);
    if (!repo_.UseDeviceCode(s, hash, grant_id)) {
      throw Error::Internal("device code approved but not usable");
    }
    return {IssueTokens(s, grant_id, SplitScopes(device->scopes), now), std::nullopt};
  }));
}

void OAuthService::Revoke(const Client& client, const std::string& token) {
  std::string hash = platform::crypto::Sha256Hex(token);
  std::string now = platform::NowRfc3339();
  database_.Write([&](Session& s) {
    auto found = repo_.FindToken(s, hash);
    // RFC 7009 2.2: an unknown token, or one of another client, is answered as if revoked.
    if (!found || found->client_id != client.id) return;
    if (found->kind == "refresh") {
      if (!found->grant_revoked_at) {
        RevokeGrant(s, {found->grant_id, found->user_id, found->client_id}, "app", now);
      }
    } else {
      repo_.RevokeToken(s, hash, now);
    }
  });
}

Introspection OAuthService::Introspect(const Client& client, const std::string& token) {
  if (!client.confidential) {
    throw OAuthFailure(OAuthError{
        "invalid_client", "Introspection needs a confidential client's credentials.", 401, false});
  }
  std::string hash = platform::crypto::Sha256Hex(token);
  auto live = database_.ReadResult([&](Session& s) {
    auto found = repo_.FindLiveToken(s, hash, platform::NowRfc3339());
    // A client learns about its own tokens; a client of an administrator (the operator's own
    // services) about every token.
    if (found && found->client_public_id != client.public_id &&
        !repo_.IsAdministrator(s, client.owner_id)) {
      found.reset();
    }
    return found;
  });
  Introspection out;
  if (!live) return out;
  if (live->kind == "access" && access_token_check_ && !access_token_check_(token)) return out;
  out.active = true;
  out.scopes = SplitScopes(live->scopes);
  out.client_id = live->client_public_id;
  out.username = live->username;
  out.user_id = live->user_id;
  out.exp = EpochSeconds(live->expires_at);
  out.iat = EpochSeconds(live->created_at);
  out.token_type = live->kind == "access" ? "Bearer" : "refresh_token";
  return out;
}

DeviceAuthorization OAuthService::AuthorizeDevice(const Client& client,
                                                  const std::optional<std::string>& scope) {
  auto scopes = SplitScopes(scope.value_or(""));
  if (auto refused = CheckScopes(scopes)) throw OAuthFailure(*refused);
  DeviceAuthorization out;
  out.device_code = platform::crypto::RandomToken(32);
  std::string user_code = NewUserCode();
  auto now = Clock::now();
  database_.Write([&](Session& s) {
    repo_.InsertDeviceCode(s, platform::crypto::Sha256Hex(out.device_code), user_code, client.id,
                           JoinScopes(scopes), At(now), At(now + kDeviceCodeLifetime),
                           kDevicePollInterval);
  });
  out.user_code = user_code.substr(0, 4) + "-" + user_code.substr(4);
  out.verification_uri = issuer_ + "/device";
  out.verification_uri_complete = out.verification_uri + "?code=" + out.user_code;
  out.expires_in = kDeviceCodeLifetime.count();
  out.interval = kDevicePollInterval;
  return out;
}

DeviceRequest OAuthService::GetDeviceRequest(const std::string& user_code) {
  std::string code = NormalizeUserCode(user_code);
  if (code.empty()) throw Error(ErrorKind::kNotFound, Msg("not_found"));
  auto found = database_.ReadResult(
      [&](Session& s) { return repo_.FindPendingDeviceRequest(s, code, platform::NowRfc3339()); });
  if (!found) throw Error(ErrorKind::kNotFound, Msg("not_found"));
  return *found;
}

void OAuthService::DecideDevice(const platform::auth::Principal& user, const std::string& user_code,
                                bool approve) {
  std::string code = NormalizeUserCode(user_code);
  if (code.empty()) throw Error(ErrorKind::kNotFound, Msg("not_found"));
  bool decided = database_.WriteResult([&](Session& s) {
    return repo_.DecideDeviceCode(s, code, approve ? "approved" : "denied", user.user_id,
                                  platform::NowRfc3339());
  });
  if (!decided) throw Error(ErrorKind::kNotFound, Msg("not_found"));
}

std::vector<ConnectedApp> OAuthService::ConnectedApps(const platform::auth::Principal& user) {
  auto grants =
      database_.ReadResult([&](Session& s) { return repo_.ConnectedGrants(s, user.user_id); });
  std::vector<ConnectedApp> out;
  for (const auto& g : grants) {
    if (out.empty() || out.back().client_id != g.client_public_id) {
      out.push_back(
          {g.client_public_id, g.name, g.logo_url, g.homepage_url, {}, g.created_at, std::nullopt});
    }
    auto& app = out.back();
    for (const auto& scope : SplitScopes(g.scopes)) {
      if (std::find(app.scopes.begin(), app.scopes.end(), scope) == app.scopes.end()) {
        app.scopes.push_back(scope);
      }
    }
    app.authorized_at = std::min(app.authorized_at, g.created_at);
    if (g.last_used_at && (!app.last_used_at || *app.last_used_at < *g.last_used_at)) {
      app.last_used_at = g.last_used_at;
    }
  }
  // Scopes in the order of the catalogue, so a list reads the same every time.
  const auto& known = accounts::KnownScopes();
  for (auto& app : out) {
    std::sort(app.scopes.begin(), app.scopes.end(), [&](const auto& a, const auto& b) {
      return std::find(known.begin(), known.end(), a) < std::find(known.begin(), known.end(), b);
    });
  }
  return out;
}

void OAuthService::Disconnect(const platform::auth::Principal& user, const std::string& client_id) {
  std::string now = platform::NowRfc3339();
  database_.Write([&](Session& s) {
    auto client = repo_.FindClientByPublicId(s, client_id);
    auto grants = client ? repo_.LiveGrantsOfUserAndClient(s, user.user_id, client->id)
                         : std::vector<OAuthRepository::GrantRef>{};
    if (grants.empty()) throw Error(ErrorKind::kNotFound, Msg("not_found"));
    for (const auto& grant : grants) RevokeGrant(s, grant, "user", now);
  });
}

void OAuthService::RevokeAllOfUser(Session& s, const std::string& user_id,
                                   const std::string& reason) {
  std::string now = platform::NowRfc3339();
  for (const auto& grant : repo_.LiveGrantsOfUser(s, user_id)) RevokeGrant(s, grant, reason, now);
}

std::optional<OAuthService::Holder> OAuthService::VerifyAccessToken(const std::string& token) {
  std::string hash = platform::crypto::Sha256Hex(token);
  auto now_tp = Clock::now();
  auto live =
      database_.ReadResult([&](Session& s) { return repo_.FindLiveToken(s, hash, At(now_tp)); });
  if (!live || live->kind != "access") return std::nullopt;
  if (!live->grant_last_used_at || *live->grant_last_used_at < At(now_tp - kTouchEvery)) {
    database_.Write([&](Session& s) { repo_.TouchGrant(s, live->grant_id, At(now_tp)); });
  }
  return Holder{live->user_id, live->grant_id, SplitScopes(live->scopes), live->expires_at};
}

std::int64_t OAuthService::Purge(Session& s, Clock::time_point now, int limit) {
  std::int64_t n = repo_.DeleteExpiredRequests(s, At(now), limit);
  n += repo_.DeleteExpiredCodes(s, At(now - kUsedCodeKept), limit);
  n += repo_.DeleteExpiredDeviceCodes(s, At(now), limit);
  n += repo_.DeleteExpiredTokens(s, At(now), limit);
  n += repo_.DeleteRevokedGrants(s, At(now - kRevokedGrantKept), limit);
  return n;
}

int RevokeClientGrants(Session& s, const GrantObservers& observers,
                       const std::string& client_row_id, const std::string& reason) {
  OAuthRepository repo;
  std::string now = platform::NowRfc3339();
  int revoked = 0;
  for (const auto& grant : repo.LiveGrantsOfClient(s, client_row_id)) {
    if (!repo.RevokeGrant(s, grant.id, now, reason)) continue;
    observers.Notify(s, GrantRevoked{grant.user_id, grant.client_id, grant.id, reason});
    ++revoked;
  }
  return revoked;
}

}  // namespace vigor::features::oauth
