#include "platform/store/sqlite_database.hpp"

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "platform/error.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/migrations.hpp"

namespace vigor::platform::store {

namespace {

[[noreturn]] void ThrowSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  int primary = rc & 0xff;
  if (primary == SQLITE_CONSTRAINT) throw ConstraintViolation(message);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_FULL ||
      primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) {
    throw StorageUnavailable(message);
  }
  throw std::runtime_error(message);
}

// One SQLite connection with its prepared statements. Used by one thread at a time.
class Connection final : public Session {
 public:
  Connection(const std::filesystem::path& path, bool read_only, int busy_timeout_ms) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw StorageUnavailable("cannot open database " + path.string() + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    Exec("PRAGMA journal_mode=WAL");
    Exec("PRAGMA synchronous=FULL");
    Exec("PRAGMA foreign_keys=ON");
    // Statement and savepoint journals in memory: every write runs in a savepoint (group commit)
    // and multi-row INSERTs need a statement journal; as temporary files they wrote each touched
    // page again, six times the database's own writes in a large import.
    Exec("PRAGMA temp_store=MEMORY");
    if (read_only) Exec("PRAGMA query_only=ON");
  }

  ~Connection() override {
    for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.stmt);
    for (auto& [sql, stmt] : control_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL text with no parameters (pragmas, transaction control, migration scripts).
  void Exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errstr(rc);
      sqlite3_free(error);
      ThrowSqlite(nullptr, rc, message.empty() ? sql : message);
    }
  }

  // Transaction control (BEGIN, COMMIT, SAVEPOINT...), prepared once per connection: parsing
  // BEGIN and COMMIT anew for every read was ~7% of a history page's time (issue 16).
  void Control(const std::string& sql) {
    sqlite3_stmt*& stmt = control_[sql];
    if (stmt == nullptr) {
      int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        stmt = nullptr;
        ThrowSqlite(db_, rc, sql);
      }
    }
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) ThrowSqlite(db_, rc, sql);
  }

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() const { return db_; }

  std::vector<Row> QueryParams(const Statement& statement, std::span<const Value> params) override {
    Prepared& prepared = Bind(statement, params);
    sqlite3_stmt* stmt = prepared.stmt;
    std::vector<Row> rows;
    int columns = sqlite3_column_count(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt);
        ThrowSqlite(db_, rc, statement.name);
      }
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) values.push_back(ColumnValue(stmt, c));
      rows.emplace_back(prepared.columns, std::move(values));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  std::int64_t ExecuteParams(const Statement& statement, std::span<const Value> params) override {
    sqlite3_stmt* stmt = Bind(statement, params).stmt;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) ThrowSqlite(db_, rc, statement.name);
    return sqlite3_changes64(db_);
  }

  std::uint64_t statement_count() const override { return statement_count_; }

 private:
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    // For each SQLite parameter index (1-based, slot 0 unused): which $N it is, 0-based.
    std::vector<int> param_of_index;
    std::shared_ptr<const ColumnNames> columns;
  };

  Prepared& Bind(const Statement& statement, std::span<const Value> params) {
    ++statement_count_;
    auto it = statements_.find(statement.sql);
    if (it == statements_.end()) {
      Prepared prepared;
      int rc = sqlite3_prepare_v3(db_, statement.sql.data(), static_cast<int>(statement.sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &prepared.stmt, nullptr);
      if (rc != SQLITE_OK) ThrowSqlite(db_, rc, statement.name);
      int count = sqlite3_bind_parameter_count(prepared.stmt);
      prepared.param_of_index.assign(count + 1, -1);
      for (int i = 1; i <= count; ++i) {
        const char* name = sqlite3_bind_parameter_name(prepared.stmt, i);
        if (name == nullptr || name[0] != '$') {
          sqlite3_finalize(prepared.stmt);
          throw std::logic_error(std::string(statement.name) + ": use $1..$n placeholders");
        }
        prepared.param_of_index[i] = std::atoi(name + 1) - 1;
      }
      auto columns = std::make_shared<ColumnNames>();
      for (int c = 0; c < sqlite3_column_count(prepared.stmt); ++c) {
        columns->emplace_back(sqlite3_column_name(prepared.stmt, c));
      }
      prepared.columns = std::move(columns);
      it = statements_.emplace(std::string(statement.sql), std::move(prepared)).first;
    }
    Prepared& prepared = it->second;
    sqlite3_stmt* stmt = prepared.stmt;
    sqlite3_clear_bindings(stmt);
    for (std::size_t i = 1; i < prepared.param_of_index.size(); ++i) {
      int p = prepared.param_of_index[i];
      if (p < 0 || static_cast<std::size_t>(p) >= params.size()) {
        throw std::logic_error(std::string(statement.name) + ": missing parameter $" +
                               std::to_string(p + 1));
      }
      int idx = static_cast<int>(i);
      const Value& v = params[p];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        // SQLITE_STATIC: `params` outlives every step of this statement, and the next Bind
        // clears the bindings before anything reads them, so SQLite need not copy each value.
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        const auto& blob = std::get<Blob>(v).bytes;
        rc = sqlite3_bind_blob64(stmt, idx, blob.data(), blob.size(), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) ThrowSqlite(db_, rc, statement.name);
    }
    return prepared;
  }

  static Value ColumnValue(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_NULL:
        return nullptr;
      case SQLITE_INTEGER:
        return std::int64_t{sqlite3_column_int64(stmt, c)};
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, c);
      default: {
        const auto* text = sqlite3_column_blob(stmt, c);
        int size = sqlite3_column_bytes(stmt, c);
        return std::string(static_cast<const char*>(text), static_cast<std::size_t>(size));
      }
    }
  }

  sqlite3* db_ = nullptr;
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::unordered_map<std::string, Prepared, SqlHash, std::equal_to<>> statements_;
  std::unordered_map<std::string, sqlite3_stmt*> control_;  // Control's statements
  std::uint64_t statement_count_ = 0;
};

int AppliedVersion(Connection& conn) {
  auto rows = conn.Query(Statement{
      "schema_version", "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"});
  return static_cast<int>(rows.at(0).Int("version"));
}

int ApplyMigrations(Connection& conn, obs::Logger& logger) {
  conn.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
      " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
  const auto& migrations = EmbeddedMigrations("sqlite");
  int current = AppliedVersion(conn);
  int newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest) {
    throw StorageUnavailable("the database is at schema version " + std::to_string(current) +
                             ", newer than this binary knows (" + std::to_string(newest) +
                             "): refusing to run an older Vigor on it");
  }
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    // Foreign keys are off while a migration runs, as SQLite's procedure for changing a table's
    // shape asks (https://sqlite.org/lang_altertable.html#otheralter): with them on, dropping a
    // table that is being rebuilt would delete the rows of its children by ON DELETE CASCADE.
    // The pragma does nothing inside a transaction, so it is set before BEGIN; foreign_key_check
    // before COMMIT refuses a migration that left a reference broken.
    conn.Exec("PRAGMA foreign_keys=OFF");
    conn.Exec("BEGIN IMMEDIATE");
    try {
      conn.Exec(std::string(m.sql));
      auto broken =
          conn.Query(Statement{"migration_foreign_key_check", "PRAGMA foreign_key_check"});
      if (!broken.empty()) {
        throw std::runtime_error(
            "migration " + std::string(m.name) + " left " + std::to_string(broken.size()) +
            " broken reference(s), the first in table " + broken.front().Text("table"));
      }
      conn.Execute(Statement{"record_migration",
                             "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)"},
                   m.version, m.name);
      conn.Exec("COMMIT");
    } catch (...) {
      conn.Exec("ROLLBACK");
      conn.Exec("PRAGMA foreign_keys=ON");
      throw;
    }
    conn.Exec("PRAGMA foreign_keys=ON");
    logger.Info("migration applied", {{"version", std::int64_t{m.version}}, {"name", m.name}});
    current = m.version;
  }
  return current;
}

// Thrown inside a batch when SQLite rolled the whole transaction back by itself (disk full, I/O
// error): every write of the batch is lost and must be reported as failed.
struct BatchAborted {};

thread_local bool tl_on_writer_thread = false;

// WAL frames (pages) after which a commit asks for a checkpoint: SQLite's own default.
constexpr int kCheckpointFrames = 1000;

}  // namespace

struct SqliteDatabase::Impl {
  SqliteOptions options;
  obs::Logger& logger;
  std::unique_ptr<Connection> writer;
  int schema_version = 0;

  mutable std::mutex readers_mutex;
  std::condition_variable readers_cv;
  std::vector<std::unique_ptr<Connection>> idle_readers;
  int readers_in_use = 0;

  struct WriteJob {
    const std::function<void(Session&)>* work;
    std::promise<void> done;
  };
  mutable std::mutex queue_mutex;
  std::condition_variable queue_cv;
  std::deque<WriteJob*> queue;
  bool stopping = false;
  std::thread writer_thread;

  // Checkpoints run on a thread and connection of their own, so a commit never waits for one
  // (SQLite's automatic checkpoint runs inside the commit that crosses its threshold).
  std::unique_ptr<Connection> checkpointer;
  std::mutex checkpoint_mutex;
  std::condition_variable checkpoint_cv;
  bool checkpoint_due = false;
  bool checkpoint_stopping = false;
  std::thread checkpoint_thread;

  std::atomic<std::uint64_t> write_batches{0};
  std::atomic<std::uint64_t> writes_committed{0};
  std::atomic<std::uint64_t> writes_failed{0};

  Impl(SqliteOptions opts, obs::Logger& log) : options(std::move(opts)), logger(log) {}

  void WriterLoop() {
    tl_on_writer_thread = true;
    std::vector<WriteJob*> batch;
    while (true) {
      batch.clear();
      {
        std::unique_lock lock(queue_mutex);
        queue_cv.wait(lock, [&] { return !queue.empty() || stopping; });
        if (queue.empty()) return;  // stopping, and nothing left to write
        while (!queue.empty() && static_cast<int>(batch.size()) < options.max_batch) {
          batch.push_back(queue.front());
          queue.pop_front();
        }
      }
      RunBatch(batch);
    }
  }

  void RunBatch(const std::vector<WriteJob*>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    bool committed = false;
    try {
      writer->Control("BEGIN IMMEDIATE");
      for (std::size_t i = 0; i < batch.size(); ++i) {
        writer->Control("SAVEPOINT w");
        try {
          (*batch[i]->work)(*writer);
          writer->Control("RELEASE w");
        } catch (...) {
          errors[i] = std::current_exception();
          if (!writer->in_transaction()) throw BatchAborted{};
          writer->Control("ROLLBACK TO w");
          writer->Control("RELEASE w");
        }
      }
      writer->Control("COMMIT");
      committed = true;
    } catch (...) {
      if (writer->in_transaction()) {
        try {
          writer->Control("ROLLBACK");
        } catch (const std::exception& e) {
          logger.Error("rollback failed", {{"error", std::string_view(e.what())}});
        }
      }
      logger.Error("write batch failed", {{"writes", static_cast<std::int64_t>(batch.size())}});
    }
    ++write_batches;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (committed && !errors[i]) {
        ++writes_committed;
        batch[i]->done.set_value();
        continue;
      }
      ++writes_failed;
      if (committed || (errors[i] && !IsStorageFailure(errors[i]))) {
        // The job's own error (validation, conflict...): its changes were rolled back alone.
        batch[i]->done.set_exception(errors[i]);
      } else {
        // The whole batch was lost with the transaction; the client may retry.
        batch[i]->done.set_exception(
            std::make_exception_ptr(StorageUnavailable("the write was not saved")));
      }
    }
  }

  // SQLite's WAL hook, on the writer thread after each commit: `frames` is the WAL's length.
  static int OnWalCommit(void* self, sqlite3*, const char*, int frames) {
    auto* impl = static_cast<Impl*>(self);
    if (frames >= kCheckpointFrames) {
      {
        std::lock_guard lock(impl->checkpoint_mutex);
        impl->checkpoint_due = true;
      }
      impl->checkpoint_cv.notify_one();
    }
    return SQLITE_OK;
  }

  void CheckpointLoop() {
    while (true) {
      {
        std::unique_lock lock(checkpoint_mutex);
        checkpoint_cv.wait(lock, [&] { return checkpoint_due || checkpoint_stopping; });
        if (checkpoint_stopping) return;
        checkpoint_due = false;
      }
      // PASSIVE: copies what no reader still needs and never blocks the writer or readers.
      int rc = sqlite3_wal_checkpoint_v2(checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                         nullptr, nullptr);
      if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        logger.Error("checkpoint failed", {{"error", std::string_view(sqlite3_errstr(rc))}});
      }
    }
  }

  static bool IsStorageFailure(const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const StorageUnavailable&) {
      return true;
    } catch (...) {
      return false;
    }
  }

  std::unique_ptr<Connection> AcquireReader() {
    std::unique_lock lock(readers_mutex);
    readers_cv.wait(lock, [&] { return !idle_readers.empty(); });
    auto conn = std::move(idle_readers.back());
    idle_readers.pop_back();
    ++readers_in_use;
    return conn;
  }

  void ReleaseReader(std::unique_ptr<Connection> conn) {
    {
      std::lock_guard lock(readers_mutex);
      idle_readers.push_back(std::move(conn));
      --readers_in_use;
    }
    readers_cv.notify_one();
  }
};

SqliteDatabase::SqliteDatabase(SqliteOptions options, obs::Logger& logger)
    : impl_(std::make_unique<Impl>(std::move(options), logger)) {
  auto& o = impl_->options;
  if (o.path.has_parent_path()) std::filesystem::create_directories(o.path.parent_path());
  impl_->writer = std::make_unique<Connection>(o.path, false, o.busy_timeout_ms);
  impl_->schema_version = ApplyMigrations(*impl_->writer, logger);
  for (int i = 0; i < std::max(1, o.readers); ++i) {
    impl_->idle_readers.push_back(std::make_unique<Connection>(o.path, true, o.busy_timeout_ms));
  }
  impl_->checkpointer = std::make_unique<Connection>(o.path, false, o.busy_timeout_ms);
  impl_->writer->Exec("PRAGMA wal_autocheckpoint=0");
  sqlite3_wal_hook(impl_->writer->handle(), &Impl::OnWalCommit, impl_.get());
  impl_->checkpoint_thread = std::thread([this] { impl_->CheckpointLoop(); });
  impl_->writer_thread = std::thread([this] { impl_->WriterLoop(); });
}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(impl_->queue_mutex);
    impl_->stopping = true;
  }
  impl_->queue_cv.notify_all();
  if (impl_->writer_thread.joinable()) impl_->writer_thread.join();
  {
    std::lock_guard lock(impl_->checkpoint_mutex);
    impl_->checkpoint_stopping = true;
  }
  impl_->checkpoint_cv.notify_all();
  if (impl_->checkpoint_thread.joinable()) impl_->checkpoint_thread.join();
}

void SqliteDatabase::Read(const std::function<void(Session&)>& work) {
  auto conn = impl_->AcquireReader();
  struct Release {
    Impl* impl;
    std::unique_ptr<Connection>& conn;
    ~Release() { impl->ReleaseReader(std::move(conn)); }
  } release{impl_.get(), conn};
  conn->Control("BEGIN");
  try {
    work(*conn);
    conn->Control("COMMIT");
  } catch (...) {
    if (conn->in_transaction()) conn->Control("ROLLBACK");
    throw;
  }
}

void SqliteDatabase::Write(const std::function<void(Session&)>& work) {
  if (tl_on_writer_thread) {
    // A write nested in another write's work would wait for itself (and on PostgreSQL take a
    // second connection and transaction): pass the Session down instead.
    throw std::logic_error("Database::Write called inside another write");
  }
  Impl::WriteJob job{&work, {}};
  auto done = job.done.get_future();
  {
    std::lock_guard lock(impl_->queue_mutex);
    if (impl_->stopping) throw StorageUnavailable("the database is closing");
    impl_->queue.push_back(&job);
  }
  impl_->queue_cv.notify_one();
  done.get();
}

int SqliteDatabase::SchemaVersion() {
  return ReadResult([](Session& s) {
    auto row = s.QueryOne(Statement{
        "schema_version", "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"});
    return static_cast<int>(row->Int("version"));
  });
}

PoolStats SqliteDatabase::Stats() const {
  PoolStats stats;
  {
    std::lock_guard lock(impl_->readers_mutex);
    stats.readers_in_use = impl_->readers_in_use;
    stats.readers_total = impl_->readers_in_use + static_cast<int>(impl_->idle_readers.size());
  }
  {
    std::lock_guard lock(impl_->queue_mutex);
    stats.writes_waiting = static_cast<int>(impl_->queue.size());
  }
  stats.write_batches = impl_->write_batches;
  stats.writes_committed = impl_->writes_committed;
  stats.writes_failed = impl_->writes_failed;
  return stats;
}

int MigrateSqlite(const std::filesystem::path& path, obs::Logger& logger) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  Connection conn(path, false, 5000);
  return ApplyMigrations(conn, logger);
}

}  // namespace vigor::platform::store
