#pragma once

#include <string>
#include <vector>

#include "features/notifications/model.hpp"
#include "platform/mail/mailer.hpp"

namespace vigor::features::notifications {

// The daily digest mail, in the recipient's language (en, de): one line per notification, the
// links to the list and to the settings that turn it off.
class DigestMails {
 public:
  DigestMails(std::string public_url, std::string instance_name)
      : public_url_(std::move(public_url)), instance_name_(std::move(instance_name)) {}

  platform::mail::MailMessage Digest(const DigestRecipient& to,
                                     const std::vector<NotificationView>& items) const;

  // One notification as a sentence ("anna gave you kudos"), for the digest.
  static std::string Line(const NotificationView& item, const std::string& locale);

 private:
  std::string public_url_;
  std::string instance_name_;
};

}  // namespace vigor::features::notifications
