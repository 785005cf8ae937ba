// Programs through the real application: create, list, read, replace, delete (a tombstone that
// frees the name), the user's own live routines only (field errors by path), names unique per
// user, a deleted routine left as a gap, and owners only.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

std::set<std::string> FieldsOf(const Reply& reply) {
  std::set<std::string> fields;
  auto body = reply.Json();
  if (const auto* errors = body.if_contains("errors")) {
    for (const auto& e : errors->as_array()) {
      fields.insert(std::string(e.as_object().at("field").as_string()));
    }
  }
  return fields;
}

class ProgramsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
    day_a_ = Routine(owner_, "Push");
    day_b_ = Routine(owner_, "Pull");
    day_c_ = Routine(owner_, "Legs");
  }

  std::string Routine(Browser& who, const std::string& name) {
    auto reply =
        h_.Post(who, "/api/v1/routines",
                R"({"name":")" + name +
                    R"(","items":[{"exercise_id":"barbell-back-squat","target_sets":3}]})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["id"].as_string());
  }

  static std::string Body(const std::string& name, const std::vector<std::string>& routines) {
    std::string body = R"({"name":")" + name + R"(","notes":"Mon, Wed, Fri","routines":[)";
    for (std::size_t i = 0; i < routines.size(); ++i) {
      body += std::string(i ? "," : "") + R"({"routine_id":")" + routines[i] +
              R"(","label":"Day )" + std::string(1, static_cast<char>('A' + i)) + R"("})";
    }
    return body + "]}";
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string day_a_, day_b_, day_c_;
};

TEST_F(ProgramsTest, CreateReadListReplaceDelete) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("3-day split", {day_a_, day_b_, day_c_}));
  ASSERT_EQ(created.status, 201) << created.body;
  auto p = created.Json();
  std::string id(p["id"].as_string());
  EXPECT_EQ(p["name"], "3-day split");
  EXPECT_EQ(p["notes"], "Mon, Wed, Fri");
  auto routines = p["routines"].as_array();
  ASSERT_EQ(routines.size(), 3u);
  EXPECT_EQ(routines[0].at("routine_id").as_string(), day_a_);
  EXPECT_EQ(routines[0].at("label"), "Day A");
  EXPECT_EQ(routines[0].at("routine_name"), "Push");
  EXPECT_EQ(routines[2].at("routine_name"), "Legs");

  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).Json(), p);
  auto list = h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].as_object(), p);

  // Replace: new order, a routine twice, no label.
  auto replaced = h_.Call(owner_, Method::kPut, "/api/v1/programs/" + id,
                          R"({"name":"Upper/lower","routines":[{"routine_id":")" + day_c_ +
                              R"("},{"routine_id":")" + day_a_ + R"("},{"routine_id":")" + day_c_ +
                              R"(","label":"Legs again"}]})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  auto r = replaced.Json();
  EXPECT_EQ(r["name"], "Upper/lower");
  EXPECT_EQ(r["notes"], nullptr);
  EXPECT_EQ(r["created_at"], p["created_at"]);
  ASSERT_EQ(r["routines"].as_array().size(), 3u);
  EXPECT_EQ(r["routines"].as_array()[0].at("routine_id").as_string(), day_c_);
  EXPECT_EQ(r["routines"].as_array()[0].at("label"), nullptr);
  EXPECT_EQ(r["routines"].as_array()[2].at("label"), "Legs again");
  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).Json(), r);

  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/programs/" + id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).status, 404);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/programs/" + id).status, 404);
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array().empty());
  // The name is free again; the routines are untouched.
  EXPECT_EQ(h_.Post(owner_, "/api/v1/programs", Body("Upper/lower", {day_a_})).status, 201);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/routines/" + day_c_).status, 200);
}

TEST_F(ProgramsTest, NamesAreUniquePerUserAmongLivePrograms) {
  ASSERT_EQ(h_.Post(owner_, "/api/v1/programs", Body("PPL", {day_a_})).status, 201);
  EXPECT_EQ(h_.Post(owner_, "/api/v1/programs", Body("ppl", {day_b_})).status, 409);
  EXPECT_EQ(h_.Post(other_, "/api/v1/programs", Body("PPL", {})).status, 201);
}

TEST_F(ProgramsTest, RoutinesMustBeTheUsersOwnLiveOnes) {
  std::string theirs = Routine(other_, "Their push");
  std::string gone = Routine(owner_, "Gone");
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + gone).status, 204);
  auto reply =
      h_.Post(owner_, "/api/v1/programs", Body("Mixed", {day_a_, theirs, gone, "no-such-routine"}));
  ASSERT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(FieldsOf(reply),
            (std::set<std::string>{"routines[1].routine_id", "routines[2].routine_id",
                                   "routines[3].routine_id"}));
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array().empty());

  auto bad = h_.Post(owner_, "/api/v1/programs",
                     R"({"name":" ","colour":"red","routines":[{"label":"Day A"},"x",)"
                     R"({"routine_id":")" +
                         day_a_ + R"(","label":")" + std::string(41, 'x') + R"("}]})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(FieldsOf(bad), (std::set<std::string>{"name", "colour", "routines[0].routine_id",
                                                  "routines[1]", "routines[2].label"}));
  EXPECT_EQ(FieldsOf(h_.Post(owner_, "/api/v1/programs", R"({"name":"No list"})")),
            std::set<std::string>{"routines"});
}

TEST_F(ProgramsTest, ADeletedRoutineStaysAsAGap) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("Split", {day_a_, day_b_}));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/routines/" + day_b_).status, 204);
  auto routines = h_.Get(owner_, "/api/v1/programs/" + id).Json()["routines"].as_array();
  ASSERT_EQ(routines.size(), 2u);
  EXPECT_EQ(routines[0].at("routine_name"), "Push");
  EXPECT_EQ(routines[1].at("routine_id").as_string(), day_b_);
  EXPECT_EQ(routines[1].at("routine_name"), nullptr);
}

TEST_F(ProgramsTest, AnotherUsersProgramDoesNotExistForThem) {
  auto created = h_.Post(owner_, "/api/v1/programs", Body("Mine", {day_a_}));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  EXPECT_EQ(h_.Get(other_, "/api/v1/programs/" + id).status, 404);
  EXPECT_EQ(h_.Call(other_, Method::kPut, "/api/v1/programs/" + id, Body("Theirs", {})).status,
            404);
  EXPECT_EQ(h_.Call(other_, Method::kDelete, "/api/v1/programs/" + id).status, 404);
  EXPECT_TRUE(h_.Get(other_, "/api/v1/programs").Json()["items"].as_array().empty());
  EXPECT_EQ(h_.Get(owner_, "/api/v1/programs/" + id).Json()["name"], "Mine");
}

TEST_F(ProgramsTest, ListingShowsEveryProgramWithItsRoutines) {
  for (int i = 0; i < 12; ++i) {
    ASSERT_EQ(
        h_.Post(owner_, "/api/v1/programs", Body("P" + std::to_string(i), {day_a_, day_b_})).status,
        201);
  }
  auto items = h_.Get(owner_, "/api/v1/programs").Json()["items"].as_array();
  ASSERT_EQ(items.size(), 12u);
  for (const auto& p : items) EXPECT_EQ(p.as_object().at("routines").as_array().size(), 2u);
}

}  // namespace
}  // namespace vigor
