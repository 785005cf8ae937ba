#include "features/notifications/digest_mail.hpp"

#include <map>
#include <string_view>

namespace vigor::features::notifications {

namespace {

struct KindText {
  std::string_view en;
  std::string_view de;
};

// "{actor}" is the actor's name; the excerpt, when there is one, follows after a colon.
const std::map<std::string_view, KindText>& KindTexts() {
  static const std::map<std::string_view, KindText> texts{
      {"follow_request", {"{actor} asked to follow you", "{actor} möchte dir folgen"}},
      {"follow_approved",
       {"{actor} approved your follow request", "{actor} hat deine Folgeanfrage angenommen"}},
      {"new_follower", {"{actor} follows you now", "{actor} folgt dir jetzt"}},
      {"kudos", {"{actor} gave you kudos", "{actor} hat dir Kudos gegeben"}},
      {"comment", {"{actor} commented", "{actor} hat kommentiert"}},
      {"mention", {"{actor} mentioned you", "{actor} hat dich erwähnt"}},
      {"challenge", {"News from a challenge", "Neues aus einer Challenge"}},
      {"club", {"News from a club", "Neues aus einem Club"}},
      {"moderation",
       {"A moderator decided on your content", "Eine Moderationsentscheidung zu deinen Inhalten"}},
  };
  return texts;
}

std::string Replace(std::string_view text, std::string_view placeholder, const std::string& by) {
  std::string out(text);
  auto at = out.find(placeholder);
  if (at != std::string::npos) out.replace(at, placeholder.size(), by);
  return out;
}

}  // namespace

std::string DigestMails::Line(const NotificationView& item, const std::string& locale) {
  bool german = locale == "de";
  std::string actor = german ? "Jemand" : "Someone";
  if (item.actor) actor = item.actor->display_name + " (@" + item.actor->username + ")";
  auto found = KindTexts().find(item.notification.kind);
  std::string line;
  if (found == KindTexts().end()) {
    line = german ? "Neue Benachrichtigung" : "New notification";
  } else {
    line = Replace(german ? found->second.de : found->second.en, "{actor}", actor);
  }
  if (!item.notification.excerpt.empty()) line += ": " + item.notification.excerpt;
  return line;
}

platform::mail::MailMessage DigestMails::Digest(const DigestRecipient& to,
                                                const std::vector<NotificationView>& items) const {
  bool german = to.locale == "de";
  std::string count = std::to_string(items.size());
  std::string subject =
      german ? "Deine Zusammenfassung von " + instance_name_ + ": " + count +
                   (items.size() == 1 ? " neue Benachrichtigung" : " neue Benachrichtigungen")
             : "Your " + instance_name_ + " digest: " + count +
                   (items.size() == 1 ? " new notification" : " new notifications");
  std::string text = german
                         ? "Hallo " + to.username + ",\n\nseit deiner letzten Zusammenfassung:\n\n"
                         : "Hello " + to.username + ",\n\nsince your last digest:\n\n";
  for (const auto& item : items) text += "- " + Line(item, to.locale) + "\n";
  if (german) {
    text += "\nAlle Benachrichtigungen: " + public_url_ +
            "/notifications\nDiese E-Mail abbestellen oder die Uhrzeit ändern: " + public_url_ +
            "/settings/notifications\n";
  } else {
    text += "\nAll notifications: " + public_url_ +
            "/notifications\nTurn this email off or change its hour: " + public_url_ +
            "/settings/notifications\n";
  }
  return {to.email, std::move(subject), std::move(text)};
}

}  // namespace vigor::features::notifications
