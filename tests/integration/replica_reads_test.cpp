// Database::ReadOnReplica and the PostgreSQL URLs of a cluster, on the backend this run uses.
// The real streaming replica (read-your-writes against replay lag, failover with promotion) is
// exercised by tests/process/postgres_failover_test.py; here: the contract without a replica,
// a replica that cannot serve (down, or not a standby) falling back to the primary, and a
// multi-host --database whose first host is down.
#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>
#include <string>

#include "platform/obs/log.hpp"
#include "platform/store/open_database.hpp"
#include "platform/store/postgres_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace vigor::platform::store {
namespace {

constexpr Statement kUpsert{
    "test.upsert",
    "INSERT INTO write_probes (key, value, updated_at) VALUES ($1, $2, 't') "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"};
constexpr Statement kValue{"test.value", "SELECT value FROM write_probes WHERE key = $1"};

// A loopback port with nothing listening: libpq's connection is refused at once.
constexpr int kDeadPort = 1;

class ReplicaReadsTest : public ::testing::Test {
 protected:
  ReplicaReadsTest() : logger_(obs::LogLevel::kError, (dir_.path() / "log.jsonl").string()) {
    config_.data_dir = dir_.path();
    config_.db_readers = 2;
    testing::UseTestBackend(config_, postgres_);
  }

  // Writes key=value, then reads it back at once through ReadOnReplica.
  static std::string WriteThenRead(Database& db, const std::string& key, const std::string& value) {
    db.Write([&](Session& s) { s.Execute(kUpsert, key, value); });
    return db.ReadOnReplicaResult(
        [&](Session& s) { return s.QueryOne(kValue, key)->Text("value"); });
  }

  // The scratch database's URL with its host:port replaced by `hosts`.
  std::string WithHosts(const std::string& hosts) const {
    return std::regex_replace(config_.database_url, std::regex("@[^/]+/"), "@" + hosts + "/");
  }
  std::string HostPort() const {
    std::smatch m;
    std::regex_search(config_.database_url, m, std::regex("@([^/]+)/"));
    return m[1];
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::ScratchPostgres> postgres_;
  obs::Logger logger_;
  config::Config config_;
};

TEST_F(ReplicaReadsTest, WithoutAReplicaItIsARead) {
  auto db = OpenDatabase(config_, logger_);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(WriteThenRead(*db, "k", "v" + std::to_string(i)), "v" + std::to_string(i));
  }
  EXPECT_EQ(db->Stats().replica_reads, 0U);
  EXPECT_EQ(db->Stats().replica_fallbacks, 0U);
}

TEST_F(ReplicaReadsTest, AnUnreachableReplicaFallsBackToThePrimary) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "replicas are PostgreSQL's";
  config_.database_replica_url = WithHosts("127.0.0.1:" + std::to_string(kDeadPort));
  auto db = OpenDatabase(config_, logger_);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(WriteThenRead(*db, "k" + std::to_string(i), "v"), "v");
  }
  EXPECT_EQ(db->Stats().replica_reads, 0U);
  EXPECT_EQ(db->Stats().replica_fallbacks, 5U);
}

TEST_F(ReplicaReadsTest, AReplicaUrlThatReachesAPrimaryIsNotUsedAsAReplica) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "replicas are PostgreSQL's";
  // The primary itself: not in recovery, so not the replica of anything. (A promoted replica
  // looks the same; reading there could miss writes made on the primary vigor writes to.)
  config_.database_replica_url = config_.database_url;
  auto db = OpenDatabase(config_, logger_);
  EXPECT_EQ(WriteThenRead(*db, "k", "v1"), "v1");
  EXPECT_EQ(WriteThenRead(*db, "k", "v2"), "v2");
  EXPECT_EQ(db->Stats().replica_reads, 0U);
  EXPECT_EQ(db->Stats().replica_fallbacks, 2U);
}

TEST_F(ReplicaReadsTest, AMultiHostUrlSkipsAHostThatIsDown) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "a multi-host URL is PostgreSQL's";
  config_.database_url = WithHosts("127.0.0.1:" + std::to_string(kDeadPort) + "," + HostPort());
  auto db = OpenDatabase(config_, logger_);
  EXPECT_EQ(WriteThenRead(*db, "k", "v"), "v");
  EXPECT_GT(db->SchemaVersion(), 0);
}

TEST_F(ReplicaReadsTest, TheTargetSessionAttrsAUrlSetsAreKept) {
  if (!testing::OnPostgres()) GTEST_SKIP() << "a multi-host URL is PostgreSQL's";
  // The primary pool insists on a server that takes writes: asked for a standby only, the
  // fixture's primary does not qualify, so no connection is made (and it says so at once).
  PostgresOptions options{.url = config_.database_url + "?target_session_attrs=standby",
                          .connections = 1,
                          .start_timeout = std::chrono::milliseconds(300)};
  EXPECT_THROW(PostgresDatabase(options, logger_), StorageUnavailable);
}

TEST_F(ReplicaReadsTest, AUrlLibpqCannotReadIsRefusedAtOnce) {
  config::Config config = config_;
  config.database_url = "postgresql://vigor@127.0.0.1:5432/vigor?no_such_option=1";
  EXPECT_THROW(OpenDatabase(config, logger_), std::invalid_argument);
  config.database_url = "postgresql://vigor@127.0.0.1:5432/vigor";
  config.database_replica_url = "postgresql://vigor@127.0.0.1:5432/vigor?sslmode";
  EXPECT_THROW(OpenDatabase(config, logger_), std::invalid_argument);
}

}  // namespace
}  // namespace vigor::platform::store
