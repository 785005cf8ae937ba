// Routines shared as templates: private by default, public ones listed for every signed-in user
// (newest first, keyset pages, with the author), copied into the caller's own routines as an
// independent private routine, and still changed by their owner only.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <set>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

std::string Body(const std::string& name, const std::string& visibility = "",
                 const std::string& exercise = "barbell-back-squat") {
  return R"({"name":")" + name + R"(","notes":"Heavy",)" +
         (visibility.empty() ? "" : R"("visibility":")" + visibility + R"(",)") +
         R"("items":[{"exercise_id":")" + exercise +
         R"(","target_sets":5,"target_reps":5},)"
         R"({"exercise_id":"plank","target_sets":3}]})";
}

class RoutineTemplatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("author");
    h_.CreateUser("reader");
    h_.SignIn(author_, "author");
    h_.SignIn(reader_, "reader");
  }

  std::string Create(Browser& who, const std::string& body) {
    auto reply = h_.Post(who, "/api/v1/routines", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["id"].as_string());
  }

  AppHarness h_;
  Browser author_, reader_;
};

TEST_F(RoutineTemplatesTest, RoutinesArePrivateUnlessTheOwnerSharesThem) {
  auto created = h_.Post(author_, "/api/v1/routines", Body("Quiet"));
  ASSERT_EQ(created.status, 201);
  EXPECT_EQ(created.Json()["visibility"], "private");
  std::string quiet(created.Json()["id"].as_string());
  std::string shared = Create(author_, Body("5x5", "public"));
  EXPECT_EQ(h_.Get(author_, "/api/v1/routines/" + shared).Json()["visibility"], "public");

  auto page = h_.Get(reader_, "/api/v1/routine-templates");
  ASSERT_EQ(page.status, 200) << page.body;
  auto items = page.Json()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  auto t = items[0].as_object();
  EXPECT_EQ(t.at("id").as_string(), shared);
  EXPECT_EQ(t.at("name"), "5x5");
  EXPECT_EQ(t.at("author"), "author");
  EXPECT_EQ(t.at("items").as_array().size(), 2u);
  EXPECT_EQ(page.Json()["next_cursor"], nullptr);

  // A public routine is still not one of the reader's routines.
  EXPECT_EQ(h_.Get(reader_, "/api/v1/routines/" + shared).status, 404);
  EXPECT_TRUE(h_.Get(reader_, "/api/v1/routines").Json()["items"].as_array().empty());
  // A private one cannot be copied by id.
  EXPECT_EQ(h_.Post(reader_, "/api/v1/routine-templates/" + quiet + "/copy", "").status, 404);
  EXPECT_EQ(h_.Post(reader_, "/api/v1/routine-templates/no-such-id/copy", "").status, 404);

  // Making it private again, or deleting it, takes it off the list.
  ASSERT_EQ(h_.Call(author_, Method::kPut, "/api/v1/routines/" + shared, Body("5x5")).status, 200);
  EXPECT_TRUE(h_.Get(reader_, "/api/v1/routine-templates").Json()["items"].as_array().empty());
  EXPECT_EQ(h_.Post(reader_, "/api/v1/routine-templates/" + shared + "/copy", "").status, 404);
  ASSERT_EQ(
      h_.Call(author_, Method::kPut, "/api/v1/routines/" + shared, Body("5x5", "public")).status,
      200);
  EXPECT_EQ(h_.Get(reader_, "/api/v1/routine-templates").Json()["items"].as_array().size(), 1u);
  ASSERT_EQ(h_.Call(author_, Method::kDelete, "/api/v1/routines/" + shared).status, 204);
  EXPECT_TRUE(h_.Get(reader_, "/api/v1/routine-templates").Json()["items"].as_array().empty());
}

TEST_F(RoutineTemplatesTest, OnlyTheOwnerChangesAPublicRoutine) {
  std::string shared = Create(author_, Body("5x5", "public"));
  EXPECT_EQ(h_.Call(reader_, Method::kPut, "/api/v1/routines/" + shared, Body("Mine now", "public"))
                .status,
            404);
  EXPECT_EQ(h_.Call(reader_, Method::kDelete, "/api/v1/routines/" + shared).status, 404);
  auto still = h_.Get(author_, "/api/v1/routines/" + shared).Json();
  EXPECT_EQ(still["name"], "5x5");
  EXPECT_EQ(still["visibility"], "public");
}

TEST_F(RoutineTemplatesTest, ACopyIsTheCallersOwnIndependentPrivateRoutine) {
  std::string shared = Create(author_, Body("5x5", "public"));
  auto copied = h_.Post(reader_, "/api/v1/routine-templates/" + shared + "/copy", "");
  ASSERT_EQ(copied.status, 201) << copied.body;
  auto copy = copied.Json();
  std::string copy_id(copy["id"].as_string());
  EXPECT_NE(copy_id, shared);
  EXPECT_EQ(copy["name"], "5x5");
  EXPECT_EQ(copy["notes"], "Heavy");
  EXPECT_EQ(copy["visibility"], "private");
  EXPECT_EQ(copy["items"], h_.Get(author_, "/api/v1/routines/" + shared).Json()["items"]);
  EXPECT_EQ(h_.Get(reader_, "/api/v1/routines/" + copy_id).Json(), copy);
  // Not the author's; not a template.
  EXPECT_EQ(h_.Get(author_, "/api/v1/routines/" + copy_id).status, 404);
  EXPECT_EQ(h_.Get(reader_, "/api/v1/routine-templates").Json()["items"].as_array().size(), 1u);

  // Each changes without touching the other.
  ASSERT_EQ(h_.Call(reader_, Method::kPut, "/api/v1/routines/" + copy_id, Body("My 5x5")).status,
            200);
  EXPECT_EQ(h_.Get(author_, "/api/v1/routines/" + shared).Json()["name"], "5x5");
  ASSERT_EQ(h_.Call(author_, Method::kDelete, "/api/v1/routines/" + shared).status, 204);
  EXPECT_EQ(h_.Get(reader_, "/api/v1/routines/" + copy_id).Json()["name"], "My 5x5");

  // A name the caller has already gets a number.
  std::string again = Create(author_, Body("Strong", "public"));
  Create(reader_, Body("Strong"));
  EXPECT_EQ(h_.Post(reader_, "/api/v1/routine-templates/" + again + "/copy", "").Json()["name"],
            "Strong (2)");
  EXPECT_EQ(h_.Post(reader_, "/api/v1/routine-templates/" + again + "/copy", "").Json()["name"],
            "Strong (3)");
}

TEST_F(RoutineTemplatesTest, PublicRoutinesUseCatalogueExercisesOnly) {
  auto exercise = h_.Post(author_, "/api/v1/exercises",
                          R"({"name":"Secret Lift","category":"strength","log_type":"reps"})");
  ASSERT_EQ(exercise.status, 201) << exercise.body;
  std::string own(exercise.Json()["id"].as_string());
  auto refused = h_.Post(author_, "/api/v1/routines", Body("Secret", "public", own));
  ASSERT_EQ(refused.status, 422) << refused.body;
  ASSERT_EQ(refused.Json()["errors"].as_array().size(), 1u);
  EXPECT_EQ(refused.Json()["errors"].as_array()[0].at("field"), "items[0].exercise_id");
  // Private, it is fine.
  EXPECT_EQ(h_.Post(author_, "/api/v1/routines", Body("Secret", "private", own)).status, 201);
  auto bad = h_.Post(author_, "/api/v1/routines", Body("Odd", "friends"));
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Json()["errors"].as_array()[0].at("field"), "visibility");
}

TEST_F(RoutineTemplatesTest, TemplatesComeNewestFirstInKeysetPages) {
  for (int i = 0; i < 5; ++i) {
    Create(i % 2 ? reader_ : author_, Body("T" + std::to_string(i), "public"));
  }
  Create(author_, Body("Private"));
  std::vector<std::pair<std::string, std::string>> keys;  // (created_at, id)
  std::set<std::string> names;
  std::string cursor;
  int pages = 0;
  do {
    auto reply = h_.Get(
        reader_, "/api/v1/routine-templates?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(reply.status, 200) << reply.body;
    auto page = reply.Json();
    for (const auto& t : page["items"].as_array()) {
      const auto& o = t.as_object();
      keys.emplace_back(std::string(o.at("created_at").as_string()),
                        std::string(o.at("id").as_string()));
      names.emplace(o.at("name").as_string());
    }
    cursor = page["next_cursor"].is_null() ? "" : std::string(page["next_cursor"].as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names, (std::set<std::string>{"T0", "T1", "T2", "T3", "T4"}));
  ASSERT_EQ(keys.size(), 5u);
  EXPECT_TRUE(std::is_sorted(keys.rbegin(), keys.rend())) << "newest first";
  EXPECT_EQ(h_.Get(reader_, "/api/v1/routine-templates?cursor=bogus").status, 422);
}

}  // namespace
}  // namespace vigor
