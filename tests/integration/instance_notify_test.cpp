// Several instances on one PostgreSQL hear each other through LISTEN/NOTIFY (issue 17): an event
// appended on one wakes the dispatcher of another, a write to a watched table drops the copies
// other instances made of it, and the listener comes back by itself after its connection was
// cut. SQLite has one process per database: nothing to hear, so these run on PostgreSQL only.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "platform/events/dispatcher.hpp"
#include "platform/events/event_bus.hpp"
#include "platform/events/outbox.hpp"
#include "platform/store/database.hpp"
#include "platform/store/open_database.hpp"
#include "platform/store/pg_listener.hpp"
#include "platform/store/table_watch.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using namespace std::chrono_literals;
using platform::store::PgListener;
using platform::store::Session;
using platform::store::Statement;
using platform::store::TableWatch;

// Waits up to `limit` for `done`, checking every 20 ms.
template <class F>
bool Eventually(F done, std::chrono::milliseconds limit = 5000ms) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

class InstanceNotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::OnPostgres()) GTEST_SKIP() << "LISTEN/NOTIFY is PostgreSQL's";
  }

  // What a listener heard, as "channel:payload" lines.
  struct Heard {
    std::mutex mutex;
    std::vector<std::string> lines;
    int connected = 0;
    std::size_t Count(const std::string& line) {
      std::lock_guard lock(mutex);
      return static_cast<std::size_t>(std::count(lines.begin(), lines.end(), line));
    }
    int Connected() {
      std::lock_guard lock(mutex);
      return connected;
    }
  };
  std::unique_ptr<PgListener> Listen(Heard& heard) {
    auto listener = std::make_unique<PgListener>(
        platform::store::PgListenerOptions{.url = h_.app().config.database_url,
                                           .channels = {"vigor_events", "vigor_tables"},
                                           .retry_first = 50ms},
        logger_,
        [&heard](std::string_view channel, std::string_view payload) {
          std::lock_guard lock(heard.mutex);
          heard.lines.push_back(std::string(channel) + ":" + std::string(payload));
        },
        [&heard] {
          std::lock_guard lock(heard.mutex);
          ++heard.connected;
        });
    listener->Start();
    EXPECT_TRUE(Eventually([&] { return listener->connected(); }));
    return listener;
  }

  testing::AppHarness h_;
  std::string ana_ = h_.CreateUser("ana");
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (h_.dir() / "n.log").string()};
};

TEST_F(InstanceNotifyTest, AnAppendNotifiesAtCommitAndARollbackNever) {
  Heard heard;
  auto listener = Listen(heard);
  platform::events::EventOutbox outbox(/*notify_instances=*/true);
  EXPECT_THROW(h_.app().database->Write([&](Session& s) {
    outbox.Append(s, ana_, "test.note", "{}");
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  // Two appends in one transaction: one notification.
  h_.app().database->Write([&](Session& s) {
    outbox.Append(s, ana_, "test.note", "{}");
    outbox.Append(s, ana_, "test.note", "{}");
  });
  ASSERT_TRUE(Eventually([&] { return heard.Count("vigor_events:") >= 1; }));
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(heard.Count("vigor_events:"), 1u);
  EXPECT_EQ(listener->received(), 1u);
}

TEST_F(InstanceNotifyTest, AnEventWrittenOnOneInstanceWakesAnothersDispatcherAtOnce) {
  // Instance B: its own pool, a dispatcher that would read the outbox only once an hour when
  // idle, and the listener that wakes it.
  auto b_db = platform::store::OpenDatabase(h_.app().config, logger_);
  platform::events::EventOutbox b_outbox;
  platform::events::EventBus b_bus({.streams_per_user = 4, .streams_total = 10});
  platform::events::EventDispatcher b_dispatcher(*b_db, b_outbox, b_bus, logger_,
                                                 {.idle_interval = std::chrono::hours(1)});
  auto sub = b_bus.Subscribe(ana_);
  sub->Arm(0, {}, false);
  b_dispatcher.Start();
  PgListener listener(
      {.url = h_.app().config.database_url, .channels = {"vigor_events"}}, logger_,
      [&](std::string_view, std::string_view) { b_dispatcher.Wake(); },
      [&] { b_dispatcher.Wake(); });
  listener.Start();
  ASSERT_TRUE(Eventually([&] { return listener.connected(); }));
  std::this_thread::sleep_for(100ms);  // the wake of the connection has been read

  // Instance A (the harness's app, which notifies on PostgreSQL) writes Ana's event.
  h_.app().database->Write(
      [&](Session& s) { h_.app().event_outbox->Append(s, ana_, "test.note", R"({"n":1})"); });
  std::vector<platform::events::Event> got;
  ASSERT_TRUE(Eventually([&] {
    bool ended = false;
    for (auto& e : sub->Take(ended)) got.push_back(e);
    return !got.empty();
  }));
  EXPECT_EQ(got.front().kind, "test.note");
  EXPECT_EQ(got.front().payload, R"({"n":1})");
  listener.Stop();
  b_dispatcher.Stop();
}

TEST_F(InstanceNotifyTest, AWriteToAWatchedTableReachesTheOtherInstancesWatch) {
  // Instance A watches periodic_runs (a copy was read from it); instance B hears its changes.
  TableWatch a(platform::store::OpenDatabase(h_.app().config, logger_));
  TableWatch b(platform::store::OpenDatabase(h_.app().config, logger_));
  {
    TableWatch::Recording recording(a);
    a.Read([](Session& s) {
      s.Query(Statement{"test.read", "SELECT COUNT(*) AS n FROM periodic_runs"});
    });
  }
  std::mutex mutex;
  std::vector<std::string> changed_in_b;
  b.OnChange([&](const std::vector<std::string>& tables) {
    std::lock_guard lock(mutex);
    changed_in_b.insert(changed_in_b.end(), tables.begin(), tables.end());
  });
  PgListener listener(
      {.url = h_.app().config.database_url, .channels = {"vigor_tables"}}, logger_,
      [&](std::string_view, std::string_view table) { b.ChangedElsewhere({std::string(table)}); },
      {});
  listener.Start();
  ASSERT_TRUE(Eventually([&] { return listener.connected(); }));

  // A write to a table A does not watch says nothing; one to periodic_runs does.
  a.Write([](Session& s) {
    s.Execute(Statement{"test.w1", "UPDATE jobs SET attempts = attempts WHERE id = 'none'"});
  });
  a.Write([](Session& s) {
    s.Execute(Statement{"test.w2",
                        "INSERT INTO periodic_runs (name, due_at) VALUES ('x', '2030-01-01')"});
  });
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard lock(mutex);
    return !changed_in_b.empty();
  }));
  std::this_thread::sleep_for(200ms);
  std::lock_guard lock(mutex);
  EXPECT_EQ(changed_in_b, std::vector<std::string>{"periodic_runs"});
  EXPECT_TRUE(b.Watched("periodic_runs"));  // B broadcasts it from now on too
}

TEST_F(InstanceNotifyTest, TheListenerReconnectsByItselfAndSaysSo) {
  Heard heard;
  auto listener = Listen(heard);
  EXPECT_EQ(heard.Connected(), 1);
  // The server ends the listener's connection (as a restart or a failover does).
  h_.app().database->Write([&](Session& s) {
    s.Query(
        Statement{"test.kill",
                  "SELECT pg_terminate_backend(pid) AS gone FROM pg_stat_activity "
                  "WHERE application_name = 'vigor listener' AND datname = current_database()"});
  });
  ASSERT_TRUE(Eventually([&] { return heard.Connected() == 2 && listener->connected(); }));
  EXPECT_EQ(listener->connections(), 2u);
  // And it hears again.
  platform::events::EventOutbox outbox(/*notify_instances=*/true);
  h_.app().database->Write([&](Session& s) { outbox.Append(s, ana_, "test.note", "{}"); });
  EXPECT_TRUE(Eventually([&] { return heard.Count("vigor_events:") == 1; }));
}

// The whole application twice on one database: a sign-out on instance A ends the session that
// instance B remembered, at once, although B keeps resolved sessions for five minutes.
TEST_F(InstanceNotifyTest, ASignOutOnOneInstanceEndsTheSessionOnAnotherAtOnce) {
  std::string url = h_.app().config.database_url;
  testing::AppHarness a([&](platform::config::Config& c) {
    c.database_url = url;
    c.credential_cache_seconds = 300;
  });
  testing::AppHarness b([&](platform::config::Config& c) {
    c.database_url = url;
    c.credential_cache_seconds = 300;
  });
  b.app().listener->Start();
  ASSERT_TRUE(Eventually([&] { return b.app().listener->connected(); }));
  testing::Browser browser;
  a.SignIn(browser, "ana");
  // The same cookies through B (each instance here has a key of its own, which signs the CSRF
  // cookie: B's answers must not replace A's).
  // Kept from before the sign-out, whose answer clears the browser's cookies.
  const auto signed_in = browser;
  auto via_b = [&] {
    auto copy = signed_in;
    return b.Get(copy, "/api/v1/me").status;
  };
  EXPECT_EQ(a.Get(browser, "/api/v1/me").status, 200);  // A watches the credential tables now
  // B's first request makes it watch the credential tables (that first copy is not kept); the
  // second one's copy is.
  EXPECT_EQ(via_b(), 200);
  EXPECT_EQ(via_b(), 200);
  EXPECT_EQ(a.Post(browser, "/api/v1/auth/logout", "").status, 204);
  EXPECT_TRUE(Eventually([&] { return via_b() == 401; }));
}

}  // namespace
}  // namespace vigor
