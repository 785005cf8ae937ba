// Job leases across instances (platform/jobs/job_queue.hpp): a short lease that the running
// instance renews, so a job whose instance died is run by another, and its effect counts once.
// Two queues, each on its own connection pool to one database, stand for two instances.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "platform/events/outbox.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"
#include "platform/store/open_database.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using namespace std::chrono_literals;
using platform::jobs::JobContext;
using platform::jobs::JobQueue;
using platform::store::Session;
using platform::store::Statement;

class JobLeaseTest : public ::testing::Test {
 protected:
  std::string Enqueue() {
    return h_.app().database->WriteResult(
        [&](Session& s) { return h_.app().jobs->Enqueue(s, ana_, "test.effect", "{}"); });
  }
  // The job's effect, in the handler's transaction together with the job's success (as an
  // import commits its rows and its outcome together).
  JobQueue::Handler Effect(platform::store::Database& db, std::chrono::milliseconds takes = 0ms) {
    return [this, &db, takes](JobContext& job) {
      std::this_thread::sleep_for(takes);
      db.Write([&](Session& s) {
        outbox_.Append(s, ana_, "test.effect", "{}");
        job.Succeed(s, "{}");
      });
      return std::string("{}");
    };
  }
  std::int64_t Effects() {
    return h_.app().database->ReadResult([&](Session& s) {
      return s
          .QueryOne(Statement{"test.effects",
                              "SELECT COUNT(*) AS n FROM event_outbox WHERE kind = 'test.effect'"})
          ->Int("n");
    });
  }
  std::string Status(const std::string& id) {
    return h_.app().database->ReadResult([&](Session& s) {
      return std::string(platform::jobs::JobStatusName(h_.app().jobs->Find(s, ana_, id)->status));
    });
  }
  std::int64_t Attempts(const std::string& id) {
    return h_.app().database->ReadResult(
        [&](Session& s) { return h_.app().jobs->Find(s, ana_, id)->attempts; });
  }

  testing::AppHarness h_;
  std::string ana_ = h_.CreateUser("ana");
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (h_.dir() / "j.log").string()};
  std::unique_ptr<platform::store::Database> other_db_ =
      platform::store::OpenDatabase(h_.app().config, logger_);
  platform::events::EventOutbox outbox_;
};

TEST_F(JobLeaseTest, AJobWhoseRunnerDiedIsRunByAnotherExactlyOnce) {
  auto id = Enqueue();
  // Instance A claimed it (a two-second lease) and died: it never renews nor finishes.
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.dead_claim",
                        "UPDATE jobs SET status = 'running', attempts = 1, lease_token = 'dead', "
                        "lease_until = $2 WHERE id = $1"},
              id, platform::Rfc3339FromNow(2s));
  });
  JobQueue b(*other_db_, logger_, 2s);
  b.Register("test.effect", Effect(*other_db_));
  EXPECT_EQ(b.DrainForTests(), 0u);  // the lease is still A's
  EXPECT_EQ(Status(id), "running");
  std::this_thread::sleep_for(2100ms);
  EXPECT_EQ(b.DrainForTests(), 1u);
  EXPECT_EQ(b.DrainForTests(), 0u);
  EXPECT_EQ(Status(id), "succeeded");
  EXPECT_EQ(Attempts(id), 2);
  EXPECT_EQ(Effects(), 1);
}

TEST_F(JobLeaseTest, ARunnerThatRenewsKeepsItsJobPastTheLease) {
  auto id = Enqueue();
  // A one-second lease and a handler that takes 2.5 seconds: only the heartbeat keeps it.
  JobQueue a(*h_.app().database, logger_, 1s);
  JobQueue b(*other_db_, logger_, 1s);
  a.Register("test.effect", Effect(*h_.app().database, 2500ms));
  b.Register("test.effect", Effect(*other_db_));
  std::size_t ran_a = 0;
  std::thread runner([&] { ran_a = a.DrainForTests(); });
  std::size_t ran_b = 0;
  for (int i = 0; i < 10; ++i) {
    std::this_thread::sleep_for(300ms);
    ran_b += b.DrainForTests();
  }
  runner.join();
  EXPECT_EQ(ran_a, 1u);
  EXPECT_EQ(ran_b, 0u);
  EXPECT_EQ(Status(id), "succeeded");
  EXPECT_EQ(Attempts(id), 1);
  EXPECT_EQ(Effects(), 1);
}

TEST_F(JobLeaseTest, ARunnerThatLostItsLeaseCommitsNothing) {
  auto id = Enqueue();
  JobQueue a(*h_.app().database, logger_, 30s);
  // While A works, its lease is taken over (as B does once A stopped renewing for a lease):
  // A's progress, in the same transaction as its effect, finds no row of its own, so A rolls
  // the effect back; its outcome is not recorded either.
  a.Register("test.effect", [&](JobContext& job) {
    h_.app().database->Write([&](Session& s) {
      s.Execute(Statement{"test.take_over", "UPDATE jobs SET lease_token = 'b' WHERE id = $1"}, id);
    });
    h_.app().database->Write([&](Session& s) {
      if (!job.Progress(s, 1, 1)) throw std::runtime_error("lease lost");
      outbox_.Append(s, ana_, "test.effect", "{}");
    });
    return std::string("{}");
  });
  EXPECT_EQ(a.DrainForTests(), 1u);
  EXPECT_EQ(Effects(), 0);
  EXPECT_EQ(Status(id), "running");  // B's now
}

}  // namespace
}  // namespace vigor
