// The history's pages kept in memory (issue 16): a page is served from memory only while the
// owner's rev says nothing on it changed, which costs one statement; any write of theirs, here or
// on another instance, shows on the very next read.
#include "features/workouts/history_pages.hpp"

#include "features/workouts/feature.hpp"
#include "platform/http/conditional_get.hpp"
#include "workouts_fixture.hpp"

namespace vigor {
namespace {

using namespace workouts_testing;
using features::workouts::HistoryPages;
using features::workouts::WorkoutFilter;

class HistoryPagesTest : public WorkoutsTest {
 protected:
  HistoryPagesTest()
      : counting_(*h_.app().database),
        service_(
            counting_,
            app::ExerciseLookupOf(h_.app().Get<features::exercises::ExercisesFeature>().service()),
            h_.app().Get<features::workouts::WorkoutsFeature>().changes()),
        pages_(counting_, service_) {}

  struct Read {
    std::uint64_t statements;
    std::shared_ptr<const HistoryPages::Page> page;
    boost::json::object body;
  };
  Read ReadPage(const platform::auth::Principal& who, int limit = 20,
                const std::string& cursor = "", const WorkoutFilter& filter = {}) {
    counting_.statements = 0;
    auto page = pages_.Read(who, filter, cursor, limit);
    return {counting_.statements, page, boost::json::parse(page->body).as_object()};
  }
  // The same page composed without any memory: what a kept page must equal.
  boost::json::object Uncached(const platform::auth::Principal& who, int limit = 20,
                               const std::string& cursor = "") {
    return boost::json::parse(
               features::workouts::EncodeWorkoutPage(service_.List(who, {}, cursor, limit)))
        .as_object();
  }
  static std::vector<std::string> Titles(const boost::json::object& page) {
    std::vector<std::string> titles;
    for (const auto& item : page.at("items").as_array()) {
      titles.emplace_back(item.as_object().at("title").as_string());
    }
    return titles;
  }

  CountingDatabase counting_;
  features::workouts::WorkoutService service_;
  HistoryPages pages_;
};

TEST_F(HistoryPagesTest, APageIsKeptUntilSomethingOnItChanges) {
  auto lift = h_.Post(owner_, "/api/v1/exercises",
                      R"({"name":"Own Lift","category":"strength","log_type":"weight_reps"})");
  ASSERT_EQ(lift.status, 201) << lift.body;
  std::string lift_id(lift.Json()["id"].as_string());
  auto with_lift = StrengthWorkout("Mine", "2026-04-10T07:00:00Z");
  with_lift["blocks"].as_array()[1].as_object()["exercise_id"] = lift_id;
  ASSERT_EQ(Post(owner_, with_lift).status, 201);
  ASSERT_EQ(Post(owner_, StrengthWorkout("Older", "2026-04-09T07:00:00Z")).status, 201);
  platform::auth::Principal owner{.user_id = owner_id_, .locale = "en"};

  auto first = ReadPage(owner);
  EXPECT_EQ(first.body, Uncached(owner));
  EXPECT_EQ(Titles(first.body), (std::vector<std::string>{"Mine", "Older"}));
  EXPECT_GT(first.statements, 1u);
  EXPECT_EQ(first.page->etag, platform::http::RepresentationETag(owner_id_, first.page->body));
  auto again = ReadPage(owner);
  EXPECT_EQ(again.statements, 1u) << "the rev, which says the kept page is still the one";
  EXPECT_EQ(again.page, first.page);

  // A new workout: on the next read.
  ASSERT_EQ(Post(owner_, StrengthWorkout("Newest", "2026-04-11T07:00:00Z")).status, 201);
  auto added = ReadPage(owner);
  EXPECT_GT(added.statements, 1u);
  EXPECT_EQ(Titles(added.body), (std::vector<std::string>{"Newest", "Mine", "Older"}));
  EXPECT_EQ(added.body, Uncached(owner));

  // The page shows the names of the owner's exercises: a rename is a change of what it shows.
  auto renamed =
      h_.Call(owner_, Method::kPut, "/api/v1/exercises/" + lift_id,
              R"({"name":"Renamed Lift","category":"strength","log_type":"weight_reps"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  auto after_rename = ReadPage(owner);
  EXPECT_GT(after_rename.statements, 1u);
  auto names = after_rename.body.at("items").as_array()[1].as_object().at("exercise_names");
  EXPECT_EQ(names, boost::json::parse(R"(["Barbell Back Squat","Renamed Lift"])"));

  // A deleted workout leaves the page.
  std::string newest(added.body.at("items").as_array()[0].as_object().at("id").as_string());
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + newest).status, 204);
  EXPECT_EQ(Titles(ReadPage(owner).body), (std::vector<std::string>{"Mine", "Older"}));
  EXPECT_EQ(ReadPage(owner).statements, 1u);
}

TEST_F(HistoryPagesTest, EachReaderLanguageQueryAndCursorHasItsOwnPage) {
  for (int day = 10; day < 13; ++day) {
    ASSERT_EQ(Post(owner_, StrengthWorkout("Day " + std::to_string(day),
                                           "2026-04-" + std::to_string(day) + "T07:00:00Z"))
                  .status,
              201);
  }
  platform::auth::Principal owner{.user_id = owner_id_, .locale = "en"};
  ASSERT_EQ(ReadPage(owner).page->body, ReadPage(owner).page->body);
  EXPECT_EQ(ReadPage(owner).statements, 1u);

  // Another user, with the same query: their own (empty) history, never the owner's page.
  platform::auth::Principal other{
      .user_id = std::string(h_.Get(other_, "/api/v1/me").Json()["id"].as_string()),
      .locale = "en"};
  auto theirs = ReadPage(other);
  EXPECT_GT(theirs.statements, 1u);
  EXPECT_TRUE(theirs.body.at("items").as_array().empty());
  EXPECT_NE(theirs.page->etag, ReadPage(owner).page->etag);

  // Another language names the exercises in it.
  platform::auth::Principal in_german = owner;
  in_german.locale = "de";
  auto german = ReadPage(in_german);
  EXPECT_GT(german.statements, 1u);
  EXPECT_EQ(german.body, Uncached(in_german));
  EXPECT_EQ(ReadPage(in_german).statements, 1u);
  EXPECT_EQ(ReadPage(owner).statements, 1u) << "the English page is kept beside it";

  // Another size, the next page by its cursor, a filter: each read and kept on its own.
  auto two = ReadPage(owner, 2);
  EXPECT_EQ(Titles(two.body), (std::vector<std::string>{"Day 12", "Day 11"}));
  std::string cursor(two.body.at("next_cursor").as_string());
  auto next = ReadPage(owner, 2, cursor);
  EXPECT_GT(next.statements, 1u);
  EXPECT_EQ(next.body, Uncached(owner, 2, cursor));
  EXPECT_EQ(Titles(next.body), (std::vector<std::string>{"Day 10"}));
  EXPECT_EQ(ReadPage(owner, 2, cursor).statements, 1u);
  auto searched = ReadPage(owner, 20, "", WorkoutFilter{.q = "Day 11"});
  EXPECT_EQ(Titles(searched.body), (std::vector<std::string>{"Day 11"}));
  EXPECT_EQ(ReadPage(owner, 20, "", WorkoutFilter{.q = "Day 11"}).statements, 1u);
  EXPECT_EQ(Titles(ReadPage(owner).body).size(), 3u);

  // A cursor this server never handed out is a field error, and nothing is read.
  counting_.statements = 0;
  EXPECT_THROW(pages_.Read(owner, {}, "not-a-cursor", 20), platform::Error);
  EXPECT_EQ(counting_.statements, 0u);
}

// The whole application twice on one database: a workout written through instance B is on the
// very next page instance A answers, although A kept that page a moment before.
TEST_F(HistoryPagesTest, AWriteOnAnotherInstanceShowsOnTheNextPageAtOnce) {
  auto& config = h_.app().config;
  auto same_database = [&](platform::config::Config& c) {
    c.data_dir = config.data_dir;
    c.database_url = config.database_url;
  };
  testing::AppHarness a(same_database);
  testing::AppHarness b(same_database);
  auto token = h_.Post(owner_, "/api/v1/me/tokens",
                       R"({"name":"both","scopes":["workouts:read","workouts:write"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  const std::string list = "/api/v1/workouts?limit=20";
  ASSERT_EQ(b.Call(api, Method::kPost, "/api/v1/workouts", Body(StrengthWorkout("First"))).status,
            201);
  auto kept = a.Get(api, list);
  ASSERT_EQ(kept.status, 200);
  EXPECT_EQ(a.Get(api, list).body, kept.body);
  EXPECT_EQ(Titles(kept.Json()), (std::vector<std::string>{"First"}));

  ASSERT_EQ(b.Call(api, Method::kPost, "/api/v1/workouts",
                   Body(StrengthWorkout("Second", "2026-03-05T07:00:00Z")))
                .status,
            201);
  auto after = a.Get(api, list);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(Titles(after.Json()), (std::vector<std::string>{"Second", "First"}));
  EXPECT_NE(after.headers.Get("ETag"), kept.headers.Get("ETag"));
}

}  // namespace
}  // namespace vigor
