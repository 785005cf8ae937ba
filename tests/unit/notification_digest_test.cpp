// When a daily digest is next due (the local hour in the profile's zone, across clock changes)
// and how a notification reads in the digest. Expected instants worked out by hand from the
// zones' offsets.
#include <gtest/gtest.h>

#include "features/notifications/digest_mail.hpp"
#include "features/notifications/notification_service.hpp"
#include "platform/time_text.hpp"

namespace vigor {
namespace {

using features::notifications::DigestMails;
using features::notifications::NotificationService;
using features::notifications::NotificationView;

std::string Next(const std::string& now, const std::string& zone, int hour) {
  return platform::FormatUtcMs(
      NotificationService::NextDigestMs(*platform::ParseRfc3339Ms(now), zone, hour));
}

TEST(NotificationDigestTime, TheNextLocalHourIsTodayOrTomorrow) {
  // Berlin in December is UTC+1: 07:00 local is 06:00Z, 08:00 local is 07:00Z.
  EXPECT_EQ(Next("2026-12-06T06:00:00.000Z", "Europe/Berlin", 8), "2026-12-06T07:00:00.000Z");
  EXPECT_EQ(Next("2026-12-06T07:30:00.000Z", "Europe/Berlin", 8), "2026-12-07T07:00:00.000Z");
  // Strictly after now: a digest sent at the hour is next due a day later.
  EXPECT_EQ(Next("2026-12-06T07:00:00.000Z", "Europe/Berlin", 8), "2026-12-07T07:00:00.000Z");
  // Kiritimati is UTC+14: 10:00Z is already midnight of the 7th there.
  EXPECT_EQ(Next("2026-12-06T10:00:00.000Z", "Pacific/Kiritimati", 23), "2026-12-07T09:00:00.000Z");
}

TEST(NotificationDigestTime, AnHourTheClocksSkipIsReadWithTheOffsetBefore) {
  // New York springs forward on 2026-03-08 at 02:00 EST (UTC-5): 02:00 is read as EST, 07:00Z.
  EXPECT_EQ(Next("2026-03-08T05:00:00.000Z", "America/New_York", 2), "2026-03-08T07:00:00.000Z");
  // The day after, 02:00 EDT (UTC-4) is 06:00Z.
  EXPECT_EQ(Next("2026-03-08T08:00:00.000Z", "America/New_York", 2), "2026-03-09T06:00:00.000Z");
}

TEST(NotificationDigestTime, AnUnknownZoneCountsAsUtc) {
  EXPECT_EQ(Next("2026-12-06T10:00:00.000Z", "Mars/Olympus", 9), "2026-12-07T09:00:00.000Z");
  EXPECT_EQ(Next("2026-12-06T10:00:00.000Z", "", 11), "2026-12-06T11:00:00.000Z");
}

TEST(NotificationDigestMail, EachKindReadsAsASentenceInTheUsersLanguage) {
  NotificationView view;
  view.notification.kind = "comment";
  view.notification.excerpt = "great pace";
  view.actor = features::social::UserCard{
      .user_id = "u1", .username = "ben", .display_name = "Ben B.", .avatar_url = std::nullopt};
  EXPECT_EQ(DigestMails::Line(view, "en"), "Ben B. (@ben) commented: great pace");
  EXPECT_EQ(DigestMails::Line(view, "de"), "Ben B. (@ben) hat kommentiert: great pace");
  view.notification.kind = "challenge";
  view.notification.excerpt = "";
  view.actor.reset();
  EXPECT_EQ(DigestMails::Line(view, "en"), "News from a challenge");

  DigestMails mails("https://vigor.example", "Vigor");
  auto mail = mails.Digest({.email = "ben@example.org",
                            .username = "ben",
                            .locale = "en",
                            .time_zone = "UTC",
                            .mailable = true},
                           {view});
  EXPECT_EQ(mail.to, "ben@example.org");
  EXPECT_EQ(mail.subject, "Your Vigor digest: 1 new notification");
  EXPECT_NE(mail.text.find("https://vigor.example/settings/notifications"), std::string::npos);
}

}  // namespace
}  // namespace vigor
