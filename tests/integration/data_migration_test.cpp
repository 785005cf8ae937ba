#include "app/data_migration.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <map>

#include "platform/obs/log.hpp"
#include "platform/store/sqlite_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace vigor {
namespace {

namespace dm = app::data_migration;
namespace store = platform::store;

// A table of awkward values next to the real schema, created the same way on both backends.
constexpr store::Statement kCreateProbe{
    "test.create_probe",
    "CREATE TABLE migrate_probe (id TEXT PRIMARY KEY, n INTEGER, d REAL, t TEXT, b BLOB)",
    "CREATE TABLE migrate_probe (id TEXT COLLATE \"C\" PRIMARY KEY, n BIGINT, "
    "d DOUBLE PRECISION, t TEXT, b BYTEA)"};
constexpr store::Statement kInsertProbe{
    "test.insert_probe", "INSERT INTO migrate_probe (id, n, d, t, b) VALUES ($1, $2, $3, $4, $5)"};
constexpr store::Statement kReadProbe{"test.read_probe",
                                      "SELECT id, n, d, t, b FROM migrate_probe ORDER BY id"};
constexpr store::Statement kNudgeProbe{"test.nudge_probe",
                                       "UPDATE migrate_probe SET d = $2 WHERE id = $1"};

struct Probe {
  std::string id;
  std::optional<std::int64_t> n;
  std::optional<double> d;
  std::optional<std::string> t;
  std::optional<std::string> b;
};

std::vector<Probe> Probes() {
  return {
      {"a", std::numeric_limits<std::int64_t>::min(), 0.1, "plain", std::string("\0\x01\xff", 3)},
      {"b", std::numeric_limits<std::int64_t>::max(), -2.5e-300, "Grüße ✓ 💪", std::string()},
      {"c", 0, std::numeric_limits<double>::denorm_min(), "", std::nullopt},
      {"d", -1, 1.7976931348623157e308, std::nullopt, std::string("\\x00'\"")},
      {"e", std::nullopt, 82.4 - 0.3, "quote ' and \\ backslash", std::string(3000, '\x80')},
      {"f", 42, std::nullopt, "Z", std::string("B")},
      {"g", 7, 1.0 / 3.0, "z", std::string("b")},
  };
}

void CreateProbe(store::Database& db, bool fill) {
  db.Write([&](store::Session& s) {
    s.Execute(kCreateProbe);
    if (!fill) return;
    for (const auto& p : Probes()) {
      std::vector<store::Value> params{store::ToValue(p.id), store::ToValue(p.n),
                                       store::ToValue(p.d), store::ToValue(p.t),
                                       p.b ? store::Value(store::Blob{*p.b}) : nullptr};
      s.ExecuteParams(kInsertProbe, params);
    }
  });
}

// The probe rows as read back, with doubles as their bits.
std::vector<std::string> ReadProbe(store::Database& db) {
  return db.ReadResult([](store::Session& s) {
    std::vector<std::string> out;
    for (const auto& r : s.Query(kReadProbe)) {
      std::string line = r.Text("id") + "|";
      line += r.IsNull("n") ? "null" : std::to_string(r.Int("n"));
      line += "|";
      line += r.IsNull("d") ? "null" : std::to_string(std::bit_cast<std::uint64_t>(r.Real("d")));
      line += "|" + (r.IsNull("t") ? std::string("null") : "t:" + r.Text("t"));
      line += "|" + (r.IsNull("b") ? std::string("null") : "b:" + r.Text("b"));
      out.push_back(line);
    }
    return out;
  });
}

std::vector<std::string> Expected() {
  std::vector<std::string> out;
  for (const auto& p : Probes()) {
    std::string line = p.id + "|" + (p.n ? std::to_string(*p.n) : "null") + "|" +
                       (p.d ? std::to_string(std::bit_cast<std::uint64_t>(*p.d)) : "null") + "|" +
                       (p.t ? "t:" + *p.t : "null") + "|" + (p.b ? "b:" + *p.b : "null");
    out.push_back(line);
  }
  return out;
}

class DataMigrationTest : public ::testing::Test {
 protected:
  std::unique_ptr<store::Database> Sqlite(const std::filesystem::path& dir) {
    return std::make_unique<store::SqliteDatabase>(
        store::SqliteOptions{.path = dir / "vigor.db", .readers = 2}, logger_);
  }

  platform::obs::Logger logger_{platform::obs::LogLevel::kError};
  testing::TempDir dir_;
};

// SQLite -> this run's backend -> SQLite: every value comes back exactly, and both sides'
// digests agree at each step.
TEST_F(DataMigrationTest, CopiesEveryValueExactlyThereAndBack) {
  auto source = Sqlite(dir_.path() / "a");
  CreateProbe(*source, /*fill=*/true);
  ASSERT_EQ(ReadProbe(*source), Expected()) << "the probe values as written";

  std::unique_ptr<testing::ScratchPostgres> holder;
  auto middle = testing::OpenTestDatabase(dir_.path() / "b", logger_, holder);
  CreateProbe(*middle, /*fill=*/false);
  auto back = Sqlite(dir_.path() / "c");
  CreateProbe(*back, /*fill=*/false);

  auto tables = dm::ReadSchema(*middle);
  ASSERT_TRUE(dm::CompareSchemas(dm::ReadSchema(*source), tables).empty());
  EXPECT_TRUE(dm::NonEmptyTables(*middle, tables).empty());
  // Small batches, so paging (and its keyset over a text key) is exercised.
  dm::CopyOptions options{.batch_rows = 2};
  // The probe's 7 rows and the privacy policy's version 1, which the migrations wrote on each
  // side (the target's is replaced by the source's rather than refused as a duplicate).
  EXPECT_EQ(dm::CopyTables(*source, *middle, tables, options), 7 + 1);
  EXPECT_EQ(ReadProbe(*middle), Expected());
  EXPECT_EQ(dm::NonEmptyTables(*middle, tables), std::vector<std::string>{"migrate_probe"});

  auto back_tables = dm::ReadSchema(*back);
  ASSERT_TRUE(dm::CompareSchemas(tables, back_tables).empty());
  EXPECT_EQ(dm::CopyTables(*middle, *back, back_tables, options), 7 + 1);
  EXPECT_EQ(ReadProbe(*back), Expected());

  auto a = dm::DigestTables(*source, tables, 3);
  auto b = dm::DigestTables(*middle, tables, 3);
  auto c = dm::DigestTables(*back, tables, 3);
  ASSERT_EQ(a.size(), tables.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].rows, b[i].rows) << a[i].table;
    EXPECT_EQ(a[i].sha256_hex, b[i].sha256_hex) << a[i].table;
    EXPECT_EQ(a[i].sha256_hex, c[i].sha256_hex) << a[i].table;
  }

  // One double off by one unit in the last place: that table's digest differs, no other.
  middle->Write(
      [](store::Session& s) { s.Execute(kNudgeProbe, "g", std::nextafter(1.0 / 3.0, 1.0)); });
  auto nudged = dm::DigestTables(*middle, tables, 3);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].table == "migrate_probe") {
      EXPECT_NE(a[i].sha256_hex, nudged[i].sha256_hex);
      EXPECT_EQ(a[i].rows, nudged[i].rows);
    } else {
      EXPECT_EQ(a[i].sha256_hex, nudged[i].sha256_hex) << a[i].table;
    }
  }
}

TEST_F(DataMigrationTest, ParentsComeBeforeTheTablesThatReferenceThem) {
  std::unique_ptr<testing::ScratchPostgres> holder;
  auto db = testing::OpenTestDatabase(dir_.path() / "a", logger_, holder);
  auto tables = dm::ReadSchema(*db);
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < tables.size(); ++i) position[tables[i].name] = i;
  EXPECT_FALSE(position.contains("schema_migrations"));
  // From the migrations: sets belong to blocks, blocks to workouts, workouts to users.
  EXPECT_LT(position.at("users"), position.at("workouts"));
  EXPECT_LT(position.at("workouts"), position.at("workout_blocks"));
  EXPECT_LT(position.at("workout_blocks"), position.at("workout_sets"));
  EXPECT_LT(position.at("jobs"), position.at("import_uploads"));
  for (const auto& t : tables) {
    for (const auto& parent : t.references) {
      EXPECT_LT(position.at(parent), position.at(t.name)) << t.name << " -> " << parent;
    }
  }
  const auto& sets = tables[position.at("workout_sets")];
  EXPECT_EQ(sets.primary_key,
            (std::vector<std::string>{"user_id", "workout_id", "block_position", "position"}));
}

TEST(DataMigrationEncoding, KindsFollowTheDeclaredTypes) {
  using dm::ColumnKind;
  EXPECT_EQ(dm::KindOfDeclaredType("INTEGER"), ColumnKind::kInteger);
  EXPECT_EQ(dm::KindOfDeclaredType("bigint"), ColumnKind::kInteger);
  EXPECT_EQ(dm::KindOfDeclaredType("REAL"), ColumnKind::kReal);
  EXPECT_EQ(dm::KindOfDeclaredType("double precision"), ColumnKind::kReal);
  EXPECT_EQ(dm::KindOfDeclaredType("TEXT"), ColumnKind::kText);
  EXPECT_EQ(dm::KindOfDeclaredType("character varying"), ColumnKind::kText);
  EXPECT_EQ(dm::KindOfDeclaredType("BLOB"), ColumnKind::kBlob);
  EXPECT_EQ(dm::KindOfDeclaredType("bytea"), ColumnKind::kBlob);
  EXPECT_THROW(dm::KindOfDeclaredType("numeric"), std::runtime_error);
  EXPECT_THROW(dm::KindOfDeclaredType("timestamp with time zone"), std::runtime_error);
}

TEST(DataMigrationEncoding, ValuesAreEncodedByKindWithEveryBit) {
  using dm::ColumnKind;
  std::string out;
  dm::AppendCanonical(out, ColumnKind::kReal, 0.1);  // 0.1 is 0x3FB999999999999A in IEEE 754
  EXPECT_EQ(out, std::string("R\x3f\xb9\x99\x99\x99\x99\x99\x9a", 9));
  out.clear();
  dm::AppendCanonical(out, ColumnKind::kReal, std::int64_t{1});  // an integer in a REAL column
  EXPECT_EQ(out, std::string("R\x3f\xf0\0\0\0\0\0\0", 9));
  out.clear();
  dm::AppendCanonical(out, ColumnKind::kInteger, std::int64_t{-2});
  EXPECT_EQ(out, std::string("I\xff\xff\xff\xff\xff\xff\xff\xfe", 9));
  out.clear();
  dm::AppendCanonical(out, ColumnKind::kText, std::string("hé"));
  EXPECT_EQ(out, std::string("T\0\0\0\0\0\0\0\x03h\xc3\xa9", 12));
  out.clear();
  // A blob read back is a string of bytes; bound it is a Blob: the same encoding.
  dm::AppendCanonical(out, ColumnKind::kBlob, std::string("\0", 1));
  dm::AppendCanonical(out, ColumnKind::kBlob, store::Blob{std::string("\0", 1)});
  EXPECT_EQ(out, std::string("B\0\0\0\0\0\0\0\x01\0B\0\0\0\0\0\0\0\x01\0", 20));
  out.clear();
  dm::AppendCanonical(out, ColumnKind::kText, nullptr);
  EXPECT_EQ(out, "N");
}

}  // namespace
}  // namespace vigor
