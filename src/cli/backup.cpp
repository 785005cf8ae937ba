#include "cli/backup.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>

#include "app/build_info.hpp"
#include "platform/backup/backup.hpp"
#include "platform/config/config.hpp"

namespace vigor::cli {

namespace {

namespace fs = std::filesystem;
namespace backup = platform::backup;
using platform::config::Config;

constexpr std::string_view kBackupUsage =
    "usage: vigor backup [--to DIR] [settings]        take a backup now (default DIR: "
    "--backup-dir, else <data-dir>/backups)\n"
    "       vigor backup verify [PATH] [settings]     restore drill of PATH (default: the newest "
    "backup)\n"
    "       vigor backup list [settings]              the finished backups, oldest first\n";
constexpr std::string_view kRestoreUsage =
    "usage: vigor restore PATH --data-dir NEW [--database URL] [--backup-key-file FILE] "
    "[--force]\n";

std::optional<Config> LoadSettings(const std::vector<std::string>& args, std::string_view who) {
  try {
    return platform::config::LoadConfig(args, [](const char* name) { return std::getenv(name); });
  } catch (const platform::config::ConfigError& e) {
    std::cerr << who << ": invalid settings:\n";
    for (const auto& problem : e.problems()) std::cerr << "  " << problem << "\n";
    return std::nullopt;
  }
}

// Takes `--name VALUE` out of `args`.
std::optional<std::string> TakeOption(std::vector<std::string>& args, std::string_view name) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == name && i + 1 < args.size()) {
      std::string value = args[i + 1];
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                 args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      return value;
    }
    if (args[i].starts_with(std::string(name) + "=")) {
      std::string value = args[i].substr(name.size() + 1);
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
      return value;
    }
  }
  return std::nullopt;
}

bool TakeSwitch(std::vector<std::string>& args, std::string_view name) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == name) {
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  }
  return false;
}

int TakeNow(std::vector<std::string> args) {
  auto to = TakeOption(args, "--to");
  auto config = LoadSettings(args, "vigor backup");
  if (!config) return 2;
  fs::path dir = to ? fs::path(*to) : config->backup_path();
  auto key = backup::BackupKey::LoadOrCreate(config->backup_key_path());
  auto taken = backup::TakeBackup(*config, dir, key, std::string(app::Version()));
  std::cout << "backup written to " << taken.dir.string() << "\n"
            << "encrypted with the backup key " << config->backup_key_path().string() << " (id "
            << key.id() << "): keep a copy of it away from this machine" << std::endl;
  return 0;
}

int Verify(std::vector<std::string> args) {
  std::optional<fs::path> path;
  if (!args.empty() && !args[0].starts_with("--")) {
    path = args[0];
    args.erase(args.begin());
  }
  auto config = LoadSettings(args, "vigor backup verify");
  if (!config) return 2;
  if (!path) {
    auto all = backup::ListBackups(config->backup_path());
    if (all.empty()) {
      std::cerr << "vigor backup verify: no finished backup in " << config->backup_path().string()
                << "\n";
      return 1;
    }
    path = all.back().dir;
  }
  auto key = backup::BackupKey::Load(config->backup_key_path());
  std::cout << backup::VerifyBackup(*config, *path, key) << std::endl;
  return 0;
}

int List(const std::vector<std::string>& args) {
  auto config = LoadSettings(args, "vigor backup list");
  if (!config) return 2;
  for (const auto& b : backup::ListBackups(config->backup_path())) {
    std::cout << b.dir.string() << "\n";
  }
  return 0;
}

}  // namespace

int Backup(const std::vector<std::string>& args) {
  try {
    if (!args.empty() && args[0] == "verify") {
      return Verify(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    if (!args.empty() && args[0] == "list") {
      return List(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    if (!args.empty() && !args[0].starts_with("--")) {
      std::cerr << kBackupUsage;
      return 2;
    }
    return TakeNow(args);
  } catch (const backup::BackupError& e) {
    std::cerr << "vigor backup: " << e.what() << "\n";
    return 1;
  }
}

int Restore(const std::vector<std::string>& args_in) {
  std::vector<std::string> args = args_in;
  if (args.empty() || args[0].starts_with("--")) {
    std::cerr << kRestoreUsage;
    return 2;
  }
  fs::path path = args[0];
  args.erase(args.begin());
  bool force = TakeSwitch(args, "--force");
  bool has_dir = std::getenv("VIGOR_DATA_DIR") != nullptr;
  for (const auto& a : args) has_dir = has_dir || a == "--data-dir" || a.starts_with("--data-dir=");
  if (!has_dir) {
    std::cerr << "vigor restore: give the new instance's --data-dir\n" << kRestoreUsage;
    return 2;
  }
  auto config = LoadSettings(args, "vigor restore");
  if (!config) return 2;
  try {
    auto key = backup::BackupKey::Load(config->backup_key_path());
    auto did = backup::RestoreBackup(
        path, key,
        {.data_dir = config->data_dir, .database_url = config->database_url, .replace = force});
    for (const auto& line : did) std::cout << line << "\n";
    std::cout << "start it with: vigor serve --data-dir " << config->data_dir.string()
              << (config->postgresql() ? " --database URL" : "") << std::endl;
    return 0;
  } catch (const backup::BackupError& e) {
    std::cerr << "vigor restore: " << e.what() << "\nnothing was restored\n";
    return 1;
  }
}

}  // namespace vigor::cli
