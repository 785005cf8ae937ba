#include "core/token_bucket.hpp"

#include <algorithm>
#include <cmath>

namespace vigor::core {

BucketDecision TakeFromBucket(const BucketState* stored, const BucketRule& rule,
                              std::int64_t now_ms, double cost) {
  double tokens = rule.capacity;
  if (stored != nullptr) {
    // A clock that stepped backwards refills nothing rather than draining the bucket.
    double elapsed = std::max<std::int64_t>(0, now_ms - stored->updated_ms) / 1000.0;
    tokens = std::min(rule.capacity, stored->tokens + elapsed * rule.refill_per_second);
  }
  if (tokens + 1e-9 >= cost) {
    return {true, {tokens - cost, now_ms}, 0};
  }
  double missing = cost - tokens;
  double wait = rule.refill_per_second > 0 ? missing / rule.refill_per_second : 86400.0;
  return {false, {tokens, now_ms}, wait};
}

}  // namespace vigor::core
