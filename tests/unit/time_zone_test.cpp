#include "platform/time_zone.hpp"

#include <gtest/gtest.h>

#include "platform/time_text.hpp"

namespace vigor::platform {
namespace {

// A wall-clock reading written as if it were UTC, e.g. "2026-03-02T18:04:12" read off a clock.
std::int64_t Wall(const char* text) { return *ParseRfc3339Ms(std::string(text) + "Z"); }
std::int64_t Utc(const char* text) { return *ParseRfc3339Ms(text); }

TEST(TimeZone, KnowsRealZonesAndRefusesInventedOnes) {
  EXPECT_TRUE(IsKnownTimeZone("Europe/Berlin"));
  EXPECT_TRUE(IsKnownTimeZone("America/Argentina/Salta"));
  EXPECT_TRUE(IsKnownTimeZone("UTC"));
  EXPECT_FALSE(IsKnownTimeZone("Mars/Olympus"));
  EXPECT_FALSE(IsKnownTimeZone(""));
  EXPECT_FALSE(IsKnownTimeZone("../../etc/passwd"));
  EXPECT_FALSE(IsKnownTimeZone("Europe/Berlin\n"));
}

TEST(TimeZone, WinterTimeInBerlinIsOneHourAheadOfUtc) {
  auto r = ResolveLocalTime(Wall("2026-03-02T18:04:12"), "Europe/Berlin");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_ms, Utc("2026-03-02T17:04:12Z"));
  EXPECT_EQ(r->fit, LocalTimeFit::kUnique);
}

TEST(TimeZone, SummerTimeInNewYorkIsFourHoursBehindUtc) {
  auto r = ResolveLocalTime(Wall("2026-07-01T08:00:00"), "America/New_York");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_ms, Utc("2026-07-01T12:00:00Z"));
}

// Berlin springs forward on 2026-03-29 at 02:00 CET to 03:00 CEST: 02:30 never shows on a clock.
// Read with the offset before the jump (+01:00) it is 01:30Z, which is 03:30 CEST.
TEST(TimeZone, AWallTimeInTheSpringGapMovesForwardByTheGap) {
  auto r = ResolveLocalTime(Wall("2026-03-29T02:30:00"), "Europe/Berlin");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_ms, Utc("2026-03-29T01:30:00Z"));
  EXPECT_EQ(r->fit, LocalTimeFit::kNonexistent);
}

// Berlin falls back on 2026-10-25 at 03:00 CEST to 02:00 CET: 02:30 happens twice, first at
// +02:00 (00:30Z), then at +01:00 (01:30Z). The earlier one is chosen.
TEST(TimeZone, AWallTimeInTheAutumnOverlapIsTheEarlierInstant) {
  auto r = ResolveLocalTime(Wall("2026-10-25T02:30:00"), "Europe/Berlin");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_ms, Utc("2026-10-25T00:30:00Z"));
  EXPECT_EQ(r->fit, LocalTimeFit::kAmbiguous);
}

TEST(TimeZone, KeepsMilliseconds) {
  auto r = ResolveLocalTime(Wall("2026-01-10T10:00:00.250"), "Asia/Kolkata");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_ms, Utc("2026-01-10T04:30:00.250Z"));
}

TEST(TimeZone, OffsetAtAnInstant) {
  EXPECT_EQ(UtcOffsetSeconds(Utc("2026-07-01T12:00:00Z"), "America/New_York"), -4 * 3600);
  EXPECT_EQ(UtcOffsetSeconds(Utc("2026-01-01T12:00:00Z"), "Europe/Berlin"), 3600);
  EXPECT_FALSE(UtcOffsetSeconds(0, "Mars/Olympus"));
  EXPECT_FALSE(ResolveLocalTime(0, "Mars/Olympus"));
}

}  // namespace
}  // namespace vigor::platform
