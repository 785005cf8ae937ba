#include "features/consent/consent_service.hpp"

#include "platform/error.hpp"
#include "platform/time.hpp"

namespace vigor::features::consent {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;

namespace {

// Enough for anyone's history: one row per version consented to, and a withdrawal ends it.
constexpr int kHistoryLimit = 100;
constexpr int kPoliciesLimit = 200;

void RequireAdmin(const Principal& p) {
  if (!p.IsAdmin()) throw Error(ErrorKind::kForbidden, Msg("admin_only"));
}

std::string VersionDetail(std::int64_t version) {
  return "privacy policy version " + std::to_string(version);
}

}  // namespace

Policy ConsentService::Current(Session& s) {
  auto policy = repo_.CurrentPolicy(s);
  // Migration 0034 ships version 1: without it the schema is not this program's.
  if (!policy) throw std::runtime_error("no privacy policy: migration 0034 is missing");
  return std::move(*policy);
}

bool ConsentService::Required(Session& s, const std::string& user_id) {
  auto active = repo_.ActiveVersion(s, user_id, kHealthData);
  return !active || *active < Current(s).version;
}

void ConsentService::Record(Session& s, const std::string& user_id, std::int64_t version,
                            const std::string& field, const std::string& ip) {
  if (version != Current(s).version) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{field, Msg("policy_version_not_current")}});
  }
  if (repo_.ActiveVersion(s, user_id, kHealthData) == version) return;
  repo_.Insert(s, user_id, kHealthData, version, platform::NowRfc3339());
  audit_.Record(s, "consent_given", user_id, user_id, ip, VersionDetail(version));
}

Policy ConsentService::CurrentPolicy() {
  return database_.ReadResult([&](Session& s) { return Current(s); });
}

ConsentStatus ConsentService::Status(const Principal& principal) {
  return database_.ReadResult([&](Session& s) {
    return ConsentStatus{.required = Required(s, principal.user_id),
                         .current = Current(s),
                         .items = repo_.Consents(s, principal.user_id, kHistoryLimit)};
  });
}

ConsentStatus ConsentService::Give(const Principal& principal, std::int64_t version,
                                   const std::string& ip) {
  return database_.WriteResult([&](Session& s) {
    Record(s, principal.user_id, version, "policy_version", ip);
    return ConsentStatus{.required = Required(s, principal.user_id),
                         .current = Current(s),
                         .items = repo_.Consents(s, principal.user_id, kHistoryLimit)};
  });
}

std::vector<Policy> ConsentService::Policies(const Principal& admin) {
  RequireAdmin(admin);
  return database_.ReadResult([&](Session& s) { return repo_.Policies(s, kPoliciesLimit); });
}

Policy ConsentService::Publish(const Principal& admin, const std::string& text,
                               const std::string& ip) {
  RequireAdmin(admin);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"text", Msg("required")}});
  }
  if (text.size() > kMaxPolicyBytes) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"text", Msg("too_many_bytes", {{"max", kMaxPolicyBytes}})}});
  }
  return database_.WriteResult([&](Session& s) {
    auto version = repo_.Publish(s, text, platform::NowRfc3339(), admin.user_id);
    // Names no user: it concerns everyone, and the admin's own log shows it as theirs.
    audit_.Record(s, "privacy_policy_published", std::nullopt, admin.user_id, ip,
                  VersionDetail(version));
    return Current(s);
  });
}

accounts::ConsentHooks ConsentService::Hooks() {
  return accounts::ConsentHooks{
      .record_at_signup =
          [this](Session& s, const std::string& user_id, std::int64_t version,
                 const std::string& ip) {
            Record(s, user_id, version, "consent_policy_version", ip);
          },
      .required = [this](Session& s, const std::string& user_id) { return Required(s, user_id); },
      .withdraw =
          [this](Session& s, const std::string& user_id, const std::string& ip) {
            if (repo_.Withdraw(s, user_id, kHealthData, platform::NowRfc3339()) > 0) {
              audit_.Record(s, "consent_withdrawn", user_id, user_id, ip,
                            "with the account's deletion");
            }
          }};
}

}  // namespace vigor::features::consent
