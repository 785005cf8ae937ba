// Migration 0011 (user_revisions) on a database that already has rows: each user's counter
// starts at the highest rev of their rows in any table.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <utility>
#include <vector>

#include "platform/store/migrations.hpp"

namespace vigor::platform::store {
namespace {

// Migration 0011 starts each existing user's counter at the highest rev of their rows in any
// table, so new changes sort after every old one; a user without rows starts at 0.
TEST(UserRevisionsMigration, StartsEachUserAboveEveryRevTheyHave) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  auto exec = [db](const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << "\n" << sql.substr(0, 200);
    sqlite3_free(error);
  };
  const Migration* revisions = nullptr;
  for (const auto& m : EmbeddedMigrations("sqlite")) {
    if (m.version < 11) exec(std::string(m.sql));
    if (m.version == 11) revisions = &m;
  }
  ASSERT_NE(revisions, nullptr);
  EXPECT_EQ(revisions->name, "0011_user_revisions");
  exec(
      "INSERT INTO users (id, username, email, created_at, updated_at) VALUES "
      "('u1', 'ann', 'ann@x', 't', 't'), ('u2', 'bob', 'bob@x', 't', 't'), "
      "('u3', 'cy', 'cy@x', 't', 't');"
      // u1: highest in routines (9), a deleted one among them counts too.
      "INSERT INTO workouts (id, user_id, kind, started_at, input_hash, created_at, updated_at, "
      "rev) VALUES ('w1', 'u1', 'strength', 's', 'h', 't', 't', 3), "
      "('w2', 'u1', 'strength', 's', 'h', 't', 't', 7), "
      "('w3', 'u2', 'strength', 's', 'h', 't', 't', 2);"
      "INSERT INTO routines (id, user_id, name, created_at, updated_at, rev, deleted_at) VALUES "
      "('r1', 'u1', 'A', 't', 't', 9, 't');"
      // u2: highest in measurements (6).
      "INSERT INTO measurements (id, user_id, kind, day, value, unit, created_at, updated_at, rev) "
      "VALUES ('m1', 'u2', 'weight', '2026-01-01', 80, 'kg', 't', 't', 6);"
      "INSERT INTO programs (id, user_id, name, created_at, updated_at, rev) VALUES "
      "('p1', 'u2', 'P', 't', 't', 4);"
      "INSERT INTO custom_exercises (id, user_id, name, name_folded, category, log_type, "
      "created_at, updated_at, rev) VALUES ('e1', 'u2', 'E', 'e', 'strength', 'reps', 't', 't', "
      "5);");
  exec(std::string(revisions->sql));
  std::vector<std::pair<std::string, std::int64_t>> rows;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT user_id, rev FROM user_revisions ORDER BY user_id", -1, &stmt,
                     nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                      sqlite3_column_int64(stmt, 1));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_EQ(rows,
            (std::vector<std::pair<std::string, std::int64_t>>{{"u1", 9}, {"u2", 6}, {"u3", 0}}));
}

}  // namespace
}  // namespace vigor::platform::store
