#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/obs/log.hpp"
#include "platform/store/database.hpp"
#include "platform/store/sqlite_database.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::store {
namespace {

Row MakeRow(std::vector<std::string> names, std::vector<Value> values) {
  return Row(std::make_shared<const ColumnNames>(std::move(names)), std::move(values));
}

TEST(RowTest, ReadsEachColumnByItsName) {
  auto row = MakeRow({"id", "weight_kg", "reps", "done", "notes", "rpe"},
                     {std::string("w1"), 82.5, std::int64_t{5}, std::int64_t{0}, nullptr, nullptr});
  EXPECT_EQ(row.Text("id"), "w1");
  EXPECT_DOUBLE_EQ(row.Real("weight_kg"), 82.5);
  EXPECT_EQ(row.Int("reps"), 5);
  EXPECT_DOUBLE_EQ(row.Real("reps"), 5.0) << "an integer is a number";
  EXPECT_FALSE(row.Bool("done"));
  EXPECT_TRUE(row.IsNull("notes"));
  EXPECT_EQ(row.OptText("notes"), std::nullopt);
  EXPECT_EQ(row.OptReal("rpe"), std::nullopt);
  EXPECT_EQ(row.OptInt("reps"), std::optional<std::int64_t>(5));
  EXPECT_EQ(row.IndexOf("reps"), 2u);
}

TEST(RowTest, AMissingColumnIsAProgrammingError) {
  auto row = MakeRow({"id", "title"}, {std::string("w1"), std::string("Legs")});
  EXPECT_THROW(row.Text("name"), std::logic_error);
  EXPECT_THROW(row.OptText("name"), std::logic_error) << "not read as NULL";
  EXPECT_THROW(row.IndexOf("Title"), std::logic_error) << "names are compared exactly";
}

TEST(RowTest, ANameTheResultHasTwiceIsAProgrammingError) {
  // SELECT s.id, u.id FROM sessions s JOIN users u ...: which id is meant is not knowable.
  auto row =
      MakeRow({"id", "username", "id"}, {std::string("s1"), std::string("ann"), std::string("u1")});
  EXPECT_THROW(row.Text("id"), std::logic_error);
  EXPECT_EQ(row.Text("username"), "ann") << "the other columns stay readable";
}

TEST(RowTest, AColumnOfAnotherTypeIsAProgrammingError) {
  auto row = MakeRow({"title", "avg_hr"}, {std::string("Run"), 151.5});
  EXPECT_THROW(row.Int("title"), std::logic_error);
  EXPECT_THROW(row.Int("avg_hr"), std::logic_error) << "a real is not silently truncated";
}

// The point of reading by name, on a real database: a statement that gains a column in the
// middle of its SELECT list (here `length(value) AS value_length`) moves the columns after it,
// and a mapper that reads by name still reads the same values.
class RowOnSqliteTest : public ::testing::Test {
 protected:
  RowOnSqliteTest()
      : logger_(obs::LogLevel::kError, (dir_.path() / "log.jsonl").string()),
        db_(SqliteOptions{.path = dir_.path() / "vigor.db", .readers = 1}, logger_) {}

  testing::TempDir dir_;
  obs::Logger logger_;
  SqliteDatabase db_;
};

constexpr Statement kInsert{
    "test.insert", "INSERT INTO write_probes (key, value, updated_at) VALUES ($1, $2, $3)"};

struct Probe {
  std::string key;
  std::string value;
  std::string updated_at;
};

Probe ProbeFromRow(const Row& r) {
  return {.key = r.Text("key"), .value = r.Text("value"), .updated_at = r.Text("updated_at")};
}

TEST_F(RowOnSqliteTest, AColumnAddedInTheMiddleShiftsNoOther) {
  constexpr Statement kBefore{"test.before",
                              "SELECT key, value, updated_at FROM write_probes WHERE key = $1"};
  constexpr Statement kAfter{
      "test.after",
      "SELECT key, length(value) AS value_length, value, updated_at FROM write_probes "
      "WHERE key = $1"};
  db_.Write([](Session& s) { s.Execute(kInsert, "k1", "hello", "2024-05-01T10:00:00Z"); });

  auto before = db_.ReadResult([&](Session& s) { return *s.QueryOne(kBefore, "k1"); });
  auto after = db_.ReadResult([&](Session& s) { return *s.QueryOne(kAfter, "k1"); });

  // The new column did move "value" and "updated_at" one place to the right...
  EXPECT_EQ(before.IndexOf("value"), 1u);
  EXPECT_EQ(after.IndexOf("value"), 2u);
  EXPECT_EQ(after.IndexOf("updated_at"), 3u);
  // ...and the mapper reads the same probe from both.
  for (const Row* row : {&before, &after}) {
    Probe p = ProbeFromRow(*row);
    EXPECT_EQ(p.key, "k1");
    EXPECT_EQ(p.value, "hello");
    EXPECT_EQ(p.updated_at, "2024-05-01T10:00:00Z");
  }
  EXPECT_EQ(after.Int("value_length"), 5) << "length('hello')";
}

TEST_F(RowOnSqliteTest, AComputedColumnIsReadByItsAlias) {
  constexpr Statement kCount{"test.count", "SELECT COUNT(*) AS n FROM write_probes"};
  db_.Write([](Session& s) {
    s.Execute(kInsert, "a", "v", "t");
    s.Execute(kInsert, "b", "v", "t");
  });
  EXPECT_EQ(db_.ReadResult([&](Session& s) { return s.QueryOne(kCount)->Int("n"); }), 2);
}

TEST_F(RowOnSqliteTest, AQualifiedColumnIsNamedWithoutItsTable) {
  // Joins read `w.title` as "title", as PostgreSQL names it too; the repositories rely on it.
  constexpr Statement kQualified{"test.qualified",
                                 "SELECT p.key, p.value FROM write_probes p WHERE p.key = $1"};
  db_.Write([](Session& s) { s.Execute(kInsert, "a", "v", "t"); });
  auto row = db_.ReadResult([&](Session& s) { return *s.QueryOne(kQualified, "a"); });
  EXPECT_EQ(row.Text("key"), "a");
  EXPECT_EQ(row.Text("value"), "v");
}

}  // namespace
}  // namespace vigor::platform::store
