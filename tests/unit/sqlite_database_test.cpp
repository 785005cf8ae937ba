#include "platform/store/sqlite_database.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "platform/error.hpp"
#include "platform/obs/log.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::store {
namespace {

constexpr Statement kInsert{
    "test.insert", "INSERT INTO write_probes (key, value, updated_at) VALUES ($1, $2, 't')"};
constexpr Statement kCount{"test.count", "SELECT COUNT(*) AS n FROM write_probes"};
constexpr Statement kValue{"test.value", "SELECT value FROM write_probes WHERE key = $1"};

// What only SQLite has: WAL, its checkpointer, group commit. The contract both backends keep is
// checked in tests/integration/database_contract_test.cpp.
class SqliteDatabaseTest : public ::testing::Test {
 protected:
  SqliteDatabaseTest() : logger_(obs::LogLevel::kError, (dir_.path() / "log.jsonl").string()) {}

  std::unique_ptr<SqliteDatabase> Open(int readers = 2) {
    return std::make_unique<SqliteDatabase>(
        SqliteOptions{.path = dir_.path() / "vigor.db", .readers = readers}, logger_);
  }

  std::int64_t Count(Database& db) {
    return db.ReadResult([](Session& s) { return s.QueryOne(kCount)->Int("n"); });
  }

  testing::TempDir dir_;
  obs::Logger logger_;
};

TEST_F(SqliteDatabaseTest, UsesWalWithFullSync) {
  Open();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir_.path() / "vigor.db").c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

TEST_F(SqliteDatabaseTest, BlobsKeepEveryByteAndAreStoredAsBlobs) {
  auto db = Open();
  // NUL bytes, bytes that are not UTF-8, and all 256 values.
  std::string bytes("a\0b\xff\xfe", 5);
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  constexpr Statement kEcho{"test.echo",
                            "SELECT $1 AS echo, typeof($1) AS type, length($1) AS length"};
  auto row = db->ReadResult([&](Session& s) { return *s.QueryOne(kEcho, Blob{bytes}); });
  EXPECT_EQ(row.Text("echo"), bytes);
  EXPECT_EQ(row.Text("type"), "blob");
  EXPECT_EQ(row.Int("length"), static_cast<std::int64_t>(bytes.size()));
  // Text stays text.
  auto text = db->ReadResult([&](Session& s) { return s.QueryOne(kEcho, "abc")->Text("type"); });
  EXPECT_EQ(text, "text");
}

// Checkpoints happen off the commit path, on their own thread: the WAL's pages still reach the
// database file once the WAL has grown past SQLite's usual threshold (1000 pages).
TEST_F(SqliteDatabaseTest, TheWalIsCheckpointedInTheBackground) {
  auto db = Open();
  auto file = dir_.path() / "vigor.db";
  auto before = std::filesystem::file_size(file);
  std::string value(4000, 'x');  // about a page a row
  for (int batch = 0; batch < 30; ++batch) {
    db->Write([&](Session& s) {
      for (int i = 0; i < 100; ++i) {
        s.Execute(kInsert, std::to_string(batch) + "/" + std::to_string(i), value);
      }
    });
  }
  // 3000 rows of about 4 KB: at least 8 MB must be copied into the file itself.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::filesystem::file_size(file) < before + 8'000'000 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(std::filesystem::file_size(file), before + 8'000'000);
  EXPECT_EQ(Count(*db), 3000);
}

// Many writers at once: every write that returned is there, failing writers in the same group
// commit lose only their own changes, and writes were really grouped (fewer batches than writes).
TEST_F(SqliteDatabaseTest, GroupCommitKeepsGoodWritesAndDropsFailingOnes) {
  auto db = Open();
  constexpr int kThreads = 16;
  constexpr int kPerThread = 40;
  std::atomic<int> acknowledged{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
        bool fail = i % 5 == 0;  // every fifth write of each thread fails after writing
        try {
          db->Write([&](Session& s) {
            s.Execute(kInsert, key, "v");
            s.Execute(kInsert, key + "-second", "v");
            if (fail) throw Error(ErrorKind::kConflict, Msg("invalid_fields"));
          });
          ++acknowledged;
        } catch (const Error&) {
          ++refused;
        }
      }
    });
  }
  for (auto& t : threads) t.join();

  const int expected_refused = kThreads * (kPerThread / 5);
  EXPECT_EQ(refused, expected_refused);
  EXPECT_EQ(acknowledged, kThreads * kPerThread - expected_refused);
  EXPECT_EQ(Count(*db), 2 * acknowledged.load());
  db->Read([&](Session& s) {
    for (int t = 0; t < kThreads; ++t) {
      for (int i = 0; i < kPerThread; ++i) {
        std::string key = "t" + std::to_string(t) + "-" + std::to_string(i);
        EXPECT_EQ(s.QueryOne(kValue, key).has_value(), i % 5 != 0) << key;
      }
    }
  });
  auto stats = db->Stats();
  EXPECT_EQ(stats.writes_committed, static_cast<std::uint64_t>(acknowledged.load()));
  EXPECT_LT(stats.write_batches, static_cast<std::uint64_t>(kThreads * kPerThread));
}

}  // namespace
}  // namespace vigor::platform::store
