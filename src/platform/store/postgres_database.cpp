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

// The server or the connection to it failed: the connection is no longer usable. Also a server
// that no longer takes writes (a primary demoted after a failover): its connections are as good
// as lost, and new ones find the new primary.
class ConnectionLost : public StorageUnavailable {
 public:
  using StorageUnavailable::StorageUnavailable;
};

// The connection died while COMMIT was under way: the transaction may or may not have committed.
class CommitOutcomeUnknown : public StorageUnavailable {
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
  // A write refused because the server has become a standby (in_hot_standby is reported by
  // PostgreSQL 14+): the connection is of no more use to the primary pool.
  const char* standby = PQparameterStatus(conn, "in_hot_standby");
  bool now_standby = code == "25006" && standby != nullptr && std::string_view(standby) == "on";
  if (PQstatus(conn) == CONNECTION_BAD || code.starts_with("08") || code == "57P01" ||
      code == "57P02" || code == "57P03" || now_standby) {
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
    Settle();
    if (!deferred_begin_.empty()) {
      std::string begin = std::move(deferred_begin_);
      deferred_begin_.clear();
      Exec(begin);
    }
    Result result(PQexec(conn_, sql.c_str()));
    auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      ThrowResult(conn_, result.get(), sql.size() > 60 ? sql.substr(0, 60) + "..." : sql);
    }
  }

  bool usable() const { return !failed_ && PQstatus(conn_) == CONNECTION_OK; }
  // A transaction we began is open on the server (a read's COMMIT on its way does not count).
  bool in_transaction() const {
    return !commit_in_flight_ && PQtransactionStatus(conn_) != PQTRANS_IDLE;
  }

  // Round trips are the cost of a short transaction here (issue 16): BEGIN, one statement and
  // COMMIT were three, each a wait for another process. `BeginLazily` keeps the BEGIN until the
  // first statement and sends both in one pipeline; a unit of work that runs no statement sends
  // nothing at all.
  void BeginLazily(std::string begin) { deferred_begin_ = std::move(begin); }

  // Ends the transaction and waits for the outcome (a write: its COMMIT is the acknowledgement).
  void Commit() {
    if (!deferred_begin_.empty()) {
      deferred_begin_.clear();  // nothing ran: nothing to commit
      return;
    }
    Exec("COMMIT");
  }

  // Ends a read-only transaction without waiting: the server ends it (and drops its snapshot) as
  // soon as the COMMIT arrives; the answer is read before the connection's next command
  // (Settle). A read-only transaction has nothing to lose at COMMIT.
  void CommitReadOnly() {
    if (!deferred_begin_.empty()) {
      deferred_begin_.clear();
      return;
    }
    Settle();
    if (PQsendQuery(conn_, "COMMIT") == 1) {
      commit_in_flight_ = true;
    } else {
      failed_ = true;  // the pool drops it
    }
  }

  // Forgets a BEGIN that no statement followed (the unit of work ended without one).
  void ForgetDeferredBegin() { deferred_begin_.clear(); }

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
    // (Outside a transaction, as before a lazily begun one's first statement, nothing aborts.)
    bool infers = std::find(types.begin(), types.end(), 0) != types.end();
    bool guarded = infers && in_transaction();
    if (guarded) Exec("SAVEPOINT vigor_prepare");
    Result made(PQprepare(conn_, prepared.name.c_str(), text.c_str(),
                          static_cast<int>(types.size()), types.data()));
    if (PQresultStatus(made.get()) != PGRES_COMMAND_OK && infers && IsIndeterminate(made.get())) {
      if (guarded) Exec("ROLLBACK TO SAVEPOINT vigor_prepare");
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
    Settle();
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
    Result result;
    if (deferred_begin_.empty()) {
      result.reset(PQexecPrepared(conn_, prepared.name.c_str(), static_cast<int>(count),
                                  values.data(), lengths.data(), formats.data(), 0));
    } else {
      result = BeginAndExecPrepared(prepared.name, static_cast<int>(count), values.data(),
                                    lengths.data(), formats.data(), statement.name);
    }
    auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      ThrowResult(conn_, result.get(), statement.name);
    }
    return {std::move(result), &prepared};
  }

  // The deferred BEGIN and the first statement in one pipeline: one round trip for both.
  Result BeginAndExecPrepared(const std::string& name, int count, const char* const* values,
                              const int* lengths, const int* formats, std::string_view what) {
    std::string begin = std::move(deferred_begin_);
    deferred_begin_.clear();
    if (PQenterPipelineMode(conn_) != 1) {
      Exec(begin);
      return Result(PQexecPrepared(conn_, name.c_str(), count, values, lengths, formats, 0));
    }
    bool sent =
        PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
        PQsendQueryPrepared(conn_, name.c_str(), count, values, lengths, formats, 0) == 1 &&
        PQpipelineSync(conn_) == 1;
    // Expected: BEGIN's result, NULL, the statement's result, NULL, the sync. After a failed
    // BEGIN the statement's result is PGRES_PIPELINE_ABORTED.
    std::vector<Result> results;
    int separators = 0;
    while (sent) {
      PGresult* r = PQgetResult(conn_);
      if (r == nullptr) {
        if (PQstatus(conn_) != CONNECTION_OK || ++separators > 2) break;
        continue;
      }
      if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        break;
      }
      results.emplace_back(r);
    }
    if (PQexitPipelineMode(conn_) != 1) failed_ = true;  // results left unread: not reusable
    if (results.empty() || PQstatus(conn_) != CONNECTION_OK) {
      ThrowResult(conn_, results.empty() ? nullptr : results.front().get(), what);
    }
    if (PQresultStatus(results.front().get()) != PGRES_COMMAND_OK) {
      ThrowResult(conn_, results.front().get(), begin);
    }
    if (results.size() < 2) ThrowResult(conn_, nullptr, what);
    return std::move(results[1]);
  }

  // Reads the answer to a read's COMMIT sent by CommitReadOnly, before the next command.
  void Settle() {
    if (!commit_in_flight_) return;
    commit_in_flight_ = false;
    Result failure;
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK && !failure) {
        failure.reset(r);
      } else {
        PQclear(r);
      }
    }
    if (failure || PQstatus(conn_) != CONNECTION_OK || PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      failed_ = true;
      throw ConnectionLost(
          "ending the previous read: " +
          Trimmed(failure ? PQresultErrorMessage(failure.get()) : PQerrorMessage(conn_)));
    }
  }

  PGconn* conn_ = nullptr;
  std::string deferred_begin_;     // BeginLazily's BEGIN, until the first statement
  bool commit_in_flight_ = false;  // CommitReadOnly's COMMIT, answer not read yet
  bool failed_ = false;            // left in a state it cannot be used from: drop it
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

bool HasParameter(std::string_view url, std::string_view name) {
  auto query = url.find('?');
  while (query != std::string_view::npos) {
    auto key = url.substr(query + 1);
    if (key.starts_with(name) && key.substr(name.size()).starts_with('=')) return true;
    query = url.find('&', query + 1);
  }
  return false;
}

// The URL the primary pool connects with: unless it says otherwise, libpq accepts only a server
// that takes writes. With several hosts (postgresql://h1:5432,h2:5432/db) it tries them in order
// and skips the standbys, so after a failover a new connection finds the new primary by itself;
// with one host (HAProxy, a DNS name moved by failover) a standby is refused at connect (a 503)
// instead of failing each write.
std::string PrimaryUrl(const std::string& url) {
  if (HasParameter(url, "target_session_attrs")) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "target_session_attrs=read-write";
}

// Refuses a URL libpq cannot parse at once, instead of "waiting for PostgreSQL" to no end.
void CheckUrl(const std::string& url, std::string_view flag) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options != nullptr) {
    PQconninfoFree(options);
    return;
  }
  std::string message = error != nullptr ? Trimmed(error) : "out of memory";
  PQfreemem(error);
  throw std::invalid_argument(std::string(flag) + " " + RedactedUrl(url) + ": " + message);
}

}  // namespace

std::string RedactedUrl(std::string_view url) {
  // postgresql://user:secret@host/... -> postgresql://user:***@host/... (also with several
  // hosts: postgresql://user:secret@h1:5432,h2:5432/db), and ?password=secret -> ?password=***.
  std::string out(url);
  auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  auto at = out.find('@', scheme + 3);
  auto slash = out.find_first_of("/?", scheme + 3);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  auto query = out.find('?');
  while (query != std::string::npos) {
    auto key = query + 1;
    if (out.compare(key, 9, "password=") == 0) {
      auto end = out.find('&', key);
      auto value = key + 9;
      out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
    }
    query = out.find('&', key);
  }
  return out;
}

namespace {

// A pool of connections to one server (or one multi-host URL: libpq picks the host).
class Pool {
 public:
  Pool(std::string url, int size, const PostgresOptions& options)
      : url_(std::move(url)),
        size_(size),
        statement_timeout_ms_(options.statement_timeout_ms),
        acquire_timeout_(options.acquire_timeout) {}

  const std::string& url() const { return url_; }
  int size() const { return size_; }

  // A pooled connection, or a new one while the pool is below its size. Throws
  // StorageUnavailable when none frees up within acquire_timeout, ConnectionLost when the server
  // is unreachable.
  std::unique_ptr<Connection> Acquire() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    bool ready = available_.wait_for(lock, acquire_timeout_,
                                     [&] { return !idle_.empty() || open_ < size_; });
    --waiting_;
    if (!ready) throw StorageUnavailable("every database connection is busy");
    ++in_use_;
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_;
    lock.unlock();
    try {
      return std::make_unique<Connection>(url_, statement_timeout_ms_);
    } catch (...) {
      lock.lock();
      --open_;
      --in_use_;
      lock.unlock();
      available_.notify_one();
      throw;
    }
  }

  void Adopt(std::unique_ptr<Connection> conn) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
    ++open_;
  }

  void Release(std::unique_ptr<Connection> conn, bool broken) {
    std::vector<std::unique_ptr<Connection>> dropped;
    conn->ForgetDeferredBegin();
    {
      std::lock_guard lock(mutex_);
      --in_use_;
      broken = broken || !conn->usable();
      if (broken || conn->in_transaction()) {
        --open_;
        conn.reset();
        if (broken) {
          // The server went away (or failed over): the idle connections went with it. Dropping
          // them now saves every later request a failure of its own; new connections are made
          // on demand, and libpq's multi-host URL finds the new primary.
          open_ -= static_cast<int>(idle_.size());
          dropped = std::move(idle_);
          idle_.clear();
        }
      } else {
        idle_.push_back(std::move(conn));
      }
    }
    available_.notify_all();
    // `dropped` closes its sockets here, outside the lock.
  }

  int in_use() const {
    std::lock_guard lock(mutex_);
    return in_use_;
  }
  int waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
  }

 private:
  std::string url_;
  int size_;
  int statement_timeout_ms_;
  std::chrono::milliseconds acquire_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // connections in existence (idle + in use)
  int in_use_ = 0;
  int waiting_ = 0;  // callers waiting for a connection
};

}  // namespace

struct PostgresDatabase::Impl {
  PostgresOptions options;
  obs::Logger& logger;
  Pool primary;
  std::unique_ptr<Pool> replica;  // null: no --database-replica

  std::atomic<std::uint64_t> commits{0};
  std::atomic<std::uint64_t> writes_failed{0};
  std::atomic<std::uint64_t> replica_reads{0};
  std::atomic<std::uint64_t> replica_fallbacks{0};
  std::atomic<std::int64_t> replica_lag_bytes{0};
  // Until then ReadOnReplica goes straight to the primary: the replica could not be reached, and
  // trying it on every read would add a connection attempt to each.
  std::atomic<std::chrono::steady_clock::rep> replica_skip_until{0};
  std::atomic<bool> replica_down_logged{false};

  Impl(PostgresOptions opts, obs::Logger& log)
      : options(std::move(opts)),
        logger(log),
        primary(PrimaryUrl(options.url), options.connections, options) {
    if (!options.replica_url.empty()) {
      replica = std::make_unique<Pool>(options.replica_url, options.connections, options);
    }
  }

  // Runs `body` on a connection of `pool`, inside the transaction `begin` starts (none when
  // null; sent with the first statement). A connection that turns out dead at the first
  // statement of `body` (it died while idle: a restart or failover) is replaced once, invisibly
  // to the caller: nothing had answered `body` yet, so running it again cannot repeat anything
  // it did with an answer.
  template <class Body>
  void WithConnection(Pool& pool, const char* begin, const Body& body) {
    for (int attempt = 0;; ++attempt) {
      auto conn = pool.Acquire();
      if (begin != nullptr) conn->BeginLazily(begin);  // sent with the first statement
      auto before = conn->statement_count();
      try {
        body(*conn);
      } catch (const ConnectionLost&) {
        bool first_statement = conn->statement_count() - before <= 1;
        pool.Release(std::move(conn), true);
        if (attempt == 0 && first_statement) continue;
        throw;
      } catch (...) {
        bool broken = false;
        if (conn->usable() && conn->in_transaction()) {
          try {
            conn->Exec("ROLLBACK");
          } catch (const std::exception& e) {
            broken = true;
            logger.Warn("rollback failed", {{"error", std::string_view(e.what())}});
          }
        }
        pool.Release(std::move(conn), broken);
        throw;
      }
      pool.Release(std::move(conn), false);
      return;
    }
  }

  // The primary's WAL write position now: every commit acknowledged before this call lies at or
  // before it. A trivial call, so that the heavy read can go to the replica.
  std::string PrimaryWalPosition() {
    std::string lsn;
    WithConnection(primary, nullptr, [&](Connection& conn) {
      auto row = conn.QueryOne(
          Statement{"replica.primary_lsn", "SELECT pg_current_wal_lsn()::text AS lsn"});
      lsn = row->Text("lsn");
    });
    return lsn;
  }

  bool ReplicaSkipped() const {
    return std::chrono::steady_clock::now().time_since_epoch().count() < replica_skip_until.load();
  }

  void SkipReplica() {
    replica_skip_until =
        (std::chrono::steady_clock::now() + options.replica_retry_after).time_since_epoch().count();
  }

  void ReplicaUnreachable(const std::exception& e) {
    SkipReplica();
    if (!replica_down_logged.exchange(true)) {
      logger.Warn(
          "replica unreachable: reading from the primary",
          {{"replica", RedactedUrl(replica->url())}, {"error", std::string_view(e.what())}});
    }
  }

  // Runs `work` on the replica once it has replayed `target` (waiting up to replica_wait);
  // false, with `work` not run or its result not kept, when the primary must serve it instead.
  bool TryReplica(const std::string& target, const std::function<void(Session&)>& work) {
    std::unique_ptr<Connection> conn;
    try {
      conn = replica->Acquire();
    } catch (const ConnectionLost& e) {
      ReplicaUnreachable(e);
      return false;
    } catch (const StorageUnavailable&) {
      return false;  // every replica connection busy: the primary has its own pool
    }
    // The replay position is read BEFORE the transaction's snapshot is taken (at its first
    // statement): a snapshot taken after the replica replayed `target` contains that commit.
    // Checked inside the snapshot instead, replay could pass `target` after the snapshot was
    // taken, and the read would miss the write it was meant to see.
    const Statement check{"replica.caught_up",
                          "SELECT pg_is_in_recovery() AS standby,"
                          " COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught_up,"
                          " COALESCE(pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()), 0)"
                          "::bigint AS lag_bytes"};
    auto deadline = std::chrono::steady_clock::now() + options.replica_wait;
    auto pause = std::chrono::microseconds(500);
    bool first = true;
    try {
      while (true) {
        auto row = conn->QueryOne(check, target);
        if (!row->Bool("standby")) {
          // Promoted, or the URL let libpq pick a primary: not the replica of our primary. Its
          // connections are dropped, so that the next try lets libpq look for a standby again.
          replica->Release(std::move(conn), true);
          SkipReplica();
          return false;
        }
        if (first) {
          replica_lag_bytes = std::max<std::int64_t>(0, row->Int("lag_bytes"));
          first = false;
        }
        if (row->Bool("caught_up")) break;
        if (std::chrono::steady_clock::now() + pause > deadline) {
          replica->Release(std::move(conn), false);
          return false;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::microseconds(8000));
      }
      conn->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      work(*conn);
      conn->Exec("COMMIT");
    } catch (const StorageUnavailable& e) {
      // Lost, or a query cancelled by a conflict with recovery: the primary serves it instead.
      bool lost = dynamic_cast<const ConnectionLost*>(&e) != nullptr;
      if (!lost && conn->usable() && conn->in_transaction()) {
        try {
          conn->Exec("ROLLBACK");
        } catch (const std::exception&) {
          lost = true;
        }
      }
      replica->Release(std::move(conn), lost);
      if (lost) ReplicaUnreachable(e);
      return false;
    } catch (...) {
      // The work's own error (a 404, a bug): the caller gets it, as from Read.
      bool broken = false;
      if (conn->usable() && conn->in_transaction()) {
        try {
          conn->Exec("ROLLBACK");
        } catch (const std::exception&) {
          broken = true;
        }
      }
      replica->Release(std::move(conn), broken);
      throw;
    }
    replica->Release(std::move(conn), false);
    replica_down_logged = false;
    return true;
  }
};

PostgresDatabase::PostgresDatabase(PostgresOptions options, obs::Logger& logger) {
  CheckUrl(options.url, "--database");
  if (!options.replica_url.empty()) CheckUrl(options.replica_url, "--database-replica");
  impl_ = std::make_unique<Impl>(std::move(options), logger);
  PostgresOptions primary_options = impl_->options;
  primary_options.url = impl_->primary.url();
  auto conn = ConnectPatiently(primary_options, logger);
  ApplyMigrations(*conn, logger);
  impl_->primary.Adopt(std::move(conn));
}

PostgresDatabase::~PostgresDatabase() = default;

void PostgresDatabase::Read(const std::function<void(Session&)>& work) {
  impl_->WithConnection(impl_->primary, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                        [&](Connection& conn) {
                          work(conn);
                          conn.CommitReadOnly();
                        });
}

void PostgresDatabase::ReadOnReplica(const std::function<void(Session&)>& work) {
  if (impl_->replica && !impl_->ReplicaSkipped()) {
    if (impl_->TryReplica(impl_->PrimaryWalPosition(), work)) {
      ++impl_->replica_reads;
      return;
    }
  }
  if (impl_->replica) ++impl_->replica_fallbacks;
  Read(work);
}

void PostgresDatabase::Write(const std::function<void(Session&)>& work) {
  if (tl_in_write) throw std::logic_error("Database::Write called inside another write");
  for (int attempt = 1;; ++attempt) {
    try {
      impl_->WithConnection(impl_->primary, "BEGIN", [&](Connection& conn) {
        tl_in_write = true;
        struct Reset {
          ~Reset() { tl_in_write = false; }
        } reset;
        work(conn);
        // COMMIT returns once the WAL is flushed (synchronous_commit on): durable.
        try {
          conn.Commit();
        } catch (const ConnectionLost& e) {
          // The server may have committed before the connection died: running the work again
          // could apply it twice. The client retries, with its Idempotency-Key.
          throw CommitOutcomeUnknown(e.what());
        }
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
  stats.readers_total = impl_->options.connections;
  stats.readers_in_use = impl_->primary.in_use();
  stats.writes_waiting = impl_->primary.waiting();
  stats.write_batches = impl_->commits;
  stats.writes_committed = impl_->commits;
  stats.writes_failed = impl_->writes_failed;
  stats.replica_reads = impl_->replica_reads;
  stats.replica_fallbacks = impl_->replica_fallbacks;
  stats.replica_lag_bytes = impl_->replica_lag_bytes;
  return stats;
}

int MigratePostgres(const std::string& url, obs::Logger& logger) {
  CheckUrl(url, "--database");
  PostgresOptions options{.url = PrimaryUrl(url)};
  auto conn = ConnectPatiently(options, logger);
  return ApplyMigrations(*conn, logger);
}

}  // namespace vigor::platform::store
