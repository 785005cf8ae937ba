// The change feed (GET /api/v1/changes): every kind's creates, updates and deletes in rev order,
// once each at their newest rev, paging with next_since/has_more, another user's changes never,
// token scopes, 410 for a since ahead of the server, 422 for bad values, and a page's cost.
// Expected revs are counted here: a fresh user's n-th change is rev n (one rev per write).
#include <gtest/gtest.h>

#include <cstdio>
#include <ostream>
#include <set>

#include "features/sync/change_repository.hpp"
#include "features/sync/change_service.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"
#include "support/counting_database.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

struct Item {
  std::string kind;
  std::string id;
  std::int64_t rev = 0;
  bool deleted = false;
  bool operator==(const Item&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Item& i) {
  return os << "{" << i.kind << " " << i.id << " rev " << i.rev << (i.deleted ? " deleted}" : "}");
}

std::vector<Item> ItemsOf(const Reply& reply) {
  std::vector<Item> items;
  auto body = reply.Json();  // kept: the loop reads into it
  for (const auto& v : body["items"].as_array()) {
    const auto& o = v.as_object();
    items.push_back({std::string(o.at("kind").as_string()), std::string(o.at("id").as_string()),
                     o.at("rev").as_int64(), o.at("deleted").as_bool()});
    EXPECT_FALSE(o.at("updated_at").as_string().empty());
  }
  return items;
}

std::string IdOf(const Reply& reply) { return std::string(reply.Json()["id"].as_string()); }

constexpr const char* kWorkout =
    R"({"title":"Legs","started_at":"2026-03-02T07:30:00Z","blocks":[{"exercise_id":)"
    R"("barbell-back-squat","sets":[{"reps":5,"weight_kg":100}]}]})";

std::string RoutineBody(const std::string& name) {
  return R"({"name":")" + name +
         R"(","items":[{"exercise_id":"barbell-back-squat","target_sets":3}]})";
}
std::string ProgramBody(const std::string& name, const std::string& routine_id) {
  return R"({"name":")" + name + R"(","routines":[{"routine_id":")" + routine_id +
         R"(","label":"Day A"}]})";
}
std::string ExerciseBody(const std::string& name) {
  return R"({"name":")" + name + R"(","category":"strength","log_type":"weight_reps"})";
}
std::string MeasurementBody(const std::string& day, double value) {
  return R"({"kind":"weight","day":")" + day + R"(","value":)" + std::to_string(value) + "}";
}

class ChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    other_id_ = h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  Reply Changes(Browser& b, const std::string& query = "") {
    return h_.Get(b, "/api/v1/changes" + query);
  }

  // One change each: an own exercise, a routine, a program of it, a workout, a measurement.
  struct Ids {
    std::string exercise, routine, program, workout, workout_etag, measurement;
  };
  Ids CreateOneOfEach(Browser& b) {
    Ids ids;
    auto exercise = h_.Post(b, "/api/v1/exercises", ExerciseBody("Zercher Carry"));
    EXPECT_EQ(exercise.status, 201) << exercise.body;
    ids.exercise = IdOf(exercise);
    auto routine = h_.Post(b, "/api/v1/routines", RoutineBody("Legs A"));
    EXPECT_EQ(routine.status, 201) << routine.body;
    ids.routine = IdOf(routine);
    auto program = h_.Post(b, "/api/v1/programs", ProgramBody("Split", ids.routine));
    EXPECT_EQ(program.status, 201) << program.body;
    ids.program = IdOf(program);
    auto workout = h_.Post(b, "/api/v1/workouts", kWorkout);
    EXPECT_EQ(workout.status, 201) << workout.body;
    ids.workout = IdOf(workout);
    ids.workout_etag = std::string(workout.headers.Get("ETag").value_or(""));
    auto measurement =
        h_.Call(b, Method::kPut, "/api/v1/measurements", MeasurementBody("2026-03-02", 80));
    EXPECT_EQ(measurement.status, 200) << measurement.body;
    ids.measurement = IdOf(measurement);
    return ids;
  }

  Browser TokenBrowser(const std::string& scopes) {
    auto created = h_.Post(
        owner_, "/api/v1/me/tokens",
        R"({"name":"sync )" + std::to_string(++tokens_) + R"(","scopes":[)" + scopes + "]}");
    EXPECT_EQ(created.status, 201) << created.body;
    Browser token;
    token.bearer = std::string(created.Json()["token"].as_string());
    return token;
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_, other_id_;
  int tokens_ = 0;
};

TEST_F(ChangesTest, AnEmptyFeedIsCurrentAtZero) {
  auto reply = Changes(owner_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto body = reply.Json();
  EXPECT_TRUE(body["items"].as_array().empty());
  EXPECT_EQ(body["next_since"], 0);
  EXPECT_EQ(body["has_more"], false);
  EXPECT_EQ(body["latest_rev"], 0);
}

TEST_F(ChangesTest, CreatesUpdatesAndDeletesOfEveryKindAppearOnceAtTheirNewestRev) {
  auto ids = CreateOneOfEach(owner_);  // revs 1-5
  auto created = Changes(owner_);
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(ItemsOf(created), (std::vector<Item>{{"exercise", ids.exercise, 1, false},
                                                 {"routine", ids.routine, 2, false},
                                                 {"program", ids.program, 3, false},
                                                 {"workout", ids.workout, 4, false},
                                                 {"measurement", ids.measurement, 5, false}}));
  EXPECT_EQ(created.Json()["next_since"], 5);
  EXPECT_EQ(created.Json()["latest_rev"], 5);
  EXPECT_EQ(created.Json()["has_more"], false);

  // Updates: revs 6-10, in this order.
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/exercises/" + ids.exercise,
                    ExerciseBody("Zercher Walk"))
                .status,
            200);
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/routines/" + ids.routine, RoutineBody("Legs B"))
                .status,
            200);
  ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/programs/" + ids.program,
                    ProgramBody("Split B", ids.routine))
                .status,
            200);
  Headers if_match;
  if_match.Add("If-Match", ids.workout_etag);
  std::string renamed = kWorkout;  // a replace that changes nothing takes no rev
  renamed.replace(renamed.find("Legs"), 4, "Legs again");
  ASSERT_EQ(
      h_.Call(owner_, Method::kPut, "/api/v1/workouts/" + ids.workout, renamed, if_match).status,
      200);
  auto replaced =
      h_.Call(owner_, Method::kPut, "/api/v1/measurements", MeasurementBody("2026-03-02", 81));
  ASSERT_EQ(replaced.status, 200);
  ASSERT_EQ(IdOf(replaced), ids.measurement);  // the same day's entry, replaced

  std::vector<Item> updated = {{"exercise", ids.exercise, 6, false},
                               {"routine", ids.routine, 7, false},
                               {"program", ids.program, 8, false},
                               {"workout", ids.workout, 9, false},
                               {"measurement", ids.measurement, 10, false}};
  EXPECT_EQ(ItemsOf(Changes(owner_, "?since=5")), updated);
  // From the start, each row once, at its newest rev (not also at 1-5).
  auto everything = Changes(owner_, "?since=0");
  EXPECT_EQ(ItemsOf(everything), updated);
  EXPECT_EQ(everything.Json()["latest_rev"], 10);

  // Deletes: revs 11-15 (the program before the routine it holds).
  for (const auto& path : {"/api/v1/programs/" + ids.program, "/api/v1/routines/" + ids.routine,
                           "/api/v1/workouts/" + ids.workout, "/api/v1/exercises/" + ids.exercise,
                           "/api/v1/measurements/" + ids.measurement}) {
    ASSERT_EQ(h_.Call(owner_, Method::kDelete, path).status, 204) << path;
  }
  auto deleted = Changes(owner_, "?since=10");
  EXPECT_EQ(ItemsOf(deleted), (std::vector<Item>{{"program", ids.program, 11, true},
                                                 {"routine", ids.routine, 12, true},
                                                 {"workout", ids.workout, 13, true},
                                                 {"exercise", ids.exercise, 14, true},
                                                 {"measurement", ids.measurement, 15, true}}));
  EXPECT_EQ(deleted.Json()["next_since"], 15);
  EXPECT_EQ(deleted.Json()["latest_rev"], 15);
  // A client that is current gets nothing, and stays where it is.
  auto current = Changes(owner_, "?since=15");
  EXPECT_TRUE(ItemsOf(current).empty());
  EXPECT_EQ(current.Json()["next_since"], 15);
  EXPECT_EQ(current.Json()["has_more"], false);
}

TEST_F(ChangesTest, PagesGiveEveryChangeOnceInOrder) {
  // Seven changes: measurements of seven days, revs 1-7.
  std::vector<std::string> ids;
  for (int day = 1; day <= 7; ++day) {
    auto reply = h_.Call(owner_, Method::kPut, "/api/v1/measurements",
                         MeasurementBody("2026-03-0" + std::to_string(day), 80 + day));
    ASSERT_EQ(reply.status, 200) << reply.body;
    ids.push_back(IdOf(reply));
  }
  // limit=3: pages of revs 1-3, 4-6, 7.
  struct Expected {
    std::int64_t since, first_rev, next_since;
    std::size_t count;
    bool has_more;
  };
  for (const auto& e : std::vector<Expected>{
           {0, 1, 3, 3, true}, {3, 4, 6, 3, true}, {6, 7, 7, 1, false}, {7, 0, 7, 0, false}}) {
    auto page = Changes(owner_, "?since=" + std::to_string(e.since) + "&limit=3");
    ASSERT_EQ(page.status, 200) << page.body;
    auto items = ItemsOf(page);
    ASSERT_EQ(items.size(), e.count) << "since " << e.since;
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto rev = e.first_rev + static_cast<std::int64_t>(i);
      EXPECT_EQ(items[i], (Item{"measurement", ids[rev - 1], rev, false}));
    }
    EXPECT_EQ(page.Json()["next_since"], e.next_since) << "since " << e.since;
    EXPECT_EQ(page.Json()["has_more"], e.has_more) << "since " << e.since;
    EXPECT_EQ(page.Json()["latest_rev"], 7);
  }
  // Following next_since until has_more is false visits each id once, whatever the page size.
  for (int limit : {1, 2, 6, 7, 1000}) {
    std::vector<std::string> seen;
    std::int64_t since = 0;
    for (int guard = 0; guard < 20; ++guard) {
      auto page =
          Changes(owner_, "?since=" + std::to_string(since) + "&limit=" + std::to_string(limit));
      for (const auto& item : ItemsOf(page)) seen.push_back(item.id);
      since = page.Json()["next_since"].as_int64();
      if (!page.Json()["has_more"].as_bool()) break;
    }
    EXPECT_EQ(seen, ids) << "limit " << limit;
    EXPECT_EQ(since, 7) << "limit " << limit;
  }
  // The default page (500) holds all seven.
  EXPECT_EQ(ItemsOf(Changes(owner_)).size(), 7u);
}

TEST_F(ChangesTest, AnotherUsersChangesNeverAppear) {
  CreateOneOfEach(owner_);  // owner: revs 1-5
  auto theirs = h_.Post(other_, "/api/v1/routines", RoutineBody("Mine"));
  ASSERT_EQ(theirs.status, 201);
  auto their_measurement =
      h_.Call(other_, Method::kPut, "/api/v1/measurements", MeasurementBody("2026-03-09", 60));
  ASSERT_EQ(their_measurement.status, 200);

  auto feed = Changes(other_);
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(ItemsOf(feed), (std::vector<Item>{{"routine", IdOf(theirs), 1, false},
                                              {"measurement", IdOf(their_measurement), 2, false}}));
  EXPECT_EQ(feed.Json()["latest_rev"], 2);
  // The owner's counter is not theirs: since=5 is ahead of them.
  EXPECT_EQ(Changes(other_, "?since=5").status, 410);
  auto owners = ItemsOf(Changes(owner_));
  ASSERT_EQ(owners.size(), 5u);
  for (const auto& item : owners) {
    EXPECT_NE(item.id, IdOf(theirs));
    EXPECT_NE(item.id, IdOf(their_measurement));
  }
}

TEST_F(ChangesTest, ATokenSeesOnlyTheKindsOfItsReadScopes) {
  auto ids = CreateOneOfEach(owner_);  // revs 1-5, the measurement last

  auto training = TokenBrowser(R"("workouts:read")");
  auto seen = Changes(training);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(ItemsOf(seen), (std::vector<Item>{{"exercise", ids.exercise, 1, false},
                                              {"routine", ids.routine, 2, false},
                                              {"program", ids.program, 3, false},
                                              {"workout", ids.workout, 4, false}}));
  EXPECT_EQ(seen.Json()["next_since"], 4);
  EXPECT_EQ(seen.Json()["latest_rev"], 5);

  auto body = TokenBrowser(R"("body:read")");
  EXPECT_EQ(ItemsOf(Changes(body)),
            (std::vector<Item>{{"measurement", ids.measurement, 5, false}}));

  auto both = TokenBrowser(R"("workouts:read","body:read")");
  EXPECT_EQ(ItemsOf(Changes(both)).size(), 5u);

  auto profile = TokenBrowser(R"("profile:read","workouts:write","body:write")");
  auto refused = Changes(profile);
  EXPECT_EQ(refused.status, 403) << refused.body;
}

// Food diary items and recipes (migration 0020): created, changed and deleted, each once at its
// newest rev; a token sees them with nutrition:read only.
TEST_F(ChangesTest, DiaryItemsAndRecipesAppearForNutritionReaders) {
  auto logged = h_.Post(owner_, "/api/v1/diary/2026-03-02/items",
                        R"({"items":[{"meal":"lunch","food_id":"usda-01123","grams":50},)"
                        R"({"meal":"lunch","quick":{"energy_kcal":100}}]})");
  ASSERT_EQ(logged.status, 201) << logged.body;  // rev 1, both items
  auto items = logged.Json()["items"].as_array();
  std::string egg(items[0].as_object().at("id").as_string());
  std::string quick(items[1].as_object().at("id").as_string());
  auto recipe = h_.Post(
      owner_, "/api/v1/recipes",
      R"({"name":"Eggs","servings":1,"ingredients":[{"food_id":"usda-01123","grams":100}]})");
  ASSERT_EQ(recipe.status, 201) << recipe.body;  // rev 2
  std::string recipe_id = IdOf(recipe);
  ASSERT_EQ(h_.Call(owner_, Method::kPatch, "/api/v1/diary-items/" + egg, R"({"grams":60})").status,
            200);  // rev 3
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/recipes/" + recipe_id).status,
            204);  // rev 4
  auto all = Changes(owner_);
  ASSERT_EQ(all.status, 200) << all.body;
  std::vector<Item> expected = {{"diary_item", quick, 1, false},
                                {"diary_item", egg, 3, false},
                                {"recipe", recipe_id, 4, true}};
  EXPECT_EQ(ItemsOf(all), expected);
  auto nutrition = TokenBrowser(R"("nutrition:read")");
  EXPECT_EQ(ItemsOf(Changes(nutrition)), expected);
  auto training = TokenBrowser(R"("workouts:read")");
  auto trained = Changes(training);
  ASSERT_EQ(trained.status, 200);
  EXPECT_TRUE(ItemsOf(trained).empty());
  auto writer = TokenBrowser(R"("nutrition:write")");
  EXPECT_EQ(Changes(writer).status, 403);
}

TEST_F(ChangesTest, ASinceAheadOfTheServerIsGone) {
  for (int day = 1; day <= 2; ++day) {
    ASSERT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/measurements",
                      MeasurementBody("2026-03-0" + std::to_string(day), 80))
                  .status,
              200);
  }
  auto gone = Changes(owner_, "?since=3");
  EXPECT_EQ(gone.status, 410) << gone.body;
  EXPECT_EQ(gone.Json()["type"], "urn:vigor:problem:gone");
  EXPECT_EQ(Changes(owner_, "?since=9223372036854775807").status, 410);
  EXPECT_EQ(Changes(owner_, "?since=2").status, 200);
  // A user with no change at all is at 0.
  EXPECT_EQ(Changes(other_, "?since=1").status, 410);
}

TEST_F(ChangesTest, BadSinceOrLimitIsAValidationError) {
  struct Case {
    std::string query;
    std::set<std::string> fields;
  };
  for (const auto& c : std::vector<Case>{{"?since=-1", {"since"}},
                                         {"?since=abc", {"since"}},
                                         {"?since=1.5", {"since"}},
                                         {"?since=", {"since"}},
                                         {"?since=99999999999999999999", {"since"}},
                                         {"?limit=0", {"limit"}},
                                         {"?limit=1001", {"limit"}},
                                         {"?limit=ten", {"limit"}},
                                         {"?since=abc&limit=0", {"since", "limit"}}}) {
    auto reply = Changes(owner_, c.query);
    EXPECT_EQ(reply.status, 422) << c.query << ": " << reply.body;
    EXPECT_EQ(FieldsOf(reply), c.fields) << c.query;
  }
  EXPECT_EQ(Changes(owner_, "?limit=1000").status, 200);
  EXPECT_EQ(Changes(owner_, "?limit=1").status, 200);
}

// Rows written before revs were shared across tables (migration 0011) may share a rev; a page
// never ends between two of them, or a client resuming after it would skip the second.
TEST_F(ChangesTest, RowsSharingALegacyRevStayOnOnePage) {
  auto ids = CreateOneOfEach(owner_);  // exercise 1, routine 2, program 3, workout 4, measure 5
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.share_rev", "UPDATE programs SET rev = 2 WHERE user_id = $1"},
              owner_id_);
  });
  // Revs now: exercise 1, routine 2, program 2, workout 4, measurement 5.
  auto first = Changes(owner_, "?limit=2");  // would end between routine and program: ends at 1
  EXPECT_EQ(ItemsOf(first), (std::vector<Item>{{"exercise", ids.exercise, 1, false}}));
  EXPECT_EQ(first.Json()["next_since"], 1);
  EXPECT_EQ(first.Json()["has_more"], true);
  auto second = Changes(owner_, "?since=1&limit=2");
  auto items = ItemsOf(second);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ((std::set<std::string>{items[0].id, items[1].id}),
            (std::set<std::string>{ids.routine, ids.program}));
  EXPECT_EQ(second.Json()["next_since"], 2);
  EXPECT_EQ(second.Json()["has_more"], true);
  // A page of one cannot hold the pair without splitting it: it takes both.
  auto single = Changes(owner_, "?since=1&limit=1");
  EXPECT_EQ(ItemsOf(single).size(), 2u);
  EXPECT_EQ(single.Json()["next_since"], 2);
  EXPECT_EQ(single.Json()["has_more"], true);
  auto rest = Changes(owner_, "?since=2&limit=2");
  EXPECT_EQ(ItemsOf(rest), (std::vector<Item>{{"workout", ids.workout, 4, false},
                                              {"measurement", ids.measurement, 5, false}}));
  EXPECT_EQ(rest.Json()["has_more"], false);
}

TEST_F(ChangesTest, APageCostsTheSameStatementsForTwoOrFortyChanges) {
  CreateOneOfEach(owner_);  // every table has rows
  for (int i = 0; i < 35; ++i) {
    char day[11];
    std::snprintf(day, sizeof day, "2026-%02d-%02d", 1 + i / 28, 1 + i % 28);
    ASSERT_EQ(
        h_.Call(owner_, Method::kPut, "/api/v1/measurements", MeasurementBody(day, 70)).status,
        200);
  }
  // The service as the feature builds it, over a database that counts statements.
  testing::CountingDatabase counting(*h_.app().database);
  features::sync::ChangeService service(counting);
  platform::auth::Principal owner{.user_id = owner_id_};
  auto cost = [&](int limit, std::size_t expected_items) {
    counting.statements = 0;
    auto page = service.List(owner, 0, limit);
    EXPECT_EQ(page.items.size(), expected_items);
    EXPECT_EQ(page.latest_rev, 40);
    return counting.statements;
  };
  auto two = cost(2, 2);
  auto forty = cost(40, 40);
  EXPECT_EQ(two, forty);
  EXPECT_EQ(two, 2u) << "the user's counter, then one statement for the page";
}

// Each table's branch is a range scan of its (user_id, rev) index, on both databases (the plans
// are described in change_repository.cpp). PostgreSQL picks by cost, and on a test's tiny tables
// a sequential scan is cheaper, so there it is asked what it does when scans must use an index.
TEST_F(ChangesTest, EachTableIsReadThroughItsUserRevIndex) {
  CreateOneOfEach(owner_);
  const auto& statement = features::sync::ChangesSinceStatement();
  std::string plan;
  h_.app().database->Read([&](Session& s) {
    bool postgresql = h_.app().database->dialect() == "postgresql";
    if (postgresql) {
      s.Execute(Statement{"test.no_seqscan", "SET LOCAL enable_seqscan = off"});
      s.Execute(Statement{"test.no_bitmapscan", "SET LOCAL enable_bitmapscan = off"});
    }
    std::string sql = std::string(postgresql ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") +
                      std::string(statement.SqlFor(h_.app().database->dialect()));
    for (const auto& row :
         s.Query(Statement{"test.explain", sql}, owner_id_, std::int64_t{0}, std::int64_t{1},
                 std::int64_t{1}, std::int64_t{10}, std::int64_t{1})) {
      plan += row.Text(postgresql ? "QUERY PLAN" : "detail") + "\n";
    }
  });
  for (const char* table : {"workouts", "routines", "programs", "custom_exercises", "measurements",
                            "diary_items", "recipes"}) {
    std::string index = std::string(table) + "_user_rev";
    bool postgresql = h_.app().database->dialect() == "postgresql";
    std::string expected = postgresql ? "Index Scan using " + index + " on " + table
                                      : "SEARCH " + std::string(table) + " USING INDEX " + index +
                                            " (user_id=? AND rev>?)";
    EXPECT_NE(plan.find(expected), std::string::npos) << expected << " in\n" << plan;
  }
}

}  // namespace
}  // namespace vigor
