#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  return vigor::cli::Main(std::vector<std::string>(argv + 1, argv + argc));
}
