// The suspension mail: in the recipient's language, with the end as people read it, the reason,
// the moderator's note and the way back in to appeal.
#include "features/moderation/moderation_mail.hpp"

#include <gtest/gtest.h>

namespace vigor::features::moderation {
namespace {

Decision Suspension() {
  return Decision{.id = "d1",
                  .owner_id = "u1",
                  .kind = "comment",
                  .item_id = "c1",
                  .action = "suspend",
                  .days = 7,
                  .suspended_until = "2026-12-13T08:05:09.123Z",
                  .note = "Third warning",
                  .reason = "harassment"};
}

TEST(ModerationMailTest, EnglishNamesTheEndTheReasonAndTheWayToAppeal) {
  ModerationMails mails("https://vigor.example", "Vigor Club");
  auto mail = mails.Suspended({.email = "anna@example.org", .username = "anna", .locale = "en"},
                              Suspension());
  EXPECT_EQ(mail.to, "anna@example.org");
  EXPECT_EQ(mail.subject, "Your Vigor Club account is suspended until 2026-12-13 08:05 UTC");
  EXPECT_NE(mail.text.find("Hello anna,"), std::string::npos);
  EXPECT_NE(mail.text.find("Reason of the report: harassment."), std::string::npos);
  EXPECT_NE(mail.text.find("The moderator's note: Third warning"), std::string::npos);
  EXPECT_NE(mail.text.find("https://vigor.example/login"), std::string::npos);
}

TEST(ModerationMailTest, GermanForAGermanSpeaker) {
  ModerationMails mails("https://vigor.example", "Vigor Club");
  auto decision = Suspension();
  decision.note.clear();
  auto mail = mails.Suspended({.email = "jonas@example.org", .username = "jonas", .locale = "de"},
                              decision);
  EXPECT_EQ(mail.subject, "Dein Konto bei Vigor Club ist bis 2026-12-13 08:05 UTC gesperrt");
  EXPECT_NE(mail.text.find("Grund der Meldung: Belästigung."), std::string::npos);
  EXPECT_NE(mail.text.find("einmal Einspruch einzulegen"), std::string::npos);
  EXPECT_EQ(mail.text.find("Anmerkung"), std::string::npos);  // no note, no line for it
  EXPECT_NE(mail.text.find("https://vigor.example/login"), std::string::npos);
}

}  // namespace
}  // namespace vigor::features::moderation
