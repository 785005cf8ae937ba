#pragma once

#include <cstdint>

namespace vigor::core {

// A token bucket: `capacity` tokens, refilled continuously at `refill_per_second`.
struct BucketRule {
  double capacity;
  double refill_per_second;
};

struct BucketState {
  double tokens;
  std::int64_t updated_ms;
};

struct BucketDecision {
  bool allowed;
  BucketState state;           // to store back
  double retry_after_seconds;  // when refused: until `cost` tokens are there again
};

// Takes `cost` tokens at `now_ms` if there are enough. A missing bucket starts full.
BucketDecision TakeFromBucket(const BucketState* stored, const BucketRule& rule,
                              std::int64_t now_ms, double cost = 1);

}  // namespace vigor::core
