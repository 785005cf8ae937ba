#include <gtest/gtest.h>

#include "platform/http/handler.hpp"

namespace vigor::platform::http {
namespace {

// Expected values worked out by hand from the rule in handler.hpp: a run counts as
// min(run, previous run); a counted run over twice the average replaces it, otherwise the
// average moves an eighth of the way (integer division, toward zero).

TEST(RouteCostTest, StartsAsSlowAndFallsAnEighthAtATime) {
  RouteCost cost;
  EXPECT_EQ(cost.micros.load(), RouteCost::kUnknown);
  cost.Record(0);  // counts min(0, 4000) = 0: 4000 + (0 - 4000) / 8 = 3500
  EXPECT_EQ(cost.micros.load(), 3500);
  cost.Record(20);  // min(20, 0) = 0: 3500 - 437 = 3063
  EXPECT_EQ(cost.micros.load(), 3063);
  cost.Record(20);  // min(20, 20) = 20: 3063 + (20 - 3063) / 8 = 3063 - 380 = 2683
  EXPECT_EQ(cost.micros.load(), 2683);
}

TEST(RouteCostTest, OneSlowRunAmongQuickOnesIsNotTheRoutes) {
  RouteCost cost;
  for (int i = 0; i < 200; ++i) cost.Record(20);
  ASSERT_EQ(cost.micros.load(), 27);  // falls to 20 + 7: (27 - 20) / 8 is 0 in integers
  cost.Record(5000);                  // preempted once: counts min(5000, 20) = 20
  EXPECT_EQ(cost.micros.load(), 27);
  cost.Record(20);
  EXPECT_EQ(cost.micros.load(), 27);
}

TEST(RouteCostTest, ARouteSlowTwiceRunningIsSlowAtOnce) {
  RouteCost cost;
  for (int i = 0; i < 200; ++i) cost.Record(20);
  cost.Record(900);  // min(900, 20) = 20: still 27
  cost.Record(800);  // min(800, 900) = 800 > 2 * 27: the average becomes 800
  EXPECT_EQ(cost.micros.load(), 800);
}

TEST(RouteCostTest, AnAbsurdTimeIsCapped) {
  RouteCost cost;
  cost.Record(5'000'000'000);
  cost.Record(5'000'000'000);
  EXPECT_EQ(cost.micros.load(), 1'000'000'000);
  cost.Record(-3);  // a clock that went back counts as 0, min(0, cap) = 0
  EXPECT_EQ(cost.micros.load(), 1'000'000'000 - 125'000'000);
}

}  // namespace
}  // namespace vigor::platform::http
