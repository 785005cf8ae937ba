#include "platform/ratelimit/rate_limiter.hpp"

#include <chrono>
#include <cmath>

#include "platform/error.hpp"

namespace vigor::platform::ratelimit {

namespace {
using store::Session;
using store::Statement;

// A missing bucket is created full first: on PostgreSQL (READ COMMITTED) FOR UPDATE locks no
// row that does not exist yet, so the first takes of a new bucket, racing on several connections
// or instances, would each find it full. The insert waits for a concurrent one to commit and then
// does nothing; the locked read below then sees the committed row.
constexpr Statement kCreateFull{
    "rate_limit.create_full",
    "INSERT INTO rate_limits (bucket, tokens, updated_ms) VALUES ($1, $2, $3) "
    "ON CONFLICT (bucket) DO NOTHING"};
// Read, then written back in the same transaction: on PostgreSQL the row stays locked in
// between, so two instances cannot both spend the same token.
constexpr Statement kLoad{
    "rate_limit.load", "SELECT tokens, updated_ms FROM rate_limits WHERE bucket = $1",
    "SELECT tokens, updated_ms FROM rate_limits WHERE bucket = $1 FOR UPDATE"};
constexpr Statement kStore{
    "rate_limit.store",
    "INSERT INTO rate_limits (bucket, tokens, updated_ms) VALUES ($1, $2, $3) "
    "ON CONFLICT (bucket) DO UPDATE SET tokens = excluded.tokens, "
    "updated_ms = excluded.updated_ms"};

constexpr Statement kDeleteIdle{
    "rate_limit.delete_idle",
    "DELETE FROM rate_limits WHERE bucket IN (SELECT bucket FROM rate_limits "
    "WHERE updated_ms < $1 LIMIT $2)"};

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

core::BucketDecision RateLimiter::Spend(const std::string& bucket, const core::BucketRule& rule) {
  return database_.WriteResult([&](Session& s) {
    std::int64_t now = NowMs();
    s.Execute(kCreateFull, bucket, rule.capacity, now);
    std::optional<core::BucketState> stored;
    if (auto row = s.QueryOne(kLoad, bucket)) {
      stored = core::BucketState{row->Real("tokens"), row->Int("updated_ms")};
    }
    auto d = core::TakeFromBucket(stored ? &*stored : nullptr, rule, now);
    s.Execute(kStore, bucket, d.state.tokens, d.state.updated_ms);
    return d;
  });
}

bool RateLimiter::TryTake(const std::string& bucket, const core::BucketRule& rule) {
  return Spend(bucket, rule).allowed;
}

void RateLimiter::Take(const std::string& bucket, const core::BucketRule& rule) {
  auto decision = Spend(bucket, rule);
  if (!decision.allowed) {
    int seconds = static_cast<int>(std::ceil(decision.retry_after_seconds));
    throw Error(ErrorKind::kRateLimited, Msg("too_many_attempts"))
        .WithRetryAfter(std::max(1, seconds));
  }
}

void RateLimiter::Refund(const std::string& bucket, const core::BucketRule& rule) {
  database_.Write([&](Session& s) {
    auto row = s.QueryOne(kLoad, bucket);
    if (!row) return;
    double tokens = std::min(rule.capacity, row->Real("tokens") + 1);
    s.Execute(kStore, bucket, tokens, row->Int("updated_ms"));
  });
}

std::int64_t RateLimiter::PurgeIdle(Session& s, std::chrono::system_clock::time_point now,
                                    int limit) {
  auto cutoff = now - kIdleFor;
  return s.Execute(
      kDeleteIdle,
      std::chrono::duration_cast<std::chrono::milliseconds>(cutoff.time_since_epoch()).count(),
      limit);
}

}  // namespace vigor::platform::ratelimit
