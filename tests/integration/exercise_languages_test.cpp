// Exercises in the reader's language: catalogue entries named and described in the profile's
// language (else the requested one, else English), searched in every language.
#include <gtest/gtest.h>

#include "exercises_fixture.hpp"
#include "features/exercises/json_codec.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using namespace exercises_testing;  // NOLINT(google-build-using-namespace): the shared fixture

// ---- languages -------------------------------------------------------------------------------

class ExerciseLanguagesTest : public ExercisesTest {
 protected:
  void SetUp() override {
    ExercisesTest::SetUp();
    // Ada speaks German (her profile); Bob keeps the default, English.
    auto reply = h_.Call(ada_, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})");
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  json::object GetOne(Browser& b, const std::string& id,
                      const platform::http::Headers& extra = {}) {
    auto reply = h_.Call(b, Method::kGet, "/api/v1/exercises/" + id, {}, extra);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.Json() : json::object{};
  }
  std::string First(Browser& b, const std::string& text) {
    auto ids = Ids(b, "q=" + Encode(text));
    return ids.empty() ? "" : ids.front();
  }
};

TEST_F(ExerciseLanguagesTest, CatalogueEntriesSpeakTheProfilesLanguageAndKeepTheEnglishName) {
  auto de = GetOne(ada_, "barbell-back-squat");
  EXPECT_EQ(de["name"], "Kniebeuge mit der Langhantel");
  EXPECT_EQ(de["name_en"], "Barbell Back Squat");
  EXPECT_NE(std::string(de["description"].as_string()).find("Lege die Stange"), std::string::npos)
      << de["description"];
  auto en = GetOne(bob_, "barbell-back-squat");
  EXPECT_EQ(en["name"], "Barbell Back Squat");
  EXPECT_EQ(en["name_en"], "Barbell Back Squat");
  EXPECT_NE(std::string(en["description"].as_string()).find("Rest the bar"), std::string::npos);
  EXPECT_EQ(GetOne(ada_, "pull-up")["name"], "Klimmzug");
  EXPECT_EQ(GetOne(ada_, "barbell-bench-press")["name"], "Bankdrücken");

  // The search answers in the same language.
  auto page = Search(ada_, "q=" + Encode("bench press")).Json();
  ASSERT_FALSE(page["items"].as_array().empty());
  bool found = false;
  for (const auto& item : page["items"].as_array()) {
    if (item.as_object().at("id") == "barbell-bench-press") {
      found = true;
      EXPECT_EQ(item.as_object().at("name"), "Bankdrücken");
      EXPECT_EQ(item.as_object().at("name_en"), "Barbell Bench Press");
    }
  }
  EXPECT_TRUE(found);

  // The profile wins over Accept-Language; own exercises keep their one name.
  platform::http::Headers german;
  german.Add("Accept-Language", "de-DE,de;q=0.9");
  EXPECT_EQ(GetOne(bob_, "pull-up", german)["name"], "Pull-Up");
  auto own = Create(bob_, Lift("Zercher Good Morning"));
  auto mine = GetOne(bob_, own);
  EXPECT_EQ(mine["name"], "Zercher Good Morning");
  EXPECT_EQ(mine["name_en"], "Zercher Good Morning");
}

TEST_F(ExerciseLanguagesTest, SearchFindsEitherLanguageWhateverTheUsersLanguage) {
  for (Browser* b : {&ada_, &bob_}) {
    SCOPED_TRACE(b == &ada_ ? "German profile" : "English profile");
    for (const char* text : {"Kniebeuge", "kniebeuge", "KNIEBEUGE", "Barbell Back Squat",
                             "back squat", "kniebeuge langhantel"}) {
      EXPECT_TRUE(Finds(*b, text, "barbell-back-squat")) << text;
    }
    for (const char* text : {"Klimmzug", "klimmzug", "pull-up", "pullup", "Pull Up"}) {
      EXPECT_TRUE(Finds(*b, text, "pull-up")) << text;
    }
    for (const char* text : {"Bankdrücken", "bankdrücken", "bankdruecken", "BANKDRUECKEN",
                             "bankdrucken", "bank drü", "bench press"}) {
      EXPECT_TRUE(Finds(*b, text, "barbell-bench-press")) << text;
    }
    EXPECT_TRUE(Finds(*b, "Reißen", "squat-snatch"));
    EXPECT_TRUE(Finds(*b, "reissen", "squat-snatch"));
    EXPECT_TRUE(Finds(*b, "hueftstoss", "barbell-hip-thrust"));
    EXPECT_FALSE(Finds(*b, "bankdrueckenx", "barbell-bench-press"));
  }
}

TEST_F(ExerciseLanguagesTest, ExactMatchesInTheUsersLanguageComeFirst) {
  // In German, "Belt Squat", "Box-Kniebeuge mit der Langhantel" and "Kniebeuge an der
  // Multipresse" (all found by "kniebeuge") sort before "Kniebeuge mit der Langhantel", but
  // "Kniebeuge" is exactly an alias of the back squat.
  EXPECT_EQ(First(ada_, "Kniebeuge"), "barbell-back-squat");
  EXPECT_EQ(First(ada_, "kniebeuge"), "barbell-back-squat");
  EXPECT_EQ(First(ada_, "Klimmzug"), "pull-up");
  EXPECT_EQ(First(ada_, "bankdruecken"), "barbell-bench-press");
  EXPECT_EQ(First(ada_, "Bankdrücken"), "barbell-bench-press");
  // "Assisted Pull-Up" sorts before "Pull-Up" in English; "pull-up" is the name of the one.
  EXPECT_EQ(First(bob_, "pull-up"), "pull-up");
  EXPECT_EQ(First(bob_, "pullup"), "pull-up");
  // Without an exact match, by name in the user's language: "Belt Squat" (alias "Kniebeuge mit
  // Hüftgurt") is first, then "Box-Kniebeuge mit der Langhantel".
  auto by_name = Ids(ada_, "q=kniebeu");
  ASSERT_GE(by_name.size(), 2u);
  EXPECT_EQ(by_name[0], "belt-squat");
  EXPECT_EQ(by_name[1], "barbell-box-squat");
  // An own exercise named exactly like the query comes first too.
  auto own = Create(ada_, Lift("Bankdrücken"));
  auto ids = Ids(ada_, "q=" + Encode("bankdrücken"));
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.begin() + 2),
            (std::set<std::string>{own, "barbell-bench-press"}));
}

TEST_F(ExerciseLanguagesTest, PagesWalkInTheUsersLanguageWithoutGapsOrDuplicates) {
  Create(ada_, Lift("Kniebeuge"));  // an own exercise, exactly like the query
  Create(ada_, Lift("Kniebeugen Spezial"));
  for (const char* query : {"", "&q=kniebeuge", "&q=klimmzug"}) {
    SCOPED_TRACE(query);
    auto one_by_one = WalkAll(ada_, query, 1);
    auto in_one = WalkAll(ada_, query, 100);
    ASSERT_FALSE(in_one.empty());
    ASSERT_EQ(one_by_one.size(), in_one.size());
    std::set<std::string> ids;
    for (std::size_t i = 0; i < in_one.size(); ++i) {
      EXPECT_EQ(one_by_one[i]["id"], in_one[i]["id"]) << i;
      EXPECT_TRUE(ids.insert(std::string(in_one[i]["id"].as_string())).second);
    }
  }
  // Everything, in German name order: Klimmzug before Kreuzheben (in English, Barbell Deadlift
  // comes before Pull-Up).
  auto all = WalkAll(ada_, "", 100);
  EXPECT_EQ(all.size(), CatalogueSize() + 2);
  auto at = [&](const std::vector<json::object>& list, std::string_view id) {
    return std::find_if(list.begin(), list.end(),
                        [&](const json::object& o) { return o.at("id").as_string() == id; }) -
           list.begin();
  };
  EXPECT_LT(at(all, "pull-up"), at(all, "barbell-deadlift"));
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_LE(core::SearchKey(all[i - 1]["name"].as_string()),
              core::SearchKey(all[i]["name"].as_string()))
        << all[i]["name"];
  }
  auto english = WalkAll(bob_, "", 100);
  EXPECT_GT(at(english, "pull-up"), at(english, "barbell-deadlift"));
  // The search's exact matches first, then the rest: the own "Kniebeuge" and the back squat.
  auto squats = WalkAll(ada_, "&q=kniebeuge", 100);
  ASSERT_GE(squats.size(), 3u);
  EXPECT_EQ(squats[0]["name"], "Kniebeuge");
  EXPECT_EQ(squats[1]["id"], "barbell-back-squat");
}

TEST_F(ExerciseLanguagesTest, TheCallersProfileLanguageNamesTheEntriesAndElseEnglish) {
  // The service reads the language from the caller, as authentication found it in the profile.
  auto& service = Exercises();
  platform::auth::Principal german{.user_id = bob_id_, .username = "bob", .locale = "de"};
  platform::auth::Principal english{.user_id = bob_id_, .username = "bob", .locale = "en"};
  platform::auth::Principal french{.user_id = bob_id_, .username = "bob", .locale = "fr"};
  EXPECT_EQ(service.Get(german, "pull-up").name, "Klimmzug");
  EXPECT_EQ(service.Get(english, "pull-up").name, "Pull-Up");
  EXPECT_EQ(service.Get(french, "pull-up").name, "Pull-Up");
  auto page = service.Search(german, {.text = "kniebeuge"});
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().name, "Kniebeuge mit der Langhantel");
}

}  // namespace
}  // namespace vigor
