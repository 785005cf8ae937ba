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
#include "platform/store/postgres_connection.hpp"

namespace vigor::platform::store {

namespace {

// Any key for pg_advisory_xact_lock that other software on the database is unlikely to use.
constexpr long long kMigrationLockKey = 0x76696730;  // "vig0"

using pg::CommitOutcomeUnknown;
using pg::Connection;
using pg::ConnectionLost;
using pg::Result;
using pg::RetryableConflict;
using pg::ThrowResult;
using pg::Trimmed;

thread_local bool tl_in_write = false;

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
