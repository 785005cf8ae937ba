#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::platform::obs {
class Logger;
}

namespace vigor::platform::store {

struct PostgresOptions {
  // A libpq connection URI: postgresql://USER@HOST:PORT/DB?sslmode=verify-full&... Passwords
  // belong in a passfile (?passfile=... or ~/.pgpass) or PGPASSWORD, not in the URL. Several
  // hosts (postgresql://USER@H1:P1,H2:P2/DB) name a cluster: libpq connects to the one that takes
  // writes (target_session_attrs=read-write is added unless the URL sets it).
  std::string url;
  // ReadOnReplica's server: a streaming replica of `url` (may list several hosts, with
  // target_session_attrs=standby or prefer-standby). Empty: every read goes to the primary.
  std::string replica_url;
  // How long ReadOnReplica waits for the replica to replay the primary's position before it
  // reads from the primary instead.
  std::chrono::milliseconds replica_wait{50};
  // After the replica could not be reached, reads skip it for this long.
  std::chrono::milliseconds replica_retry_after{2000};
  // Connections in the pool; each Read or Write holds one for its duration.
  int connections = 16;
  // statement_timeout of every connection: a statement running longer is cancelled (503).
  int statement_timeout_ms = 15000;
  // How long a request waits for a free connection before it gets a 503.
  std::chrono::milliseconds acquire_timeout{5000};
  // How long the start waits for the database to accept connections (a server started together
  // with its database).
  std::chrono::milliseconds start_timeout{30000};
};

// PostgreSQL 15 through libpq. Each Write is one READ COMMITTED transaction on a pooled
// connection, committed with synchronous_commit on, so it is durable when Write returns;
// PostgreSQL itself flushes concurrent commits' WAL together (group commit across connections).
// A deadlock or serialization failure retries the work a few times. Each Read is a REPEATABLE READ
// READ ONLY transaction: one snapshot. Statements are prepared once per connection.
//
// When the server goes away (restart, failover, network), the request that notices gets
// StorageUnavailable (503), every idle connection is dropped (they died with the server), and
// later requests connect anew: the pool recovers by itself once the database is back, or, with a
// multi-host URL, once another host has been promoted. A connection found dead before the work
// had any answer is replaced once without the caller noticing; a COMMIT cut off is never retried.
//
// With a replica (options.replica_url), ReadOnReplica reads the primary's WAL position, then runs
// the read on the replica once the replica has replayed up to it (waiting up to replica_wait),
// else on the primary: read-your-writes across instances without tracking who wrote what.
class PostgresDatabase final : public Database {
 public:
  // Connects, waiting up to options.start_timeout for the server, and applies pending migrations.
  PostgresDatabase(PostgresOptions options, obs::Logger& logger);
  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  std::string_view dialect() const override { return "postgresql"; }
  void Read(const std::function<void(Session&)>& work) override;
  void ReadOnReplica(const std::function<void(Session&)>& work) override;
  void Write(const std::function<void(Session&)>& work) override;
  int SchemaVersion() override;
  PoolStats Stats() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Applies pending migrations to the PostgreSQL database at `url` and returns the schema version.
// Safe when several instances start at once: an advisory lock lets one migrate at a time.
int MigratePostgres(const std::string& url, obs::Logger& logger);

// A URL with any password replaced by "***", for logs and error messages.
std::string RedactedUrl(std::string_view url);

}  // namespace vigor::platform::store
