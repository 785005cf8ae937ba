#pragma once

#include <string>

#include "core/token_bucket.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::ratelimit {

// Token buckets kept in the database, so every instance behind a load balancer shares them.
class RateLimiter {
 public:
  explicit RateLimiter(store::Database& database) : database_(database) {}

  // Takes one token from `bucket`. Throws Error(kRateLimited) with Retry-After when empty.
  void Take(const std::string& bucket, const core::BucketRule& rule);
  // Gives back one token (e.g. after a successful sign-in, which must not count as a failure).
  void Refund(const std::string& bucket, const core::BucketRule& rule);

 private:
  store::Database& database_;
};

}  // namespace vigor::platform::ratelimit
