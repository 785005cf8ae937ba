#include "platform/id.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vigor::platform {
namespace {

// Thousands of ids in a row fall into the same few milliseconds: each must still sort after the
// one before, or "newest first" lists (ordered by id) would mix up things made in one instant.
TEST(IdTest, IdsMadeOneAfterAnotherIncreaseEvenWithinOneMillisecond) {
  std::string previous = NewId();
  for (int i = 0; i < 20'000; ++i) {
    std::string next = NewId();
    ASSERT_TRUE(IsUuid(next)) << next;
    ASSERT_EQ(next[14], '7') << next;  // version 7
    ASSERT_LT(previous, next) << "id " << i;
    previous = std::move(next);
  }
}

}  // namespace
}  // namespace vigor::platform
