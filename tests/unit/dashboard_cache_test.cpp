// The dashboard's cache of composed homes: capacity, recency, versions and age.
#include "features/dashboard/dashboard_cache.hpp"

#include <gtest/gtest.h>

namespace vigor {
namespace {

TEST(DashboardCacheTest, DropsTheLeastRecentlyUsedBeyondItsCapacityAndEntriesPastTheirAge) {
  using features::dashboard::DashboardCache;
  auto t0 = DashboardCache::Clock::time_point{};
  DashboardCache cache(/*capacity_bytes=*/1'000, std::chrono::minutes{5});
  auto body = [](char c) {
    return std::make_shared<const features::dashboard::ComposedHome>(
        features::dashboard::ComposedHome{std::string(300, c), "UTC", core::Day{}});
  };
  cache.Put("a", "1", body('a'), t0);
  cache.Put("b", "1", body('b'), t0);
  cache.Put("c", "1", body('c'), t0);  // with the per-entry overhead, only two fit
  EXPECT_EQ(cache.size(), 2U);
  EXPECT_EQ(cache.Find("a", "1", t0), nullptr);
  ASSERT_NE(cache.Find("b", "1", t0), nullptr);  // b is now the most recently used
  cache.Put("d", "1", body('d'), t0);
  EXPECT_EQ(cache.Find("c", "1", t0), nullptr);
  EXPECT_EQ(cache.Find("b", "1", t0)->body, std::string(300, 'b'));
  EXPECT_EQ(cache.Find("b", "2", t0), nullptr);  // another version: gone
  EXPECT_EQ(cache.Find("b", "1", t0), nullptr);
  EXPECT_NE(cache.Find("d", "1", t0 + std::chrono::minutes{5}), nullptr);
  EXPECT_EQ(cache.Find("d", "1", t0 + std::chrono::minutes{5} + std::chrono::seconds{1}), nullptr);
  EXPECT_EQ(cache.size(), 0U);
  EXPECT_EQ(cache.bytes(), 0U);
  cache.Put("huge", "1",
            std::make_shared<const features::dashboard::ComposedHome>(
                features::dashboard::ComposedHome{std::string(2'000, 'x'), "UTC", core::Day{}}),
            t0);
  EXPECT_EQ(cache.size(), 0U);
}

}  // namespace
}  // namespace vigor
