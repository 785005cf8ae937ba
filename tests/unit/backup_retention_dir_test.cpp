#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "platform/backup/backup.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::backup {
namespace {

namespace fs = std::filesystem;

void FakeBackup(const fs::path& dir, const std::string& name, bool finished = true) {
  fs::create_directories(dir / name);
  if (finished) std::ofstream(dir / name / "manifest.json") << "{}\n";
}

std::vector<std::string> Names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Only finished backups (a manifest) under their own names are listed, oldest first; a backup
// still being written (the .partial directory) and anything else in the folder are left alone.
TEST(BackupDirectoryTest, ListsFinishedBackupsOldestFirst) {
  testing::TempDir tmp;
  FakeBackup(tmp.path(), "vigor-backup-20261206T020000Z");
  FakeBackup(tmp.path(), "vigor-backup-20261205T020000Z");
  FakeBackup(tmp.path(), "vigor-backup-20261205T020000Z-2");
  FakeBackup(tmp.path(), "vigor-backup-20261207T020000Z", /*finished=*/false);
  FakeBackup(tmp.path(), ".vigor-backup-20261207T030000Z.partial-abc123", false);
  FakeBackup(tmp.path(), "notes");
  auto listed = ListBackups(tmp.path());
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].dir.filename(), "vigor-backup-20261205T020000Z");
  EXPECT_EQ(listed[1].dir.filename(), "vigor-backup-20261205T020000Z-2");
  EXPECT_EQ(listed[2].dir.filename(), "vigor-backup-20261206T020000Z");
  EXPECT_TRUE(ListBackups(tmp.path() / "none").empty());
}

// Ten daily backups, Friday 2026-11-27 to Sunday 2026-12-06, kept 3 daily and 2 weekly: Dec 4, 5
// and 6 (daily; Dec 6 is also the newest of its week, Monday Nov 30 to Dec 6) and Sunday Nov 29
// (the newest of the week before). Nov 27 and 28 are older in Nov 29's week, Nov 30 to Dec 3
// older in Dec 6's: six removed. The unfinished backup and the foreign folder stay.
TEST(BackupDirectoryTest, RetentionRemovesOnlyWhatItDoesNotKeep) {
  testing::TempDir tmp;
  for (int day = 27; day <= 30; ++day) {
    FakeBackup(tmp.path(), "vigor-backup-202611" + std::to_string(day) + "T020000Z");
  }
  for (int day = 1; day <= 6; ++day) {
    FakeBackup(tmp.path(), "vigor-backup-2026120" + std::to_string(day) + "T020000Z");
  }
  FakeBackup(tmp.path(), "vigor-backup-20261101T020000Z", /*finished=*/false);
  FakeBackup(tmp.path(), "notes");
  auto removed = ApplyRetention(tmp.path(), {.daily = 3, .weekly = 2});
  EXPECT_EQ(removed.size(), 6u);
  EXPECT_EQ(
      Names(tmp.path()),
      (std::vector<std::string>{"notes", "vigor-backup-20261101T020000Z",
                                "vigor-backup-20261129T020000Z", "vigor-backup-20261204T020000Z",
                                "vigor-backup-20261205T020000Z", "vigor-backup-20261206T020000Z"}));
}

}  // namespace
}  // namespace vigor::platform::backup
