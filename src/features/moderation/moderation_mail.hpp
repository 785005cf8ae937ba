#pragma once

#include <string>

#include "features/moderation/model.hpp"
#include "features/notifications/model.hpp"
#include "platform/mail/mailer.hpp"

namespace vigor::features::moderation {

// The mail that tells a user of their suspension, in their language (en, de): a suspended user
// may never open the app again, so the decision, its end and the way to contest it (sign in,
// read it, appeal once) reach them by mail too.
class ModerationMails {
 public:
  ModerationMails(std::string public_url, std::string instance_name)
      : public_url_(std::move(public_url)), instance_name_(std::move(instance_name)) {}

  // `decision` is a suspension (suspended_until set).
  platform::mail::MailMessage Suspended(const notifications::DigestRecipient& to,
                                        const Decision& decision) const;

 private:
  std::string public_url_;
  std::string instance_name_;
};

// "2026-12-09T19:30:00Z" -> "2026-12-09 19:30 UTC": the end as people read it.
std::string ReadableUtc(const std::string& rfc3339);

}  // namespace vigor::features::moderation
