// Periodic work once per period across instances (platform/jobs/cluster_schedule.hpp): two
// schedules, each on its own connection pool to one database, stand for two instances. Times are
// handed in, so "ten minutes later" needs no waiting; the heartbeat test runs on the real clock.
#include "platform/jobs/cluster_schedule.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "platform/store/database.hpp"
#include "platform/store/open_database.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using namespace std::chrono_literals;
using platform::jobs::ClusterSchedule;
using platform::store::Session;
using platform::store::Statement;
using Clock = std::chrono::system_clock;

// 2026-06-01T12:00:00Z.
const Clock::time_point kT = Clock::time_point(1'780'315'200s);

class ClusterScheduleTest : public ::testing::Test {
 protected:
  ClusterSchedule Instance(platform::store::Database& db, const std::string& name,
                           std::chrono::seconds lease = 60s) {
    return ClusterSchedule(db, logger_, name, lease);
  }

  std::string Column(const std::string& column, const std::string& name) {
    return h_.app().database->ReadResult([&](Session& s) {
      auto row =
          s.QueryOne(Statement{"test.periodic_run",
                               "SELECT " + column + " AS v FROM periodic_runs WHERE name = $1"},
                     name);
      return row && !row->IsNull("v") ? row->Text("v") : std::string("NULL");
    });
  }

  testing::AppHarness h_;
  platform::obs::Logger logger_{platform::obs::LogLevel::kError, (h_.dir() / "s.log").string()};
  // The second instance: another pool on the harness's database.
  std::unique_ptr<platform::store::Database> other_db_ =
      platform::store::OpenDatabase(h_.app().config, logger_);
};

TEST_F(ClusterScheduleTest, OneInstanceRunsEachPeriodTheOtherSkips) {
  auto a = Instance(*h_.app().database, "a");
  auto b = Instance(*other_db_, "b");
  int runs_a = 0;
  int runs_b = 0;
  // A name never seen is due at once: A asks first and runs it.
  EXPECT_TRUE(a.RunIfDue(
      "housekeeping", 10min, [&] { ++runs_a; }, kT));
  // The same period, asked by B a second later and by A again later on: not due.
  EXPECT_FALSE(b.RunIfDue(
      "housekeeping", 10min, [&] { ++runs_b; }, kT + 1s));
  EXPECT_FALSE(a.RunIfDue(
      "housekeeping", 10min, [&] { ++runs_a; }, kT + 9min));
  // The next period is due ten minutes after the first began: whoever asks first runs it.
  EXPECT_TRUE(b.RunIfDue(
      "housekeeping", 10min, [&] { ++runs_b; }, kT + 10min + 1s));
  EXPECT_FALSE(a.RunIfDue(
      "housekeeping", 10min, [&] { ++runs_a; }, kT + 10min + 2s));
  EXPECT_EQ(runs_a, 1);
  EXPECT_EQ(runs_b, 1);
  EXPECT_EQ(Column("due_at", "housekeeping"), "2026-06-01T12:20:01.000Z");
  EXPECT_EQ(Column("last_run_at", "housekeeping"), "2026-06-01T12:10:01.000Z");
  EXPECT_EQ(Column("lease_owner", "housekeeping"), "NULL");
  // Other names have periods of their own.
  EXPECT_TRUE(a.RunIfDue(
      "backup", 24h, [&] { ++runs_a; }, kT + 10min + 3s));
}

TEST_F(ClusterScheduleTest, InstancesAskingAtOnceRunEachPeriodExactlyOnce) {
  auto a = Instance(*h_.app().database, "a");
  auto b = Instance(*other_db_, "b");
  constexpr int kPeriods = 12;
  std::atomic<int> runs{0};
  std::barrier start(2);
  auto ask = [&](ClusterSchedule& schedule) {
    for (int period = 0; period < kPeriods; ++period) {
      start.arrive_and_wait();  // both ask for the same period together
      schedule.RunIfDue(
          "race", 1min, [&] { ++runs; }, kT + period * 1min);
    }
  };
  std::thread other([&] { ask(b); });
  ask(a);
  other.join();
  EXPECT_EQ(runs.load(), kPeriods);
}

TEST_F(ClusterScheduleTest, ADeadRunnersPeriodIsRunByAnotherOnceItsLeaseRanOut) {
  auto a = Instance(*h_.app().database, "a", 60s);
  auto b = Instance(*other_db_, "b", 60s);
  // A claims the period and dies: it never finishes nor gives the lease back.
  auto zombie = a.TryClaim("backup", kT);
  ASSERT_TRUE(zombie.has_value());
  EXPECT_EQ(Column("lease_owner", "backup"), "a");
  int runs_b = 0;
  EXPECT_FALSE(b.RunIfDue(
      "backup", 24h, [&] { ++runs_b; }, kT + 59s));
  EXPECT_TRUE(b.RunIfDue(
      "backup", 24h, [&] { ++runs_b; }, kT + 61s));
  EXPECT_EQ(runs_b, 1);
  // Should A come back and finish late, it no longer holds the row: B's schedule stands.
  a.Finish(*zombie, kT + 1h);
  EXPECT_EQ(Column("due_at", "backup"), "2026-06-02T12:01:01.000Z");
  EXPECT_FALSE(a.Renew(*zombie));
}

TEST_F(ClusterScheduleTest, FailedWorkGivesTheLeaseBackAndThePeriodStaysDue) {
  auto a = Instance(*h_.app().database, "a");
  auto b = Instance(*other_db_, "b");
  EXPECT_THROW(a.RunIfDue(
                   "drill", 1h, [] { throw std::runtime_error("disk full"); }, kT),
               std::runtime_error);
  EXPECT_EQ(Column("lease_owner", "drill"), "NULL");
  EXPECT_EQ(Column("last_run_at", "drill"), "NULL");
  int runs_b = 0;
  EXPECT_TRUE(b.RunIfDue(
      "drill", 1h, [&] { ++runs_b; }, kT + 1s));
  EXPECT_EQ(runs_b, 1);
}

TEST_F(ClusterScheduleTest, WorkLongerThanTheLeaseKeepsItByTheHeartbeat) {
  // A one-second lease, renewed every third of a second while A works for 2.5 seconds.
  auto a = Instance(*h_.app().database, "a", 1s);
  auto b = Instance(*other_db_, "b", 1s);
  int runs_b = 0;
  bool ran_a = a.RunIfDue("long", 1h, [&] {
    for (int i = 0; i < 5; ++i) {
      std::this_thread::sleep_for(500ms);
      EXPECT_FALSE(b.RunIfDue("long", 1h, [&] { ++runs_b; }));
    }
  });
  EXPECT_TRUE(ran_a);
  EXPECT_EQ(runs_b, 0);
  EXPECT_EQ(Column("lease_owner", "long"), "NULL");
}

}  // namespace
}  // namespace vigor
