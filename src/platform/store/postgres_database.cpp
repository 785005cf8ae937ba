#include "platform/store/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "platform/obs/log.hpp"
#include "platform/store/migrations.hpp"

namespace vigor::platform::store {

namespace {

// PostgreSQL type OIDs (pg_type.dat) of the columns converted to something other than text.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

// Any key for pg_advisory_xact_lock that other software on the database is unlikely to use.
constexpr long long kMigrationLockKey = 0x76696730;  // "vig0"

// A deadlock or serialization failure: the transaction may simply be run again.
class RetryableConflict : public StorageUnavailable {
 public:
  using StorageUnavailable::StorageUnavailable;
};

// The server or the connection to it failed: the connection is no longer usable.
class ConnectionLost : public StorageUnavailable {
 public:
  using StorageUnavailable::StorageUnavailable;
};

std::string Trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Turns a failed result into the storage contract's exceptions, by SQLSTATE class.
[[noreturn]] void ThrowResult(PGconn* conn, const PGresult* result, std::string_view what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string message = std::string(what) + ": " +
                        Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  if (PQstatus(conn) == CONNECTION_BAD || code.starts_with("08") || code == "57P01" ||
      code == "57P02" || code == "57P03") {
    throw ConnectionLost(message);
  }
  if (code.starts_with("23")) throw ConstraintViolation(message);
  if (code == "40001" || code == "40P01") throw RetryableConflict(message);
  // Out of resources (disk full, too many connections), lock or statement timeouts, read-only
  // (a replica after failover), system errors: the database cannot serve now, a retry may work.
  if (code.starts_with("53") || code.starts_with("58") || code == "55P03" || code == "57014" ||
      code == "25006" || code == "57P04" || code.empty()) {
    throw StorageUnavailable(message);
  }
  throw std::runtime_error(message);
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string DecodeByteaHex(const char* text, std::size_t length) {
  // Text output of bytea with bytea_output = 'hex' (set on every connection): \x then hex pairs.
  if (length < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, length);
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  };
  std::string bytes;
  bytes.reserve((length - 2) / 2);
  for (std::size_t i = 2; i + 1 < length; i += 2) {
    bytes.push_back(static_cast<char>((nibble(text[i]) << 4) | nibble(text[i + 1])));
  }
  return bytes;
}

Value ParseValue(Oid type, const char* text, std::size_t length) {
  switch (type) {
    case kInt8Oid:
    case kInt4Oid:
    case kInt2Oid: {
      std::int64_t n = 0;
      std::from_chars(text, text + length, n);
      return n;
    }
    case kFloat8Oid:
    case kFloat4Oid:
    case kNumericOid: {
      double d = 0;
      // float8out writes the shortest text that reads back to the same double (PostgreSQL 12+).
      auto [end, ec] = std::from_chars(text, text + length, d);
      if (ec != std::errc{}) d = std::strtod(std::string(text, length).c_str(), nullptr);
      return d;
    }
    case kBoolOid:
      return std::int64_t{length > 0 && text[0] == 't' ? 1 : 0};
    case kByteaOid:
      return DecodeByteaHex(text, length);
    default:
      return std::string(text, length);
  }
}

// A parameter as text: integers in decimal, doubles as the shortest text that reads back to the
// same value (float8in parses it exactly).
std::string FormatParam(const Value& v) {
  char buf[32];
  if (auto* n = std::get_if<std::int64_t>(&v)) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *n);
    return std::string(buf, end);
  }
  auto d = std::get<double>(v);
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

thread_local bool tl_in_write = false;

// One libpq connection with its prepared statements. Used by one thread at a time.
class Connection final : public Session {
 public:
  Connection(const std::string& url, int statement_timeout_ms) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = Trimmed(PQerrorMessage(conn_));
      PQfinish(conn_);
      conn_ = nullptr;
      throw ConnectionLost("cannot connect to PostgreSQL at " + RedactedUrl(url) + ": " + message);
    }
    // Notices ("relation already exists, skipping") are not errors: keep them off stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    PQsetClientEncoding(conn_, "UTF8");
    Exec("SET statement_timeout = " + std::to_string(statement_timeout_ms));
    Exec("SET bytea_output = 'hex'");
    Exec("SET application_name = 'vigor'");
    // An acknowledged write must be durable: never let a server default turn that off. Stronger
    // settings an operator chose (remote_write, remote_apply) are kept.
    Result setting(PQexec(conn_, "SHOW synchronous_commit"));
    if (PQresultStatus(setting.get()) == PGRES_TUPLES_OK && PQntuples(setting.get()) == 1) {
      std::string value = PQgetvalue(setting.get(), 0, 0);
      if (value == "off" || value == "local") Exec("SET synchronous_commit = on");
    }
  }

  ~Connection() override { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // SQL with no parameters, possibly several statements (transaction control, migrations).
  void Exec(const std::string& sql) {
    Result result(PQexec(conn_, sql.c_str()));
    auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      ThrowResult(conn_, result.get(), sql.size() > 60 ? sql.substr(0, 60) + "..." : sql);
    }
  }

  bool usable() const { return PQstatus(conn_) == CONNECTION_OK; }
  bool in_transaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

  std::vector<Row> QueryParams(const Statement& statement, std::span<const Value> params) override {
    auto [result, prepared] = Run(statement, params);
    int rows = PQntuples(result.get());
    int columns = PQnfields(result.get());
    std::vector<Row> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          values.emplace_back(nullptr);
        } else {
          values.push_back(ParseValue(prepared->column_types[c], PQgetvalue(result.get(), r, c),
                                      static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
        }
      }
      out.emplace_back(prepared->columns, std::move(values));
    }
    return out;
  }

  std::int64_t ExecuteParams(const Statement& statement, std::span<const Value> params) override {
    auto [result, prepared] = Run(statement, params);
    const char* changed = PQcmdTuples(result.get());
    std::int64_t n = 0;
    if (changed && *changed) std::from_chars(changed, changed + std::strlen(changed), n);
    return n;
  }

  std::uint64_t statement_count() const override { return statement_count_; }

 private:
  struct Prepared {
    std::string name;
    std::vector<Oid> param_types;
    std::vector<Oid> column_types;
    std::shared_ptr<const ColumnNames> columns;
  };

  // Parameter types come from the values of the first call with that shape: integers int8,
  // doubles float8, text text, bytes bytea; a NULL is left for the server to infer from where it
  // stands, and declared text where it cannot ("$2 IS NULL OR ..."). A statement is prepared once
  // per shape: the SQL text plus those types.
  static Oid TypeOf(const Value& v) {
    if (std::holds_alternative<std::int64_t>(v)) return kInt8Oid;
    if (std::holds_alternative<double>(v)) return kFloat8Oid;
    if (std::holds_alternative<std::string>(v)) return kTextOid;
    if (std::holds_alternative<Blob>(v)) return kByteaOid;
    return 0;
  }

  const Prepared& Prepare(const Statement& statement, std::span<const Value> params) {
    std::string_view sql = statement.SqlFor("postgresql");
    std::string key(sql);
    key.push_back('\0');
    for (const auto& v : params) key.push_back(static_cast<char>('a' + v.index()));
    auto it = statements_.find(key);
    if (it != statements_.end()) return it->second;

    std::string text(sql);
    std::vector<Oid> types;
    types.reserve(params.size());
    for (const auto& v : params) types.push_back(TypeOf(v));
    Prepared prepared;
    prepared.name = "s" + std::to_string(statements_.size() + 1);
    // A failed prepare would abort the surrounding transaction: try it inside a savepoint when
    // a NULL leaves a type to infer, which is the case that may fail.
    bool guarded = in_transaction() && std::find(types.begin(), types.end(), 0) != types.end();
    if (guarded) Exec("SAVEPOINT vigor_prepare");
    Result made(PQprepare(conn_, prepared.name.c_str(), text.c_str(),
                          static_cast<int>(types.size()), types.data()));
    if (PQresultStatus(made.get()) != PGRES_COMMAND_OK && guarded && IsIndeterminate(made.get())) {
      Exec("ROLLBACK TO SAVEPOINT vigor_prepare");
      for (auto& t : types) {
        if (t == 0) t = kTextOid;
      }
      made.reset(PQprepare(conn_, prepared.name.c_str(), text.c_str(),
                           static_cast<int>(types.size()), types.data()));
    }
    if (guarded && PQresultStatus(made.get()) == PGRES_COMMAND_OK) {
      Exec("RELEASE SAVEPOINT vigor_prepare");
    }
    if (PQresultStatus(made.get()) != PGRES_COMMAND_OK) {
      ThrowResult(conn_, made.get(), statement.name);
    }
    Result described(PQdescribePrepared(conn_, prepared.name.c_str()));
    if (PQresultStatus(described.get()) != PGRES_COMMAND_OK) {
      ThrowResult(conn_, described.get(), statement.name);
    }
    for (int i = 0; i < PQnparams(described.get()); ++i) {
      prepared.param_types.push_back(PQparamtype(described.get(), i));
    }
    auto columns = std::make_shared<ColumnNames>();
    for (int c = 0; c < PQnfields(described.get()); ++c) {
      columns->emplace_back(PQfname(described.get(), c));
      prepared.column_types.push_back(PQftype(described.get(), c));
    }
    prepared.columns = std::move(columns);
    return statements_.emplace(std::move(key), std::move(prepared)).first->second;
  }

  static bool IsIndeterminate(const PGresult* result) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    // 42P18 indeterminate_datatype; 42P08 ambiguous_parameter ("could not determine data type").
    return state != nullptr &&
           (std::string_view(state) == "42P18" || std::string_view(state) == "42P08");
  }

  std::pair<Result, const Prepared*> Run(const Statement& statement,
                                         std::span<const Value> params) {
    ++statement_count_;
    const Prepared& prepared = Prepare(statement, params);
    std::size_t count = prepared.param_types.size();
    if (params.size() < count) {
      throw std::logic_error(std::string(statement.name) + ": missing parameter $" +
                             std::to_string(params.size() + 1));
    }
    std::vector<std::string> texts(count);
    std::vector<const char*> values(count, nullptr);
    std::vector<int> lengths(count, 0);
    std::vector<int> formats(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto* s = std::get_if<std::string>(&v)) {
        values[i] = s->data();
        lengths[i] = static_cast<int>(s->size());
        // Bytes for a bytea parameter go in binary: text input would read backslashes.
        formats[i] = prepared.param_types[i] == kByteaOid ? 1 : 0;
        if (formats[i] == 0) {
          // Text format needs a terminator; std::string's data() has one. PostgreSQL's text
          // cannot hold a NUL, and libpq would silently cut the value at one: refuse instead.
          if (s->find('\0') != std::string::npos) {
            throw std::invalid_argument(std::string(statement.name) + ": parameter $" +
                                        std::to_string(i + 1) + " is text with a NUL character");
          }
          values[i] = s->c_str();
        }
      } else if (auto* b = std::get_if<Blob>(&v)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;
      } else {
        texts[i] = FormatParam(v);
        values[i] = texts[i].c_str();
      }
    }
    Result result(PQexecPrepared(conn_, prepared.name.c_str(), static_cast<int>(count),
                                 values.data(), lengths.data(), formats.data(), 0));
    auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      ThrowResult(conn_, result.get(), statement.name);
    }
    return {std::move(result), &prepared};
  }

  PGconn* conn_ = nullptr;
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::unordered_map<std::string, Prepared, SqlHash, std::equal_to<>> statements_;
  std::uint64_t statement_count_ = 0;
};

int ApplyMigrations(Connection& conn, obs::Logger& logger) {
  const auto& migrations = EmbeddedMigrations("postgresql");
  int newest = migrations.empty() ? 0 : migrations.back().version;
  conn.Exec("BEGIN");
  try {
    // One instance migrates at a time; the others wait here, then find nothing left to do.
    conn.Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
    conn.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL"
        " DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))");
    auto rows = conn.Query(Statement{"schema_version",
                                     "SELECT COALESCE(MAX(version), 0) AS version "
                                     "FROM schema_migrations"});
    int current = static_cast<int>(rows.at(0).Int("version"));
    if (current > newest) {
      throw StorageUnavailable("the database is at schema version " + std::to_string(current) +
                               ", newer than this binary knows (" + std::to_string(newest) +
                               "): refusing to run an older Vigor on it");
    }
    for (const auto& m : migrations) {
      if (m.version <= current) continue;
      conn.Exec(std::string(m.sql));
      conn.Execute(Statement{"record_migration",
                             "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)"},
                   m.version, m.name);
      logger.Info("migration applied", {{"version", std::int64_t{m.version}}, {"name", m.name}});
      current = m.version;
    }
    conn.Exec("COMMIT");
    return current;
  } catch (...) {
    if (conn.usable() && conn.in_transaction()) conn.Exec("ROLLBACK");
    throw;
  }
}

// Connects, retrying while the server is starting or unreachable, up to `timeout`.
std::unique_ptr<Connection> ConnectPatiently(const PostgresOptions& options, obs::Logger& logger) {
  auto deadline = std::chrono::steady_clock::now() + options.start_timeout;
  bool logged = false;
  while (true) {
    try {
      return std::make_unique<Connection>(options.url, options.statement_timeout_ms);
    } catch (const ConnectionLost& e) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
      if (!logged) {
        logger.Warn("waiting for PostgreSQL", {{"error", std::string_view(e.what())}});
        logged = true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }
}

constexpr int kWriteAttempts = 4;

}  // namespace

std::string RedactedUrl(std::string_view url) {
  // postgresql://user:secret@host/... -> postgresql://user:***@host/...
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  auto at = url.find('@', scheme + 3);
  auto slash = url.find('/', scheme + 3);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
    return std::string(url);
  }
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

struct PostgresDatabase::Impl {
  PostgresOptions options;
  obs::Logger& logger;

  mutable std::mutex mutex;
  std::condition_variable available;
  std::vector<std::unique_ptr<Connection>> idle;
  int open = 0;  // connections in existence (idle + in use)
  int in_use = 0;
  int waiting = 0;  // callers waiting for a connection

  std::atomic<std::uint64_t> commits{0};
  std::atomic<std::uint64_t> writes_failed{0};

  Impl(PostgresOptions opts, obs::Logger& log) : options(std::move(opts)), logger(log) {}

  // A pooled connection, or a new one while the pool is below its size. Throws
  // StorageUnavailable when none frees up within acquire_timeout or the server is unreachable.
  std::unique_ptr<Connection> Acquire() {
    std::unique_lock lock(mutex);
    ++waiting;
    bool ready = available.wait_for(lock, options.acquire_timeout,
                                    [&] { return !idle.empty() || open < options.connections; });
    --waiting;
    if (!ready) throw StorageUnavailable("every database connection is busy");
    ++in_use;
    if (!idle.empty()) {
      auto conn = std::move(idle.back());
      idle.pop_back();
      return conn;
    }
    ++open;
    lock.unlock();
    try {
      return std::make_unique<Connection>(options.url, options.statement_timeout_ms);
    } catch (...) {
      lock.lock();
      --open;
      --in_use;
      lock.unlock();
      available.notify_one();
      throw;
    }
  }

  void Release(std::unique_ptr<Connection> conn, bool broken) {
    std::vector<std::unique_ptr<Connection>> dropped;
    {
      std::lock_guard lock(mutex);
      --in_use;
      if (broken || !conn->usable() || conn->in_transaction()) {
        --open;
        conn.reset();
        if (broken) {
          // The server went away: the idle connections went with it. Dropping them now saves
          // every later request a failure of its own; new connections are made on demand.
          open -= static_cast<int>(idle.size());
          dropped = std::move(idle);
          idle.clear();
        }
      } else {
        idle.push_back(std::move(conn));
      }
    }
    available.notify_all();
    // `dropped` closes its sockets here, outside the lock.
  }

  // Runs `body` on a pooled connection. A connection that turns out dead before any work was
  // sent (the server restarted while it sat idle) is replaced once, invisibly to the caller.
  template <class Body>
  void WithConnection(const char* begin, const Body& body) {
    for (int attempt = 0;; ++attempt) {
      auto conn = Acquire();
      try {
        conn->Exec(begin);
      } catch (const ConnectionLost&) {
        Release(std::move(conn), true);
        if (attempt == 0) continue;
        throw;
      }
      bool broken = false;
      try {
        body(*conn);
      } catch (const ConnectionLost&) {
        broken = true;
        Release(std::move(conn), broken);
        throw;
      } catch (...) {
        if (conn->usable() && conn->in_transaction()) {
          try {
            conn->Exec("ROLLBACK");
          } catch (const std::exception& e) {
            broken = true;
            logger.Warn("rollback failed", {{"error", std::string_view(e.what())}});
          }
        }
        Release(std::move(conn), broken);
        throw;
      }
      Release(std::move(conn), false);
      return;
    }
  }
};

PostgresDatabase::PostgresDatabase(PostgresOptions options, obs::Logger& logger)
    : impl_(std::make_unique<Impl>(std::move(options), logger)) {
  auto conn = ConnectPatiently(impl_->options, logger);
  ApplyMigrations(*conn, logger);
  impl_->idle.push_back(std::move(conn));
  impl_->open = 1;
}

PostgresDatabase::~PostgresDatabase() = default;

void PostgresDatabase::Read(const std::function<void(Session&)>& work) {
  impl_->WithConnection("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [&](Connection& conn) {
    work(conn);
    conn.Exec("COMMIT");
  });
}

void PostgresDatabase::Write(const std::function<void(Session&)>& work) {
  if (tl_in_write) throw std::logic_error("Database::Write called inside another write");
  for (int attempt = 1;; ++attempt) {
    try {
      impl_->WithConnection("BEGIN", [&](Connection& conn) {
        tl_in_write = true;
        struct Reset {
          ~Reset() { tl_in_write = false; }
        } reset;
        work(conn);
        // COMMIT returns once the WAL is flushed (synchronous_commit on): durable.
        conn.Exec("COMMIT");
      });
      ++impl_->commits;
      return;
    } catch (const RetryableConflict& e) {
      if (attempt >= kWriteAttempts) {
        ++impl_->writes_failed;
        throw StorageUnavailable(e.what());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2 * attempt));
    } catch (const StorageUnavailable&) {
      ++impl_->writes_failed;
      throw;
    }
  }
}

int PostgresDatabase::SchemaVersion() {
  return ReadResult([](Session& s) {
    auto row = s.QueryOne(Statement{
        "schema_version", "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"});
    return static_cast<int>(row->Int("version"));
  });
}

PoolStats PostgresDatabase::Stats() const {
  PoolStats stats;
  std::lock_guard lock(impl_->mutex);
  stats.readers_total = impl_->options.connections;
  stats.readers_in_use = impl_->in_use;
  stats.writes_waiting = impl_->waiting;
  stats.write_batches = impl_->commits;
  stats.writes_committed = impl_->commits;
  stats.writes_failed = impl_->writes_failed;
  return stats;
}

int MigratePostgres(const std::string& url, obs::Logger& logger) {
  PostgresOptions options{.url = url};
  auto conn = ConnectPatiently(options, logger);
  return ApplyMigrations(*conn, logger);
}

}  // namespace vigor::platform::store
