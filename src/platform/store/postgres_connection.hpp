#pragma once

// The PostgreSQL backend's connection (store/postgres_database.cpp's pool holds them): one libpq
// connection, its prepared statements, and the transaction handling that keeps round trips few
// (issue 16). Internal to the store: nothing outside it includes this.
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/store/database.hpp"
#include "platform/store/postgres_database.hpp"

namespace vigor::platform::store::pg {

// PostgreSQL type OIDs (pg_type.dat) of the columns converted to something other than text.
inline constexpr Oid kBoolOid = 16;
inline constexpr Oid kByteaOid = 17;
inline constexpr Oid kInt8Oid = 20;
inline constexpr Oid kInt2Oid = 21;
inline constexpr Oid kInt4Oid = 23;
inline constexpr Oid kTextOid = 25;
inline constexpr Oid kFloat4Oid = 700;
inline constexpr Oid kFloat8Oid = 701;
inline constexpr Oid kNumericOid = 1700;

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

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Trailing newlines and spaces of libpq's messages dropped.
std::string Trimmed(const char* message);

// Turns a failed result into the storage contract's exceptions, by SQLSTATE class.
[[noreturn]] void ThrowResult(PGconn* conn, const PGresult* result, std::string_view what);

// A column's text (as libpq gives it) as the Value its type maps to.
Value ParseValue(Oid type, const char* text, std::size_t length);

// A parameter as text: integers in decimal, doubles as the shortest text that reads back to the
// same value (float8in parses it exactly).
std::string FormatParam(const Value& v);

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

}  // namespace vigor::platform::store::pg
