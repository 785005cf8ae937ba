#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vigor::features::oauth {

// Lifetimes (docs/oauth.md, "The authorization server").
inline constexpr std::chrono::seconds kAccessTokenLifetime{15 * 60};
inline constexpr std::chrono::seconds kRefreshTokenLifetime{60 * 24 * 3600};
inline constexpr std::chrono::seconds kCodeLifetime{60};
inline constexpr std::chrono::seconds kAuthorizationRequestLifetime{10 * 60};
inline constexpr std::chrono::seconds kDeviceCodeLifetime{10 * 60};
inline constexpr int kDevicePollInterval = 5;
// RFC 8628 3.5: each slow_down adds 5 seconds to the interval of that device code.
inline constexpr int kSlowDownStep = 5;
// A grant's last use is written at most this often (each API call would otherwise write).
inline constexpr std::chrono::seconds kTouchEvery{60};
// A used code is kept this long after it expired, so that its reuse still revokes the grant.
inline constexpr std::chrono::seconds kUsedCodeKept{24 * 3600};
// A revoked grant (with its tokens) is kept this long, then purged.
inline constexpr std::chrono::seconds kRevokedGrantKept{30 * 24 * 3600};

inline constexpr std::string_view kDeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

// A registered app, as this feature reads it (the apps lane writes oauth_clients).
struct Client {
  std::string id;         // our row id
  std::string public_id;  // client_id
  std::string owner_id;
  std::string name;
  std::optional<std::string> logo_url;
  std::optional<std::string> homepage_url;
  std::vector<std::string> redirect_uris;
  bool confidential = false;
  std::optional<std::string> secret_hash;
  bool disabled = false;
};

struct AuthorizationRequest {
  std::string id;
  Client client;
  std::string redirect_uri;
  std::vector<std::string> scopes;
  std::optional<std::string> state;
  std::string code_challenge;
  std::string expires_at;
};

struct DeviceRequest {
  std::string user_code;  // XXXX-XXXX
  Client client;
  std::vector<std::string> scopes;
  std::string expires_at;
};

struct IssuedTokens {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_in = 0;
  std::vector<std::string> scopes;
};

struct DeviceAuthorization {
  std::string device_code;
  std::string user_code;
  std::string verification_uri;
  std::string verification_uri_complete;
  std::int64_t expires_in = 0;
  int interval = kDevicePollInterval;
};

struct Introspection {
  bool active = false;
  std::vector<std::string> scopes;
  std::string client_id;
  std::string username;
  std::string user_id;
  std::int64_t exp = 0;
  std::int64_t iat = 0;
  std::string token_type;  // "Bearer" or "refresh_token"
};

struct ConnectedApp {
  std::string client_id;
  std::string name;
  std::optional<std::string> logo_url;
  std::optional<std::string> homepage_url;
  std::vector<std::string> scopes;
  std::string authorized_at;
  std::optional<std::string> last_used_at;
};

// What the client sent to authenticate at the token, revocation, introspection and device
// authorization endpoints (RFC 6749 2.3.1).
struct ClientCredentials {
  std::optional<std::string> client_id;
  std::optional<std::string> client_secret;
  bool basic = false;  // sent as HTTP Basic
  bool basic_malformed = false;
};

// An RFC 6749 5.2 error: answered as JSON {error, error_description}, 400 or 401.
struct OAuthError {
  std::string error;
  std::string description;
  int status = 400;
  bool basic_challenge = false;  // 401 with WWW-Authenticate: Basic
};

std::vector<std::string> SplitScopes(const std::string& text);
std::string JoinScopes(const std::vector<std::string>& scopes);

}  // namespace vigor::features::oauth
