#include <sys/stat.h>

#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // Everything Vigor writes (the SQLite database with its -wal and -shm files, queued mail, key
  // files, exports and backups) is for the account it runs as alone: files 0600, directories
  // 0700, whichever library creates them.
  ::umask(077);
  return vigor::cli::Main(std::vector<std::string>(argv + 1, argv + argc));
}
