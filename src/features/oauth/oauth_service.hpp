#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/oauth/grant_events.hpp"
#include "features/oauth/model.hpp"
#include "features/oauth/oauth_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::oauth {

// Thrown by the OAuth endpoints' use cases: answered as RFC 6749 5.2 JSON, never problem+json.
class OAuthFailure : public std::exception {
 public:
  explicit OAuthFailure(OAuthError error) : error_(std::move(error)) {}
  const OAuthError& error() const { return error_; }
  const char* what() const noexcept override { return error_.error.c_str(); }

 private:
  OAuthError error_;
};

// What GET /oauth/authorize answers.
struct AuthorizeOutcome {
  // Set when the request cannot be answered by a redirect (unknown or disabled client, a
  // redirect URI that does not match): a 400 page with this text.
  std::optional<std::string> page_error;
  std::string location;  // otherwise: the consent page, or the redirect URI with an error
};

struct AuthorizeInput {
  std::optional<std::string> response_type;
  std::optional<std::string> client_id;
  std::optional<std::string> redirect_uri;
  std::optional<std::string> scope;
  std::optional<std::string> state;
  std::optional<std::string> code_challenge;
  std::optional<std::string> code_challenge_method;
  // Called once the request is valid, before it is parked: the caller's rate limit (throws).
  std::function<void()> before_parking;
};

struct TokenInput {
  std::string grant_type;
  std::optional<std::string> code;
  std::optional<std::string> redirect_uri;
  std::optional<std::string> code_verifier;
  std::optional<std::string> refresh_token;
  std::optional<std::string> device_code;
  std::optional<std::string> scope;
};

// The authorization server: RFC 6749 as profiled by RFC 9700 (PKCE S256 for every client, exact
// redirect URIs, refresh-token rotation with reuse detection), the device grant (RFC 8628),
// revocation (RFC 7009) and introspection (RFC 7662). Knows no HTTP.
class OAuthService {
 public:
  OAuthService(platform::store::Database& database, const GrantObservers& observers,
               std::string issuer)
      : database_(database), observers_(observers), issuer_(std::move(issuer)) {}

  const std::string& issuer() const { return issuer_; }

  // Installation only: whether the API accepts an access token now (accounts' Bearer check,
  // which also refuses a suspended user's); introspection then says the same. Without one, every
  // live token of an active user is active.
  void SetAccessTokenCheck(std::function<bool(const std::string& token)> check) {
    access_token_check_ = std::move(check);
  }

  AuthorizeOutcome Authorize(const AuthorizeInput& input);
  AuthorizationRequest GetRequest(const std::string& id);
  // Binds the parked request to `user` and ends it; returns where the browser goes next.
  std::string Decide(const platform::auth::Principal& user, const std::string& id, bool approve);

  // Throws OAuthFailure(invalid_client) unless the credentials name an enabled client and, for a
  // confidential one, its secret.
  Client AuthenticateClient(const ClientCredentials& credentials);

  IssuedTokens Token(const Client& client, const TokenInput& input);
  // RFC 7009: a refresh token revokes its grant, an access token itself; anything else nothing.
  void Revoke(const Client& client, const std::string& token);
  Introspection Introspect(const Client& client, const std::string& token);

  DeviceAuthorization AuthorizeDevice(const Client& client,
                                      const std::optional<std::string>& scope);
  DeviceRequest GetDeviceRequest(const std::string& user_code);
  void DecideDevice(const platform::auth::Principal& user, const std::string& user_code,
                    bool approve);

  std::vector<ConnectedApp> ConnectedApps(const platform::auth::Principal& user);
  void Disconnect(const platform::auth::Principal& user, const std::string& client_id);

  // Ends every live grant of the user inside the caller's transaction, each told to the grant
  // observers (an app's webhooks hear "app.deauthorized"): accounts calls it when the user asks
  // to delete their account (AuthService::SetOAuthGrantsEnder).
  void RevokeAllOfUser(platform::store::Session& s, const std::string& user_id,
                       const std::string& reason);
  // For accounts' Bearer authentication (AuthService::SetOAuthTokenVerifier).
  struct Holder {
    std::string user_id;
    std::string grant_id;
    std::vector<std::string> scopes;
    std::string expires_at;  // RFC 3339, as stored
  };
  std::optional<Holder> VerifyAccessToken(const std::string& token);

  // Housekeeping: expired requests, codes, device codes, tokens, and long-revoked grants.
  std::int64_t Purge(platform::store::Session& s, std::chrono::system_clock::time_point now,
                     int limit);

 private:
  IssuedTokens IssueTokens(platform::store::Session& s, const std::string& grant_id,
                           const std::vector<std::string>& scopes, const std::string& now);
  void RevokeGrant(platform::store::Session& s, const OAuthRepository::GrantRef& grant,
                   const std::string& reason, const std::string& now);
  IssuedTokens ExchangeCode(const Client& client, const TokenInput& input);
  IssuedTokens Refresh(const Client& client, const TokenInput& input);
  IssuedTokens PollDevice(const Client& client, const TokenInput& input);

  platform::store::Database& database_;
  const GrantObservers& observers_;
  std::string issuer_;
  OAuthRepository repo_;
  std::function<bool(const std::string&)> access_token_check_;
};

// Whether `uri` is `registered`, or both are loopback http URIs (127.0.0.1, [::1]) that differ
// in the port only (RFC 8252 7.3).
bool RedirectUriMatches(const std::string& registered, const std::string& uri);
// BASE64URL(SHA256(verifier)) (RFC 7636 4.2).
std::string S256Challenge(const std::string& verifier);
// A user code as typed ("bcdf-ghjk", "BCDF GHJK") in its stored form ("BCDFGHJK"); "" when it
// cannot be one.
std::string NormalizeUserCode(const std::string& text);

}  // namespace vigor::features::oauth
