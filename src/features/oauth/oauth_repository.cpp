#include "features/oauth/oauth_repository.hpp"

#include <boost/json/parse.hpp>

namespace vigor::features::oauth {

using platform::store::Row;
using platform::store::Statement;

namespace {

#define VIGOR_CLIENT_COLUMNS                                                               \
  "c.id AS c_id, c.public_id AS c_public_id, c.owner_id AS c_owner_id, c.name AS c_name, " \
  "c.logo_url AS c_logo_url, c.homepage_url AS c_homepage_url, "                           \
  "c.redirect_uris AS c_redirect_uris, c.confidential AS c_confidential, "                 \
  "c.secret_hash AS c_secret_hash, c.disabled_at AS c_disabled_at"

constexpr Statement kFindClient{"oauth_clients.find_by_public_id",
                                "SELECT " VIGOR_CLIENT_COLUMNS
                                " FROM oauth_clients c WHERE c.public_id = $1"};

constexpr Statement kIsAdministrator{
    "oauth_clients.owner_is_admin",
    "SELECT 1 AS yes FROM users WHERE id = $1 AND role = 'admin' AND status = 'active'"};

constexpr Statement kInsertRequest{
    "oauth_authorization_requests.insert",
    "INSERT INTO oauth_authorization_requests (id, client_id, redirect_uri, scopes, state, "
    "code_challenge, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Statement kFindLiveRequest{
    "oauth_authorization_requests.find_live",
    "SELECT r.id, r.redirect_uri, r.scopes, r.state, r.code_challenge, "
    "r.expires_at, " VIGOR_CLIENT_COLUMNS
    " FROM oauth_authorization_requests r JOIN oauth_clients c ON c.id = r.client_id "
    "WHERE r.id = $1 AND r.expires_at > $2 AND c.disabled_at IS NULL"};
constexpr Statement kDeleteRequest{"oauth_authorization_requests.delete",
                                   "DELETE FROM oauth_authorization_requests WHERE id = $1"};

constexpr Statement kInsertCode{
    "oauth_codes.insert",
    "INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, scopes, "
    "code_challenge, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Statement kFindCode{
    "oauth_codes.find",
    "SELECT client_id, user_id, redirect_uri, scopes, code_challenge, expires_at, used_at, "
    "grant_id FROM oauth_codes WHERE code_hash = $1"};
constexpr Statement kUseCode{
    "oauth_codes.use",
    "UPDATE oauth_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL"};
constexpr Statement kSetCodeGrant{"oauth_codes.set_grant",
                                  "UPDATE oauth_codes SET grant_id = $2 WHERE code_hash = $1"};

constexpr Statement kInsertGrant{
    "oauth_grants.insert",
    "INSERT INTO oauth_grants (id, client_id, user_id, scopes, created_at) "
    "VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kRevokeGrant{"oauth_grants.revoke",
                                 "UPDATE oauth_grants SET revoked_at = $2, revoked_why = $3 "
                                 "WHERE id = $1 AND revoked_at IS NULL"};
constexpr Statement kRevokeGrantTokens{
    "oauth_tokens.revoke_of_grant",
    "UPDATE oauth_tokens SET revoked_at = $2 WHERE grant_id = $1 AND revoked_at IS NULL"};
constexpr Statement kFindGrant{"oauth_grants.find",
                               "SELECT id, user_id, client_id FROM oauth_grants WHERE id = $1"};
constexpr Statement kLiveGrantsOfClient{
    "oauth_grants.live_of_client",
    "SELECT id, user_id, client_id FROM oauth_grants WHERE client_id = $1 AND revoked_at IS NULL "
    "ORDER BY id"};
constexpr Statement kLiveGrantsOfUserAndClient{
    "oauth_grants.live_of_user_and_client",
    "SELECT id, user_id, client_id FROM oauth_grants "
    "WHERE user_id = $1 AND client_id = $2 AND revoked_at IS NULL ORDER BY id"};
constexpr Statement kLiveGrantsOfUser{
    "oauth_grants.live_of_user",
    "SELECT id, user_id, client_id FROM oauth_grants WHERE user_id = $1 AND revoked_at IS NULL "
    "ORDER BY id"};
constexpr Statement kTouchGrant{"oauth_grants.touch",
                                "UPDATE oauth_grants SET last_used_at = $2 WHERE id = $1"};
constexpr Statement kConnectedGrants{
    "oauth_grants.connected",
    "SELECT c.public_id, c.name, c.logo_url, c.homepage_url, g.scopes, g.created_at, "
    "g.last_used_at FROM oauth_grants g JOIN oauth_clients c ON c.id = g.client_id "
    "WHERE g.user_id = $1 AND g.revoked_at IS NULL AND c.disabled_at IS NULL "
    "ORDER BY c.name, c.public_id, g.created_at"};

constexpr Statement kInsertToken{
    "oauth_tokens.insert",
    "INSERT INTO oauth_tokens (token_hash, grant_id, kind, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kFindToken{
    "oauth_tokens.find",
    "SELECT t.kind, t.grant_id, t.created_at, t.expires_at, t.used_at, t.revoked_at, "
    "g.revoked_at AS grant_revoked_at, g.client_id, g.user_id, g.scopes "
    "FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id WHERE t.token_hash = $1"};
constexpr Statement kFindLiveToken{
    "oauth_tokens.find_live",
    "SELECT t.kind, t.grant_id, t.created_at, t.expires_at, g.user_id, g.scopes, "
    "g.last_used_at, c.public_id, u.username "
    "FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id "
    "JOIN oauth_clients c ON c.id = g.client_id JOIN users u ON u.id = g.user_id "
    "WHERE t.token_hash = $1 AND t.expires_at > $2 AND t.revoked_at IS NULL "
    "AND t.used_at IS NULL AND g.revoked_at IS NULL AND c.disabled_at IS NULL "
    "AND u.status = 'active'"};
constexpr Statement kUseRefreshToken{
    "oauth_tokens.use_refresh",
    "UPDATE oauth_tokens SET used_at = $2 WHERE token_hash = $1 AND kind = 'refresh' "
    "AND used_at IS NULL AND revoked_at IS NULL"};
constexpr Statement kRevokeToken{
    "oauth_tokens.revoke",
    "UPDATE oauth_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL"};

constexpr Statement kInsertDeviceCode{
    "oauth_device_codes.insert",
    "INSERT INTO oauth_device_codes (device_code_hash, user_code, client_id, scopes, created_at, "
    "expires_at, interval_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Statement kFindDeviceCode{
    "oauth_device_codes.find",
    "SELECT client_id, user_code, scopes, expires_at, interval_seconds, last_polled_at, user_id, "
    "decision FROM oauth_device_codes WHERE device_code_hash = $1"};
constexpr Statement kMarkPolled{
    "oauth_device_codes.polled",
    "UPDATE oauth_device_codes SET last_polled_at = $2, interval_seconds = $3 "
    "WHERE device_code_hash = $1"};
constexpr Statement kUseDeviceCode{"oauth_device_codes.use",
                                   "UPDATE oauth_device_codes SET decision = 'used', grant_id = $2 "
                                   "WHERE device_code_hash = $1 AND decision = 'approved'"};
constexpr Statement kFindPendingDevice{
    "oauth_device_codes.find_pending",
    "SELECT d.user_code, d.scopes, d.expires_at, " VIGOR_CLIENT_COLUMNS
    " FROM oauth_device_codes d JOIN oauth_clients c ON c.id = d.client_id "
    "WHERE d.user_code = $1 AND d.decision = 'pending' AND d.expires_at > $2 "
    "AND c.disabled_at IS NULL"};
constexpr Statement kDecideDevice{
    "oauth_device_codes.decide",
    "UPDATE oauth_device_codes SET decision = $2, user_id = $3 "
    "WHERE user_code = $1 AND decision = 'pending' AND expires_at > $4"};

constexpr Statement kDeleteExpiredRequests{
    "oauth_authorization_requests.delete_expired",
    "DELETE FROM oauth_authorization_requests WHERE id IN (SELECT id FROM "
    "oauth_authorization_requests WHERE expires_at <= $1 LIMIT $2)"};
constexpr Statement kDeleteExpiredCodes{
    "oauth_codes.delete_expired",
    "DELETE FROM oauth_codes WHERE code_hash IN (SELECT code_hash FROM oauth_codes "
    "WHERE expires_at <= $1 LIMIT $2)"};
constexpr Statement kDeleteExpiredDeviceCodes{
    "oauth_device_codes.delete_expired",
    "DELETE FROM oauth_device_codes WHERE device_code_hash IN (SELECT device_code_hash FROM "
    "oauth_device_codes WHERE expires_at <= $1 LIMIT $2)"};
constexpr Statement kDeleteExpiredTokens{
    "oauth_tokens.delete_expired",
    "DELETE FROM oauth_tokens WHERE token_hash IN (SELECT token_hash FROM oauth_tokens "
    "WHERE expires_at <= $1 LIMIT $2)"};
constexpr Statement kDeleteRevokedGrants{
    "oauth_grants.delete_revoked",
    "DELETE FROM oauth_grants WHERE id IN (SELECT id FROM oauth_grants "
    "WHERE revoked_at IS NOT NULL AND revoked_at <= $1 LIMIT $2)"};

#undef VIGOR_CLIENT_COLUMNS

std::vector<std::string> UrisOf(const std::string& json_text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto value = boost::json::parse(json_text, ec);
  if (ec || !value.is_array()) return out;
  for (const auto& item : value.get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

Client ClientFromRow(const Row& row) {
  Client c;
  c.id = row.Text("c_id");
  c.public_id = row.Text("c_public_id");
  c.owner_id = row.Text("c_owner_id");
  c.name = row.Text("c_name");
  c.logo_url = row.OptText("c_logo_url");
  c.homepage_url = row.OptText("c_homepage_url");
  c.redirect_uris = UrisOf(row.Text("c_redirect_uris"));
  c.confidential = row.Bool("c_confidential");
  c.secret_hash = row.OptText("c_secret_hash");
  c.disabled = !row.IsNull("c_disabled_at");
  return c;
}

OAuthRepository::GrantRef GrantFromRow(const Row& row) {
  return {row.Text("id"), row.Text("user_id"), row.Text("client_id")};
}

}  // namespace

std::vector<std::string> SplitScopes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    if (end > i) {
      std::string scope = text.substr(i, end - i);
      bool seen = false;
      for (const auto& s : out) seen = seen || s == scope;
      if (!seen) out.push_back(std::move(scope));
    }
    i = end + 1;
  }
  return out;
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

std::optional<Client> OAuthRepository::FindClientByPublicId(Session& s,
                                                            const std::string& public_id) {
  auto row = s.QueryOne(kFindClient, public_id);
  if (!row) return std::nullopt;
  return ClientFromRow(*row);
}

bool OAuthRepository::IsAdministrator(Session& s, const std::string& user_id) {
  return s.QueryOne(kIsAdministrator, user_id).has_value();
}

void OAuthRepository::InsertRequest(Session& s, const std::string& id, const std::string& client_id,
                                    const std::string& redirect_uri, const std::string& scopes,
                                    const std::optional<std::string>& state,
                                    const std::string& code_challenge, const std::string& now,
                                    const std::string& expires_at) {
  s.Execute(kInsertRequest, id, client_id, redirect_uri, scopes, state, code_challenge, now,
            expires_at);
}

std::optional<AuthorizationRequest> OAuthRepository::FindLiveRequest(Session& s,
                                                                     const std::string& id,
                                                                     const std::string& now) {
  auto row = s.QueryOne(kFindLiveRequest, id, now);
  if (!row) return std::nullopt;
  AuthorizationRequest r;
  r.id = row->Text("id");
  r.client = ClientFromRow(*row);
  r.redirect_uri = row->Text("redirect_uri");
  r.scopes = SplitScopes(row->Text("scopes"));
  r.state = row->OptText("state");
  r.code_challenge = row->Text("code_challenge");
  r.expires_at = row->Text("expires_at");
  return r;
}

std::int64_t OAuthRepository::DeleteRequest(Session& s, const std::string& id) {
  return s.Execute(kDeleteRequest, id);
}

void OAuthRepository::InsertCode(Session& s, const std::string& code_hash,
                                 const std::string& client_id, const std::string& user_id,
                                 const std::string& redirect_uri, const std::string& scopes,
                                 const std::string& code_challenge, const std::string& now,
                                 const std::string& expires_at) {
  s.Execute(kInsertCode, code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, now,
            expires_at);
}

std::optional<OAuthRepository::CodeRow> OAuthRepository::FindCode(Session& s,
                                                                  const std::string& code_hash) {
  auto row = s.QueryOne(kFindCode, code_hash);
  if (!row) return std::nullopt;
  return CodeRow{row->Text("client_id"),  row->Text("user_id"),        row->Text("redirect_uri"),
                 row->Text("scopes"),     row->Text("code_challenge"), row->Text("expires_at"),
                 row->OptText("used_at"), row->OptText("grant_id")};
}

bool OAuthRepository::UseCode(Session& s, const std::string& code_hash, const std::string& now) {
  return s.Execute(kUseCode, code_hash, now) == 1;
}

void OAuthRepository::SetCodeGrant(Session& s, const std::string& code_hash,
                                   const std::string& grant_id) {
  s.Execute(kSetCodeGrant, code_hash, grant_id);
}

void OAuthRepository::InsertGrant(Session& s, const std::string& id, const std::string& client_id,
                                  const std::string& user_id, const std::string& scopes,
                                  const std::string& now) {
  s.Execute(kInsertGrant, id, client_id, user_id, scopes, now);
}

bool OAuthRepository::RevokeGrant(Session& s, const std::string& grant_id, const std::string& now,
                                  const std::string& why) {
  if (s.Execute(kRevokeGrant, grant_id, now, why) != 1) return false;
  s.Execute(kRevokeGrantTokens, grant_id, now);
  return true;
}

std::optional<OAuthRepository::GrantRef> OAuthRepository::FindGrant(Session& s,
                                                                    const std::string& grant_id) {
  auto row = s.QueryOne(kFindGrant, grant_id);
  if (!row) return std::nullopt;
  return GrantFromRow(*row);
}

std::vector<OAuthRepository::GrantRef> OAuthRepository::LiveGrantsOfClient(
    Session& s, const std::string& client_id) {
  std::vector<GrantRef> out;
  for (const auto& row : s.Query(kLiveGrantsOfClient, client_id)) out.push_back(GrantFromRow(row));
  return out;
}

std::vector<OAuthRepository::GrantRef> OAuthRepository::LiveGrantsOfUserAndClient(
    Session& s, const std::string& user_id, const std::string& client_id) {
  std::vector<GrantRef> out;
  for (const auto& row : s.Query(kLiveGrantsOfUserAndClient, user_id, client_id)) {
    out.push_back(GrantFromRow(row));
  }
  return out;
}

std::vector<OAuthRepository::GrantRef> OAuthRepository::LiveGrantsOfUser(
    Session& s, const std::string& user_id) {
  std::vector<GrantRef> out;
  for (const auto& row : s.Query(kLiveGrantsOfUser, user_id)) out.push_back(GrantFromRow(row));
  return out;
}

void OAuthRepository::TouchGrant(Session& s, const std::string& grant_id, const std::string& now) {
  s.Execute(kTouchGrant, grant_id, now);
}

std::vector<OAuthRepository::ConnectedGrant> OAuthRepository::ConnectedGrants(
    Session& s, const std::string& user_id) {
  std::vector<ConnectedGrant> out;
  for (const auto& row : s.Query(kConnectedGrants, user_id)) {
    out.push_back({row.Text("public_id"), row.Text("name"), row.OptText("logo_url"),
                   row.OptText("homepage_url"), row.Text("scopes"), row.Text("created_at"),
                   row.OptText("last_used_at")});
  }
  return out;
}

void OAuthRepository::InsertToken(Session& s, const std::string& token_hash,
                                  const std::string& grant_id, const std::string& kind,
                                  const std::string& now, const std::string& expires_at) {
  s.Execute(kInsertToken, token_hash, grant_id, kind, now, expires_at);
}

std::optional<OAuthRepository::TokenRow> OAuthRepository::FindToken(Session& s,
                                                                    const std::string& token_hash) {
  auto row = s.QueryOne(kFindToken, token_hash);
  if (!row) return std::nullopt;
  return TokenRow{row->Text("kind"),
                  row->Text("grant_id"),
                  row->Text("created_at"),
                  row->Text("expires_at"),
                  row->OptText("used_at"),
                  row->OptText("revoked_at"),
                  row->OptText("grant_revoked_at"),
                  row->Text("client_id"),
                  row->Text("user_id"),
                  row->Text("scopes")};
}

std::optional<OAuthRepository::LiveToken> OAuthRepository::FindLiveToken(
    Session& s, const std::string& token_hash, const std::string& now) {
  auto row = s.QueryOne(kFindLiveToken, token_hash, now);
  if (!row) return std::nullopt;
  return LiveToken{row->Text("kind"),       row->Text("grant_id"),   row->Text("user_id"),
                   row->Text("username"),   row->Text("scopes"),     row->Text("public_id"),
                   row->Text("created_at"), row->Text("expires_at"), row->OptText("last_used_at")};
}

bool OAuthRepository::UseRefreshToken(Session& s, const std::string& token_hash,
                                      const std::string& now) {
  return s.Execute(kUseRefreshToken, token_hash, now) == 1;
}

void OAuthRepository::RevokeToken(Session& s, const std::string& token_hash,
                                  const std::string& now) {
  s.Execute(kRevokeToken, token_hash, now);
}

void OAuthRepository::InsertDeviceCode(Session& s, const std::string& device_code_hash,
                                       const std::string& user_code, const std::string& client_id,
                                       const std::string& scopes, const std::string& now,
                                       const std::string& expires_at, int interval) {
  s.Execute(kInsertDeviceCode, device_code_hash, user_code, client_id, scopes, now, expires_at,
            std::int64_t{interval});
}

std::optional<OAuthRepository::DeviceRow> OAuthRepository::FindDeviceCode(
    Session& s, const std::string& device_code_hash) {
  auto row = s.QueryOne(kFindDeviceCode, device_code_hash);
  if (!row) return std::nullopt;
  return DeviceRow{row->Text("client_id"),
                   row->Text("user_code"),
                   row->Text("scopes"),
                   row->Text("expires_at"),
                   static_cast<int>(row->Int("interval_seconds")),
                   row->OptText("last_polled_at"),
                   row->OptText("user_id"),
                   row->Text("decision")};
}

void OAuthRepository::MarkPolled(Session& s, const std::string& device_code_hash,
                                 const std::string& now, int interval) {
  s.Execute(kMarkPolled, device_code_hash, now, std::int64_t{interval});
}

bool OAuthRepository::UseDeviceCode(Session& s, const std::string& device_code_hash,
                                    const std::string& grant_id) {
  return s.Execute(kUseDeviceCode, device_code_hash, grant_id) == 1;
}

std::optional<DeviceRequest> OAuthRepository::FindPendingDeviceRequest(Session& s,
                                                                       const std::string& user_code,
                                                                       const std::string& now) {
  auto row = s.QueryOne(kFindPendingDevice, user_code, now);
  if (!row) return std::nullopt;
  DeviceRequest r;
  const std::string& code = row->Text("user_code");
  r.user_code = code.size() == 8 ? code.substr(0, 4) + "-" + code.substr(4) : code;
  r.client = ClientFromRow(*row);
  r.scopes = SplitScopes(row->Text("scopes"));
  r.expires_at = row->Text("expires_at");
  return r;
}

bool OAuthRepository::DecideDeviceCode(Session& s, const std::string& user_code,
                                       const std::string& decision, const std::string& user_id,
                                       const std::string& now) {
  return s.Execute(kDecideDevice, user_code, decision, user_id, now) == 1;
}

std::int64_t OAuthRepository::DeleteExpiredRequests(Session& s, const std::string& now, int limit) {
  return s.Execute(kDeleteExpiredRequests, now, limit);
}
std::int64_t OAuthRepository::DeleteExpiredCodes(Session& s, const std::string& cutoff, int limit) {
  return s.Execute(kDeleteExpiredCodes, cutoff, limit);
}
std::int64_t OAuthRepository::DeleteExpiredDeviceCodes(Session& s, const std::string& now,
                                                       int limit) {
  return s.Execute(kDeleteExpiredDeviceCodes, now, limit);
}
std::int64_t OAuthRepository::DeleteExpiredTokens(Session& s, const std::string& now, int limit) {
  return s.Execute(kDeleteExpiredTokens, now, limit);
}
std::int64_t OAuthRepository::DeleteRevokedGrants(Session& s, const std::string& cutoff,
                                                  int limit) {
  return s.Execute(kDeleteRevokedGrants, cutoff, limit);
}

}  // namespace vigor::features::oauth
