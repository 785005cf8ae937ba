#include "features/accounts/credential_repository.hpp"

#include <sstream>

#include "features/accounts/user_repository.hpp"

namespace vigor::features::accounts {

namespace {
using platform::store::Row;
using platform::store::Statement;

// The owner's users columns next to a session's or token's own: prefixed, as both tables have an
// id and a created_at (UserFromRow's prefix).
#define VIGOR_OWNER_COLUMNS                                                                  \
  "u.id AS owner_id, u.username AS owner_username, u.email AS owner_email, "                 \
  "u.password_hash AS owner_password_hash, u.role AS owner_role, u.status AS owner_status, " \
  "u.email_verified_at AS owner_email_verified_at, "                                         \
  "u.totp_secret_sealed AS owner_totp_secret_sealed, "                                       \
  "u.totp_pending_sealed AS owner_totp_pending_sealed, "                                     \
  "u.totp_last_step AS owner_totp_last_step, u.created_at AS owner_created_at, "             \
  "u.updated_at AS owner_updated_at, u.last_login_at AS owner_last_login_at, "               \
  "u.weight_unit AS owner_weight_unit, u.distance_unit AS owner_distance_unit, "             \
  "u.weight_increment AS owner_weight_increment, u.time_zone AS owner_time_zone, "           \
  "u.locale AS owner_locale, u.week_start AS owner_week_start, "                             \
  "u.one_rep_max_formula AS owner_one_rep_max_formula, u.birth_year AS owner_birth_year, "   \
  "u.max_heart_rate AS owner_max_heart_rate, u.resting_heart_rate AS owner_resting_heart_rate"
constexpr std::string_view kOwnerPrefix = "owner_";

constexpr Statement kInsertSession{
    "sessions.insert",
    "INSERT INTO sessions (id, user_id, token_hash, created_at, last_used_at, expires_at, "
    "user_agent, ip) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)"};
constexpr Statement kFindLiveSession{
    "sessions.find_live",
    "SELECT s.id, s.user_id, s.created_at, s.last_used_at, s.expires_at, s.user_agent, "
    "s.ip, " VIGOR_OWNER_COLUMNS
    " FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_used_at > $3 "
    "AND u.status = 'active'"};
constexpr Statement kTouchSession{"sessions.touch",
                                  "UPDATE sessions SET last_used_at = $2 WHERE id = $1"};
constexpr Statement kListSessions{
    "sessions.list",
    "SELECT id, user_id, created_at, last_used_at, expires_at, user_agent, ip FROM sessions "
    "WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC"};
constexpr Statement kDeleteSession{"sessions.delete",
                                   "DELETE FROM sessions WHERE user_id = $1 AND id = $2"};
constexpr Statement kDeleteSessions{"sessions.delete_all",
                                    "DELETE FROM sessions WHERE user_id = $1"};
constexpr Statement kDeleteDeadSessions{
    "sessions.delete_dead",
    "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at <= $1 "
    "OR last_used_at <= $2 LIMIT $3)"};
constexpr Statement kDeleteExpiredOneTimeTokens{
    "one_time_tokens.delete_expired",
    "DELETE FROM one_time_tokens WHERE token_hash IN (SELECT token_hash FROM one_time_tokens "
    "WHERE expires_at <= $1 LIMIT $2)"};
constexpr Statement kDeleteSessionsExcept{"sessions.delete_except",
                                          "DELETE FROM sessions WHERE user_id = $1 AND id <> $2"};

constexpr Statement kInsertToken{
    "api_tokens.insert",
    "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Statement kFindLiveToken{
    "api_tokens.find_live",
    "SELECT t.id, t.user_id, t.name, t.scopes, t.created_at, t.expires_at, t.last_used_at, "
    "t.last_used_ip, " VIGOR_OWNER_COLUMNS
    " FROM api_tokens t "
    "JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND "
    "(t.expires_at IS NULL OR t.expires_at > $2) AND u.status = 'active'"};
constexpr Statement kTouchToken{"api_tokens.touch",
                                "UPDATE api_tokens SET last_used_at = $2, last_used_ip = $3 "
                                "WHERE id = $1"};
constexpr Statement kListTokens{
    "api_tokens.list",
    "SELECT id, user_id, name, scopes, created_at, expires_at, last_used_at, last_used_ip "
    "FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC"};
constexpr Statement kDeleteToken{"api_tokens.delete",
                                 "DELETE FROM api_tokens WHERE user_id = $1 AND id = $2"};
constexpr Statement kDeleteTokens{"api_tokens.delete_all",
                                  "DELETE FROM api_tokens WHERE user_id = $1"};

constexpr Statement kInsertOneTime{
    "one_time_tokens.insert",
    "INSERT INTO one_time_tokens (token_hash, purpose, user_id, payload, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kFindOneTime{
    "one_time_tokens.find",
    "SELECT user_id, payload FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 "
    "AND used_at IS NULL AND expires_at > $3"};
constexpr Statement kConsumeOneTime{
    "one_time_tokens.consume",
    "UPDATE one_time_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL"};
constexpr Statement kInvalidateOneTime{
    "one_time_tokens.invalidate",
    "UPDATE one_time_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 "
    "AND used_at IS NULL"};

constexpr Statement kDeleteRecovery{"recovery_codes.delete_all",
                                    "DELETE FROM recovery_codes WHERE user_id = $1"};
constexpr Statement kInsertRecovery{
    "recovery_codes.insert", "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)"};
constexpr Statement kUseRecovery{
    "recovery_codes.use",
    "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 "
    "AND used_at IS NULL"};

constexpr Statement kInsertInvite{
    "invites.insert",
    "INSERT INTO invites (code_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4)"};
constexpr Statement kUseInvite{
    "invites.use",
    "UPDATE invites SET used_by = $2, used_at = $3 WHERE code_hash = $1 AND used_at IS NULL "
    "AND expires_at > $3"};

#undef VIGOR_OWNER_COLUMNS

SessionRecord SessionRecordFromRow(const Row& r) {
  return SessionRecord{.id = r.Text("id"),
                       .user_id = r.Text("user_id"),
                       .created_at = r.Text("created_at"),
                       .last_used_at = r.Text("last_used_at"),
                       .expires_at = r.Text("expires_at"),
                       .user_agent = r.OptText("user_agent"),
                       .ip = r.OptText("ip")};
}

std::vector<std::string> SplitScopes(const std::string& text) {
  std::vector<std::string> scopes;
  std::istringstream in(text);
  std::string scope;
  while (in >> scope) scopes.push_back(scope);
  return scopes;
}

ApiToken ApiTokenFromRow(const Row& r) {
  return ApiToken{.id = r.Text("id"),
                  .user_id = r.Text("user_id"),
                  .name = r.Text("name"),
                  .scopes = SplitScopes(r.Text("scopes")),
                  .created_at = r.Text("created_at"),
                  .expires_at = r.OptText("expires_at"),
                  .last_used_at = r.OptText("last_used_at"),
                  .last_used_ip = r.OptText("last_used_ip")};
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) {
    if (!out.empty()) out.push_back(' ');
    out += s;
  }
  return out;
}
}  // namespace

void CredentialRepository::InsertSession(Session& s, const SessionRecord& r,
                                         const std::string& token_hash) {
  s.Execute(kInsertSession, r.id, r.user_id, token_hash, r.created_at, r.expires_at, r.user_agent,
            r.ip);
}

std::optional<std::pair<SessionRecord, User>> CredentialRepository::FindLiveSession(
    Session& s, const std::string& token_hash, const std::string& now,
    const std::string& idle_cutoff) {
  auto row = s.QueryOne(kFindLiveSession, token_hash, now, idle_cutoff);
  if (!row) return std::nullopt;
  return std::make_pair(SessionRecordFromRow(*row), UserFromRow(*row, kOwnerPrefix));
}

void CredentialRepository::TouchSession(Session& s, const std::string& id, const std::string& now) {
  s.Execute(kTouchSession, id, now);
}

std::vector<SessionRecord> CredentialRepository::ListSessions(Session& s,
                                                              const std::string& user_id,
                                                              const std::string& now) {
  std::vector<SessionRecord> out;
  for (const auto& row : s.Query(kListSessions, user_id, now))
    out.push_back(SessionRecordFromRow(row));
  return out;
}

bool CredentialRepository::DeleteSession(Session& s, const std::string& user_id,
                                         const std::string& id) {
  return s.Execute(kDeleteSession, user_id, id) == 1;
}

void CredentialRepository::DeleteSessions(Session& s, const std::string& user_id) {
  s.Execute(kDeleteSessions, user_id);
}

void CredentialRepository::DeleteSessionsExcept(Session& s, const std::string& user_id,
                                                const std::string& keep_id) {
  s.Execute(kDeleteSessionsExcept, user_id, keep_id);
}

void CredentialRepository::InsertToken(Session& s, const ApiToken& t,
                                       const std::string& token_hash) {
  s.Execute(kInsertToken, t.id, t.user_id, t.name, token_hash, JoinScopes(t.scopes), t.created_at,
            t.expires_at);
}

std::optional<std::pair<ApiToken, User>> CredentialRepository::FindLiveToken(
    Session& s, const std::string& token_hash, const std::string& now) {
  auto row = s.QueryOne(kFindLiveToken, token_hash, now);
  if (!row) return std::nullopt;
  return std::make_pair(ApiTokenFromRow(*row), UserFromRow(*row, kOwnerPrefix));
}

void CredentialRepository::TouchToken(Session& s, const std::string& id, const std::string& now,
                                      const std::string& ip) {
  s.Execute(kTouchToken, id, now, ip);
}

std::vector<ApiToken> CredentialRepository::ListTokens(Session& s, const std::string& user_id) {
  std::vector<ApiToken> out;
  for (const auto& row : s.Query(kListTokens, user_id)) out.push_back(ApiTokenFromRow(row));
  return out;
}

bool CredentialRepository::DeleteToken(Session& s, const std::string& user_id,
                                       const std::string& id) {
  return s.Execute(kDeleteToken, user_id, id) == 1;
}

void CredentialRepository::DeleteTokens(Session& s, const std::string& user_id) {
  s.Execute(kDeleteTokens, user_id);
}

void CredentialRepository::InsertOneTimeToken(Session& s, const std::string& token_hash,
                                              const std::string& purpose,
                                              const std::string& user_id,
                                              const std::optional<std::string>& payload,
                                              const std::string& now,
                                              const std::string& expires_at) {
  s.Execute(kInsertOneTime, token_hash, purpose, user_id, payload, now, expires_at);
}

std::optional<CredentialRepository::OneTimeToken> CredentialRepository::FindOneTimeToken(
    Session& s, const std::string& token_hash, const std::string& purpose, const std::string& now) {
  auto row = s.QueryOne(kFindOneTime, token_hash, purpose, now);
  if (!row) return std::nullopt;
  return OneTimeToken{.user_id = row->Text("user_id"), .payload = row->OptText("payload")};
}

bool CredentialRepository::ConsumeOneTimeToken(Session& s, const std::string& token_hash,
                                               const std::string& now) {
  return s.Execute(kConsumeOneTime, token_hash, now) == 1;
}

void CredentialRepository::InvalidateOneTimeTokens(Session& s, const std::string& user_id,
                                                   const std::string& purpose,
                                                   const std::string& now) {
  s.Execute(kInvalidateOneTime, user_id, purpose, now);
}

void CredentialRepository::ReplaceRecoveryCodes(Session& s, const std::string& user_id,
                                                const std::vector<std::string>& code_hashes) {
  s.Execute(kDeleteRecovery, user_id);
  for (const auto& hash : code_hashes) s.Execute(kInsertRecovery, user_id, hash);
}

bool CredentialRepository::UseRecoveryCode(Session& s, const std::string& user_id,
                                           const std::string& code_hash, const std::string& now) {
  return s.Execute(kUseRecovery, user_id, code_hash, now) == 1;
}

void CredentialRepository::DeleteRecoveryCodes(Session& s, const std::string& user_id) {
  s.Execute(kDeleteRecovery, user_id);
}

void CredentialRepository::InsertInvite(Session& s, const std::string& code_hash,
                                        const std::string& created_by, const std::string& now,
                                        const std::string& expires_at) {
  s.Execute(kInsertInvite, code_hash, created_by, now, expires_at);
}

bool CredentialRepository::UseInvite(Session& s, const std::string& code_hash,
                                     const std::string& user_id, const std::string& now) {
  return s.Execute(kUseInvite, code_hash, user_id, now) == 1;
}

std::int64_t CredentialRepository::DeleteDeadSessions(Session& s, const std::string& now,
                                                      const std::string& idle_cutoff, int limit) {
  return s.Execute(kDeleteDeadSessions, now, idle_cutoff, limit);
}

std::int64_t CredentialRepository::DeleteExpiredOneTimeTokens(Session& s, const std::string& now,
                                                              int limit) {
  return s.Execute(kDeleteExpiredOneTimeTokens, now, limit);
}

}  // namespace vigor::features::accounts
