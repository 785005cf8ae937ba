#include "features/accounts/mails.hpp"

namespace vigor::features::accounts {

using platform::mail::MailMessage;

MailMessage AccountMails::Verification(const std::string& to, const std::string& username,
                                       const std::string& token) const {
  return {to, "Confirm your email for " + instance_name_,
          "Hello " + username + ",\n\nwelcome to " + instance_name_ +
              ". Confirm your email address by opening this link within 48 hours:\n\n" +
              public_url_ + "/verify-email#token=" + token +
              "\n\nIf you did not sign up, ignore this message: nothing happens without it.\n"};
}

MailMessage AccountMails::AlreadyRegistered(const std::string& to) const {
  return {to, "Sign-up attempt on " + instance_name_,
          "Hello,\n\nsomeone (perhaps you) tried to create an account on " + instance_name_ +
              " with this address, but it already has one.\n\nIf you forgot your password, reset "
              "it here:\n\n" +
              public_url_ + "/forgot-password\n\nIf it was not you, ignore this message.\n"};
}

MailMessage AccountMails::PasswordReset(const std::string& to, const std::string& username,
                                        const std::string& token) const {
  return {to, "Reset your " + instance_name_ + " password",
          "Hello " + username +
              ",\n\nopen this link within one hour to choose a new password:\n\n" + public_url_ +
              "/reset-password#token=" + token +
              "\n\nIf you did not ask for this, ignore this message: your password stays as it "
              "is.\n"};
}

MailMessage AccountMails::EmailChange(const std::string& to, const std::string& username,
                                      const std::string& token) const {
  return {to, "Confirm your new email for " + instance_name_,
          "Hello " + username +
              ",\n\nopen this link within 48 hours to make this your address on " + instance_name_ +
              ":\n\n" + public_url_ + "/verify-email#token=" + token +
              "\n\nIf you did not ask for this, ignore this message.\n"};
}

MailMessage AccountMails::EmailChangedNotice(const std::string& to,
                                             const std::string& username) const {
  return {to, "Your " + instance_name_ + " email address was changed",
          "Hello " + username +
              ",\n\nthe email address of your account was just changed. If this "
              "was not you, reset your password and contact the operator of " +
              instance_name_ + ".\n"};
}

MailMessage AccountMails::ErasureScheduled(const std::string& to, const std::string& username,
                                           const std::string& erase_after) const {
  return {to, "Your " + instance_name_ + " account will be deleted",
          "Hello " + username + ",\n\nyou asked to delete your account on " + instance_name_ +
              ". You were signed out everywhere and others no longer see your profile or "
              "anything you shared.\n\nAfter " +
              erase_after +
              " (UTC) the account and all its data are erased for good; this cannot be undone."
              "\n\nChanged your mind? Sign in before then and the deletion is cancelled:\n\n" +
              public_url_ + "/login\n"};
}

MailMessage AccountMails::ErasureCancelled(const std::string& to,
                                           const std::string& username) const {
  return {to, "The deletion of your " + instance_name_ + " account was cancelled",
          "Hello " + username +
              ",\n\nyou signed in, so your account is not deleted: everything is as it was. If "
              "you still want to leave, delete the account again in the account settings.\n"};
}

}  // namespace vigor::features::accounts
