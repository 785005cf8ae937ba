// Writing workouts safely, through the real application (in process): retries that create one
// workout (client ids, Idempotency-Key, also from ten threads at once), replacing and deleting
// only the version read (If-Match), tombstones, and that nobody reaches another user's workouts.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <thread>

#include "app/feature_links.hpp"
#include "features/exercises/feature.hpp"
#include "features/workouts/json_codec.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "workouts_fixture.hpp"

namespace vigor {
namespace {

using namespace workouts_testing;  // NOLINT(google-build-using-namespace): the shared fixture

TEST_F(WorkoutsTest, RetriesWithTheSameIdempotencyKeyCreateOneWorkout) {
  auto key = With({{"Idempotency-Key", "offline-7f3a"}});
  auto first = Post(owner_, StrengthWorkout(), key);
  ASSERT_EQ(first.status, 201) << first.body;
  for (int i = 0; i < 9; ++i) {
    auto retry = Post(owner_, StrengthWorkout(), key);
    ASSERT_EQ(retry.status, 200) << retry.body;
    EXPECT_EQ(retry.Json(), first.Json());
  }
  EXPECT_EQ(CountRows("workouts"), 1);
  EXPECT_EQ(CountRows("workout_sets"), 4);

  // The same key with other content is a mistake, not a retry.
  auto other = Post(owner_, StrengthWorkout("Something else"), key);
  EXPECT_EQ(other.status, 409) << other.body;
  // Keys are per user: another user's identical key is theirs alone.
  EXPECT_EQ(Post(other_, StrengthWorkout(), key).status, 201);
  EXPECT_EQ(CountRows("workouts"), 1);

  EXPECT_EQ(
      Post(owner_, StrengthWorkout(), With({{"Idempotency-Key", std::string(201, 'k')}})).status,
      400);
}

TEST_F(WorkoutsTest, RetriesWithTheSameClientIdCreateOneWorkout) {
  std::string id = platform::NewId();
  auto body = StrengthWorkout();
  body["id"] = id;
  auto first = Post(owner_, body);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["id"].as_string(), id);
  // Key order and time-zone offset do not make it another request.
  auto same = boost::json::parse(Body(body)).as_object();
  same["started_at"] = "2026-03-02T06:30:00Z";
  for (int i = 0; i < 9; ++i) {
    auto retry = Post(owner_, same);
    ASSERT_EQ(retry.status, 200) << retry.body;
    EXPECT_EQ(retry.Json(), first.Json());
  }
  EXPECT_EQ(CountRows("workouts"), 1);

  auto changed = body;
  changed["title"] = "Changed";
  EXPECT_EQ(Post(owner_, changed).status, 409);
  // Upper-case UUIDs (some platforms write them so) are the same id.
  auto upper = body;
  std::string upper_id = id;
  for (auto& c : upper_id) c = static_cast<char>(std::toupper(c));
  upper["id"] = upper_id;
  EXPECT_EQ(Post(owner_, upper).status, 200);
  // Ids are per user: another user's workout of the same id is theirs, and this one stays as it
  // was (existence_leak_test has the rest).
  auto theirs = Post(other_, body);
  EXPECT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(CountRows("workouts"), 1);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/workouts/" + id).Json(), first.Json());
}

TEST_F(WorkoutsTest, TenConcurrentRetriesLeaveExactlyOneWorkout) {
  auto race = [&](const boost::json::object& body, const Headers& headers) {
    std::vector<int> statuses(10);
    std::vector<std::string> ids(10);
    std::vector<std::thread> threads;
    for (int i = 0; i < 10; ++i) {
      threads.emplace_back([&, i] {
        Browser device = owner_;  // each retry from its own copy of the cookie jar
        auto reply = Post(device, body, headers);
        statuses[i] = reply.status;
        if (reply.status < 300) ids[i] = std::string(reply.Json()["id"].as_string());
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 9);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1u);
  };
  race(StrengthWorkout("Keyed"), With({{"Idempotency-Key", platform::NewId()}}));
  EXPECT_EQ(CountRows("workouts"), 1);

  auto with_id = StrengthWorkout("With id");
  with_id["id"] = platform::NewId();
  race(with_id, {});
  EXPECT_EQ(CountRows("workouts"), 2);
  EXPECT_EQ(CountRows("workout_blocks"), 4);
  EXPECT_EQ(CountRows("workout_sets"), 8);
}

// A PUT that creates holds the user's change lock from its look-up to its insert, as a POST does:
// of ten at once (an offline client's retries), one creates and the others find its workout
// (before, on PostgreSQL, those that had looked before the first committed answered 404).
TEST_F(WorkoutsTest, TenConcurrentPutsOfANewIdLeaveExactlyOneWorkout) {
  std::string id = platform::NewId();
  std::vector<int> statuses(10);
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&, i] {
      Browser device = owner_;
      statuses[i] = Put(device, id, StrengthWorkout("Put at once")).status;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 9);
  EXPECT_EQ(CountRows("workouts"), 1);
  EXPECT_EQ(CountRows("workout_sets"), 4);
}

TEST_F(WorkoutsTest, PutCreatesThenReplacesOnlyWithTheCurrentETag) {
  std::string id = platform::NewId();
  auto created = Put(owner_, id, StrengthWorkout());
  ASSERT_EQ(created.status, 201) << created.body;
  std::string etag = ETagOf(created);
  ASSERT_FALSE(etag.empty());

  auto lighter = StrengthWorkout("Deload");
  lighter["blocks"].as_array().pop_back();
  EXPECT_EQ(Put(owner_, id, lighter).status, 428) << "no If-Match on an existing workout";
  EXPECT_EQ(Put(owner_, id, lighter, With({{"If-Match", "\"w-999\""}})).status, 412);
  EXPECT_EQ(Put(owner_, id, lighter, With({{"If-Match", "W/" + etag}})).status, 412)
      << "If-Match compares strongly";

  auto replaced = Put(owner_, id, lighter, With({{"If-Match", etag}}));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  auto w = replaced.Json();
  EXPECT_EQ(w["title"], "Deload");
  EXPECT_EQ(w["blocks"].as_array().size(), 1u);
  EXPECT_EQ(w["totals"].at("reps"), 10);
  EXPECT_EQ(w["totals"].at("exercises"), 1);
  EXPECT_EQ(w["created_at"], created.Json()["created_at"]);
  EXPECT_GT(w["rev"].as_int64(), created.Json()["rev"].as_int64());
  std::string new_etag = ETagOf(replaced);
  EXPECT_NE(new_etag, etag);
  EXPECT_EQ(CountRows("workout_blocks"), 1) << "children replaced, not added";
  EXPECT_EQ(CountRows("workout_sets"), 3);

  // The old ETag is stale now.
  EXPECT_EQ(Put(owner_, id, StrengthWorkout(), With({{"If-Match", etag}})).status, 412);
  // Sending what is stored already changes nothing and is fine without If-Match: a retried PUT.
  auto again = Put(owner_, id, lighter);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(ETagOf(again), new_etag);
  // A list of tags, and "*", match too.
  auto starred = Put(owner_, id, StrengthWorkout(), With({{"If-Match", "\"w-1\", " + new_etag}}));
  EXPECT_EQ(starred.status, 200);
  EXPECT_EQ(Put(owner_, id, lighter, With({{"If-Match", "*"}})).status, 200);

  auto read = h_.Get(owner_, "/api/v1/workouts/" + id);
  EXPECT_EQ(read.Json()["title"], "Deload");
  auto listed = h_.Get(owner_, "/api/v1/workouts").Json()["items"].as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("totals").at("reps"), 10) << "totals kept up to date on replace";

  // The body's id must be the path's; a path that is no UUID cannot be created.
  auto mismatched = lighter;
  mismatched["id"] = platform::NewId();
  EXPECT_EQ(FieldsOf(Put(owner_, id, mismatched)), std::set<std::string>{"id"});
  EXPECT_EQ(Put(owner_, "my-workout", lighter).status, 422);
  // If-Match on a workout that does not exist: nothing to update.
  EXPECT_EQ(Put(owner_, platform::NewId(), lighter, With({{"If-Match", etag}})).status, 404);
}

TEST_F(WorkoutsTest, DeletingLeavesATombstoneAndA404) {
  std::string id = platform::NewId();
  auto body = StrengthWorkout();
  body["id"] = id;
  ASSERT_EQ(Post(owner_, body).status, 201);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/workouts/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + id).status, 404);
  EXPECT_EQ(Put(owner_, id, body).status, 404);
  EXPECT_EQ(Post(owner_, body).status, 409) << "a retried create does not bring it back";
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/workouts").Json()["items"].as_array().empty());
  // The row stays for a sync feed; its blocks and sets are gone.
  EXPECT_EQ(CountRows("workouts", " AND deleted_at IS NOT NULL"), 1);
  EXPECT_EQ(CountRows("workout_blocks"), 0);
  EXPECT_EQ(CountRows("workout_sets"), 0);
}

TEST_F(WorkoutsTest, DeletingWithIfMatchDeletesOnlyTheVersionRead) {
  // A phone read the workout (rev in its ETag) and deleted it offline; the desktop changed it
  // meanwhile. The phone's delete, sent later with the ETag it read, must not delete the change.
  std::string id = platform::NewId();
  auto body = StrengthWorkout();
  body["id"] = id;
  auto created = Post(owner_, body);
  ASSERT_EQ(created.status, 201);
  const std::string read_by_phone = ETagOf(created);
  auto renamed = StrengthWorkout("Leg day (desktop)");
  auto changed = Put(owner_, id, renamed, With({{"If-Match", read_by_phone}}));
  ASSERT_EQ(changed.status, 200) << changed.body;
  const std::string current = ETagOf(changed);
  ASSERT_NE(current, read_by_phone);

  auto stale = h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + id, {},
                       With({{"If-Match", read_by_phone}}));
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto kept = h_.Get(owner_, "/api/v1/workouts/" + id);
  ASSERT_EQ(kept.status, 200) << "a stale delete changes nothing";
  EXPECT_EQ(kept.Json()["title"], "Leg day (desktop)");

  EXPECT_EQ(
      h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + id, {}, With({{"If-Match", current}}))
          .status,
      204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/workouts/" + id).status, 404);
  // Sent again (the answer was lost): already gone.
  EXPECT_EQ(
      h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + id, {}, With({{"If-Match", current}}))
          .status,
      404);
}

TEST_F(WorkoutsTest, AnotherUsersWorkoutDoesNotExistForThem) {
  auto created = Post(owner_, StrengthWorkout());
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  std::string etag = ETagOf(created);
  Browser admin;
  h_.CreateUser("boss", /*admin=*/true);
  h_.SignIn(admin, "boss");
  for (Browser* who : {&other_, &admin}) {
    EXPECT_EQ(h_.Get(*who, "/api/v1/workouts/" + id).status, 404);
    EXPECT_EQ(Put(*who, id, StrengthWorkout("Mine now"), With({{"If-Match", etag}})).status, 404);
    EXPECT_EQ(h_.Call(*who, Method::kDelete, "/api/v1/workouts/" + id).status, 404);
    EXPECT_TRUE(h_.Get(*who, "/api/v1/workouts").Json()["items"].as_array().empty());
    EXPECT_TRUE(h_.Get(*who, "/api/v1/exercises/barbell-back-squat/last-sets")
                    .Json()["items"]
                    .as_array()
                    .empty());
    // Ids are per user: a PUT without If-Match creates their own workout of that id.
    EXPECT_EQ(Put(*who, id, StrengthWorkout("Mine now")).status, 201);
    EXPECT_EQ(h_.Get(*who, "/api/v1/workouts/" + id).Json()["title"], "Mine now");
  }
  // The owner's workout is as it was, blocks and sets (3 + 1) included.
  auto mine = h_.Get(owner_, "/api/v1/workouts/" + id);
  EXPECT_EQ(mine.Json(), created.Json());
  EXPECT_EQ(ETagOf(mine), etag);
  EXPECT_EQ(CountRows("workouts"), 1);
  EXPECT_EQ(CountRows("workout_sets"), 4);
}

}  // namespace
}  // namespace vigor
