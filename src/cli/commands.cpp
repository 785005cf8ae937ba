#include "cli/commands.hpp"

#include <cstdlib>
#include <iostream>

#include "app/build_app.hpp"
#include "app/build_info.hpp"
#include "cli/backup.hpp"
#include "cli/keys.hpp"
#include "cli/migrate_data.hpp"
#include "features/admin/feature.hpp"
#include "features/nutrition/foods_feature.hpp"
#include "platform/error.hpp"
#include "platform/http/server.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/open_database.hpp"
#include "platform/store/postgres_database.hpp"

namespace vigor::cli {

namespace {

using platform::config::Config;
using platform::config::ConfigError;

void PrintUsage(std::ostream& out) {
  out << "Vigor " << app::Version() << ": a self-hostable fitness tracker.\n\n"
      << "Usage: vigor <command> [settings]\n\n"
      << "Commands:\n"
      << "  serve     run the server (API and web app)\n"
      << "  migrate   apply database migrations and exit\n"
      << "  migrate-data --from SOURCE --to TARGET [--batch-rows N]\n"
      << "            move a whole instance between databases: SOURCE and TARGET are each a\n"
      << "            SQLite data directory or a postgresql:// URL; the target must be empty;\n"
      << "            every table's rows and content are verified after the copy; the source's\n"
      << "            secret.key (or --secret-key-file) is copied to a target data directory\n"
      << "  routes    print the HTTP routes as JSON lines\n"
      << "  user create --username NAME --email ADDRESS [--admin]\n"
      << "            create an account (password read from standard input)\n"
      << "  import-foods FILE\n"
      << "            import an Open Food Facts export (tab-separated, plain or .gz) into the\n"
      << "            shared products, as an admin's food import does, and print its progress\n"
      << "  keys rotate [--batch-rows N] [--resume]\n"
      << "            add a key to the keyring and re-seal every sealed value under it while\n"
      << "            the servers run (--resume: under the newest key, adding none)\n"
      << "  keys status\n"
      << "            the keyring, how many sealed values each key holds, the last rotation\n"
      << "  backup [--to DIR]\n"
      << "            take an encrypted backup of the running instance now (database, instance\n"
      << "            key) into DIR (default --backup-dir, else <data-dir>/backups)\n"
      << "  backup verify [PATH]\n"
      << "            restore drill: check, decrypt and restore PATH (default the newest backup)\n"
      << "            into a temporary place and run the integrity checks\n"
      << "  backup list\n"
      << "            the finished backups, oldest first\n"
      << "  restore PATH --data-dir NEW [--database URL] [--backup-key-file FILE] [--force]\n"
      << "            verify the backup PATH completely, then restore it into a new instance\n"
      << "  version   print the version\n"
      << "  help      show this help\n\n"
      << "Settings:\n"
      << platform::config::SettingsHelp();
}

std::optional<Config> Load(const std::vector<std::string>& args) {
  try {
    return platform::config::LoadConfig(args, [](const char* name) { return std::getenv(name); });
  } catch (const ConfigError& e) {
    std::cerr << "vigor: invalid settings:\n";
    for (const auto& problem : e.problems()) std::cerr << "  " << problem << "\n";
    std::cerr << "Run 'vigor help' for the list of settings.\n";
    return std::nullopt;
  }
}

// Below this many descriptors the server says so at start-up (a few hundred go to the database,
// files and the process itself; the rest to clients).
constexpr std::uint64_t kFewOpenFiles = 4096;

int Serve(const Config& config) {
  platform::obs::Logger logger(config.log_level);
  auto app = app::BuildApp(config, logger);
  platform::http::ServerOptions options{
      .host = config.listen_host,
      .port = config.listen_port,
      .io_threads = config.io_threads,
      .shared_io_context = config.shared_io_context,
      .workers = config.workers,
      .read_workers = config.read_workers > 0       ? config.read_workers
                      : config.database_url.empty() ? config.db_readers
                                                    : config.db_connections,
      .inline_reads_below_micros = config.InlineReadsBelowMicros(),
      .max_header_bytes = config.max_header_bytes,
      .max_body_bytes = config.max_body_bytes,
      .header_timeout = std::chrono::seconds(config.header_timeout_seconds),
      .body_timeout = std::chrono::seconds(config.body_timeout_seconds),
      .idle_timeout = std::chrono::seconds(config.idle_timeout_seconds),
      .write_timeout = std::chrono::seconds(config.write_timeout_seconds),
      .shutdown_timeout = std::chrono::seconds(config.shutdown_timeout_seconds),
      .tls_cert = config.tls_cert,
      .tls_key = config.tls_key,
  };
  auto files = platform::http::RaiseOpenFileLimit();
  logger.Info("open file limit", {{"soft", static_cast<std::int64_t>(files.soft)},
                                  {"hard", static_cast<std::int64_t>(files.hard)},
                                  {"soft_at_start", static_cast<std::int64_t>(files.soft_before)}});
  if (files.soft < kFewOpenFiles) {
    logger.Warn(
        "few file descriptors: each client connection takes one; raise the hard limit "
        "(systemd LimitNOFILE=, ulimit -Hn)",
        {{"soft", static_cast<std::int64_t>(files.soft)}});
  }
  std::optional<platform::http::Server> server;
  try {
    server.emplace(options, *app->http, logger, app->metrics);  // loads the TLS files
  } catch (const std::exception& e) {
    logger.Error("cannot start", {{"error", std::string_view(e.what())}});
    std::cerr << "vigor: " << e.what() << "\n";
    return 1;
  }
  std::uint16_t port;
  try {
    port = server->Listen();
  } catch (const std::exception& e) {
    logger.Error("cannot listen",
                 {{"listen", config.listen_host}, {"error", std::string_view(e.what())}});
    std::cerr << "vigor: cannot listen on " << config.listen_host << ":" << config.listen_port
              << ": " << e.what() << "\n";
    return 1;
  }
  std::string host = config.listen_host.find(':') != std::string::npos
                         ? "[" + config.listen_host + "]"
                         : config.listen_host;
  logger.Info("listening",
              {{"address", host}, {"port", std::int64_t{port}}, {"version", app::Version()}});
  std::cout << "Vigor is running at " << (config.tls() ? "https://" : "http://") << host << ":"
            << port << std::endl;
  server->Run(/*handle_signals=*/true);
  logger.Info("stopped");
  return 0;
}

int Migrate(const Config& config) {
  platform::obs::Logger logger(config.log_level);
  int version = platform::store::MigrateDatabase(config, logger);
  std::string where = config.postgresql() ? platform::store::RedactedUrl(config.database_url)
                                          : config.database_path().string();
  std::cout << "database " << where << " is at schema version " << version << std::endl;
  return 0;
}

int Routes(Config config) {
  // The real router, built against a throwaway database.
  char dir_template[] = "/tmp/vigor-routes-XXXXXX";
  const char* dir = mkdtemp(dir_template);
  if (dir == nullptr) return 1;
  config.data_dir = dir;
  config.database_url.clear();  // never touch a configured PostgreSQL for this
  config.web_dir.clear();
  {
    platform::obs::Logger logger(platform::obs::LogLevel::kError);
    auto app = app::BuildApp(config, logger, /*start_background=*/false);
    for (const auto& route : app->http->router().routes()) {
      std::string line = "{\"method\":";
      platform::obs::AppendJsonString(line, platform::http::MethodName(route.spec.method));
      line += ",\"path\":";
      platform::obs::AppendJsonString(line, route.spec.path);
      line += ",\"scope\":";
      platform::obs::AppendJsonString(line, route.spec.scope);
      line += ",\"blocking\":";
      line += route.spec.blocking ? "true" : "false";
      line += "}";
      std::cout << line << "\n";
    }
  }
  std::filesystem::remove_all(dir);
  return 0;
}

int UserCreate(const std::vector<std::string>& args) {
  std::string username;
  std::string email;
  bool admin = false;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--admin") {
      admin = true;
    } else if ((args[i] == "--username" || args[i] == "--email") && i + 1 < args.size()) {
      (args[i] == "--username" ? username : email) = args[i + 1];
      ++i;
    } else {
      rest.push_back(args[i]);
    }
  }
  if (username.empty() || email.empty()) {
    std::cerr << "vigor user create: --username and --email are required\n";
    return 2;
  }
  auto config = Load(rest);
  if (!config) return 2;
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    std::cerr << "vigor user create: give the password on standard input (one line)\n";
    return 2;
  }
  platform::obs::Logger logger(platform::obs::LogLevel::kWarn);
  auto app = app::BuildApp(*config, logger, /*start_background=*/false);
  try {
    auto user = app->Get<features::admin::AdminFeature>().service().CreateUserFromConsole(
        username, email, password, admin);
    std::cout << "created " << (admin ? "admin " : "user ") << user.username << " (" << user.id
              << ")" << std::endl;
    return 0;
  } catch (const platform::Error& e) {
    std::cerr << "vigor user create: " << e.detail() << "\n";
    for (const auto& f : e.fields())
      std::cerr << "  " << f.field << ": " << f.message.English() << "\n";
    return 1;
  }
}

// vigor import-foods FILE [settings]: the admin's food import, run here and now.
int ImportFoods(const std::vector<std::string>& args) {
  if (args.empty() || args[0].starts_with("--")) {
    std::cerr << "vigor: usage: vigor import-foods FILE [settings]\n";
    return 2;
  }
  std::filesystem::path file = args[0];
  auto config = Load(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!config) return 2;
  if (!std::filesystem::is_regular_file(file)) {
    std::cerr << "vigor import-foods: no file " << file.string() << "\n";
    return 2;
  }
  platform::obs::Logger logger(platform::obs::LogLevel::kWarn);
  auto app = app::BuildApp(*config, logger, /*start_background=*/false);
  auto& foods = app->Get<features::nutrition::FoodsFeature>().service();
  auto report = [](const features::nutrition::FoodImport& i) {
    std::cout << i.bytes_read << " of " << i.bytes_total << " bytes, " << i.rows_read
              << " rows: " << i.foods_added << " added, " << i.foods_updated << " updated, "
              << i.rows_rejected << " rejected" << std::endl;
  };
  try {
    // Each committed batch is reported, the last one included.
    auto done = foods.ImportFile(file, report);
    for (const auto& r : done.rejected_examples) {
      std::cout << "  line " << r.line << ": " << r.reason << "\n";
    }
    if (done.error) std::cout << *done.error << "\n";
    return 0;
  } catch (const platform::jobs::JobFailed& e) {
    std::cerr << "vigor import-foods: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int Main(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    PrintUsage(std::cout);
    return args.empty() ? 2 : 0;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const auto& a : rest) {
    if (a == "--help" || a == "-h") {
      PrintUsage(std::cout);
      return 0;
    }
  }
  if (command == "version" || command == "--version") {
    std::cout << "vigor " << app::Version() << std::endl;
    return 0;
  }
  if (command == "user") {
    if (rest.empty() || rest[0] != "create") {
      std::cerr << "vigor: usage: vigor user create --username NAME --email ADDRESS [--admin]\n";
      return 2;
    }
    try {
      return UserCreate(std::vector<std::string>(rest.begin() + 1, rest.end()));
    } catch (const std::exception& e) {
      std::cerr << "vigor: " << e.what() << "\n";
      return 1;
    }
  }
  if (command == "migrate-data") {
    try {
      return MigrateData(rest);
    } catch (const std::exception& e) {
      std::cerr << "vigor migrate-data: " << e.what() << "\n";
      return 1;
    }
  }
  if (command == "keys") {
    try {
      return Keys(rest);
    } catch (const std::exception& e) {
      std::cerr << "vigor keys: " << e.what() << "\n";
      return 1;
    }
  }
  if (command == "backup" || command == "restore") {
    try {
      return command == "backup" ? Backup(rest) : Restore(rest);
    } catch (const std::exception& e) {
      std::cerr << "vigor " << command << ": " << e.what() << "\n";
      return 1;
    }
  }
  if (command == "import-foods") {
    try {
      return ImportFoods(rest);
    } catch (const std::exception& e) {
      std::cerr << "vigor import-foods: " << e.what() << "\n";
      return 1;
    }
  }
  if (command != "serve" && command != "migrate" && command != "routes") {
    std::cerr << "vigor: unknown command '" << command << "'\n\n";
    PrintUsage(std::cerr);
    return 2;
  }
  auto config = Load(rest);
  if (!config) return 2;
  try {
    if (command == "serve") return Serve(*config);
    if (command == "migrate") return Migrate(*config);
    return Routes(*config);
  } catch (const std::exception& e) {
    std::cerr << "vigor: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace vigor::cli
