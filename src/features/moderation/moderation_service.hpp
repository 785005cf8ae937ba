#pragma once

#include <optional>
#include <string>

#include "features/accounts/audit_log.hpp"
#include "features/moderation/model.hpp"
#include "features/moderation/moderation_mail.hpp"
#include "features/moderation/moderation_repository.hpp"
#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/social/social_lookup.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::ratelimit {
class RateLimiter;
}
namespace vigor::platform::mail {
class MailQueue;
}

namespace vigor::features::moderation {

// Reports, the moderators' decisions on them, and the one appeal against a decision. The rules:
// nobody reports what they cannot see (the kind's resolver says so) or themselves; one open
// report per reporter and item; a moderator decides all open reports about an item at once,
// never about themselves; hiding writes hidden_content (the privacy policy does the rest), a
// suspension keeps the user out until it ends (accounts asks SuspendedUntil). Every decision is
// audited and told to the content's owner in its transaction; a suspension is mailed to them too
// (they may never open the app), with the way to sign in, read it and appeal. Nothing here knows
// HTTP.
class ModerationService {
 public:
  using Principal = platform::auth::Principal;

  ModerationService(platform::store::Database& database, platform::ratelimit::RateLimiter& limiter,
                    const ReportableKinds& kinds, notifications::Notifier& notifier,
                    social::SocialLookup& people, platform::mail::MailQueue& mail,
                    ModerationMails mails);

  // Installation only: whom to mail a suspension to (the accounts feature knows). Without it
  // (tests of other features) nobody is mailed.
  void SetRecipients(notifications::DigestRecipientLookup recipients) {
    recipients_ = std::move(recipients);
  }

  ReportOutcome Report(const Principal& reporter, const ReportInput& input, const std::string& ip);

  // Staff.
  Page<moderation::Report> Reports(bool open, const std::string& cursor, int limit);
  Decision Decide(const Principal& moderator, const std::string& report_id,
                  const DecisionInput& input, const std::string& ip);
  Page<AppealWithDecision> Appeals(bool pending, const std::string& cursor, int limit);
  AppealWithDecision DecideAppeal(const Principal& moderator, const std::string& appeal_id,
                                  const AppealOutcomeInput& input, const std::string& ip);

  // The user a decision is about.
  Page<Decision> DecisionsAbout(const Principal& user, const std::string& cursor, int limit);
  Appeal MakeAppeal(const Principal& user, const std::string& decision_id, const std::string& text,
                    const std::string& ip);

  // For the accounts feature's suspension check, in the caller's transaction.
  std::optional<std::string> SuspendedUntil(platform::store::Session& s,
                                            const std::string& user_id);

  // Usernames for the staff's lists (one statement for a page).
  std::map<std::string, social::UserCard> CardsOf(const std::vector<std::string>& user_ids);

 private:
  platform::store::Database& database_;
  platform::ratelimit::RateLimiter& limiter_;
  const ReportableKinds& kinds_;
  notifications::Notifier& notifier_;
  social::SocialLookup& people_;
  platform::mail::MailQueue& mail_;
  ModerationMails mails_;
  notifications::DigestRecipientLookup recipients_;
  ModerationRepository repo_;
  accounts::AuditLog audit_;
};

// hidden_content names a user's profile "profile"; every other kind names itself.
std::string HiddenKindOf(const std::string& report_kind);

}  // namespace vigor::features::moderation
