// Migration 0013 (workout ids per user) on a database that already has workouts: every row of
// workouts, blocks, sets and tracks is kept as it was, and the keys are per user afterwards. The
// database is built with the migrations before 0013 by hand (as a server of that version left
// it), then migrated by the real runner (MigrateDatabase), on SQLite and on PostgreSQL.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "platform/obs/log.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/open_database.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace vigor {
namespace {

constexpr int kPerUserIds = 13;

// SQL text without parameters on a database, below the storage layer: the schema is older than
// the one the Database classes expect until the migration has run.
class RawDatabase {
 public:
  virtual ~RawDatabase() = default;
  // False, with the database's message in `error`, when the statement fails.
  virtual bool TryExec(const std::string& sql, std::string& error) = 0;
  // Each row as its columns' text joined by '|', NULL as "-".
  virtual std::vector<std::string> Rows(const std::string& sql) = 0;

  void Exec(const std::string& sql) {
    std::string error;
    ASSERT_TRUE(TryExec(sql, error)) << error << "\n" << sql.substr(0, 300);
  }
  std::string One(const std::string& sql) {
    auto rows = Rows(sql);
    return rows.size() == 1 ? rows.front() : "(" + std::to_string(rows.size()) + " rows)";
  }
};

class RawSqlite final : public RawDatabase {
 public:
  explicit RawSqlite(const std::filesystem::path& path) {
    sqlite3_open(path.c_str(), &db_);
    // As the server's connections have it (store/sqlite_database.cpp).
    sqlite3_exec(db_, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
  }
  ~RawSqlite() override { sqlite3_close(db_); }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;

  bool TryExec(const std::string& sql, std::string& error) override {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    error = message ? message : "";
    sqlite3_free(message);
    return rc == SQLITE_OK;
  }
  std::vector<std::string> Rows(const std::string& sql) override {
    std::vector<std::string> rows;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_) << "\n"
        << sql;
    while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (c > 0) row += '|';
        const auto* text = sqlite3_column_text(stmt, c);
        row += text ? reinterpret_cast<const char*>(text) : "-";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(stmt);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
};

class RawPostgres final : public RawDatabase {
 public:
  explicit RawPostgres(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    EXPECT_EQ(PQstatus(conn_), CONNECTION_OK) << PQerrorMessage(conn_);
    PQclear(PQexec(conn_, "SET client_min_messages = warning"));
  }
  ~RawPostgres() override { PQfinish(conn_); }
  RawPostgres(const RawPostgres&) = delete;
  RawPostgres& operator=(const RawPostgres&) = delete;

  bool TryExec(const std::string& sql, std::string& error) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    bool ok =
        PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    error = ok ? "" : PQresultErrorMessage(result);
    PQclear(result);
    return ok;
  }
  std::vector<std::string> Rows(const std::string& sql) override {
    std::vector<std::string> rows;
    PGresult* result = PQexec(conn_, sql.c_str());
    EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << PQresultErrorMessage(result) << sql;
    for (int r = 0; r < PQntuples(result); ++r) {
      std::string row;
      for (int c = 0; c < PQnfields(result); ++c) {
        if (c > 0) row += '|';
        row += PQgetisnull(result, r, c) ? "-" : PQgetvalue(result, r, c);
      }
      rows.push_back(row);
    }
    PQclear(result);
    return rows;
  }

 private:
  PGconn* conn_;
};

// Every row of the four tables, in the order of their old keys (ids were unique across users).
std::vector<std::string> Snapshot(RawDatabase& db) {
  std::vector<std::string> all;
  for (const char* query : {
           // The columns 0013 knew: later migrations add their own (0024: visibility).
           "SELECT id, user_id, title, kind, started_at, ended_at, time_zone, notes, "
           "perceived_effort, routine_id, sport, distance_m, duration_s, moving_time_s, "
           "elevation_gain_m, avg_hr, max_hr, calories_kcal, total_sets, total_reps, "
           "total_volume_kg, total_exercises, total_duration_s, exercise_ids, input_hash, "
           "created_at, updated_at, rev, deleted_at, import_id FROM workouts ORDER BY id",
           "SELECT * FROM workout_blocks ORDER BY workout_id, position",
           // The columns 0013 knew: later migrations add their own (0014: notes).
           "SELECT workout_id, block_position, position, user_id, set_type, reps, weight_kg, "
           "duration_s, distance_m, rpe, rir, done, target_reps, target_weight_kg, target_rir "
           "FROM workout_sets ORDER BY workout_id, block_position, position",
           "SELECT * FROM workout_tracks ORDER BY workout_id",
       }) {
    all.emplace_back(query);
    for (auto& row : db.Rows(query)) all.push_back(std::move(row));
  }
  return all;
}

class WorkoutIdsMigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::OnPostgres()) {
      // A scratch database is a copy of the migrated template: empty it, then build it anew.
      postgres_ = std::make_unique<testing::ScratchPostgres>();
      config_.database_url = postgres_->url();
      Connect();
      db_->Exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      db_->Exec(
          "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at TEXT NOT NULL DEFAULT 'before')");
    } else {
      config_.data_dir = dir_.path();
      Connect();
      db_->Exec(
          "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at TEXT NOT NULL DEFAULT 'before')");
    }
    bool found = false;
    for (const auto& m : platform::store::EmbeddedMigrations(Dialect())) {
      if (m.version == kPerUserIds) {
        EXPECT_EQ(m.name, "0013_workout_ids_per_user");
        found = true;
      }
      if (m.version >= kPerUserIds) continue;
      db_->Exec(std::string(m.sql));
      db_->Exec("INSERT INTO schema_migrations (version, name) VALUES (" +
                std::to_string(m.version) + ", '" + std::string(m.name) + "')");
    }
    ASSERT_TRUE(found);
    // Ana (u1) has a strength workout with two blocks and three sets, a cardio one with a track,
    // a deleted one and an imported one; Ben (u2) a workout with one block and one set.
    db_->Exec(
        "INSERT INTO users (id, username, email, created_at, updated_at) VALUES "
        "('u1', 'ana', 'ana@example.com', 't0', 't0'), "
        "('u2', 'ben', 'ben@example.com', 't0', 't0')");
    db_->Exec(
        "INSERT INTO workouts (id, user_id, title, kind, started_at, notes, sport, distance_m, "
        "total_sets, total_volume_kg, exercise_ids, input_hash, created_at, updated_at, rev, "
        "deleted_at, import_id) VALUES "
        "('w1', 'u1', 'Legs', 'strength', '2026-03-02T07:00:00.000Z', 'good', NULL, NULL, 3, "
        "1000.5, 'squat bench', 'h1', 't1', 't1', 1, NULL, NULL), "
        "('w2', 'u1', 'Run', 'cardio', '2026-03-03T06:00:00.000Z', NULL, 'running', 5012.25, 0, "
        "0, '', 'h2', 't2', 't2', 2, NULL, NULL), "
        "('w3', 'u1', 'Gone', 'strength', '2026-03-04T06:00:00.000Z', NULL, NULL, NULL, 0, 0, "
        "'', 'h3', 't3', 't4', 4, 't4', NULL), "
        "('w5', 'u1', 'Imported', 'strength', '2026-01-01T06:00:00.000Z', NULL, NULL, NULL, 0, "
        "0, '', 'h5', 't5', 't5', 5, NULL, 'import-1'), "
        "('w4', 'u2', 'Pull', 'strength', '2026-03-02T08:00:00.000Z', NULL, NULL, NULL, 1, 140, "
        "'deadlift', 'h4', 't6', 't6', 1, NULL, NULL)");
    db_->Exec(
        "INSERT INTO workout_blocks (workout_id, position, user_id, exercise_id, superset_group, "
        "rest_s, notes) VALUES ('w1', 0, 'u1', 'squat', NULL, 180, 'deep'), "
        "('w1', 1, 'u1', 'bench', 1, NULL, NULL), ('w4', 0, 'u2', 'deadlift', NULL, 240, NULL)");
    db_->Exec(
        "INSERT INTO workout_sets (workout_id, block_position, position, user_id, set_type, reps, "
        "weight_kg, rpe, done, target_reps) VALUES "
        "('w1', 0, 0, 'u1', 'warmup', 5, 100.5, 7.5, 1, NULL), "
        "('w1', 0, 1, 'u1', 'normal', 5, 100, NULL, 0, 5), "
        "('w1', 1, 0, 'u1', 'normal', 8, 60, NULL, 1, NULL), "
        "('w4', 0, 0, 'u2', 'normal', 1, 140, NULL, 1, NULL)");
    db_->Exec(
        "INSERT INTO workout_tracks (workout_id, user_id, format, start_unix_ms, sport, "
        "point_count, points, splits, created_at) VALUES "
        "('w2', 'u1', 1, 1772517600000, 'running', 3, 'AAEC', '[{\"km\": 1}]', 't2')");
  }

  std::string Dialect() const { return testing::OnPostgres() ? "postgresql" : "sqlite"; }

  void Connect() {
    db_.reset();
    if (testing::OnPostgres()) {
      db_ = std::make_unique<RawPostgres>(postgres_->url());
    } else {
      db_ = std::make_unique<RawSqlite>(config_.database_path());
    }
  }

  // The server's own migration, then a new connection to the migrated schema.
  void Migrate() {
    db_.reset();
    int newest = platform::store::EmbeddedMigrations(Dialect()).back().version;
    EXPECT_EQ(platform::store::MigrateDatabase(config_, logger_), newest);
    Connect();
  }

  platform::obs::Logger logger_{platform::obs::LogLevel::kError};
  testing::TempDir dir_;
  platform::config::Config config_;
  std::unique_ptr<testing::ScratchPostgres> postgres_;
  std::unique_ptr<RawDatabase> db_;
};

TEST_F(WorkoutIdsMigrationTest, KeepsEveryRowAndMakesIdsPerUser) {
  auto before = Snapshot(*db_);
  ASSERT_EQ(before.size(), 4u + 5 + 3 + 4 + 1);
  Migrate();
  EXPECT_EQ(Snapshot(*db_), before);

  // Ben may now have a workout of Ana's id w1, with a block and a set; Ana may not have two.
  std::string error;
  auto workout = [](const std::string& id, const std::string& user) {
    return "INSERT INTO workouts (id, user_id, kind, started_at, input_hash, created_at, "
           "updated_at, rev) VALUES ('" +
           id + "', '" + user + "', 'strength', '2026-03-05T06:00:00.000Z', 'h', 't', 't', 9)";
  };
  EXPECT_TRUE(db_->TryExec(workout("w1", "u2"), error)) << error;
  EXPECT_FALSE(db_->TryExec(workout("w1", "u1"), error));
  EXPECT_TRUE(
      db_->TryExec("INSERT INTO workout_blocks (workout_id, position, user_id, "
                   "exercise_id) VALUES ('w1', 0, 'u2', 'row')",
                   error))
      << error;
  EXPECT_TRUE(
      db_->TryExec("INSERT INTO workout_sets (workout_id, block_position, position, "
                   "user_id, done) VALUES ('w1', 0, 0, 'u2', 1)",
                   error))
      << error;
  // A child names its workout with its user: Ben has no w2, and a track of Ana's w1 is Ana's.
  EXPECT_FALSE(
      db_->TryExec("INSERT INTO workout_blocks (workout_id, position, user_id, "
                   "exercise_id) VALUES ('w2', 0, 'u2', 'row')",
                   error));
  EXPECT_FALSE(
      db_->TryExec("INSERT INTO workout_tracks (workout_id, user_id, format, sport, "
                   "point_count, points, splits, created_at) VALUES "
                   "('w3', 'u2', 1, 'running', 0, '', '[]', 't')",
                   error));

  // Deleting Ana's w1 takes its blocks and sets, not those of Ben's w1.
  db_->Exec("DELETE FROM workouts WHERE user_id = 'u1' AND id = 'w1'");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM workout_blocks WHERE workout_id = 'w1'"), "1");
  EXPECT_EQ(db_->One("SELECT user_id FROM workout_sets WHERE workout_id = 'w1'"), "u2");
  // And deleting a workout takes its track.
  db_->Exec("DELETE FROM workouts WHERE user_id = 'u1' AND id = 'w2'");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM workout_tracks"), "0");

  // The indexes of 0005 and 0006 are there again (the history list, sync, imports, duplicate
  // activities, last sets), without workout_tracks_user, which the new key of tracks serves.
  std::string indexes =
      testing::OnPostgres()
          ? "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename IN "
            "('workouts', 'workout_blocks', 'workout_sets', 'workout_tracks') "
            "AND indexname NOT LIKE '%\\_pkey' ORDER BY indexname"
          : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
            "('workouts', 'workout_blocks', 'workout_sets', 'workout_tracks') "
            "AND name NOT LIKE 'sqlite\\_autoindex%' ESCAPE '\\' ORDER BY name";
  EXPECT_EQ(
      db_->Rows(indexes),
      (std::vector<std::string>{"workout_blocks_exercise", "workouts_import", "workouts_user_rev",
                                "workouts_user_sport_start", "workouts_user_started"}));
}

// The old schema did not tie a child's user_id to its workout's; the migration does, taking the
// workout's (a set of Ana's workout that says Ben is Ana's set afterwards).
TEST_F(WorkoutIdsMigrationTest, GivesChildrenTheUserOfTheirWorkout) {
  db_->Exec("UPDATE workout_sets SET user_id = 'u2' WHERE workout_id = 'w1' AND position = 1");
  db_->Exec("UPDATE workout_tracks SET user_id = 'u2' WHERE workout_id = 'w2'");
  Migrate();
  EXPECT_EQ(db_->Rows("SELECT DISTINCT user_id FROM workout_sets WHERE workout_id = 'w1'"),
            std::vector<std::string>{"u1"});
  EXPECT_EQ(db_->One("SELECT user_id FROM workout_tracks WHERE workout_id = 'w2'"), "u1");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM workout_sets"), "4");
}

// The same old database carried on to 0039, which stores whether a workout has a note (issue
// 16: the history list worked it out from every block and set): on the workout itself (w1), on
// one of its exercises only (w4); an empty note is none (w2).
TEST_F(WorkoutIdsMigrationTest, LaterMarksTheWorkoutsThatHaveANote) {
  db_->Exec("UPDATE workout_blocks SET notes = 'grip' WHERE workout_id = 'w4'");
  db_->Exec("UPDATE workouts SET notes = '' WHERE id = 'w2'");
  Migrate();
  EXPECT_EQ(db_->Rows("SELECT id, has_notes FROM workouts ORDER BY id"),
            (std::vector<std::string>{"w1|1", "w2|0", "w3|0", "w4|1", "w5|0"}));
}

}  // namespace
}  // namespace vigor
