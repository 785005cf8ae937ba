#pragma once

#include <string>

#include "platform/mail/mailer.hpp"

namespace vigor::features::accounts {

// The texts of the account emails. Links carry their token in the URL fragment, so it never
// reaches a server log or a Referer header: the web app reads it and posts it.
class AccountMails {
 public:
  AccountMails(std::string public_url, std::string instance_name)
      : public_url_(std::move(public_url)), instance_name_(std::move(instance_name)) {}

  platform::mail::MailMessage Verification(const std::string& to, const std::string& username,
                                           const std::string& token) const;
  platform::mail::MailMessage AlreadyRegistered(const std::string& to) const;
  platform::mail::MailMessage PasswordReset(const std::string& to, const std::string& username,
                                            const std::string& token) const;
  platform::mail::MailMessage EmailChange(const std::string& to, const std::string& username,
                                          const std::string& token) const;
  platform::mail::MailMessage EmailChangedNotice(const std::string& to,
                                                 const std::string& username) const;
  // DELETE /api/v1/me: when the account goes for good, and that signing in keeps it.
  platform::mail::MailMessage ErasureScheduled(const std::string& to, const std::string& username,
                                               const std::string& erase_after) const;
  platform::mail::MailMessage ErasureCancelled(const std::string& to,
                                               const std::string& username) const;

 private:
  std::string public_url_;
  std::string instance_name_;
};

}  // namespace vigor::features::accounts
