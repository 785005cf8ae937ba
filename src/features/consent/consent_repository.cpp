#include "features/consent/consent_repository.hpp"

#include "platform/id.hpp"

namespace vigor::features::consent {

namespace {

using platform::store::Row;
using platform::store::Statement;

constexpr Statement kCurrentPolicy{
    "privacy_policies.current",
    "SELECT version, text, published_at, published_by FROM privacy_policies "
    "ORDER BY version DESC LIMIT 1"};
constexpr Statement kPolicies{"privacy_policies.list",
                              "SELECT version, text, published_at, published_by FROM "
                              "privacy_policies ORDER BY version DESC LIMIT $1"};
// Two admins publishing at once would pick the same number: the primary key refuses the second.
constexpr Statement kPublish{
    "privacy_policies.publish",
    "INSERT INTO privacy_policies (version, text, published_at, published_by) "
    "SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3 FROM privacy_policies RETURNING version"};

constexpr Statement kConsents{
    "consents.list_for_user",
    "SELECT id, purpose, policy_version, given_at, withdrawn_at FROM consents "
    "WHERE user_id = $1 ORDER BY id DESC LIMIT $2"};
constexpr Statement kActiveVersion{"consents.active_version",
                                   "SELECT MAX(policy_version) AS version FROM consents "
                                   "WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL"};
constexpr Statement kInsert{"consents.insert",
                            "INSERT INTO consents (id, user_id, purpose, policy_version, given_at) "
                            "VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kWithdraw{"consents.withdraw",
                              "UPDATE consents SET withdrawn_at = $3 "
                              "WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL"};

Policy PolicyFromRow(const Row& r) {
  return Policy{.version = r.Int("version"),
                .text = r.Text("text"),
                .published_at = r.Text("published_at"),
                .published_by = r.OptText("published_by")};
}

}  // namespace

std::optional<Policy> ConsentRepository::CurrentPolicy(Session& s) {
  auto row = s.QueryOne(kCurrentPolicy);
  if (!row) return std::nullopt;
  return PolicyFromRow(*row);
}

std::vector<Policy> ConsentRepository::Policies(Session& s, int limit) {
  std::vector<Policy> out;
  for (const auto& row : s.Query(kPolicies, static_cast<std::int64_t>(limit))) {
    out.push_back(PolicyFromRow(row));
  }
  return out;
}

std::int64_t ConsentRepository::Publish(Session& s, const std::string& text, const std::string& now,
                                        const std::string& admin_id) {
  return s.QueryOne(kPublish, text, now, admin_id)->Int("version");
}

std::vector<Consent> ConsentRepository::Consents(Session& s, const std::string& user_id,
                                                 int limit) {
  std::vector<Consent> out;
  for (const auto& r : s.Query(kConsents, user_id, static_cast<std::int64_t>(limit))) {
    out.push_back(Consent{.id = r.Text("id"),
                          .purpose = r.Text("purpose"),
                          .policy_version = r.Int("policy_version"),
                          .given_at = r.Text("given_at"),
                          .withdrawn_at = r.OptText("withdrawn_at")});
  }
  return out;
}

std::optional<std::int64_t> ConsentRepository::ActiveVersion(Session& s, const std::string& user_id,
                                                             std::string_view purpose) {
  auto row = s.QueryOne(kActiveVersion, user_id, std::string(purpose));
  if (!row) return std::nullopt;
  return row->OptInt("version");
}

void ConsentRepository::Insert(Session& s, const std::string& user_id, std::string_view purpose,
                               std::int64_t version, const std::string& now) {
  s.Execute(kInsert, platform::NewId(), user_id, std::string(purpose), version, now);
}

std::int64_t ConsentRepository::Withdraw(Session& s, const std::string& user_id,
                                         std::string_view purpose, const std::string& now) {
  return s.Execute(kWithdraw, user_id, std::string(purpose), now);
}

}  // namespace vigor::features::consent
