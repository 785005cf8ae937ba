#include "core/token_bucket.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

// 10 tokens, one more every 40 s: at most 10 + 3600/40 = 100 takes in any hour.
constexpr BucketRule kLogin{10, 1.0 / 40};

TEST(TokenBucketTest, NewBucketStartsFull) {
  auto d = TakeFromBucket(nullptr, kLogin, 1'000'000);
  EXPECT_TRUE(d.allowed);
  EXPECT_DOUBLE_EQ(d.state.tokens, 9);
  EXPECT_EQ(d.state.updated_ms, 1'000'000);
}

TEST(TokenBucketTest, EmptyBucketRefusesWithTheWaitForOneToken) {
  BucketState empty{0.5, 0};
  auto d = TakeFromBucket(&empty, kLogin, 0);
  EXPECT_FALSE(d.allowed);
  EXPECT_DOUBLE_EQ(d.retry_after_seconds, 20);  // half a token at 1/40 per second
}

TEST(TokenBucketTest, RefillsWithElapsedTimeUpToCapacity) {
  BucketState s{0, 0};
  auto after_80s = TakeFromBucket(&s, kLogin, 80'000);  // +2 tokens, take 1
  EXPECT_TRUE(after_80s.allowed);
  EXPECT_DOUBLE_EQ(after_80s.state.tokens, 1);
  auto after_a_day = TakeFromBucket(&s, kLogin, 86'400'000);
  EXPECT_DOUBLE_EQ(after_a_day.state.tokens, 9);  // capped at 10, minus the one taken
}

TEST(TokenBucketTest, AtMostAHundredTakesInAnHour) {
  BucketState s{kLogin.capacity, 0};
  int allowed = 0;
  // One attempt every second for an hour.
  for (std::int64_t t = 0; t < 3600; ++t) {
    auto d = TakeFromBucket(&s, kLogin, t * 1000);
    s = d.state;
    allowed += d.allowed;
  }
  EXPECT_LE(allowed, 100);
  EXPECT_GE(allowed, 99);
}

TEST(TokenBucketTest, ClockGoingBackwardsRefillsNothing) {
  BucketState s{2, 10'000};
  auto d = TakeFromBucket(&s, kLogin, 5'000);
  EXPECT_DOUBLE_EQ(d.state.tokens, 1);
}

}  // namespace
}  // namespace vigor::core
