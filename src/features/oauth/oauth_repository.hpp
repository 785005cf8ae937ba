#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/oauth/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::oauth {

// The OAuth tables' SQL (migration 0030). This feature writes oauth_grants,
// oauth_authorization_requests, oauth_codes, oauth_tokens and oauth_device_codes, and reads
// oauth_clients (the apps feature writes them). Secrets arrive here already hashed.
class OAuthRepository {
 public:
  using Session = platform::store::Session;

  std::optional<Client> FindClientByPublicId(Session& s, const std::string& public_id);
  // Whether the user (a client's owner) is an administrator of the instance.
  bool IsAdministrator(Session& s, const std::string& user_id);

  // Parked authorization requests.
  void InsertRequest(Session& s, const std::string& id, const std::string& client_id,
                     const std::string& redirect_uri, const std::string& scopes,
                     const std::optional<std::string>& state, const std::string& code_challenge,
                     const std::string& now, const std::string& expires_at);
  // A request that has not expired, of a client that is not disabled.
  std::optional<AuthorizationRequest> FindLiveRequest(Session& s, const std::string& id,
                                                      const std::string& now);
  std::int64_t DeleteRequest(Session& s, const std::string& id);

  // Codes.
  struct CodeRow {
    std::string client_id;
    std::string user_id;
    std::string redirect_uri;
    std::string scopes;
    std::string code_challenge;
    std::string expires_at;
    std::optional<std::string> used_at;
    std::optional<std::string> grant_id;
  };
  void InsertCode(Session& s, const std::string& code_hash, const std::string& client_id,
                  const std::string& user_id, const std::string& redirect_uri,
                  const std::string& scopes, const std::string& code_challenge,
                  const std::string& now, const std::string& expires_at);
  std::optional<CodeRow> FindCode(Session& s, const std::string& code_hash);
  // Marks the code used by `grant_id`; false when it was used already (a concurrent exchange).
  bool UseCode(Session& s, const std::string& code_hash, const std::string& now);
  void SetCodeGrant(Session& s, const std::string& code_hash, const std::string& grant_id);

  // Grants.
  void InsertGrant(Session& s, const std::string& id, const std::string& client_id,
                   const std::string& user_id, const std::string& scopes, const std::string& now);
  struct GrantRef {
    std::string id;
    std::string user_id;
    std::string client_id;  // row id
  };
  // Marks the grant and its tokens revoked; false when it was revoked already.
  bool RevokeGrant(Session& s, const std::string& grant_id, const std::string& now,
                   const std::string& why);
  std::optional<GrantRef> FindGrant(Session& s, const std::string& grant_id);
  std::vector<GrantRef> LiveGrantsOfClient(Session& s, const std::string& client_id);
  std::vector<GrantRef> LiveGrantsOfUserAndClient(Session& s, const std::string& user_id,
                                                  const std::string& client_id);
  std::vector<GrantRef> LiveGrantsOfUser(Session& s, const std::string& user_id);
  void TouchGrant(Session& s, const std::string& grant_id, const std::string& now);
  struct ConnectedGrant {
    std::string client_public_id;
    std::string name;
    std::optional<std::string> logo_url;
    std::optional<std::string> homepage_url;
    std::string scopes;
    std::string created_at;
    std::optional<std::string> last_used_at;
  };
  // The user's live grants of clients that are not disabled, by client then age.
  std::vector<ConnectedGrant> ConnectedGrants(Session& s, const std::string& user_id);

  // Tokens.
  void InsertToken(Session& s, const std::string& token_hash, const std::string& grant_id,
                   const std::string& kind, const std::string& now, const std::string& expires_at);
  struct TokenRow {
    std::string kind;
    std::string grant_id;
    std::string created_at;
    std::string expires_at;
    std::optional<std::string> used_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> grant_revoked_at;
    std::string client_id;  // row id
    std::string user_id;
    std::string scopes;
  };
  std::optional<TokenRow> FindToken(Session& s, const std::string& token_hash);
  struct LiveToken {
    std::string kind;
    std::string grant_id;
    std::string user_id;
    std::string username;
    std::string scopes;
    std::string client_public_id;
    std::string created_at;
    std::string expires_at;
    std::optional<std::string> grant_last_used_at;
  };
  // A token that works now: not expired, used or revoked, of a live grant of an enabled client
  // and an active user.
  std::optional<LiveToken> FindLiveToken(Session& s, const std::string& token_hash,
                                         const std::string& now);
  // Marks a refresh token used; false when it was used (or revoked) already.
  bool UseRefreshToken(Session& s, const std::string& token_hash, const std::string& now);
  void RevokeToken(Session& s, const std::string& token_hash, const std::string& now);

  // Device codes.
  void InsertDeviceCode(Session& s, const std::string& device_code_hash,
                        const std::string& user_code, const std::string& client_id,
                        const std::string& scopes, const std::string& now,
                        const std::string& expires_at, int interval);
  struct DeviceRow {
    std::string client_id;
    std::string user_code;
    std::string scopes;
    std::string expires_at;
    int interval = kDevicePollInterval;
    std::optional<std::string> last_polled_at;
    std::optional<std::string> user_id;
    std::string decision;
  };
  std::optional<DeviceRow> FindDeviceCode(Session& s, const std::string& device_code_hash);
  void MarkPolled(Session& s, const std::string& device_code_hash, const std::string& now,
                  int interval);
  bool UseDeviceCode(Session& s, const std::string& device_code_hash, const std::string& grant_id);
  // A pending request, not expired, of an enabled client.
  std::optional<DeviceRequest> FindPendingDeviceRequest(Session& s, const std::string& user_code,
                                                        const std::string& now);
  bool DecideDeviceCode(Session& s, const std::string& user_code, const std::string& decision,
                        const std::string& user_id, const std::string& now);

  // Housekeeping: each deletes at most `limit` rows.
  std::int64_t DeleteExpiredRequests(Session& s, const std::string& now, int limit);
  std::int64_t DeleteExpiredCodes(Session& s, const std::string& cutoff, int limit);
  std::int64_t DeleteExpiredDeviceCodes(Session& s, const std::string& now, int limit);
  std::int64_t DeleteExpiredTokens(Session& s, const std::string& now, int limit);
  std::int64_t DeleteRevokedGrants(Session& s, const std::string& cutoff, int limit);
};

}  // namespace vigor::features::oauth
