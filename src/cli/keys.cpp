#include "cli/keys.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "app/build_app.hpp"
#include "platform/crypto/key_rotation.hpp"
#include "platform/crypto/secret_box.hpp"

namespace vigor::cli {

namespace {

using platform::crypto::KeyRotation;
using platform::crypto::KeyStatus;

constexpr std::string_view kUsage =
    "usage: vigor keys rotate [--batch-rows N] [--resume] [settings]\n"
    "       vigor keys status [settings]\n";

// Servers re-read the key file within a second of it changing; the last pass starts after this
// so that a value a server sealed under the old key just before is still caught.
constexpr std::chrono::seconds kSettle{3};

std::optional<platform::config::Config> LoadSettings(const std::vector<std::string>& args) {
  try {
    return platform::config::LoadConfig(args, [](const char* name) { return std::getenv(name); });
  } catch (const platform::config::ConfigError& e) {
    std::cerr << "vigor keys: invalid settings:\n";
    for (const auto& problem : e.problems()) std::cerr << "  " << problem << "\n";
    return std::nullopt;
  }
}

std::string Source(const platform::config::Config& config) {
  return config.secret_keys.empty() ? "key file " + config.secret_key_path().string()
                                    : std::string("VIGOR_SECRET_KEYS");
}

void PrintStatus(const KeyStatus& status, const platform::config::Config& config) {
  std::cout << "keyring (" << Source(config) << "):";
  for (const auto& id : status.ring) std::cout << " " << id;
  std::cout << "; " << status.ring.back() << " seals new values\n";
  std::int64_t under_old = 0;
  std::int64_t unknown = 0;
  for (const auto& column : status.columns) {
    std::cout << "  " << column.column.table << "." << column.column.column << " ("
              << column.column.what << "): " << column.total << " values";
    for (const auto& [id, n] : column.by_key) {
      if (n == 0 && id != status.ring.back()) continue;
      std::cout << ", " << n << " under " << id;
      if (id == "other") {
        unknown += n;
      } else if (id != status.ring.back()) {
        under_old += n;
      }
    }
    std::cout << "\n";
  }
  if (const auto& r = status.last_rotation) {
    std::cout << "last rotation: to " << r->target_key_id << ", started " << r->started_at;
    if (r->finished_at) {
      std::cout << ", finished " << *r->finished_at;
    } else if (status.rotation_running) {
      std::cout << ", RUNNING (heartbeat " << r->heartbeat_at << ")";
    } else {
      std::cout << ", INTERRUPTED (last heartbeat " << r->heartbeat_at
                << "): run 'vigor keys rotate --resume'";
    }
    std::cout << "; " << r->resealed << " values re-sealed, " << r->unreadable << " unreadable\n";
  } else {
    std::cout << "no rotation yet\n";
  }
  if (under_old == 0 && status.ring.size() > 1 && !status.rotation_running) {
    std::cout << "no value is under an older key: the older keys may leave the ring (see "
                 "docs/operations.md, \"Keys and encryption at rest\")\n";
  } else if (under_old > 0) {
    std::cout << under_old << " values are under older keys: keep them in the ring\n";
  }
  if (unknown > 0) {
    std::cout << unknown << " values are under no key of the ring (or not sealed)\n";
  }
}

int Status(const std::vector<std::string>& args) {
  auto config = LoadSettings(args);
  if (!config) return 2;
  platform::obs::Logger logger(platform::obs::LogLevel::kWarn);
  auto app = app::BuildApp(*config, logger, /*start_background=*/false);
  KeyRotation rotation(*app->database, *app->secrets, app->sealed_columns);
  PrintStatus(rotation.Status(), *config);
  return 0;
}

int Rotate(const std::vector<std::string>& args) {
  int batch_rows = 200;
  bool resume = false;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--resume") {
      resume = true;
    } else if (args[i] == "--batch-rows" && i + 1 < args.size()) {
      char* end = nullptr;
      long n = std::strtol(args[i + 1].c_str(), &end, 10);
      if (*end != '\0' || n < 1 || n > 10000) {
        std::cerr << "vigor keys rotate: --batch-rows takes 1 to 10000\n";
        return 2;
      }
      batch_rows = static_cast<int>(n);
      ++i;
    } else {
      rest.push_back(args[i]);
    }
  }
  auto config = LoadSettings(rest);
  if (!config) return 2;
  platform::obs::Logger logger(platform::obs::LogLevel::kWarn);
  auto app = app::BuildApp(*config, logger, /*start_background=*/false);
  KeyRotation rotation(*app->database, *app->secrets, app->sealed_columns);
  if (rotation.Status().rotation_running) {
    std::cerr << "vigor keys rotate: another rotation is running ('vigor keys status')\n";
    return 1;
  }
  if (!config->secret_keys.empty()) {
    std::cout << "keyring from VIGOR_SECRET_KEYS: re-sealing under its newest key, "
              << app->secrets->CurrentKeyId() << " (give every server the new ring first)\n";
  } else if (resume) {
    std::cout << "re-sealing under the newest key of " << Source(*config) << ", "
              << app->secrets->CurrentKeyId() << "\n";
  } else {
    std::string id = platform::crypto::SecretBox::AppendKey(config->secret_key_path());
    std::cout << "added key " << id << " to " << Source(*config)
              << "; running servers seal under it within a second\n";
  }
  auto last_print = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto record = rotation.Run(batch_rows, kSettle, [&](const platform::crypto::RotationProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_print < std::chrono::seconds(1)) return;
    last_print = now;
    std::cout << "pass " << p.pass << ": " << p.column << ", " << p.resealed
              << " values re-sealed so far" << std::endl;
  });
  std::cout << "rotation to " << record.target_key_id << " finished: " << record.resealed
            << " values re-sealed";
  if (record.unreadable > 0) {
    std::cout << ", " << record.unreadable << " UNREADABLE values left as they were";
  }
  std::cout << "\n";
  PrintStatus(rotation.Status(), *config);
  return record.unreadable > 0 ? 1 : 0;
}

}  // namespace

int Keys(const std::vector<std::string>& args) {
  if (args.empty() || (args[0] != "rotate" && args[0] != "status")) {
    std::cerr << "vigor keys: " << kUsage;
    return 2;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  return args[0] == "rotate" ? Rotate(rest) : Status(rest);
}

}  // namespace vigor::cli
