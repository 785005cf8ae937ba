// Housekeeping through the real application: rows whose time has passed go (sessions past their
// expiry or idle too long, expired one-time tokens, old idempotency keys, delivered and abandoned
// mail, idle rate-limit buckets) and everything else stays. The rows are written here with
// timestamps relative to a fixed "now" handed to RunOnce.
#include "platform/jobs/housekeeping.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "app/build_app.hpp"
#include "features/workouts/feature.hpp"
#include "platform/http/message.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using namespace std::chrono_literals;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using Clock = std::chrono::system_clock;

// 2026-06-01T12:00:00Z.
const Clock::time_point kNow = Clock::time_point(1'780'315'200s);

std::string At(Clock::duration from_now) { return platform::FormatRfc3339(kNow + from_now); }

class HousekeepingTest : public ::testing::Test {
 protected:
  void SetUp() override { ana_id_ = h_.CreateUser("ana"); }

  void Sql(const std::string& sql) {
    h_.app().database->Write([&](Session& s) { s.Execute(Statement{"test.sql", sql}); });
  }
  std::int64_t Count(const std::string& sql) {
    return h_.app().database->ReadResult([&](Session& s) {
      return s.QueryOne(Statement{"test.count", sql})->Int("n");
    });
  }
  std::string Ids(const std::string& table, const std::string& column) {
    return h_.app().database->ReadResult([&](Session& s) {
      std::string ids;
      for (auto& row : s.Query(Statement{
               "test.ids", "SELECT " + column + " AS id FROM " + table + " ORDER BY " + column})) {
        ids += (ids.empty() ? "" : " ") + row.Text("id");
      }
      return ids;
    });
  }
  void AddSession(const std::string& id, Clock::duration last_used, Clock::duration expires) {
    Sql("INSERT INTO sessions (id, user_id, token_hash, created_at, last_used_at, expires_at) "
        "VALUES ('" +
        id + "', '" + ana_id_ + "', 'hash-" + id + "', '" + At(-40 * 24h) + "', '" + At(last_used) +
        "', '" + At(expires) + "')");
  }

  AppHarness h_;
  std::string ana_id_;
};

TEST_F(HousekeepingTest, SessionsPastTheirExpiryOrIdleTooLongGo) {
  // The default idle timeout is a week.
  AddSession("expired", -1h, -1s);
  AddSession("idle", -8 * 24h, 20 * 24h);
  AddSession("live", -6 * 24h, 20 * 24h);
  auto deleted = h_.app().housekeeping->RunOnce(kNow);
  EXPECT_EQ(deleted["sessions"], 2);
  EXPECT_EQ(Ids("sessions", "id"), "live");
}

TEST_F(HousekeepingTest, ExpiredOneTimeTokensGoUsedOrNot) {
  for (auto [hash, expires, used] :
       {std::tuple{"old-unused", -1min, false}, {"old-used", -2h, true}, {"fresh", 10min, false}}) {
    Sql(std::string("INSERT INTO one_time_tokens (token_hash, purpose, user_id, created_at, "
                    "expires_at, used_at) VALUES ('") +
        hash + "', 'password_reset', '" + ana_id_ + "', '" + At(-3h) + "', '" + At(expires) +
        "', " + (used ? "'" + At(-2h - 30min) + "'" : "NULL") + ")");
  }
  auto deleted = h_.app().housekeeping->RunOnce(kNow);
  EXPECT_EQ(deleted["one_time_tokens"], 2);
  EXPECT_EQ(Ids("one_time_tokens", "token_hash"), "fresh");
}

TEST_F(HousekeepingTest, IdempotencyKeysAreKeptThirtyDaysInBatches) {
  // More old keys than a batch holds, so the task has to come back for the rest.
  int old_keys = platform::jobs::Housekeeping::kBatch * 2 + 17;
  for (int i = 0; i < old_keys; ++i) {
    Sql("INSERT INTO workout_idempotency_keys (user_id, key, request_hash, workout_id, "
        "created_at) VALUES ('" +
        ana_id_ + "', 'old-" + std::to_string(i) + "', 'h', 'w', '" + At(-31 * 24h) + "')");
  }
  Sql("INSERT INTO workout_idempotency_keys (user_id, key, request_hash, workout_id, created_at) "
      "VALUES ('" +
      ana_id_ + "', 'recent', 'h', 'w', '" + At(-29 * 24h) + "')");
  EXPECT_EQ(features::workouts::WorkoutService::kIdempotencyKeyLifetime, 30 * 24h);
  auto deleted = h_.app().housekeeping->RunOnce(kNow);
  EXPECT_EQ(deleted["idempotency_keys"], old_keys);
  EXPECT_EQ(Ids("workout_idempotency_keys", "key"), "recent");
}

TEST_F(HousekeepingTest, DeliveredMailGoesAfterAWeekAndAbandonedMailAfterAMonth) {
  auto add = [&](int id, Clock::duration created, std::optional<Clock::duration> sent,
                 int attempts) {
    Sql("INSERT INTO mail_outbox (id, to_addr, subject, sealed_body, created_at, attempts, "
        "next_attempt_at, sent_at) VALUES (" +
        std::to_string(id) + ", 'a@example.org', 's', NULL, '" + At(created) + "', " +
        std::to_string(attempts) + ", '" + At(created) + "', " +
        (sent ? "'" + At(*sent) + "'" : std::string("NULL")) + ")");
  };
  int max = platform::mail::MailQueue::kMaxAttempts;
  add(1, -9 * 24h, -8 * 24h, 1);         // delivered 8 days ago: goes
  add(2, -2 * 24h, -1 * 24h, 1);         // delivered yesterday: stays
  add(3, -31 * 24h, std::nullopt, max);  // abandoned a month ago: goes
  add(4, -29 * 24h, std::nullopt, max);  // abandoned, not a month yet: stays
  add(5, -40 * 24h, std::nullopt, 2);    // still being retried: stays
  auto deleted = h_.app().housekeeping->RunOnce(kNow);
  EXPECT_EQ(deleted["mail_outbox"], 2);
  EXPECT_EQ(Ids("mail_outbox", "CAST(id AS TEXT)"), "2 4 5");
}

TEST_F(HousekeepingTest, RateLimitBucketsUntouchedForADayGo) {
  auto ms = [](Clock::duration from_now) {
    return std::to_string(
        std::chrono::duration_cast<std::chrono::milliseconds>((kNow + from_now).time_since_epoch())
            .count());
  };
  Sql("INSERT INTO rate_limits (bucket, tokens, updated_ms) VALUES ('idle', 3, " + ms(-25h) +
      "), ('busy', 1, " + ms(-1h) + ")");
  auto deleted = h_.app().housekeeping->RunOnce(kNow);
  EXPECT_EQ(deleted["rate_limits"], 1);
  EXPECT_EQ(Ids("rate_limits", "bucket"), "busy");
}

// A key forgotten after its lifetime cannot turn a late retry into a second workout when the
// client chose the workout's id (as the web app does).
TEST_F(HousekeepingTest, ALateRetryWithAClientIdStillMakesOneWorkout) {
  Browser ana;
  h_.SignIn(ana, "ana");
  std::string body = R"({"id":"0190f5e2-7c4a-7000-8000-00000000a001","title":"Legs",)"
                     R"("started_at":"2026-05-01T10:00:00Z","blocks":[]})";
  platform::http::Headers key;
  key.Add("Idempotency-Key", "late-retry");
  EXPECT_EQ(h_.Call(ana, platform::http::Method::kPost, "/api/v1/workouts", body, key).status, 201);
  // The key is forgotten (as if 31 days had passed; the session is left alone).
  h_.app().database->Write([&](Session& s) {
    h_.app().Get<features::workouts::WorkoutsFeature>().workouts().PurgeIdempotencyKeys(
        s, Clock::now() + 31 * 24h, 100);
  });
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workout_idempotency_keys"), 0);
  auto retry = h_.Call(ana, platform::http::Method::kPost, "/api/v1/workouts", body, key);
  EXPECT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM workouts WHERE deleted_at IS NULL"), 1);
}

}  // namespace
}  // namespace vigor
