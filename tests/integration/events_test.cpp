// Live events: the outbox written in the writer's transaction, the dispatcher, and
// GET /api/v1/events (Server-Sent Events) through the real socket server on port 0. Expected
// event numbers are counted here: each user's events are numbered 1, 2, 3... in commit order.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "features/diagnostics/feature.hpp"
#include "features/diagnostics/write_probe.hpp"
#include "platform/events/dispatcher.hpp"
#include "platform/events/event_bus.hpp"
#include "platform/events/outbox.hpp"
#include "platform/http/server.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"
#include "support/http_client.hpp"

namespace vigor {
namespace {

using platform::events::Event;
using platform::store::Session;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using testing::HttpConnection;
using testing::MakeRequest;

constexpr int kPerUser = 2;
constexpr int kTotal = 3;

class EventsTest : public ::testing::Test {
 protected:
  EventsTest()
      : h_([](platform::config::Config& c) {
          c.event_streams_per_user = kPerUser;
          c.event_streams = kTotal;
          c.event_heartbeat_seconds = 1;
          c.enable_write_probe = true;
        }) {
    anna_id_ = h_.CreateUser("anna");
    ben_id_ = h_.CreateUser("ben");
    h_.SignIn(anna_, "anna");
    h_.SignIn(ben_, "ben");
    h_.app().event_dispatcher->Start();
    server_ = std::make_unique<platform::http::Server>(platform::http::ServerOptions{.port = 0},
                                                       *h_.app().http, logger_, h_.app().metrics);
    port_ = server_->Listen();
    thread_ = std::thread([this] { server_->Run(false); });
  }

  ~EventsTest() override { StopServer(); }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  // Opens the browser's event stream; the response head is in `head`.
  std::unique_ptr<HttpConnection> Open(Browser& browser, const std::string& last_event_id = {},
                                       testing::RawResponse* head = nullptr) {
    auto conn = std::make_unique<HttpConnection>(port_);
    std::string headers = "Cookie: vigor_session=" + browser.cookies["vigor_session"] + "\r\n";
    if (!last_event_id.empty()) headers += "Last-Event-ID: " + last_event_id + "\r\n";
    conn->SendRaw(MakeRequest("GET", "/api/v1/events", {}, {}, headers));
    auto response = conn->ReadHead();
    EXPECT_TRUE(response.has_value());
    if (response && head) *head = *response;
    if (response && response->status == 200) {
      EXPECT_TRUE(conn->ReadStreamUntil(": connected\n\n", 3000));
    }
    return conn;
  }

  Event Publish(const std::string& user_id, const std::string& payload) {
    return h_.app().database->WriteResult([&](Session& s) {
      return h_.app().event_outbox->Append(s, user_id, "test.note", payload);
    });
  }

  static std::string Frame(int id, const std::string& payload) {
    return "id: " + std::to_string(id) + "\nevent: test.note\ndata: " + payload + "\n\n";
  }

  AppHarness h_;
  platform::obs::Logger logger_{platform::obs::LogLevel::kError,
                                (h_.dir() / "server.log").string()};
  Browser anna_, ben_;
  std::string anna_id_, ben_id_;
  std::unique_ptr<platform::http::Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

TEST_F(EventsTest, StreamIsServerSentEventsForASignedInUserOnly) {
  testing::RawResponse head;
  auto conn = Open(anna_, {}, &head);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers["content-type"], "text/event-stream; charset=utf-8");
  EXPECT_EQ(head.headers["transfer-encoding"], "chunked");
  EXPECT_EQ(head.headers["cache-control"], "no-store");

  Browser stranger;
  testing::RawResponse refused;
  Open(stranger, {}, &refused);
  EXPECT_EQ(refused.status, 401);
}

TEST_F(EventsTest, AnEventOfARolledBackTransactionIsNeverDelivered) {
  auto conn = Open(anna_);
  EXPECT_THROW(h_.app().database->Write([&](Session& s) {
    h_.app().event_outbox->Append(s, anna_id_, "test.note", R"({"n":"ghost"})");
    throw std::runtime_error("the change fails after its event was written");
  }),
               std::runtime_error);
  Publish(anna_id_, R"({"n":"real"})");
  ASSERT_TRUE(conn->ReadStreamUntil(R"({"n":"real"})", 3000)) << conn->stream_text();
  // The rolled-back event took no number either: the committed one is the user's first.
  EXPECT_NE(conn->stream_text().find(Frame(1, R"({"n":"real"})")), std::string::npos)
      << conn->stream_text();
  EXPECT_EQ(conn->stream_text().find("ghost"), std::string::npos);
}

TEST_F(EventsTest, AnEventIsDeliveredOnlyOnceItsTransactionCommitted) {
  auto conn = Open(anna_);
  std::promise<void> written, release;
  auto writer = std::async(std::launch::async, [&] {
    h_.app().database->Write([&](Session& s) {
      h_.app().event_outbox->Append(s, anna_id_, "test.note", R"({"n":"held"})");
      written.set_value();
      release.get_future().wait();
    });
  });
  written.get_future().wait();
  // Written but not committed: the dispatcher reads often now (Expect), and must not see it.
  EXPECT_FALSE(conn->ReadStreamUntil("held", 400)) << conn->stream_text();
  release.set_value();
  writer.get();
  EXPECT_TRUE(conn->ReadStreamUntil(Frame(1, R"({"n":"held"})"), 3000)) << conn->stream_text();
}

TEST_F(EventsTest, LastEventIdResumesAfterThatEvent) {
  Publish(anna_id_, R"({"n":1})");
  Publish(anna_id_, R"({"n":2})");
  Publish(anna_id_, R"({"n":3})");
  auto conn = Open(anna_, "1");
  ASSERT_TRUE(conn->ReadStreamUntil(Frame(3, R"({"n":3})"), 3000)) << conn->stream_text();
  EXPECT_NE(conn->stream_text().find(Frame(2, R"({"n":2})")), std::string::npos);
  EXPECT_EQ(conn->stream_text().find(R"({"n":1})"), std::string::npos);
  // Replayed in order, then live.
  EXPECT_LT(conn->stream_text().find("id: 2\n"), conn->stream_text().find("id: 3\n"));
  Publish(anna_id_, R"({"n":4})");
  EXPECT_TRUE(conn->ReadStreamUntil(Frame(4, R"({"n":4})"), 3000)) << conn->stream_text();

  // Without Last-Event-ID a stream starts with what happens from now on.
  auto fresh = Open(anna_);
  Publish(anna_id_, R"({"n":5})");
  ASSERT_TRUE(fresh->ReadStreamUntil(Frame(5, R"({"n":5})"), 3000)) << fresh->stream_text();
  EXPECT_EQ(fresh->stream_text().find("id: 4\n"), std::string::npos);
}

TEST_F(EventsTest, AUserNeverSeesAnotherUsersEvents) {
  Publish(anna_id_, R"({"secret":"anna-before"})");
  auto anna = Open(anna_);
  // Ben asks for everything from the start: he has no events of his own, and gets none of Anna's.
  auto ben = Open(ben_, "0");
  Publish(anna_id_, R"({"secret":"anna-live"})");
  Publish(ben_id_, R"({"for":"ben"})");
  ASSERT_TRUE(ben->ReadStreamUntil(Frame(1, R"({"for":"ben"})"), 3000)) << ben->stream_text();
  ASSERT_TRUE(anna->ReadStreamUntil(Frame(2, R"({"secret":"anna-live"})"), 3000))
      << anna->stream_text();
  // Anna's second event was written before Ben's: had it reached him, it would be in by now.
  EXPECT_EQ(ben->stream_text().find("anna"), std::string::npos) << ben->stream_text();
  EXPECT_EQ(anna->stream_text().find("ben"), std::string::npos) << anna->stream_text();
  // Replay is per user too: Ben resuming after 0 again gets only his own.
  ben.reset();
  auto ben_again = Open(ben_, "0");
  ASSERT_TRUE(ben_again->ReadStreamUntil(R"({"for":"ben"})", 3000));
  EXPECT_EQ(ben_again->stream_text().find("anna"), std::string::npos);
}

TEST_F(EventsTest, StreamsAreCappedPerUserAndPerInstance) {
  auto first = Open(anna_);
  auto second = Open(anna_);
  testing::RawResponse refused;
  auto third = Open(anna_, {}, &refused);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.headers["content-type"], "application/problem+json");
  EXPECT_FALSE(refused.headers["retry-after"].empty());

  auto ben = Open(ben_);  // the instance's third stream
  testing::RawResponse full;
  auto ben_second = Open(ben_, {}, &full);
  EXPECT_EQ(full.status, 503);
  EXPECT_EQ(full.headers["content-type"], "application/problem+json");

  // A closed tab frees its place at once (the server notices the client leaving).
  second.reset();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  testing::RawResponse again;
  auto reopened = Open(anna_, {}, &again);
  EXPECT_EQ(again.status, 200);
}

TEST_F(EventsTest, AQuietStreamGetsHeartbeats) {
  auto conn = Open(anna_);
  auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(conn->ReadStreamUntil(": heartbeat\n\n", 3000)) << conn->stream_text();
  // The heartbeat is set to 1 s here: not much earlier.
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(700));
}

TEST_F(EventsTest, ShutdownEndsTheStreamWhileARequestInFlightFinishes) {
  auto stream = Open(anna_);
  HttpConnection busy(port_);
  busy.SendRaw(
      MakeRequest("PUT", "/diagnostics/write-probe/held?hold_ms=1500", R"({"value":"v"})"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto stopped = std::async(std::launch::async, [this] { server_->Stop(); });
  // The stream ends at once, with its farewell and the last chunk, long before the held write.
  EXPECT_TRUE(stream->ReadStreamEnd(800)) << stream->stream_text();
  EXPECT_TRUE(stream->stream_ended());
  EXPECT_NE(stream->stream_text().find(": the server is restarting"), std::string::npos);
  auto held = busy.ReadResponse(5000);
  ASSERT_TRUE(held.has_value());
  EXPECT_EQ(held->status, 200);
  stopped.get();
  thread_.join();
  server_.reset();
  EXPECT_EQ(
      h_.app().Get<features::diagnostics::DiagnosticsFeature>().write_probes().Get("held").value,
      "v");
}

TEST_F(EventsTest, ImportProgressArrivesOnTheStream) {
  auto conn = Open(anna_);
  const std::string gpx =
      R"(<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">)"
      R"(<trk><type>running</type><trkseg>)"
      R"(<trkpt lat="46.5" lon="6.6"><time>2025-01-01T08:00:00Z</time></trkpt>)"
      R"(<trkpt lat="46.501" lon="6.6"><time>2025-01-01T08:01:00Z</time></trkpt>)"
      R"(</trkseg></trk></gpx>)";
  auto submitted = h_.Call(anna_, platform::http::Method::kPost, "/api/v1/imports?format=gpx", gpx,
                           ContentType("application/gpx+xml"));
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  std::string id(submitted.Json().at("id").as_string());
  h_.app().jobs->DrainForTests();
  std::string done = R"(event: import.progress)"
                     "\n"
                     R"(data: {"id":")" +
                     id + R"(","status":"succeeded","done":1,)";
  ASSERT_TRUE(conn->ReadStreamUntil(done, 3000)) << conn->stream_text();
  // Claimed (running) first; nothing for Ben.
  auto running = conn->stream_text().find(R"("status":"running")");
  EXPECT_NE(running, std::string::npos);
  EXPECT_LT(running, conn->stream_text().find(R"("status":"succeeded")"));
}

// The dispatcher on its own, with outbox rows whose ids are written out of commit order, as
// concurrent writers on PostgreSQL produce them.
class DispatcherTest : public ::testing::Test {
 protected:
  void Insert(std::int64_t id, const std::string& user_id, std::int64_t seq) {
    h_.app().database->Write([&](Session& s) {
      s.Execute(
          platform::store::Statement{
              "test.insert_event",
              "INSERT INTO event_outbox (id, user_id, seq, kind, payload, created_at) "
              "VALUES ($1, $2, $3, 'test.note', '{}', '2030-01-01T00:00:00.000Z')"},
          id, user_id, seq);
    });
  }
  static std::vector<std::int64_t> Seqs(platform::events::Subscription& s) {
    bool ended = false;
    std::vector<std::int64_t> seqs;
    for (const auto& e : s.Take(ended)) seqs.push_back(e.seq);
    return seqs;
  }

  AppHarness h_;
  std::string anna_ = h_.CreateUser("anna");
  std::string ben_ = h_.CreateUser("ben");
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (h_.dir() / "d.log").string()};
  platform::events::EventBus bus_{{.streams_per_user = 4, .streams_total = 10}};
};

TEST_F(DispatcherTest, ARowCommittedLateWithALowerIdIsStillDelivered) {
  platform::events::EventDispatcher dispatcher(*h_.app().database, *h_.app().event_outbox, bus_,
                                               logger_);
  auto sub = bus_.Subscribe(anna_);
  sub->Arm(0, {}, false);
  dispatcher.RunOnce();  // starts after the newest row (none)
  Insert(11, ben_, 1);   // Ben's transaction took id 11 after Anna's took 10, and committed first
  dispatcher.RunOnce();
  EXPECT_TRUE(Seqs(*sub).empty());
  Insert(10, anna_, 1);  // Anna's commits now
  dispatcher.RunOnce();
  EXPECT_EQ(Seqs(*sub), std::vector<std::int64_t>{1});
}

TEST_F(DispatcherTest, AMissedEventIsRepairedFromTheOutboxWhenTheNextOneComes) {
  // Holes are forgotten at once here: the late row is missed by the dispatcher's reading...
  platform::events::EventDispatcher dispatcher(*h_.app().database, *h_.app().event_outbox, bus_,
                                               logger_,
                                               {.gap_timeout = std::chrono::milliseconds(0)});
  auto sub = bus_.Subscribe(anna_);
  sub->Arm(0, {}, false);
  dispatcher.RunOnce();
  Insert(11, ben_, 1);
  dispatcher.RunOnce();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Insert(10, anna_, 1);
  dispatcher.RunOnce();
  EXPECT_TRUE(Seqs(*sub).empty());
  // ...but Anna's next event shows the gap in her numbers, and the repair reads both.
  Insert(12, anna_, 2);
  dispatcher.RunOnce();
  EXPECT_EQ(Seqs(*sub), (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace vigor
