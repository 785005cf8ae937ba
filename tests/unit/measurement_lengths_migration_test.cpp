// Migration 0010: circumferences recorded before they were built in (as the user's own kinds in
// cm, mm or in) are rewritten in metres; anything else is left as it was.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "platform/store/migrations.hpp"

namespace vigor::platform::store {
namespace {

class Sqlite {
 public:
  Sqlite() { sqlite3_open(":memory:", &db_); }
  ~Sqlite() { sqlite3_close(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;

  void Exec(std::string_view sql) {
    char* error = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    ASSERT_EQ(rc, SQLITE_OK) << (error ? error : "") << "\n" << text.substr(0, 200);
  }
  // value and unit of the row with `id`
  std::pair<double, std::string> Row(const std::string& id) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db_, "SELECT value, unit FROM measurements WHERE id = ?1", -1, &stmt,
                       nullptr);
    sqlite3_bind_text(stmt, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    std::pair<double, std::string> out{-1, ""};
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      out = {sqlite3_column_double(stmt, 0),
             reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))};
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST(MeasurementLengthsMigration, RewritesCircumferencesInCmMmOrInchesAsMetres) {
  Sqlite db;
  const Migration* lengths = nullptr;
  for (const auto& m : EmbeddedMigrations("sqlite")) {
    if (m.version < 10) db.Exec(m.sql);
    if (m.version == 10) lengths = &m;
  }
  ASSERT_NE(lengths, nullptr);
  EXPECT_EQ(lengths->name, "0010_measurement_lengths_si");
  db.Exec(
      "INSERT INTO measurements (id, user_id, kind, day, value, unit, created_at, updated_at, rev) "
      "VALUES ('cm', 'u', 'waist', '2026-03-01', 84, 'cm', 't', 't', 1),"
      " ('in', 'u', 'chest', '2026-03-01', 40, 'in', 't', 't', 2),"
      " ('mm', 'u', 'neck', '2026-03-01', 390, 'mm', 't', 't', 3),"
      " ('m', 'u', 'waist', '2026-03-02', 0.83, 'm', 't', 't', 4),"
      " ('odd', 'u', 'thigh', '2026-03-01', 22, 'inches', 't', 't', 5),"
      " ('own', 'u', 'wrist', '2026-03-01', 17, 'cm', 't', 't', 6),"
      " ('kg', 'u', 'weight', '2026-03-01', 80, 'kg', 't', 't', 7)");
  db.Exec(lengths->sql);

  auto [cm, cm_unit] = db.Row("cm");
  EXPECT_DOUBLE_EQ(cm, 0.84);
  EXPECT_EQ(cm_unit, "m");
  auto [in, in_unit] = db.Row("in");
  EXPECT_DOUBLE_EQ(in, 1.016);  // 40 x 0.0254
  EXPECT_EQ(in_unit, "m");
  auto [mm, mm_unit] = db.Row("mm");
  EXPECT_DOUBLE_EQ(mm, 0.39);
  EXPECT_EQ(mm_unit, "m");
  EXPECT_EQ(db.Row("m"), (std::pair<double, std::string>{0.83, "m"}));
  EXPECT_EQ(db.Row("odd"), (std::pair<double, std::string>{22, "inches"})) << "unknown unit";
  EXPECT_EQ(db.Row("own"), (std::pair<double, std::string>{17, "cm"})) << "not a built-in kind";
  EXPECT_EQ(db.Row("kg"), (std::pair<double, std::string>{80, "kg"}));
}

}  // namespace
}  // namespace vigor::platform::store
