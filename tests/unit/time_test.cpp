// FormatRfc3339 (platform/time.hpp), written out by hand since issue 16: the expected texts were
// worked out with Python's datetime from the same milliseconds since the epoch.
#include "platform/time.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace vigor::platform {
namespace {

std::string AtMillis(long long ms) {
  return FormatRfc3339(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

TEST(FormatRfc3339Test, WritesUtcWithMilliseconds) {
  EXPECT_EQ(AtMillis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(AtMillis(951782400123), "2000-02-29T00:00:00.123Z");
  EXPECT_EQ(AtMillis(1796606315855), "2026-12-07T01:18:35.855Z");
  EXPECT_EQ(AtMillis(4102444799999), "2099-12-31T23:59:59.999Z");
}

TEST(FormatRfc3339Test, AnInstantBeforeTheEpochIsTheMillisecondItFallsIn) {
  EXPECT_EQ(AtMillis(-1), "1969-12-31T23:59:59.999Z");
}

TEST(FormatRfc3339Test, DropsWhatIsFinerThanAMillisecond) {
  auto t = std::chrono::system_clock::time_point(std::chrono::milliseconds(951782400123)) +
           std::chrono::microseconds(999);
  EXPECT_EQ(FormatRfc3339(t), "2000-02-29T00:00:00.123Z");
}

}  // namespace
}  // namespace vigor::platform
