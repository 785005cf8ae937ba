#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

// The storage interface every repository is written against, implemented for SQLite (the embedded
// default) and PostgreSQL. SQL text uses $1..$n placeholders, which both engines accept.
//
// The contract, true on both backends:
// - Read(work) runs `work` on one consistent snapshot: it sees every write that returned before
//   Read began and nothing of a write still in flight. It never writes. When the connection turns
//   out dead at the first statement of `work` (the server restarted or failed over while it sat
//   idle), Read runs `work` once more on a fresh connection: `work` had no answer yet.
// - ReadOnReplica(work) gives the same guarantee as Read, but may run on a streaming replica
//   that has replayed every write that returned before it began (so a user always sees their own
//   writes, whichever instance made them). Meant for heavy reads of other people's data (feed,
//   leaderboards, profiles, search) that should spare the primary.
// - Write(work) runs `work` in one transaction. When Write returns, the changes are durable (they
//   survive a crash of the process, the database server or the machine); when it throws, none of
//   them remain. A ConstraintViolation or a domain error thrown by `work` leaves other writers
//   unharmed.
// - Several processes may write to the same database at once (several Vigor instances on one
//   PostgreSQL). So nothing may rely on a single writer: no "SELECT MAX(x)+1" to allocate a
//   number, no in-memory "already inside a write". A user's change sequence comes from the
//   per-user counter row (store/revisions.hpp), whose row lock also orders that user's writes.
// - Write must not be called from inside another Write's work: pass the Session down instead.
// - A failure of the database itself (unreachable, restarting, busy past its timeout, disk full,
//   a write that was not saved) is StorageUnavailable: the client may retry (HTTP 503). A Write
//   whose connection died during COMMIT is never run again by the server (it may have committed):
//   the client's retry with its Idempotency-Key makes that safe.
namespace vigor::platform::store {

// Bytes that are not text (an uploaded file): bound as a BLOB, where a std::string is UTF-8 text.
// Read back, a BLOB column is Row::Text's string of the same bytes.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;

inline Value ToValue(std::nullptr_t) { return nullptr; }
inline Value ToValue(std::nullopt_t) { return nullptr; }
inline Value ToValue(bool v) { return std::int64_t{v ? 1 : 0}; }
inline Value ToValue(int v) { return std::int64_t{v}; }
inline Value ToValue(long v) { return std::int64_t{v}; }
inline Value ToValue(long long v) { return std::int64_t{v}; }
inline Value ToValue(unsigned v) { return std::int64_t{v}; }
inline Value ToValue(double v) { return v; }
inline Value ToValue(std::string_view v) { return std::string(v); }
inline Value ToValue(const char* v) { return std::string(v); }
inline Value ToValue(std::string&& v) { return std::move(v); }
inline Value ToValue(const std::string& v) { return v; }
inline Value ToValue(Blob&& v) { return std::move(v); }
template <class T>
Value ToValue(const std::optional<T>& v) {
  return v ? ToValue(*v) : Value(nullptr);
}

// A named statement. The name appears in logs and errors; the SQL is prepared once per connection.
// `sql` serves both databases; where PostgreSQL needs other text (SQLite's json_each, COLLATE
// NOCASE, instr...), `postgresql` holds it and that backend runs it instead. Services never
// branch on the dialect: the difference lives here, next to the statement.
struct Statement {
  std::string_view name;
  std::string_view sql;
  std::string_view postgresql = {};

  std::string_view SqlFor(std::string_view dialect) const {
    return dialect == "postgresql" && !postgresql.empty() ? postgresql : sql;
  }
};

// The names of a result's columns, shared by its rows.
using ColumnNames = std::vector<std::string>;

class Row {
 public:
  Row(std::shared_ptr<const ColumnNames> columns, std::vector<Value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }

  // By position: only for code that copies whole rows without knowing their columns (vigor
  // migrate-data). Repositories read by name.
  bool IsNull(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  std::int64_t Int(std::size_t i) const;
  double Real(std::size_t i) const;
  const std::string& Text(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<double> OptReal(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;

  // By column name (as the SELECT names it): a column added to a statement cannot shift the
  // others. A name the result does not have, or has twice (a join without aliases), is a
  // programming error (std::logic_error).
  std::size_t IndexOf(std::string_view column) const;
  bool IsNull(std::string_view c) const { return IsNull(IndexOf(c)); }
  std::int64_t Int(std::string_view c) const { return Int(IndexOf(c)); }
  double Real(std::string_view c) const { return Real(IndexOf(c)); }
  const std::string& Text(std::string_view c) const { return Text(IndexOf(c)); }
  bool Bool(std::string_view c) const { return Int(IndexOf(c)) != 0; }
  std::optional<std::int64_t> OptInt(std::string_view c) const { return OptInt(IndexOf(c)); }
  std::optional<double> OptReal(std::string_view c) const { return OptReal(IndexOf(c)); }
  std::optional<std::string> OptText(std::string_view c) const { return OptText(IndexOf(c)); }

 private:
  std::shared_ptr<const ColumnNames> columns_;
  std::vector<Value> values_;
};

// A UNIQUE, FOREIGN KEY or CHECK constraint refused a write. Repositories translate it into the
// domain's own error (e.g. "username taken"); anything else from the database is a server error.
class ConstraintViolation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database is unreachable, busy beyond its timeout, full or failing.
class StorageUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One connection inside one transaction.
class Session {
 public:
  virtual ~Session() = default;

  virtual std::vector<Row> QueryParams(const Statement& statement,
                                       std::span<const Value> params) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t ExecuteParams(const Statement& statement, std::span<const Value> params) = 0;
  // Statements run through this session so far (query-count tests against N+1).
  virtual std::uint64_t statement_count() const = 0;

  template <class... Args>
  std::vector<Row> Query(const Statement& statement, Args&&... args) {
    std::array<Value, sizeof...(Args)> params{ToValue(std::forward<Args>(args))...};
    return QueryParams(statement, params);
  }
  template <class... Args>
  std::optional<Row> QueryOne(const Statement& statement, Args&&... args) {
    auto rows = Query(statement, std::forward<Args>(args)...);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
  template <class... Args>
  std::int64_t Execute(const Statement& statement, Args&&... args) {
    std::array<Value, sizeof...(Args)> params{ToValue(std::forward<Args>(args))...};
    return ExecuteParams(statement, params);
  }
};

struct PoolStats {
  int readers_total = 0;
  int readers_in_use = 0;
  int writes_waiting = 0;
  std::uint64_t write_batches = 0;
  std::uint64_t writes_committed = 0;
  std::uint64_t writes_failed = 0;
  // ReadOnReplica: reads served by a replica, reads that went to the primary instead (replica
  // behind for longer than the wait, down, or not a standby), and the replica's replay lag behind
  // the primary in WAL bytes as the latest replica read measured it.
  std::uint64_t replica_reads = 0;
  std::uint64_t replica_fallbacks = 0;
  std::int64_t replica_lag_bytes = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // "sqlite" or "postgresql": the folder of its migrations and the Statement text it runs.
  virtual std::string_view dialect() const = 0;
  // Runs `work` on a read-only snapshot. Blocks the calling thread: call from worker threads only.
  virtual void Read(const std::function<void(Session&)>& work) = 0;
  // Read, possibly on a replica (see the contract above). Without replicas it is Read.
  virtual void ReadOnReplica(const std::function<void(Session&)>& work) { Read(work); }
  // Runs `work` in a transaction and returns once its changes are durable. If `work` throws,
  // none of its changes remain and the exception reaches the caller; other writers are unharmed.
  virtual void Write(const std::function<void(Session&)>& work) = 0;
  // The newest migration applied; 0 when none.
  virtual int SchemaVersion() = 0;
  virtual PoolStats Stats() const = 0;

  template <class F>
  auto ReadResult(F&& work) {
    using R = std::invoke_result_t<F&, Session&>;
    std::optional<R> result;
    Read([&](Session& s) { result.emplace(work(s)); });
    return std::move(*result);
  }
  template <class F>
  auto ReadOnReplicaResult(F&& work) {
    using R = std::invoke_result_t<F&, Session&>;
    std::optional<R> result;
    ReadOnReplica([&](Session& s) { result.emplace(work(s)); });
    return std::move(*result);
  }
  template <class F>
  auto WriteResult(F&& work) {
    using R = std::invoke_result_t<F&, Session&>;
    std::optional<R> result;
    Write([&](Session& s) { result.emplace(work(s)); });
    return std::move(*result);
  }
};

}  // namespace vigor::platform::store
