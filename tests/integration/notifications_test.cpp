// Notifications through the real application on both databases: Notify (as the feed, social,
// challenges, clubs and moderation call it inside their writes) stores a notification unless the
// recipient turned its kind off, or blocked, is blocked by or muted the actor; the list with the
// actor's card, keyset pages and the unread count; marking read; the preferences; the outbox
// event that reaches the recipient's open pages; the daily digest mail, once a day at the local
// hour; the purge of old read notifications.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <chrono>
#include <thread>

#include "features/notifications/feature.hpp"
#include "platform/events/dispatcher.hpp"
#include "platform/events/outbox.hpp"
#include "platform/http/server.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/store/database.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "support/http_client.hpp"

namespace vigor {
namespace {

using features::notifications::Notification;
using features::notifications::NotificationsFeature;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using namespace std::chrono_literals;

constexpr Statement kBlock{"test.block",
                           "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, "
                           "'2026-01-01T00:00:00.000Z')"};
constexpr Statement kMute{"test.mute",
                          "INSERT INTO mutes (user_id, muted_id, created_at) VALUES ($1, $2, "
                          "'2026-01-01T00:00:00.000Z')"};
constexpr Statement kStored{"test.stored_notifications",
                            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1"};

class NotificationsTest : public ::testing::Test {
 protected:
  NotificationsTest() {
    anna_id_ = h_.CreateUser("anna");
    ben_id_ = h_.CreateUser("ben");
    cleo_id_ = h_.CreateUser("cleo");
    h_.SignIn(anna_, "anna");
    h_.SignIn(ben_, "ben");
  }

  NotificationsFeature& feature() { return h_.app().Get<NotificationsFeature>(); }

  // What another feature does inside its write: notify through the app's NotifierSlot.
  void Notify(const Notification& n) {
    h_.app().database->Write([&](Session& s) { h_.app().notifier->Notify(s, n); });
  }
  void Kudos(const std::string& from, const std::string& to, const std::string& workout_id) {
    Notify({.recipient_id = to,
            .kind = "kudos",
            .actor_id = from,
            .subject_kind = "workout",
            .subject_owner_id = to,
            .subject_id = workout_id,
            .excerpt = ""});
  }
  void Comment(const std::string& from, const std::string& to, const std::string& text) {
    Notify({.recipient_id = to,
            .kind = "comment",
            .actor_id = from,
            .subject_kind = "workout",
            .subject_owner_id = to,
            .subject_id = "w-1",
            .excerpt = text});
  }
  std::int64_t Stored(const std::string& user_id) {
    return h_.app().database->ReadResult(
        [&](Session& s) { return s.QueryOne(kStored, user_id)->Int("n"); });
  }
  boost::json::object List(Browser& b, const std::string& query = "") {
    auto reply = h_.Get(b, "/api/v1/notifications" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }
  std::int64_t Unread(Browser& b) {
    auto reply = h_.Get(b, "/api/v1/notifications/unread-count");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json()["unread_count"].as_int64();
  }
  testing::Reply PutPrefs(Browser& b, const std::string& body) {
    return h_.Call(b, Method::kPut, "/api/v1/me/notification-preferences", body);
  }

  AppHarness h_;
  Browser anna_, ben_;
  std::string anna_id_, ben_id_, cleo_id_;
};

TEST_F(NotificationsTest, ANotificationIsListedWithItsActorSubjectAndTheUnreadCount) {
  Kudos(ben_id_, anna_id_, "workout-7");

  auto page = List(anna_);
  ASSERT_EQ(page["items"].as_array().size(), 1u);
  auto item = page["items"].as_array()[0].as_object();
  EXPECT_EQ(item["kind"], "kudos");
  EXPECT_EQ(item["actor"].as_object()["username"], "ben");
  EXPECT_EQ(item["subject"].as_object()["kind"], "workout");
  EXPECT_EQ(item["subject"].as_object()["id"], "workout-7");
  EXPECT_EQ(item["subject"].as_object()["owner_id"].as_string(), anna_id_);
  EXPECT_EQ(item["read"], false);
  EXPECT_TRUE(item["read_at"].is_null());
  EXPECT_EQ(page["unread_count"], 1);
  EXPECT_TRUE(page["next_cursor"].is_null());
  EXPECT_EQ(Unread(anna_), 1);
  // Only the recipient has it.
  EXPECT_EQ(List(ben_)["items"].as_array().size(), 0u);
  EXPECT_EQ(Unread(ben_), 0);
}

TEST_F(NotificationsTest, AUserSubjectCarriesTheUsernameForItsLink) {
  Notify({.recipient_id = anna_id_,
          .kind = "follow_request",
          .actor_id = ben_id_,
          .subject_kind = "user",
          .subject_owner_id = std::nullopt,
          .subject_id = ben_id_,
          .excerpt = ""});
  auto item = List(anna_)["items"].as_array()[0].as_object();
  EXPECT_EQ(item["subject"].as_object()["username"], "ben");
}

TEST_F(NotificationsTest, PagesAreNewestFirstAndFollowTheCursor) {
  for (int i = 1; i <= 5; ++i) {
    Comment(ben_id_, anna_id_, "comment " + std::to_string(i));
    // Ids are time-ordered to the millisecond; within one, their order is random.
    std::this_thread::sleep_for(2ms);
  }
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = List(anna_, "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : page["items"].as_array()) {
      seen.emplace_back(item.as_object().at("excerpt").as_string());
    }
    EXPECT_EQ(page["unread_count"], 5);
    cursor = page["next_cursor"].is_null() ? "" : std::string(page["next_cursor"].as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"comment 5", "comment 4", "comment 3", "comment 2",
                                            "comment 1"}));
  auto bad = h_.Get(anna_, "/api/v1/notifications?cursor=not-a-cursor");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), (std::set<std::string>{"cursor"}));
}

TEST_F(NotificationsTest, MarkingReadBySomeIdsOrAllLowersTheCount) {
  Comment(ben_id_, anna_id_, "one");
  Comment(ben_id_, anna_id_, "two");
  Comment(ben_id_, anna_id_, "three");
  Comment(anna_id_, ben_id_, "for ben");
  auto items = List(anna_)["items"].as_array();
  std::string newest(items[0].as_object().at("id").as_string());
  std::string bens(List(ben_)["items"].as_array()[0].as_object().at("id").as_string());

  auto one = h_.Post(anna_, "/api/v1/notifications/read", R"({"ids":[")" + newest + R"("]})");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json()["unread_count"], 2);
  auto listed = List(anna_)["items"].as_array();
  EXPECT_EQ(listed[0].as_object().at("read"), true);
  EXPECT_FALSE(listed[0].as_object().at("read_at").is_null());
  EXPECT_EQ(listed[1].as_object().at("read"), false);

  // Another user's id changes nothing, for either of them.
  auto other = h_.Post(anna_, "/api/v1/notifications/read", R"({"ids":[")" + bens + R"("]})");
  EXPECT_EQ(other.Json()["unread_count"], 2);
  EXPECT_EQ(Unread(ben_), 1);

  auto all = h_.Post(anna_, "/api/v1/notifications/read", R"({"all":true})");
  EXPECT_EQ(all.Json()["unread_count"], 0);
  EXPECT_EQ(Unread(anna_), 0);
  EXPECT_EQ(Unread(ben_), 1);
}

TEST_F(NotificationsTest, MarkReadRefusesAnUnclearBody) {
  EXPECT_EQ(FieldsOf(h_.Post(anna_, "/api/v1/notifications/read", "{}")),
            (std::set<std::string>{"ids"}));
  EXPECT_EQ(FieldsOf(h_.Post(anna_, "/api/v1/notifications/read", R"({"ids":["nope"]})")),
            (std::set<std::string>{"ids"}));
  EXPECT_EQ(FieldsOf(h_.Post(anna_, "/api/v1/notifications/read", R"({"ids":[]})")),
            (std::set<std::string>{"ids"}));
  EXPECT_EQ(h_.Post(anna_, "/api/v1/notifications/read", R"({"all":"yes"})").status, 422);
}

TEST_F(NotificationsTest, PreferencesDefaultToEverythingInTheAppAndNoDigest) {
  auto reply = h_.Get(anna_, "/api/v1/me/notification-preferences");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto prefs = reply.Json();
  auto kinds = prefs["kinds"].as_object();
  EXPECT_EQ(kinds.size(), 9u);
  for (const auto& [kind, setting] : kinds) {
    EXPECT_EQ(setting.as_object().at("in_app"), true) << kind;
    EXPECT_EQ(setting.as_object().at("in_digest"), true) << kind;
  }
  EXPECT_EQ(prefs["digest"].as_object()["enabled"], false);
  EXPECT_EQ(prefs["digest"].as_object()["hour"], 8);
  EXPECT_EQ(prefs["digest"].as_object()["time_zone"], "UTC");
}

TEST_F(NotificationsTest, AKindTurnedOffInTheAppIsNotStored) {
  auto put = PutPrefs(anna_, R"({"kinds":{"kudos":{"in_app":false}}})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["kinds"].as_object()["kudos"].as_object()["in_app"], false);
  EXPECT_EQ(put.Json()["kinds"].as_object()["kudos"].as_object()["in_digest"], true);
  EXPECT_EQ(put.Json()["kinds"].as_object()["comment"].as_object()["in_app"], true);

  Kudos(ben_id_, anna_id_, "w-1");
  Comment(ben_id_, anna_id_, "nice run");
  EXPECT_EQ(Stored(anna_id_), 1);
  auto items = List(anna_)["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].as_object().at("kind"), "comment");
  // Another user's preferences are their own.
  Kudos(anna_id_, ben_id_, "w-2");
  EXPECT_EQ(Stored(ben_id_), 1);
}

TEST_F(NotificationsTest, PreferencesRefuseUnknownKindsAndBadValues) {
  EXPECT_EQ(FieldsOf(PutPrefs(anna_, R"({"kinds":{"likes":{"in_app":false}}})")),
            (std::set<std::string>{"kinds.likes"}));
  EXPECT_EQ(FieldsOf(PutPrefs(anna_, R"({"kinds":{"kudos":{"in_app":"no"}}})")),
            (std::set<std::string>{"kinds.kudos.in_app"}));
  EXPECT_EQ(FieldsOf(PutPrefs(anna_, R"({"digest":{"hour":24}})")),
            (std::set<std::string>{"digest.hour"}));
  EXPECT_EQ(FieldsOf(PutPrefs(anna_, R"({"digest":{"enabled":true,"at":3}})")),
            (std::set<std::string>{"digest.at"}));
  // Nothing of a refused change was kept.
  auto prefs = h_.Get(anna_, "/api/v1/me/notification-preferences").Json();
  EXPECT_EQ(prefs["digest"].as_object()["enabled"], false);
}

TEST_F(NotificationsTest, NothingIsStoredFromABlockedOrBlockingOrMutedActor) {
  h_.app().database->Write([&](Session& s) {
    s.Execute(kBlock, anna_id_, ben_id_);   // anna blocked ben
    s.Execute(kBlock, cleo_id_, anna_id_);  // cleo blocked anna
  });
  Kudos(ben_id_, anna_id_, "w-1");
  Kudos(cleo_id_, anna_id_, "w-1");
  Kudos(anna_id_, ben_id_, "w-9");
  EXPECT_EQ(Stored(anna_id_), 0);
  EXPECT_EQ(Stored(ben_id_), 0);

  auto dan_id = h_.CreateUser("dan");
  h_.app().database->Write([&](Session& s) { s.Execute(kMute, anna_id_, dan_id); });
  Comment(dan_id, anna_id_, "muted");
  EXPECT_EQ(Stored(anna_id_), 0);
  // The mute is one-way: dan still hears from anna.
  Comment(anna_id_, dan_id, "hello dan");
  EXPECT_EQ(Stored(dan_id), 1);
}

TEST_F(NotificationsTest, ABlockAfterwardsHidesTheActorsNotificationsFromListAndCount) {
  Comment(ben_id_, anna_id_, "before the block");
  Comment(cleo_id_, anna_id_, "from cleo");
  EXPECT_EQ(Unread(anna_), 2);
  h_.app().database->Write([&](Session& s) { s.Execute(kBlock, ben_id_, anna_id_); });
  auto page = List(anna_);
  ASSERT_EQ(page["items"].as_array().size(), 1u);
  EXPECT_EQ(page["items"].as_array()[0].as_object().at("excerpt"), "from cleo");
  EXPECT_EQ(page["unread_count"], 1);
}

TEST_F(NotificationsTest, NobodyIsNotifiedOfTheirOwnDoingAndRepeatedKudosMakeOne) {
  Kudos(anna_id_, anna_id_, "w-1");
  EXPECT_EQ(Stored(anna_id_), 0);
  Kudos(ben_id_, anna_id_, "w-1");
  Kudos(ben_id_, anna_id_, "w-1");
  EXPECT_EQ(Stored(anna_id_), 1);
  Kudos(ben_id_, anna_id_, "w-2");  // another workout
  EXPECT_EQ(Stored(anna_id_), 2);
}

TEST_F(NotificationsTest, AnUnknownKindIsABugOfTheCaller) {
  EXPECT_THROW(Notify({.recipient_id = anna_id_,
                       .kind = "likes",
                       .actor_id = ben_id_,
                       .subject_kind = std::nullopt,
                       .subject_owner_id = std::nullopt,
                       .subject_id = std::nullopt,
                       .excerpt = ""}),
               std::invalid_argument);
  EXPECT_EQ(Stored(anna_id_), 0);
}

TEST_F(NotificationsTest, NotifyWritesAnOutboxEventForTheRecipientOnly) {
  Comment(ben_id_, anna_id_, "hi");
  Comment(cleo_id_, anna_id_, "hello");
  auto events = h_.app().database->ReadResult(
      [&](Session& s) { return h_.app().event_outbox->After(s, anna_id_, 0, 100); });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "notification");
  auto second = boost::json::parse(events[1].payload).as_object();
  EXPECT_EQ(second["kind"], "comment");
  EXPECT_EQ(second["unread_count"], 2);
  auto ben_events = h_.app().database->ReadResult(
      [&](Session& s) { return h_.app().event_outbox->After(s, ben_id_, 0, 100); });
  EXPECT_TRUE(ben_events.empty());

  // Marking read tells the other open pages the new count.
  h_.Post(anna_, "/api/v1/notifications/read", R"({"all":true})");
  events = h_.app().database->ReadResult(
      [&](Session& s) { return h_.app().event_outbox->After(s, anna_id_, 2, 100); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "notification.read");
  EXPECT_EQ(boost::json::parse(events[0].payload).as_object()["unread_count"], 0);
  EXPECT_TRUE(h_.app().event_kinds.Contains("notification"));
  EXPECT_TRUE(h_.app().event_kinds.Contains("notification.read"));
}

TEST_F(NotificationsTest, AnExcerptIsOneShortLine) {
  Comment(ben_id_, anna_id_, "line one\nline two\t" + std::string(400, 'x'));
  auto excerpt =
      std::string(List(anna_)["items"].as_array()[0].as_object().at("excerpt").as_string());
  EXPECT_EQ(excerpt.substr(0, 19), "line one line two x");
  EXPECT_EQ(excerpt.size(), 280u + std::string("…").size());
}

TEST_F(NotificationsTest, AnOpenEventStreamOfTheRecipientGetsTheNotificationLive) {
  h_.app().event_dispatcher->Start();
  platform::obs::Logger logger{platform::obs::LogLevel::kError, (h_.dir() / "server.log").string()};
  platform::http::Server server(platform::http::ServerOptions{.port = 0}, *h_.app().http, logger,
                                h_.app().metrics);
  auto port = server.Listen();
  std::thread thread([&] { server.Run(false); });
  auto open = [&](Browser& b) {
    auto conn = std::make_unique<testing::HttpConnection>(port);
    conn->SendRaw(
        testing::MakeRequest("GET", "/api/v1/events", {}, {},
                             "Cookie: vigor_session=" + b.cookies["vigor_session"] + "\r\n"));
    auto head = conn->ReadHead();
    EXPECT_TRUE(head && head->status == 200);
    EXPECT_TRUE(conn->ReadStreamUntil(": connected\n\n", 3000));
    return conn;
  };
  auto anna_tab = open(anna_);
  auto anna_other_tab = open(anna_);
  auto ben_tab = open(ben_);

  Comment(ben_id_, anna_id_, "live!");
  auto id = std::string(List(anna_)["items"].as_array()[0].as_object().at("id").as_string());
  std::string frame = "event: notification\ndata: {\"id\":\"" + id +
                      "\",\"kind\":\"comment\",\"unread_count\":1}\n\n";
  EXPECT_TRUE(anna_tab->ReadStreamUntil(frame, 3000)) << anna_tab->stream_text();
  EXPECT_TRUE(anna_other_tab->ReadStreamUntil(frame, 3000)) << anna_other_tab->stream_text();
  // Reading it in one tab tells the others the new count.
  h_.Post(anna_, "/api/v1/notifications/read", R"({"all":true})");
  EXPECT_TRUE(anna_other_tab->ReadStreamUntil(
      "event: notification.read\ndata: {\"unread_count\":0}\n\n", 3000))
      << anna_other_tab->stream_text();
  // Ben's tab hears nothing of it.
  EXPECT_FALSE(ben_tab->ReadStreamUntil("event: notification", 500)) << ben_tab->stream_text();

  server.Stop();
  thread.join();
}

// ---- the daily digest ----

class NotificationDigestTest : public NotificationsTest {
 protected:
  using TimePoint = std::chrono::system_clock::time_point;

  // Runs the digest task as housekeeping does, at `now`.
  std::int64_t RunDigests(TimePoint now) {
    return h_.app().database->WriteResult([&](Session& s) {
      return feature().service().SendDueDigests(s, now, platform::jobs::Housekeeping::kBatch);
    });
  }
  std::vector<std::string> DigestsTo(const std::string& username) {
    std::vector<std::string> out;
    for (const auto& mail : h_.Mails()) {
      if (mail.find("To: " + username + "@example.org") != std::string::npos &&
          mail.find("digest") != std::string::npos) {
        out.push_back(mail);
      }
    }
    return out;
  }
  static std::string Hour(TimePoint t) {
    return std::to_string(
        std::chrono::duration_cast<std::chrono::hours>(t.time_since_epoch()).count() % 24);
  }
};

TEST_F(NotificationDigestTest, TheDigestIsMailedOnceADayAtTheChosenHourWithTheUnreadSinceTheLast) {
  auto start = std::chrono::system_clock::now();
  // Due at the next full hour in UTC (anna's zone): the hour after now.
  auto next_hour = std::chrono::ceil<std::chrono::hours>(start + 1s);
  auto put = PutPrefs(anna_, R"({"digest":{"enabled":true,"hour":)" + Hour(next_hour) + "}}");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["digest"].as_object()["enabled"], true);
  Comment(ben_id_, anna_id_, "first comment");
  Kudos(cleo_id_, anna_id_, "w-1");

  EXPECT_EQ(RunDigests(next_hour - 1min), 0);  // not yet due
  EXPECT_TRUE(DigestsTo("anna").empty());
  EXPECT_EQ(RunDigests(next_hour), 1);
  auto mails = DigestsTo("anna");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].find("Your Vigor digest: 2 new notifications"), std::string::npos) << mails[0];
  EXPECT_NE(mails[0].find("first comment"), std::string::npos);
  EXPECT_NE(mails[0].find("gave you kudos"), std::string::npos);

  // Later the same day: nothing is due again, whatever happened since.
  Comment(ben_id_, anna_id_, "second comment");
  EXPECT_EQ(RunDigests(next_hour + 2h), 0);
  EXPECT_EQ(RunDigests(next_hour + 23h + 59min), 0);
  EXPECT_EQ(DigestsTo("anna").size(), 1u);

  // The next day at the hour: only what came after the first digest.
  EXPECT_EQ(RunDigests(next_hour + 24h), 1);
  mails = DigestsTo("anna");
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_NE(mails[1].find("1 new notification"), std::string::npos) << mails[1];
  EXPECT_NE(mails[1].find("second comment"), std::string::npos);
  EXPECT_EQ(mails[1].find("first comment"), std::string::npos);

  // A day with nothing new sends nothing, and the day still passes.
  EXPECT_EQ(RunDigests(next_hour + 48h), 1);
  EXPECT_EQ(DigestsTo("anna").size(), 2u);
  // Ben never turned it on.
  EXPECT_TRUE(DigestsTo("ben").empty());
}

TEST_F(NotificationDigestTest, TheDigestLeavesOutReadNotificationsAndKindsTurnedOffForIt) {
  auto next_hour = std::chrono::ceil<std::chrono::hours>(std::chrono::system_clock::now() + 1s);
  ASSERT_EQ(PutPrefs(anna_, R"({"digest":{"enabled":true,"hour":)" + Hour(next_hour) +
                                R"(},"kinds":{"kudos":{"in_digest":false}}})")
                .status,
            200);
  Comment(ben_id_, anna_id_, "already seen");
  h_.Post(anna_, "/api/v1/notifications/read", R"({"all":true})");
  Comment(ben_id_, anna_id_, "still unread");
  Kudos(ben_id_, anna_id_, "w-1");
  EXPECT_EQ(RunDigests(next_hour), 1);
  auto mails = DigestsTo("anna");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].find("still unread"), std::string::npos);
  EXPECT_EQ(mails[0].find("already seen"), std::string::npos);
  EXPECT_EQ(mails[0].find("kudos"), std::string::npos);
}

TEST_F(NotificationDigestTest, TheDigestIsInTheUsersLanguageAndTurningItOffStopsIt) {
  auto patch = h_.Call(anna_, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})");
  ASSERT_EQ(patch.status, 200) << patch.body;
  auto next_hour = std::chrono::ceil<std::chrono::hours>(std::chrono::system_clock::now() + 1s);
  ASSERT_EQ(PutPrefs(anna_, R"({"digest":{"enabled":true,"hour":)" + Hour(next_hour) + "}}").status,
            200);
  Comment(ben_id_, anna_id_, "toll");
  EXPECT_EQ(RunDigests(next_hour), 1);
  auto mails = DigestsTo("anna");
  ASSERT_EQ(mails.size(), 0u);  // the German subject has no "digest"
  bool german = false;
  for (const auto& mail : h_.Mails()) {
    if (mail.find("Deine Zusammenfassung von Vigor: 1 neue Benachrichtigung") !=
        std::string::npos) {
      german = true;
    }
  }
  EXPECT_TRUE(german);

  ASSERT_EQ(PutPrefs(anna_, R"({"digest":{"enabled":false}})").status, 200);
  Comment(ben_id_, anna_id_, "noch einer");
  EXPECT_EQ(RunDigests(next_hour + 24h), 0);
}

TEST_F(NotificationDigestTest, HousekeepingRunsTheDigestsAndPurgesOldReadNotifications) {
  Comment(ben_id_, anna_id_, "read long ago");
  Comment(ben_id_, anna_id_, "never read");
  auto items = List(anna_)["items"].as_array();
  std::string old_id(items[1].as_object().at("id").as_string());
  h_.Post(anna_, "/api/v1/notifications/read", R"({"ids":[")" + old_id + R"("]})");

  auto ran = h_.app().housekeeping->RunOnce(std::chrono::system_clock::now() + 24h * 89);
  EXPECT_TRUE(ran.contains("notification_digests"));
  EXPECT_EQ(ran["notifications_read"], 0);
  ran = h_.app().housekeeping->RunOnce(std::chrono::system_clock::now() + 24h * 91);
  EXPECT_EQ(ran["notifications_read"], 1);
  EXPECT_EQ(Stored(anna_id_), 1);  // the unread one stays
}

}  // namespace
}  // namespace vigor
