// A user's change sequence (store/revisions.hpp, migration 0011): every change of a user, in any
// table, takes the next number of one counter, so no two changes share a rev and revs grow in
// the order of the changes.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "features/body/measurement_repository.hpp"
#include "features/exercises/custom_exercise_repository.hpp"
#include "features/workouts/program_repository.hpp"
#include "features/workouts/routine_repository.hpp"
#include "features/workouts/workout_repository.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/revisions.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace vigor {
namespace {

using platform::store::Session;
using platform::store::Statement;

constexpr Statement kInsertUser{"test.insert_user",
                                "INSERT INTO users (id, username, email, created_at, updated_at) "
                                "VALUES ($1, $2, $3, 't', 't')"};
constexpr Statement kRevOf{"test.rev_of", "SELECT rev FROM user_revisions WHERE user_id = $1"};

features::workouts::Workout AWorkout(const std::string& user_id, const std::string& id) {
  features::workouts::Workout w;
  w.id = id;
  w.user_id = user_id;
  w.title = "Legs";
  w.started_at = "2026-03-01T10:00:00.000Z";
  w.input_hash = "h-" + id;
  w.created_at = w.updated_at = "2026-03-01T11:00:00.000Z";
  return w;
}

features::workouts::Routine ARoutine(const std::string& id, const std::string& name) {
  features::workouts::Routine r;
  r.id = id;
  r.name = name;
  r.created_at = r.updated_at = "2026-03-01T11:00:00.000Z";
  return r;
}

class UserRevisionsTest : public ::testing::Test {
 protected:
  UserRevisionsTest()
      : logger_(platform::obs::LogLevel::kError, (dir_.path() / "log.jsonl").string()),
        database_(testing::OpenTestDatabase(dir_.path(), logger_, postgres_)),
        db_(*database_) {
    db_.Write([](Session& s) {
      s.Execute(kInsertUser, "u1", "ann", "ann@example.com");
      s.Execute(kInsertUser, "u2", "bob", "bob@example.com");
    });
  }

  testing::TempDir dir_;
  platform::obs::Logger logger_;
  std::unique_ptr<testing::ScratchPostgres> postgres_;
  std::unique_ptr<platform::store::Database> database_;
  platform::store::Database& db_;
  features::workouts::WorkoutRepository workouts_;
  features::workouts::RoutineRepository routines_;
  features::workouts::ProgramRepository programs_;
  platform::crypto::SecretBox secrets_{std::string(32, 'k')};
  features::body::MeasurementRepository measurements_{secrets_};
  features::exercises::CustomExerciseRepository exercises_;
};

// Changes of one user in five tables, one after the other: a user created after migration 0011
// has no counter yet, so the first change is 1 and each next one is one more, whatever the table
// (before 0011, the routine, program, measurement and exercise would each have started at 1).
TEST_F(UserRevisionsTest, ChangesInAnyTableTakeTheNextNumberOfOneSequence) {
  std::vector<std::int64_t> revs;
  db_.Write([&](Session& s) { revs.push_back(*workouts_.Insert(s, AWorkout("u1", "w1"))); });
  db_.Write([&](Session& s) { revs.push_back(routines_.Insert(s, "u1", ARoutine("r1", "Push"))); });
  db_.Write([&](Session& s) {
    features::workouts::Program p;
    p.id = "p1";
    p.name = "Split";
    p.created_at = p.updated_at = "2026-03-01T11:00:00.000Z";
    revs.push_back(programs_.Insert(s, "u1", p));
  });
  db_.Write([&](Session& s) {
    features::body::Measurement m;
    m.id = "m1";
    m.kind = "weight";
    m.day = "2026-03-01";
    m.value = 80;
    m.unit = "kg";
    m.updated_at = "2026-03-01T11:00:00.000Z";
    revs.push_back(measurements_.Upsert(s, "u1", m).rev);
  });
  db_.Write([&](Session& s) {
    features::exercises::Exercise e;
    e.id = "0190c0de-0000-7000-8000-000000000001";
    e.user_id = "u1";
    e.name = "Zercher squat";
    e.custom = true;
    e.created_at = e.updated_at = "2026-03-01T11:00:00.000Z";
    exercises_.Insert(s, e);
    revs.push_back(exercises_.FindLive(s, "u1", e.id)->rev);
  });
  // Replacing and deleting are changes too.
  db_.Write(
      [&](Session& s) { revs.push_back(*routines_.Replace(s, "u1", ARoutine("r1", "Push day"))); });
  db_.Write([&](Session& s) {
    ASSERT_TRUE(workouts_.Tombstone(s, "u1", "w1", "2026-03-02T00:00:00.000Z"));
    revs.push_back(workouts_.FindHead(s, "u1", "w1")->rev);
  });
  EXPECT_EQ(revs, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7}));

  // Another user's sequence is their own.
  db_.Write([&](Session& s) { EXPECT_EQ(*workouts_.Insert(s, AWorkout("u2", "w2")), 1); });
  db_.Read([&](Session& s) {
    EXPECT_EQ(s.QueryOne(kRevOf, "u1")->Int("rev"), 7);
    EXPECT_EQ(s.QueryOne(kRevOf, "u2")->Int("rev"), 1);
  });
}

// A change that rolls back gives its number back: the next change takes it.
TEST_F(UserRevisionsTest, ARolledBackChangeLeavesNoGap) {
  db_.Write([&](Session& s) { EXPECT_EQ(*workouts_.Insert(s, AWorkout("u1", "w1")), 1); });
  EXPECT_THROW(db_.Write([&](Session& s) {
    routines_.Insert(s, "u1", ARoutine("r1", "Push"));
    throw std::runtime_error("refused after the insert");
  }),
               std::runtime_error);
  db_.Write([&](Session& s) { EXPECT_EQ(routines_.Insert(s, "u1", ARoutine("r2", "Pull")), 2); });
}

// Writers on several threads, interleaving one user's workouts and routines: every change has its
// own number, and the numbers are exactly 1..N (none lost, none given twice).
TEST_F(UserRevisionsTest, ConcurrentChangesOfOneUserNeverShareARev) {
  constexpr int kThreads = 4;
  constexpr int kEach = 10;
  std::vector<std::vector<std::int64_t>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string id = std::to_string(t) + "-" + std::to_string(i);
        db_.Write([&](Session& s) {
          if (i % 2 == 0) {
            seen[t].push_back(*workouts_.Insert(s, AWorkout("u1", "w" + id)));
          } else {
            seen[t].push_back(routines_.Insert(s, "u1", ARoutine("r" + id, "Routine " + id)));
          }
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::int64_t> all;
  for (const auto& revs : seen) {
    // Each thread's changes happened in order, so their revs grow.
    for (std::size_t i = 1; i < revs.size(); ++i) EXPECT_LT(revs[i - 1], revs[i]);
    all.insert(revs.begin(), revs.end());
  }
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_EQ(*all.begin(), 1);
  EXPECT_EQ(*all.rbegin(), kThreads * kEach);
}

}  // namespace
}  // namespace vigor
