#include "platform/config/config.hpp"

#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include "platform/http/trusted_proxies.hpp"

namespace vigor::platform::config {

namespace {

// Applies a textual value to the config; returns an error message or nothing.
using Apply = std::function<std::optional<std::string>(Config&, const std::string&)>;

struct Setting {
  std::string name;  // flag name without dashes, e.g. "data-dir"
  std::string value_hint;
  std::string help;
  bool is_switch;  // a flag that may be given without a value (means true)
  Apply apply;
};

std::optional<long long> ParseInt(const std::string& text) {
  long long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

template <class T>
Apply IntSetting(T Config::*member, long long min, long long max) {
  return [=](Config& c, const std::string& v) -> std::optional<std::string> {
    auto n = ParseInt(v);
    if (!n || *n < min || *n > max) {
      return "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    }
    c.*member = static_cast<T>(*n);
    return std::nullopt;
  };
}

Apply BoolSetting(bool Config::*member) {
  return [=](Config& c, const std::string& v) -> std::optional<std::string> {
    if (v == "true" || v == "1" || v == "yes" || v == "on") {
      c.*member = true;
    } else if (v == "false" || v == "0" || v == "no" || v == "off") {
      c.*member = false;
    } else {
      return "must be true or false";
    }
    return std::nullopt;
  };
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      {"listen", "HOST:PORT", "address to serve on (default 127.0.0.1:8080)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         auto colon = v.rfind(':');
         if (colon == std::string::npos || colon == 0) return "must be HOST:PORT";
         std::string host = v.substr(0, colon);
         if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
           host = host.substr(1, host.size() - 2);
         }
         auto port = ParseInt(v.substr(colon + 1));
         if (!port || *port < 0 || *port > 65535) return "port must be from 0 to 65535";
         bool plausible = !host.empty() && host.find_first_of(" /\\") == std::string::npos;
         bool ipv4 = host.find_first_not_of("0123456789.") == std::string::npos;
         bool ipv6 = host.find(':') != std::string::npos;
         if (!plausible || (!ipv4 && !ipv6 && host != "localhost")) {
           return "host must be an IP address (e.g. 127.0.0.1 or 0.0.0.0) or localhost";
         }
         c.listen_host = host == "localhost" ? "127.0.0.1" : host;
         c.listen_port = static_cast<std::uint16_t>(*port);
         return std::nullopt;
       }},
      {"data-dir", "DIR", "where the database and files live (default ./var)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v.empty()) return "must not be empty";
         c.data_dir = v;
         return std::nullopt;
       }},
      {"web-dir", "DIR", "the built web app to serve (default ./web/dist)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         c.web_dir = v;
         return std::nullopt;
       }},
      {"instance-name", "NAME", "the name shown to users (default Vigor)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v.empty() || v.size() > 64) return "must be 1 to 64 characters";
         c.instance_name = v;
         return std::nullopt;
       }},
      {"registration", "MODE", "open | closed | invite_only | approval (default open)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v != "open" && v != "closed" && v != "invite_only" && v != "approval") {
           return "must be one of open, closed, invite_only, approval";
         }
         c.registration = v;
         return std::nullopt;
       }},
      {"io-threads", "N", "threads serving sockets (default: number of cores)", false,
       IntSetting(&Config::io_threads, 1, 256)},
      {"io-model", "MODEL", "per-thread (one event loop per thread) | shared (default per-thread)",
       false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v != "per-thread" && v != "shared") return "must be per-thread or shared";
         c.shared_io_context = v == "shared";
         return std::nullopt;
       }},
      {"workers", "N", "threads for database work (default 32)", false,
       IntSetting(&Config::workers, 1, 1024)},
      {"read-workers", "N",
       "threads for reading requests (GET, HEAD); default: as many as the database's read "
       "connections (--db-readers, or --db-connections on PostgreSQL)",
       false, IntSetting(&Config::read_workers, 1, 1024)},
      {"inline-reads-below-micros", "N",
       "a read (GET, HEAD) whose route lately took less than N microseconds runs on the I/O "
       "thread instead of a worker (default 500 on SQLite, 50 on PostgreSQL; 0: never)",
       false, IntSetting(&Config::inline_reads_below_micros, 0, 100'000)},
      {"credential-cache-seconds", "N",
       "seconds a signed-in session or token is remembered without reading the database; a "
       "revocation or sign-out in this process applies at once, one by another process or "
       "instance within N seconds (default 5; 0: read the database on every request)",
       false, IntSetting(&Config::credential_cache_seconds, 0, 300)},
      {"db-readers", "N", "SQLite: read connections to the database (default 4)", false,
       IntSetting(&Config::db_readers, 1, 256)},
      {"database", "URL",
       "PostgreSQL to use instead of SQLite, e.g. postgresql://vigor@127.0.0.1:5432/vigor"
       "?sslmode=verify-full; several hosts (postgresql://vigor@db1:5432,db2:5432/vigor) name a "
       "cluster, whose primary is found again after a failover (default: SQLite under "
       "--data-dir)",
       false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (!v.empty() && !v.starts_with("postgresql://") && !v.starts_with("postgres://")) {
           return "must be a postgresql:// URL";
         }
         c.database_url = v;
         return std::nullopt;
       }},
      {"db-connections", "N", "PostgreSQL: connections in the pool (default 16)", false,
       IntSetting(&Config::db_connections, 1, 1000)},
      {"db-statement-timeout", "MS",
       "PostgreSQL: longest a statement may run before it is cancelled (default 15000)", false,
       IntSetting(&Config::db_statement_timeout_ms, 100, 3600 * 1000)},
      {"database-replica", "URL",
       "PostgreSQL: a streaming replica of --database for reads of other people's data (feed, "
       "leaderboards, profiles, search), used once it has replayed every write acknowledged "
       "before the read, e.g. postgresql://vigor@db2:5432,db3:5432/vigor"
       "?target_session_attrs=prefer-standby (default: none, every read on the primary)",
       false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (!v.empty() && !v.starts_with("postgresql://") && !v.starts_with("postgres://")) {
           return "must be a postgresql:// URL";
         }
         c.database_replica_url = v;
         return std::nullopt;
       }},
      {"database-replica-wait", "MS",
       "PostgreSQL: how long a read waits for the replica to catch up before it goes to the "
       "primary instead (default 50)",
       false, IntSetting(&Config::db_replica_wait_ms, 0, 10'000)},
      {"max-header-bytes", "BYTES", "largest request header (default 16384)", false,
       IntSetting(&Config::max_header_bytes, 1024, 1024 * 1024)},
      {"max-body-bytes", "BYTES", "largest request body for ordinary routes (default 1048576)",
       false, IntSetting(&Config::max_body_bytes, 1024, 64LL * 1024 * 1024)},
      {"header-timeout", "SECONDS", "time allowed for a request's header (default 10)", false,
       IntSetting(&Config::header_timeout_seconds, 1, 600)},
      {"body-timeout", "SECONDS", "time allowed for a request's body (default 60)", false,
       IntSetting(&Config::body_timeout_seconds, 1, 3600)},
      {"idle-timeout", "SECONDS", "keep-alive wait for the next request (default 60)", false,
       IntSetting(&Config::idle_timeout_seconds, 1, 3600)},
      {"write-timeout", "SECONDS",
       "time allowed to send one response to a client that does not read it (default 30)", false,
       IntSetting(&Config::write_timeout_seconds, 1, 3600)},
      {"shutdown-timeout", "SECONDS", "time given to requests in flight at shutdown (default 30)",
       false, IntSetting(&Config::shutdown_timeout_seconds, 0, 3600)},
      {"event-streams-per-user", "N",
       "live event streams (browser tabs) one user may hold open (default 8)", false,
       IntSetting(&Config::event_streams_per_user, 1, 1000)},
      {"event-streams", "N", "live event streams this instance holds open at most (default 1000)",
       false, IntSetting(&Config::event_streams, 1, 1'000'000)},
      {"event-heartbeat", "SECONDS",
       "quiet time after which a live event stream gets a heartbeat line (default 20)", false,
       IntSetting(&Config::event_heartbeat_seconds, 1, 300)},
      {"log-level", "LEVEL", "debug | info | warn | error (default info)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (!obs::ParseLogLevel(v, c.log_level)) return "must be debug, info, warn or error";
         return std::nullopt;
       }},
      {"access-log", "BOOL", "log every request (default true)", true,
       BoolSetting(&Config::access_log)},
      {"conditional-gets", "BOOL",
       "ETag on the API's JSON reads and 304 Not Modified for If-None-Match (default true; "
       "false only to measure what they cost)",
       true, BoolSetting(&Config::conditional_gets)},
      {"trusted-proxies", "LIST",
       "reverse proxies whose X-Forwarded-For names the client, e.g. 127.0.0.1,10.0.0.0/8 "
       "(default none)",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 std::string error;
                                                 if (!platform::http::TrustedProxies::Parse(v,
                                                                                            error))
                                                   return error;
                                                 c.trusted_proxies = v;
                                                 return std::nullopt;
                                               }},
      {"public-url", "URL", "the address users reach Vigor at, e.g. https://vigor.example", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (!(v.starts_with("http://") || v.starts_with("https://")) || v.size() < 10 ||
             v.find_first_of(" \"'<>") != std::string::npos) {
           return "must be an http:// or https:// URL";
         }
         c.public_url = v.back() == '/' ? v.substr(0, v.size() - 1) : v;
         return std::nullopt;
       }},
      {"tls-cert", "FILE", "PEM certificate chain: serve HTTPS directly (with --tls-key)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         c.tls_cert = v;
         return std::nullopt;
       }},
      {"tls-key", "FILE", "PEM private key for --tls-cert", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         c.tls_key = v;
         return std::nullopt;
       }},
      {"smtp-url", "URL", "smtp://host:port or smtps://host:port (default: write mails to files)",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 if (!v.empty() && !v.starts_with("smtp://") &&
                                                     !v.starts_with("smtps://")) {
                                                   return "must start with smtp:// or smtps://";
                                                 }
                                                 c.smtp_url = v;
                                                 return std::nullopt;
                                               }},
      {"smtp-from", "ADDRESS", "sender address of Vigor's mails (default vigor@localhost)", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v.find('@') == std::string::npos || v.find_first_of("\r\n") != std::string::npos) {
           return "must be an email address";
         }
         c.smtp_from = v;
         return std::nullopt;
       }},
      {"smtp-username", "NAME", "SMTP login, if the server needs one", false,
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         c.smtp_username = v;
         return std::nullopt;
       }},
      {"smtp-password-file", "FILE", "file holding the SMTP password (never on the command line)",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 c.smtp_password_file = v;
                                                 return std::nullopt;
                                               }},
      {"smtp-require-tls", "BOOL", "refuse to send mail without TLS (default false)", true,
       BoolSetting(&Config::smtp_require_tls)},
      {"secret-key-file", "FILE", "key sealing secrets at rest (default <data-dir>/secret.key)",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 c.secret_key_file = v;
                                                 return std::nullopt;
                                               }},
      {"session-idle-hours", "N", "sign-in sessions end after this long unused (default 168)",
       false, IntSetting(&Config::session_idle_hours, 1, 24 * 365)},
      {"session-absolute-hours", "N", "sign-in sessions end this long after sign-in (default 720)",
       false, IntSetting(&Config::session_absolute_hours, 1, 24 * 365)},
      {"password-memory-kib", "KIB", "Argon2id memory per hash (default 19456, the OWASP minimum)",
       false, IntSetting(&Config::password_memory_kib, 8, 4 * 1024 * 1024)},
      {"password-iterations", "N", "Argon2id iterations (default 2)", false,
       IntSetting(&Config::password_iterations, 1, 100)},
      {"password-concurrency", "N", "password hashes computed at once (default 2)", false,
       IntSetting(&Config::password_concurrency, 1, 64)},
      {"enable-write-probe", "BOOL",
       "serve /diagnostics/write-probe, to check that writes survive crashes (default false)", true,
       BoolSetting(&Config::enable_write_probe)},
      {"webhooks-allow-private", "BOOL",
       "let webhooks reach loopback and private network addresses (default false: refused)", true,
       BoolSetting(&Config::webhooks_allow_private)},
      {"webhooks-retry-base", "SECONDS",
       "delay before a failed webhook delivery's first retry; later ones wait 4, 20, 120 and 720 "
       "times as long (default 30)",
       false, IntSetting(&Config::webhooks_retry_base_seconds, 0, 3600)},
      {"job-lease-seconds", "SECONDS",
       "lease of a running background job, renewed while it runs; another instance takes over the "
       "job of a dead one within this time (default 30)",
       false, IntSetting(&Config::job_lease_seconds, 3, 3600)},
      {"food-import-dir", "DIR",
       "where an admin's Open Food Facts exports are read from (default <data-dir>/food-imports)",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 c.food_import_dir = v;
                                                 return std::nullopt;
                                               }},
      {"backup-dir", "DIR",
       "where vigor serve keeps scheduled backups (default: none, no scheduled backups; vigor "
       "backup without --to uses <data-dir>/backups)",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 c.backup_dir = v;
                                                 return std::nullopt;
                                               }},
      {"backup-key-file", "FILE",
       "the key backups are encrypted with, created on first use (default <data-dir>/backup.key); "
       "keep a copy away from this machine",
       false,
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 c.backup_key_file = v;
                                                 return std::nullopt;
                                               }},
      {"backup-interval-minutes", "N", "time between scheduled backups (default 1440: daily)",
       false, IntSetting(&Config::backup_interval_minutes, 1, 7 * 24 * 60)},
      {"backup-keep-daily", "N",
       "scheduled backups kept: the newest of each of the last N days that have one (default 7)",
       false, IntSetting(&Config::backup_keep_daily, 0, 3660)},
      {"backup-keep-weekly", "N",
       "and the newest of each of the last N weeks that have one (default 4)", false,
       IntSetting(&Config::backup_keep_weekly, 0, 520)},
      {"backup-verify-interval-minutes", "N",
       "time between restore drills of the newest backup (default 1440; 0: none)", false,
       IntSetting(&Config::backup_verify_interval_minutes, 0, 31 * 24 * 60)},
  };
  return kSettings;
}

const Setting* FindSetting(std::string name) {
  for (auto& ch : name) {
    if (ch == '_') ch = '-';
  }
  for (const auto& s : Settings()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string EnvName(const std::string& name) {
  std::string env = "VIGOR_";
  for (char ch : name) env.push_back(ch == '-' ? '_' : static_cast<char>(std::toupper(ch)));
  return env;
}

// One message from its pieces, built in place (a chain of + makes a temporary per piece).
template <class... Pieces>
std::string Concat(const Pieces&... pieces) {
  std::string text;
  (text.append(pieces), ...);
  return text;
}

std::string Trim(std::string s) {
  auto start = s.find_first_not_of(" \t\r");
  if (start == std::string::npos) return {};
  auto end = s.find_last_not_of(" \t\r");
  s = s.substr(start, end - start + 1);
  if (s.size() >= 2 &&
      ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\''))) {
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

}  // namespace

Config LoadConfig(const std::vector<std::string>& args, const EnvLookup& env) {
  Config config;
  config.io_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> problems;

  // 1. Flags, kept aside: they win, so they are applied last.
  std::vector<std::pair<const Setting*, std::string>> flags;
  std::optional<std::string> config_path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("--")) {
      problems.push_back("unexpected argument '" + arg + "'");
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name == "config") {
      if (!value) {
        if (i + 1 >= args.size()) {
          problems.emplace_back("--config: needs a file path");
          continue;
        }
        value = args[++i];
      }
      config_path = *value;
      continue;
    }
    const Setting* setting = FindSetting(name);
    if (setting == nullptr || name.find('_') != std::string::npos) {
      problems.push_back("--" + name + ": unknown setting");
      // Its value, if any, is not a separate mistake.
      if (!value && i + 1 < args.size() && !args[i + 1].starts_with("--")) ++i;
      continue;
    }
    if (!value) {
      bool next_is_value = i + 1 < args.size() && !args[i + 1].starts_with("--");
      if (setting->is_switch && !next_is_value) {
        value = "true";
      } else if (!next_is_value) {
        problems.push_back("--" + name + ": needs a value (" + setting->value_hint + ")");
        continue;
      } else {
        value = args[++i];
      }
    }
    flags.emplace_back(setting, *value);
  }

  // 2. The config file (--config, else VIGOR_CONFIG): lowest precedence.
  if (!config_path) {
    if (const char* p = env("VIGOR_CONFIG"); p && *p) config_path = p;
  }
  if (config_path) {
    config.config_file = *config_path;
    std::ifstream in(*config_path);
    if (!in) {
      problems.push_back("config file " + *config_path + ": cannot be read");
    } else {
      std::string line;
      int number = 0;
      while (std::getline(in, line)) {
        ++number;
        std::string text = Trim(line);
        if (text.empty() || text.front() == '#') continue;
        std::string where = *config_path + ":" + std::to_string(number);
        auto eq = text.find('=');
        if (eq == std::string::npos) {
          problems.push_back(where + ": expected 'key = value'");
          continue;
        }
        std::string key = Trim(text.substr(0, eq));
        std::string value = Trim(text.substr(eq + 1));
        const Setting* setting = FindSetting(key);
        if (setting == nullptr) {
          problems.push_back(Concat(where, ": unknown setting '", key, "'"));
          continue;
        }
        if (auto error = setting->apply(config, value)) {
          problems.push_back(Concat(where, ": ", key, " ", *error, " (got '", value, "')"));
        }
      }
    }
  }

  // 3. Environment, over the file.
  for (const auto& setting : Settings()) {
    std::string name = EnvName(setting.name);
    const char* value = env(name.c_str());
    if (value == nullptr) continue;
    if (auto error = setting.apply(config, value)) {
      problems.push_back(name + ": " + *error + " (got '" + value + "')");
    }
  }

  // The keyring, from the environment only: a key given as a flag would show in process
  // listings, one in the config file would travel with copies of it.
  if (const char* keys = env("VIGOR_SECRET_KEYS"); keys && *keys) config.secret_keys = keys;

  // 4. Flags, over everything.
  for (const auto& [setting, value] : flags) {
    if (auto error = setting->apply(config, value)) {
      problems.push_back("--" + setting->name + ": " + *error + " (got '" + value + "')");
    }
  }

  if (!config.database_replica_url.empty() && config.database_url.empty()) {
    problems.emplace_back("--database-replica: needs --database (a replica of that PostgreSQL)");
  }
  if (config.tls_cert.empty() != config.tls_key.empty()) {
    problems.emplace_back("--tls-cert and --tls-key: give both or neither");
  }
  if (!problems.empty()) throw ConfigError(std::move(problems));
  return config;
}

std::string Config::effective_public_url() const {
  if (!public_url.empty()) return public_url;
  std::string host = listen_host == "0.0.0.0" || listen_host == "::" ? "127.0.0.1" : listen_host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return std::string(tls() ? "https://" : "http://") + host + ":" + std::to_string(listen_port);
}

std::string SettingsHelp() {
  std::string out;
  out +=
      "  --config FILE                   read settings from FILE ('key = value' lines)  "
      "[VIGOR_CONFIG]\n";
  for (const auto& s : Settings()) {
    std::string flag = "  --" + s.name + " " + s.value_hint;
    flag.resize(std::max<std::size_t>(flag.size() + 2, 34), ' ');
    out += flag + s.help + "  [" + EnvName(s.name) + "]\n";
  }
  out +=
      "  VIGOR_SECRET_KEYS               the keyring instead of a key file, 'k1:KEY,k2:KEY' "
      "(environment only)\n";
  out += "\nPrecedence: flags, then VIGOR_* environment variables, then the config file.\n";
  return out;
}

}  // namespace vigor::platform::config
