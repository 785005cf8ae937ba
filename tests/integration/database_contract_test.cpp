// The storage contract of store::Database (database.hpp), checked on the backend this run uses:
// ctest runs this file as sqlite.* and as postgresql.* like every integration test.
#include <gtest/gtest.h>

#include <atomic>
#include <bit>
#include <cstdint>
#include <limits>
#include <set>
#include <thread>

#include "platform/error.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/open_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace vigor::platform::store {
namespace {

constexpr Statement kInsert{
    "test.insert", "INSERT INTO write_probes (key, value, updated_at) VALUES ($1, $2, 't')"};
constexpr Statement kCount{"test.count", "SELECT COUNT(*) AS n FROM write_probes"};
constexpr Statement kValue{"test.value", "SELECT value FROM write_probes WHERE key = $1"};

class DatabaseContractTest : public ::testing::Test {
 protected:
  DatabaseContractTest() : logger_(obs::LogLevel::kError, (dir_.path() / "log.jsonl").string()) {
    config_.data_dir = dir_.path();
    config_.db_readers = 2;
    testing::UseTestBackend(config_, postgres_);
  }

  // Another handle on the same database: a second instance, as far as the database can tell.
  std::unique_ptr<Database> Open() { return OpenDatabase(config_, logger_); }

  static std::int64_t Count(Database& db) {
    return db.ReadResult([](Session& s) { return s.QueryOne(kCount)->Int("n"); });
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::ScratchPostgres> postgres_;
  obs::Logger logger_;
  config::Config config_;
};

TEST_F(DatabaseContractTest, AppliesEveryEmbeddedMigrationOnce) {
  auto db = Open();
  int newest = EmbeddedMigrations(db->dialect()).back().version;
  EXPECT_EQ(db->SchemaVersion(), newest);
  auto again = Open();  // opening again must not re-apply (it would fail on CREATE TABLE)
  EXPECT_EQ(again->SchemaVersion(), newest);
  EXPECT_EQ(db->dialect(), testing::OnPostgres() ? "postgresql" : "sqlite");
}

TEST_F(DatabaseContractTest, EveryMigrationExistsForBothDialects) {
  std::vector<int> sqlite;
  std::vector<int> postgresql;
  for (const auto& m : EmbeddedMigrations("sqlite")) sqlite.push_back(m.version);
  for (const auto& m : EmbeddedMigrations("postgresql")) postgresql.push_back(m.version);
  EXPECT_FALSE(sqlite.empty());
  EXPECT_EQ(sqlite, postgresql);
}

TEST_F(DatabaseContractTest, BindsNumberedParametersByNumber) {
  auto db = Open();
  constexpr Statement kSwapped{"test.swapped", "SELECT $2 || '-' || $1 AS joined"};
  auto text =
      db->ReadResult([&](Session& s) { return s.QueryOne(kSwapped, "a", "b")->Text("joined"); });
  EXPECT_EQ(text, "b-a");
}

TEST_F(DatabaseContractTest, ValuesComeBackExactlyAndByName) {
  auto db = Open();
  // Doubles that decimal text with too few digits would change, the extremes of int64, NULL.
  const double tricky[] = {0.1, 1.0 / 3.0, 123456.789, 1e-300, 2.5e300, -0.0005};
  constexpr Statement kPut{
      "test.put_rate", "INSERT INTO rate_limits (bucket, tokens, updated_ms) VALUES ($1, $2, $3)"};
  constexpr Statement kGet{"test.get_rate",
                           "SELECT updated_ms, bucket, tokens FROM rate_limits WHERE bucket = $1"};
  db->Write([&](Session& s) {
    for (int i = 0; i < 6; ++i) {
      s.Execute(kPut, "b" + std::to_string(i), tricky[i],
                i % 2 ? std::numeric_limits<std::int64_t>::max()
                      : std::numeric_limits<std::int64_t>::min());
    }
  });
  db->Read([&](Session& s) {
    for (int i = 0; i < 6; ++i) {
      auto row = s.QueryOne(kGet, "b" + std::to_string(i));
      ASSERT_TRUE(row);
      double back = row->Real("tokens");
      // Bit for bit: the same bits, not merely a close value.
      EXPECT_EQ(std::bit_cast<std::uint64_t>(back), std::bit_cast<std::uint64_t>(tricky[i]))
          << tricky[i];
      EXPECT_EQ(row->Int("updated_ms"), i % 2 ? std::numeric_limits<std::int64_t>::max()
                                              : std::numeric_limits<std::int64_t>::min());
      EXPECT_EQ(row->Text("bucket"), "b" + std::to_string(i));
      EXPECT_THROW(row->Int("no_such_column"), std::logic_error);
    }
  });
}

TEST_F(DatabaseContractTest, BlobsKeepEveryByte) {
  auto db = Open();
  // NUL bytes, bytes that are not UTF-8, and all 256 values.
  std::string bytes("a\0b\xff\xfe\\x", 7);
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  constexpr Statement kEcho{"test.echo", "SELECT $1 AS bytes"};
  auto back =
      db->ReadResult([&](Session& s) { return s.QueryOne(kEcho, Blob{bytes})->Text("bytes"); });
  EXPECT_EQ(back, bytes);
}

TEST_F(DatabaseContractTest, AFailedWriteLeavesNothingAndReachesTheCaller) {
  auto db = Open();
  EXPECT_THROW(db->Write([](Session& s) {
    s.Execute(kInsert, "k1", "v1");
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"));
  }),
               Error);
  EXPECT_EQ(Count(*db), 0);
}

TEST_F(DatabaseContractTest, AConstraintViolationIsTypedAndKeepsTheFirstValue) {
  auto db = Open();
  db->Write([](Session& s) { s.Execute(kInsert, "k1", "v1"); });
  EXPECT_THROW(db->Write([](Session& s) { s.Execute(kInsert, "k1", "v2"); }), ConstraintViolation);
  auto value = db->ReadResult([](Session& s) { return s.QueryOne(kValue, "k1")->Text("value"); });
  EXPECT_EQ(value, "v1");
}

TEST_F(DatabaseContractTest, ANestedWriteIsRefusedAndUndoesTheOuterWrite) {
  auto db = Open();
  EXPECT_THROW(db->Write([&](Session& s) {
    s.Execute(kInsert, "outer", "v");
    db->Write([](Session& inner) { inner.Execute(kInsert, "inner", "v"); });
  }),
               std::logic_error);
  EXPECT_EQ(Count(*db), 0);
}

TEST_F(DatabaseContractTest, AReadSeesOneSnapshot) {
  auto db = Open();
  db->Write([](Session& s) { s.Execute(kInsert, "a", "1"); });
  db->Read([&](Session& s) {
    EXPECT_EQ(s.QueryOne(kCount)->Int("n"), 1);
    // A write committed while this snapshot is open is not visible to it.
    std::thread writer([&] { db->Write([](Session& w) { w.Execute(kInsert, "b", "2"); }); });
    writer.join();
    EXPECT_EQ(s.QueryOne(kCount)->Int("n"), 1);
  });
  EXPECT_EQ(Count(*db), 2);
}

TEST_F(DatabaseContractTest, ReadsCannotWrite) {
  auto db = Open();
  EXPECT_ANY_THROW(db->Read([](Session& s) { s.Execute(kInsert, "r", "1"); }));
  EXPECT_EQ(Count(*db), 0);
}

TEST_F(DatabaseContractTest, CountsStatementsPerSession) {
  auto db = Open();
  auto count = db->ReadResult([](Session& s) {
    auto before = s.statement_count();
    s.Query(kCount);
    s.Query(kCount);
    return s.statement_count() - before;
  });
  EXPECT_EQ(count, 2u);
}

// Two handles on one database (two instances of Vigor, as far as the database can tell) write at
// once: every acknowledged write is there, none twice, and failing writes leave nothing.
TEST_F(DatabaseContractTest, TwoHandlesWritingAtOnceLoseNothing) {
  auto first = Open();
  auto second = Open();
  constexpr int kThreads = 8;
  constexpr int kPerThread = 30;
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Database& db = t % 2 ? *first : *second;
      for (int i = 0; i < kPerThread; ++i) {
        std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
        try {
          db.Write([&](Session& s) {
            s.Execute(kInsert, key, "v");
            if (i % 7 == 0) throw Error(ErrorKind::kConflict, Msg("invalid_fields"));
          });
          ++acknowledged;
        } catch (const Error&) {
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(acknowledged, kThreads * (kPerThread - 5));  // i = 0, 7, 14, 21, 28 refused
  EXPECT_EQ(Count(*first), acknowledged.load());
  EXPECT_EQ(Count(*second), acknowledged.load());
}

TEST_F(DatabaseContractTest, RefusesADatabaseFromANewerVersion) {
  {
    auto db = Open();
    db->Write([](Session& s) {
      s.Execute(Statement{"test.future",
                          "INSERT INTO schema_migrations (version, name) "
                          "VALUES (99999, 'from the future')"});
    });
  }
  EXPECT_THROW(Open(), StorageUnavailable);
}

}  // namespace
}  // namespace vigor::platform::store
