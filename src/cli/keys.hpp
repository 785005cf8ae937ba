#pragma once

#include <string>
#include <vector>

namespace vigor::cli {

// `vigor keys rotate [--batch-rows N] [--resume] [settings]`: appends a new key to the key file
// (not with --resume, nor with VIGOR_SECRET_KEYS, whose newest key is the target) and re-seals
// every sealed value under it while the servers run, printing its progress.
// `vigor keys status [settings]`: the ring, per sealed column the number of values under each
// key, and the last rotation. Return the exit code (0 done, 1 failed or values left unreadable,
// 2 bad usage).
int Keys(const std::vector<std::string>& args);

}  // namespace vigor::cli
