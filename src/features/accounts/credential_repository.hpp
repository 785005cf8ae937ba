#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/accounts/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::accounts {

// The SQL of sign-in sessions, personal access tokens, one-time tokens (email links, login
// challenges), recovery codes and invites. Secrets arrive here already hashed.
class CredentialRepository {
 public:
  using Session = platform::store::Session;

  // --- sessions ---
  void InsertSession(Session& s, const SessionRecord& record, const std::string& token_hash);
  // The live session with this token (not past its absolute expiry, used since `idle_cutoff`)
  // and its active user.
  std::optional<std::pair<SessionRecord, User>> FindLiveSession(Session& s,
                                                                const std::string& token_hash,
                                                                const std::string& now,
                                                                const std::string& idle_cutoff);
  void TouchSession(Session& s, const std::string& id, const std::string& now);
  std::vector<SessionRecord> ListSessions(Session& s, const std::string& user_id,
                                          const std::string& now);
  bool DeleteSession(Session& s, const std::string& user_id, const std::string& id);
  void DeleteSessions(Session& s, const std::string& user_id);
  void DeleteSessionsExcept(Session& s, const std::string& user_id, const std::string& keep_id);
  // Housekeeping, at most `limit` rows: sessions past their absolute expiry or idle since
  // `idle_cutoff`, and one-time tokens past their expiry (used or not). Returns rows deleted.
  std::int64_t DeleteDeadSessions(Session& s, const std::string& now,
                                  const std::string& idle_cutoff, int limit);
  std::int64_t DeleteExpiredOneTimeTokens(Session& s, const std::string& now, int limit);

  // --- personal access tokens ---
  void InsertToken(Session& s, const ApiToken& token, const std::string& token_hash);
  std::optional<std::pair<ApiToken, User>> FindLiveToken(Session& s, const std::string& token_hash,
                                                         const std::string& now);
  void TouchToken(Session& s, const std::string& id, const std::string& now, const std::string& ip);
  std::vector<ApiToken> ListTokens(Session& s, const std::string& user_id);
  bool DeleteToken(Session& s, const std::string& user_id, const std::string& id);
  void DeleteTokens(Session& s, const std::string& user_id);

  // --- one-time tokens ---
  void InsertOneTimeToken(Session& s, const std::string& token_hash, const std::string& purpose,
                          const std::string& user_id, const std::optional<std::string>& payload,
                          const std::string& now, const std::string& expires_at);
  struct OneTimeToken {
    std::string user_id;
    std::optional<std::string> payload;
  };
  // The unused, unexpired token; `consume` marks it used in the same statement.
  std::optional<OneTimeToken> FindOneTimeToken(Session& s, const std::string& token_hash,
                                               const std::string& purpose, const std::string& now);
  bool ConsumeOneTimeToken(Session& s, const std::string& token_hash, const std::string& now);
  // Older links of the same kind stop working when a new one is sent.
  void InvalidateOneTimeTokens(Session& s, const std::string& user_id, const std::string& purpose,
                               const std::string& now);

  // --- recovery codes ---
  void ReplaceRecoveryCodes(Session& s, const std::string& user_id,
                            const std::vector<std::string>& code_hashes);
  bool UseRecoveryCode(Session& s, const std::string& user_id, const std::string& code_hash,
                       const std::string& now);
  void DeleteRecoveryCodes(Session& s, const std::string& user_id);

  // --- invites ---
  void InsertInvite(Session& s, const std::string& code_hash, const std::string& created_by,
                    const std::string& now, const std::string& expires_at);
  bool UseInvite(Session& s, const std::string& code_hash, const std::string& user_id,
                 const std::string& now);
};

}  // namespace vigor::features::accounts
