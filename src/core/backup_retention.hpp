#pragma once

#include <chrono>
#include <span>
#include <vector>

// Which backups a retention policy keeps ("7 daily, 4 weekly"), as pure date arithmetic.
namespace vigor::core {

struct BackupRetention {
  int daily = 7;   // the newest backup of each of this many most recent days that have one
  int weekly = 4;  // the newest backup of each of this many most recent weeks that have one
};

// `taken`: when each good backup was taken (any order). Returns, for each, whether it is kept:
// - the newest backup is always kept;
// - per UTC day, the newest backup of the `daily` most recent days that have a backup;
// - per week (Monday to Sunday, UTC), the newest backup of the `weekly` most recent weeks that
//   have one.
// Days and weeks without a backup do not count, so backups that stop being taken (a full disk, a
// broken schedule) never age the last good ones out: only newer backups can displace an older one.
std::vector<bool> BackupsToKeep(std::span<const std::chrono::sys_seconds> taken,
                                const BackupRetention& retention);

}  // namespace vigor::core
