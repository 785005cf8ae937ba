// Routines through the real application: create, list, read, replace, delete (a tombstone that
// frees the name), names unique per user, field errors by path, and owners only.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

std::string RoutineBody(const std::string& name, int squat_sets = 5) {
  return R"({"name": ")" + name + R"(", "notes": "Heavy, then light",
    "items": [
      {"exercise_id": "barbell-back-squat", "target_sets": )" +
         std::to_string(squat_sets) + R"(, "target_reps": 5, "target_percent_1rm": 80,
       "rest_s": 180},
      {"exercise_id": "romanian-deadlift", "superset_group": 1, "target_sets": 3,
       "target_reps": 8, "target_weight_kg": 90},
      {"exercise_id": "plank", "superset_group": 1, "target_sets": 3}
    ]})";
}

class RoutinesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  std::string Create(const std::string& name) {
    auto reply = h_.Post(owner_, "/api/v1/routines", RoutineBody(name));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["id"].as_string());
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
};

TEST_F(RoutinesTest, CreateReadListReplaceDelete) {
  auto created = h_.Post(owner_, "/api/v1/routines", RoutineBody("Legs A"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto r = created.Json();
  std::string id(r["id"].as_string());
  EXPECT_EQ(r["name"], "Legs A");
  EXPECT_EQ(r["notes"], "Heavy, then light");
  auto items = r["items"].as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("exercise_id"), "barbell-back-squat");
  EXPECT_EQ(items[0].at("target_sets"), 5);
  EXPECT_EQ(items[0].at("target_percent_1rm").to_number<double>(), 80);
  EXPECT_EQ(items[0].at("superset_group"), nullptr);
  EXPECT_EQ(items[1].at("target_weight_kg").to_number<double>(), 90);
  EXPECT_EQ(items[2].at("superset_group"), 1);
  EXPECT_EQ(items[2].at("target_reps"), nullptr);

  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines/" + id).Json(), r);
  Create("Arms");
  Create("chest");
  auto listed = h_.Get(owner_, "/api/v1/routines").Json()["items"].as_array();
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].at("name"), "Arms");
  EXPECT_EQ(listed[1].at("name"), "chest") << "by name, ignoring case";
  EXPECT_EQ(listed[2].at("name"), "Legs A");
  EXPECT_EQ(listed[2].at("items").as_array().size(), 3u);

  auto replaced = h_.Call(
      owner_, Method::kPut, "/api/v1/routines/" + id,
      R"({"name": "Legs B", "items": [{"exercise_id": "barbell-lunge", "target_sets": 4}]})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.Json()["name"], "Legs B");
  EXPECT_EQ(replaced.Json()["notes"], nullptr);
  EXPECT_EQ(replaced.Json()["created_at"], r["created_at"]);
  auto read = h_.Get(owner_, "/api/v1/routines/" + id).Json();
  ASSERT_EQ(read["items"].as_array().size(), 1u);
  EXPECT_EQ(read["items"].as_array()[0].at("exercise_id"), "barbell-lunge");

  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/routines/" + id, RoutineBody("Legs C")).status,
            404);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines").Json()["items"].as_array().size(), 2u);
  // A tombstone stays for sync; its items are gone.
  auto rows = h_.app().database->ReadResult([&](Session& s) {
    auto tombstones =
        s.QueryOne(Statement{"test.tombstones",
                             "SELECT COUNT(*) AS n FROM routines WHERE user_id = $1 AND "
                             "deleted_at IS NOT NULL"},
                   owner_id_)
            ->Int("n");
    auto items =
        s.QueryOne(Statement{"test.items",
                             "SELECT COUNT(*) AS n FROM routine_items WHERE routine_id = $1"},
                   id)
            ->Int("n");
    return std::pair{tombstones, items};
  });
  EXPECT_EQ(rows, (std::pair<std::int64_t, std::int64_t>{1, 0}));
}

// Optimistic concurrency: an ETag from the revision; a replace with a stale If-Match is refused
// and changes nothing, a current one (or none: the last write wins) goes through.
TEST_F(RoutinesTest, AStaleIfMatchIsRefusedWith412) {
  auto created = h_.Post(owner_, "/api/v1/routines", RoutineBody("Legs A"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id(created.Json()["id"].as_string());
  std::string first(*created.headers.Get("ETag"));
  EXPECT_EQ(first, "\"r-" + std::to_string(created.Json()["rev"].to_number<std::int64_t>()) + "\"");
  EXPECT_EQ(std::string(*h_.Get(owner_, "/api/v1/routines/" + id).headers.Get("ETag")), first);

  platform::http::Headers current;
  current.Add("If-Match", first);
  auto changed =
      h_.Call(owner_, Method::kPut, "/api/v1/routines/" + id, RoutineBody("Legs B"), current);
  ASSERT_EQ(changed.status, 200) << changed.body;
  std::string second(*changed.headers.Get("ETag"));
  EXPECT_NE(second, first);

  // The first tag is stale now (another device saved in between).
  auto stale =
      h_.Call(owner_, Method::kPut, "/api/v1/routines/" + id, RoutineBody("Legs C"), current);
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines/" + id).Json()["name"], "Legs B");

  // A program's tag is not a routine's.
  platform::http::Headers wrong_kind;
  wrong_kind.Add("If-Match", "\"p-" + second.substr(3));
  EXPECT_EQ(
      h_.Call(owner_, Method::kPut, "/api/v1/routines/" + id, RoutineBody("Legs D"), wrong_kind)
          .status,
      412);
  EXPECT_EQ(h_.Call(owner_, Method::kPut, "/api/v1/routines/" + id, RoutineBody("Legs E")).status,
            200);
}

TEST_F(RoutinesTest, NamesAreUniquePerUserAmongLiveRoutines) {
  std::string id = Create("Push Day");
  EXPECT_EQ(h_.Post(owner_, "/api/v1/routines", RoutineBody("Push Day")).status, 409);
  EXPECT_EQ(h_.Post(owner_, "/api/v1/routines", RoutineBody("push day")).status, 409)
      << "case is ignored";
  EXPECT_EQ(h_.Post(owner_, "/api/v1/routines", RoutineBody("  Push Day ")).status, 409)
      << "surrounding spaces are trimmed";
  // Another user may use the same name.
  EXPECT_EQ(h_.Post(other_, "/api/v1/routines", RoutineBody("Push Day")).status, 201);
  // Renaming onto another routine's name is a conflict; keeping one's own name is not.
  std::string pull = Create("Pull Day");
  EXPECT_EQ(
      h_.Call(owner_, Method::kPut, "/api/v1/routines/" + pull, RoutineBody("PUSH DAY")).status,
      409);
  EXPECT_EQ(
      h_.Call(owner_, Method::kPut, "/api/v1/routines/" + pull, RoutineBody("Pull Day", 4)).status,
      200);
  // Deleting frees the name.
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + id).status, 204);
  EXPECT_EQ(h_.Post(owner_, "/api/v1/routines", RoutineBody("Push Day")).status, 201);
}

TEST_F(RoutinesTest, InvalidFieldsAreNamedByPath) {
  auto reply = h_.Post(owner_, "/api/v1/routines", R"({"name": "", "colour": "red", "items": [
      {"exercise_id": "barbell-back-squat", "target_sets": 0},
      {"target_sets": 3, "target_percent_1rm": 150, "rest_s": 4000},
      "bench"
    ]})");
  ASSERT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(FieldsOf(reply),
            (std::set<std::string>{"name", "colour", "items[0].target_sets", "items[1].exercise_id",
                                   "items[1].target_percent_1rm", "items[1].rest_s", "items[2]"}));
  EXPECT_EQ(FieldsOf(h_.Post(owner_, "/api/v1/routines",
                             R"({"name": "Unknown", "items": [{"exercise_id": "barbell-curl",
                                 "target_sets": 3}, {"exercise_id": "levitation",
                                 "target_sets": 3}]})")),
            std::set<std::string>{"items[1].exercise_id"});
  EXPECT_EQ(FieldsOf(h_.Post(owner_, "/api/v1/routines", R"({"name": "No items"})")),
            std::set<std::string>{"items"});
  std::string many = R"({"name": "Too long", "items": [)";
  for (int i = 0; i < 51; ++i) {
    many +=
        std::string(i ? "," : "") + R"({"exercise_id": "barbell-back-squat", "target_sets": 1})";
  }
  many += "]}";
  EXPECT_EQ(FieldsOf(h_.Post(owner_, "/api/v1/routines", many)), std::set<std::string>{"items"});
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/routines").Json()["items"].as_array().empty());
}

TEST_F(RoutinesTest, AnotherUsersRoutineDoesNotExistForThem) {
  std::string id = Create("Mine");
  EXPECT_EQ(h_.Get(other_, "/api/v1/routines/" + id).status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kPut, "/api/v1/routines/" + id, RoutineBody("Theirs")).status,
            404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/routines/" + id).status, 404);
  EXPECT_TRUE(h_.Get(other_, "/api/v1/routines").Json()["items"].as_array().empty());
  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines/" + id).Json()["name"], "Mine");
}

}  // namespace
}  // namespace vigor
