#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/token_bucket.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::ratelimit {

// Token buckets kept in the database, so every instance behind a load balancer shares them.
class RateLimiter {
 public:
  // A bucket untouched this long is forgotten; every rule must refill within it (a missing bucket
  // is a full one).
  static constexpr std::chrono::hours kIdleFor{24};

  explicit RateLimiter(store::Database& database) : database_(database) {}

  // Takes one token from `bucket`. Throws Error(kRateLimited) with Retry-After when empty.
  void Take(const std::string& bucket, const core::BucketRule& rule);
  // Takes one token when there is one; false, and nothing is taken, when the bucket is empty.
  bool TryTake(const std::string& bucket, const core::BucketRule& rule);
  // Gives back one token (e.g. after a successful sign-in, which must not count as a failure).
  void Refund(const std::string& bucket, const core::BucketRule& rule);
  // Housekeeping: forgets buckets untouched for kIdleFor, at most `limit`.
  std::int64_t PurgeIdle(store::Session& s, std::chrono::system_clock::time_point now, int limit);

 private:
  core::BucketDecision Spend(const std::string& bucket, const core::BucketRule& rule);

  store::Database& database_;
};

}  // namespace vigor::platform::ratelimit
