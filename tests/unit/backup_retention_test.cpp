#include "core/backup_retention.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace vigor::core {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

sys_seconds At(int y, unsigned m, unsigned d, int h = 2) {
  return sys_seconds(sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d))) +
         hours(h);
}

std::vector<sys_seconds> Kept(const std::vector<sys_seconds>& taken, BackupRetention r) {
  auto keep = BackupsToKeep(taken, r);
  std::vector<sys_seconds> kept;
  for (std::size_t i = 0; i < taken.size(); ++i) {
    if (keep[i]) kept.push_back(taken[i]);
  }
  return kept;
}

// One backup at 02:00 every day from Sunday 2026-11-01 to Sunday 2026-12-06, 7 daily + 4 weekly.
// Daily: the 7 newest days, Nov 30 to Dec 6. Weekly (Monday to Sunday): the newest of the weeks
// ending Dec 6, Nov 29, Nov 22 and Nov 15, i.e. those Sundays. Together 10 of 36.
TEST(BackupRetentionTest, SevenDailyAndFourWeeklyOfFiveWeeksOfDailyBackups) {
  std::vector<sys_seconds> taken;
  for (auto day = sys_days(std::chrono::year(2026) / 11 / 1);
       day <= sys_days(std::chrono::year(2026) / 12 / 6); day += std::chrono::days(1)) {
    taken.push_back(sys_seconds(day) + hours(2));
  }
  ASSERT_EQ(taken.size(), 36u);
  std::vector<sys_seconds> expected{
      At(2026, 11, 15), At(2026, 11, 22), At(2026, 11, 29), At(2026, 11, 30), At(2026, 12, 1),
      At(2026, 12, 2),  At(2026, 12, 3),  At(2026, 12, 4),  At(2026, 12, 5),  At(2026, 12, 6)};
  EXPECT_EQ(Kept(taken, {.daily = 7, .weekly = 4}), expected);
}

TEST(BackupRetentionTest, TheNewestOfADayStandsForIt) {
  std::vector<sys_seconds> taken{At(2026, 12, 6, 1), At(2026, 12, 6, 13), At(2026, 12, 6, 23),
                                 At(2026, 12, 5, 10)};
  std::vector<sys_seconds> expected{At(2026, 12, 6, 23), At(2026, 12, 5, 10)};
  EXPECT_EQ(Kept(taken, {.daily = 2, .weekly = 0}), expected);
}

// Backups that stopped in October are not aged out in December: only days that have a backup
// count, so the last good ones stay.
TEST(BackupRetentionTest, OldBackupsStayWhenNoNewerOnesCame) {
  std::vector<sys_seconds> taken{At(2026, 10, 1), At(2026, 10, 2), At(2026, 10, 3)};
  EXPECT_EQ(Kept(taken, {.daily = 7, .weekly = 4}), taken);
}

TEST(BackupRetentionTest, TheNewestIsKeptEvenWithNothingToKeep) {
  std::vector<sys_seconds> taken{At(2026, 12, 1), At(2026, 12, 3), At(2026, 12, 2)};
  EXPECT_EQ(Kept(taken, {.daily = 0, .weekly = 0}), std::vector<sys_seconds>{At(2026, 12, 3)});
}

// Weeks start on Monday (UTC): Sunday 23:59:59 and Monday 00:00 are two weeks; Saturday Dec 5
// shares Sunday Dec 6's week and is not its newest. Input in any order.
TEST(BackupRetentionTest, WeeksRunFromMondayToSunday) {
  auto sunday_night = At(2026, 12, 6, 23) + std::chrono::minutes(59) + std::chrono::seconds(59);
  auto monday = At(2026, 12, 7, 0);
  auto saturday = At(2026, 12, 5, 12);
  std::vector<sys_seconds> taken{saturday, monday, sunday_night};
  auto keep = BackupsToKeep(taken, {.daily = 0, .weekly = 2});
  EXPECT_EQ(keep, (std::vector<bool>{false, true, true}));
}

TEST(BackupRetentionTest, NothingToKeepOfNothing) { EXPECT_TRUE(BackupsToKeep({}, {}).empty()); }

// Before 1970 the week arithmetic must still floor: Monday 1969-12-29 starts the week of
// Thursday 1970-01-01, Sunday 1969-12-28 ends the one before.
TEST(BackupRetentionTest, WeeksAroundTheEpoch) {
  std::vector<sys_seconds> taken{At(1969, 12, 28), At(1969, 12, 29), At(1970, 1, 1)};
  auto keep = BackupsToKeep(taken, {.daily = 0, .weekly = 5});
  EXPECT_EQ(keep, (std::vector<bool>{true, false, true}));
}

}  // namespace
}  // namespace vigor::core
