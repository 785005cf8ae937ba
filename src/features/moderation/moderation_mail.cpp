#include "features/moderation/moderation_mail.hpp"

#include <map>
#include <string_view>

namespace vigor::features::moderation {

namespace {

struct Words {
  std::string_view en;
  std::string_view de;
};

// The report reasons the API accepts (routes.cpp), as the mail words them.
std::string ReasonText(const std::string& reason, bool german) {
  static const std::map<std::string_view, Words> reasons{
      {"spam", {"spam", "Spam"}},
      {"harassment", {"harassment", "Belästigung"}},
      {"inappropriate", {"inappropriate content", "unangemessene Inhalte"}},
      {"other", {"another reason", "ein anderer Grund"}},
  };
  auto found = reasons.find(reason);
  if (found == reasons.end()) return reason;
  return std::string(german ? found->second.de : found->second.en);
}

}  // namespace

std::string ReadableUtc(const std::string& rfc3339) {
  // Timestamps are stored as "YYYY-MM-DDTHH:MM:SS[.fff]Z" (UTC).
  if (rfc3339.size() < 16 || rfc3339[10] != 'T') return rfc3339;
  return rfc3339.substr(0, 10) + " " + rfc3339.substr(11, 5) + " UTC";
}

platform::mail::MailMessage ModerationMails::Suspended(const notifications::DigestRecipient& to,
                                                       const Decision& decision) const {
  bool german = to.locale == "de";
  std::string until = ReadableUtc(decision.suspended_until.value_or(""));
  std::string reason = ReasonText(decision.reason, german);
  std::string sign_in = public_url_ + "/login";
  if (german) {
    std::string text = "Hallo " + to.username + ",\n\nein Moderator von " + instance_name_ +
                       " hat dein Konto bis " + until + " gesperrt. Grund der Meldung: " + reason +
                       ".\n";
    if (!decision.note.empty()) text += "Anmerkung des Moderators: " + decision.note + "\n";
    text +=
        "\nBis dahin kannst du dich weiterhin anmelden, um die Entscheidung zu lesen und "
        "einmal Einspruch einzulegen:\n\n" +
        sign_in + "\n\nDanach kannst du dein Konto wieder wie gewohnt nutzen.\n";
    return {to.email, "Dein Konto bei " + instance_name_ + " ist bis " + until + " gesperrt",
            std::move(text)};
  }
  std::string text = "Hello " + to.username + ",\n\na moderator of " + instance_name_ +
                     " suspended your account until " + until +
                     ". Reason of the report: " + reason + ".\n";
  if (!decision.note.empty()) text += "The moderator's note: " + decision.note + "\n";
  text +=
      "\nUntil then you can still sign in to read the decision and appeal against it once:\n\n" +
      sign_in + "\n\nAfterwards your account works as before.\n";
  return {to.email, "Your " + instance_name_ + " account is suspended until " + until,
          std::move(text)};
}

}  // namespace vigor::features::moderation
