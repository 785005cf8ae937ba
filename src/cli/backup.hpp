#pragma once

#include <string>
#include <vector>

namespace vigor::cli {

// vigor backup [--to DIR] | vigor backup verify [PATH] | vigor backup list  (then settings)
int Backup(const std::vector<std::string>& args);
// vigor restore PATH --data-dir NEW [--database URL] [--backup-key-file FILE] [--force]
int Restore(const std::vector<std::string>& args);

}  // namespace vigor::cli
