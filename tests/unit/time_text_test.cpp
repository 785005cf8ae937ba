#include "platform/time_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace vigor::platform {
namespace {

// The stored form of what a client sends: UTC, milliseconds.
std::string Stored(std::string_view text) {
  auto ms = ParseRfc3339Ms(text);
  return ms ? FormatUtcMs(*ms) : "(not a date-time)";
}

TEST(TimeTextTest, StoresDateTimesInUtcWithMilliseconds) {
  EXPECT_EQ(FormatUtcMs(1'714'548'600'000), "2024-05-01T07:30:00.000Z");
  EXPECT_EQ(FormatUtcMs(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(Stored("2026-03-02T07:30:00.25+01:00"), "2026-03-02T06:30:00.250Z");
}

// Found by the json_decode fuzz target: the instant went through system_clock, which counts
// nanoseconds and overflows outside 1677-2262 (undefined behaviour; in practice another date).
TEST(TimeTextTest, EveryYearAClientMaySendIsStoredAsSent) {
  EXPECT_EQ(Stored("1013-03-02T07:30:00+01:00"), "1013-03-02T06:30:00.000Z");
  EXPECT_EQ(Stored("1677-01-01T00:00:00Z"), "1677-01-01T00:00:00.000Z");
  EXPECT_EQ(Stored("2263-01-01T00:00:00Z"), "2263-01-01T00:00:00.000Z");
  // 0001-01-01 is 719162 days before 1970-01-01; 9999-12-31T23:59:59 is 253402300799 s after.
  EXPECT_EQ(ParseRfc3339Ms("0001-01-01T00:00:00Z"), -719'162LL * 86'400'000);
  EXPECT_EQ(Stored("0001-01-01T00:00:00Z"), "0001-01-01T00:00:00.000Z");
  EXPECT_EQ(ParseRfc3339Ms("9999-12-31T23:59:59.999Z"), 253'402'300'799'999);
  EXPECT_EQ(Stored("9999-12-31T23:59:59.999Z"), "9999-12-31T23:59:59.999Z");
}

TEST(TimeTextTest, InstantsOutsideYearsOneTo9999AreWrittenAsTheNearestEnd) {
  EXPECT_EQ(FormatUtcMs(std::numeric_limits<std::int64_t>::min()), "0001-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatUtcMs(std::numeric_limits<std::int64_t>::max()), "9999-12-31T23:59:59.999Z");
}

}  // namespace
}  // namespace vigor::platform
