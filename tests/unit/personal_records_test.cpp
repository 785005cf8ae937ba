#include "core/personal_records.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

const RecordEntry* Find(const std::vector<RecordEntry>& entries, std::string_view kind,
                        std::string_view variant, std::string_view workout_id) {
  for (const auto& e : entries) {
    if (e.kind == kind && e.variant == variant && e.workout_id == workout_id) return &e;
  }
  return nullptr;
}

TEST(PersonalRecordTest, EachWorkoutThatBeatsTheBestBeforeIt) {
  const std::string t1 = "2026-01-01T10:00:00.000Z", t2 = "2026-01-08T10:00:00.000Z";
  std::vector<LiftSet> sets = {
      {"w1", t1, 60, 10, /*warmup=*/true},  // a warm-up: counts for nothing
      {"w1", t1, 100, 5},
      {"w1", t1, 100, 5},
      {"w1", t1, 200, 1, false, /*done=*/false},  // not done
      {"w2", t2, 105, 3},
      {"w2", t2, 80, 12},
  };
  RunningBests bests;
  auto entries = StrengthProgression(sets, bests);

  // w1, all firsts: Epley 100 * (1 + 5/30) = 116.667, Brzycki 100 * 36 / 32 = 112.5, 5 reps at
  // 100, set volume 500, session volume 500 + 500 = 1000.
  auto* e = Find(entries, "one_rep_max", "epley", "w1");
  ASSERT_NE(e, nullptr);
  EXPECT_NEAR(e->value, 116.6667, 1e-4);
  EXPECT_EQ(e->reps, 5);
  EXPECT_EQ(e->weight_kg, 100);
  EXPECT_FALSE(e->previous_value);
  EXPECT_DOUBLE_EQ(Find(entries, "one_rep_max", "brzycki", "w1")->value, 112.5);
  EXPECT_DOUBLE_EQ(Find(entries, "rep_max", "5", "w1")->value, 100);
  EXPECT_DOUBLE_EQ(Find(entries, "set_volume", "", "w1")->value, 500);
  EXPECT_DOUBLE_EQ(Find(entries, "session_volume", "", "w1")->value, 1000);
  EXPECT_EQ(Find(entries, "rep_max", "1", "w1"), nullptr);   // the single was not done
  EXPECT_EQ(Find(entries, "rep_max", "10", "w1"), nullptr);  // the warm-up

  // w2: Epley 105 * 1.1 = 115.5 and 80 * 1.4 = 112 stay below 116.667: no record. Brzycki
  // 80 * 36 / 25 = 115.2 beats 112.5 (105 * 36 / 34 = 111.18 does not). First 3 and 12 rep
  // maxes. Set volume 80 * 12 = 960 beats 500; session 315 + 960 = 1275 beats 1000.
  EXPECT_EQ(Find(entries, "one_rep_max", "epley", "w2"), nullptr);
  e = Find(entries, "one_rep_max", "brzycki", "w2");
  ASSERT_NE(e, nullptr);
  EXPECT_NEAR(e->value, 115.2, 1e-9);
  EXPECT_EQ(e->previous_value, 112.5);
  EXPECT_EQ(e->reps, 12);
  EXPECT_DOUBLE_EQ(Find(entries, "rep_max", "3", "w2")->value, 105);
  EXPECT_DOUBLE_EQ(Find(entries, "rep_max", "12", "w2")->value, 80);
  EXPECT_EQ(Find(entries, "set_volume", "", "w2")->previous_value, 500);
  EXPECT_DOUBLE_EQ(Find(entries, "session_volume", "", "w2")->value, 1275);
  EXPECT_EQ(entries.size(), 10u);  // 5 for w1, 5 for w2

  EXPECT_NEAR((bests[{"one_rep_max", "epley"}]), 116.6667, 1e-4);
  EXPECT_DOUBLE_EQ((bests[{"session_volume", ""}]), 1275);
}

TEST(PersonalRecordTest, TheBestsBeforeAndTiesDoNotCount) {
  const std::string t = "2026-02-01T10:00:00.000Z";
  std::vector<LiftSet> sets = {{"w3", t, 100, 5}};
  // Before: an Epley 1RM of 120, 100 kg for 5 (a tie), set volume 500 (a tie).
  RunningBests bests = {{{"one_rep_max", "epley"}, 120},
                        {{"rep_max", "5"}, 100},
                        {{"set_volume", ""}, 500},
                        {{"session_volume", ""}, 400}};
  auto entries = StrengthProgression(sets, bests);
  // Only Brzycki (a first, 112.5) and the session volume (500 > 400).
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_DOUBLE_EQ(Find(entries, "one_rep_max", "brzycki", "w3")->value, 112.5);
  EXPECT_EQ(Find(entries, "session_volume", "", "w3")->previous_value, 400);
}

TEST(PersonalRecordTest, CardioPerSport) {
  std::vector<CardioSession> sessions = {
      {"r1", "2026-01-01T07:00:00.000Z", 5000, 1500, 50, {{1000, 290}}},
      {"r2", "2026-01-03T07:00:00.000Z", 4000, 1600, std::nullopt, {{1000, 280}}},
  };
  RunningBests bests;
  auto entries = CardioProgression(sessions, bests);
  // r1: firsts for 1 km, distance, duration, climbing. r2: a faster 1 km (280 < 290) and a
  // longer duration (1600 > 1500); 4000 m is no longer than 5000 m.
  EXPECT_EQ(entries.size(), 6u);
  auto* e = Find(entries, "best_effort", "1000", "r2");
  ASSERT_NE(e, nullptr);
  EXPECT_DOUBLE_EQ(e->value, 280);
  EXPECT_EQ(e->previous_value, 290);
  EXPECT_EQ(e->distance_m, 1000);
  EXPECT_EQ(Find(entries, "longest_duration", "", "r2")->previous_value, 1500);
  EXPECT_EQ(Find(entries, "longest_distance", "", "r2"), nullptr);
  EXPECT_DOUBLE_EQ(Find(entries, "most_elevation_gain", "", "r1")->value, 50);
  EXPECT_EQ(DistanceVariant(1609.344), "1609.344");
  EXPECT_EQ(DistanceVariant(21097.5), "21097.5");
}

}  // namespace
}  // namespace vigor::core
