#pragma once

#include <string>
#include <vector>

namespace vigor::cli {

// `vigor <command> [settings]`; returns the process exit code (0 ok, 1 failure, 2 bad usage).
int Main(const std::vector<std::string>& args);

}  // namespace vigor::cli
