// The exercises API through the real application (in process): search of the catalogue and
// one's own exercises, filters, pagination, custom exercise CRUD, ownership and validation.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "core/text_fold.hpp"
#include "exercises_fixture.hpp"
#include "features/exercises/feature.hpp"
#include "features/exercises/json_codec.hpp"
#include "platform/id.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using namespace exercises_testing;  // NOLINT(google-build-using-namespace): the shared fixture

// ---- search ----------------------------------------------------------------------------------

TEST_F(ExercisesTest, SearchMatchesWordPrefixesAsYouType) {
  EXPECT_TRUE(Finds(ada_, "ben pre", "barbell-bench-press"));
  EXPECT_TRUE(Finds(ada_, "BENCH", "barbell-bench-press"));
  EXPECT_TRUE(Finds(ada_, "press bench", "barbell-bench-press")) << "word order does not matter";
  EXPECT_FALSE(Finds(ada_, "ench", "barbell-bench-press")) << "prefixes of words, not infixes";
  EXPECT_FALSE(Finds(ada_, "bench squat", "barbell-bench-press")) << "every word must match";
  for (const auto& id : Ids(ada_, "q=" + Encode("ben pre"))) {
    const auto* entry = Exercises().catalog().Find(id);
    ASSERT_NE(entry, nullptr) << id;
    bool ok = false;
    for (const auto& words : entry->texts) {
      ok = ok || core::MatchesWordPrefixes(words, core::SearchWords("ben pre"));
    }
    EXPECT_TRUE(ok) << id << " does not match 'ben pre'";
  }
  auto nothing = Search(ada_, "q=xyzzy").Json();
  EXPECT_TRUE(nothing["items"].as_array().empty());
  EXPECT_TRUE(nothing["next_cursor"].is_null());
}

TEST_F(ExercisesTest, SearchIgnoresAccentsInQueriesNamesAndAliases) {
  EXPECT_TRUE(Finds(ada_, "developpe", "barbell-bench-press"));  // alias "développé couché"
  EXPECT_TRUE(Finds(ada_, "DÉVELOPPÉ couch", "barbell-bench-press"));
  EXPECT_TRUE(Finds(ada_, "De\u0301veloppe\u0301", "barbell-bench-press"));  // decomposed
  EXPECT_TRUE(Finds(ada_, "bankdrucken", "barbell-bench-press"));            // "Bankdrücken"
  EXPECT_TRUE(Finds(ada_, "huftstoss", "barbell-hip-thrust"));               // "Hüftstoß"
  EXPECT_TRUE(Finds(ada_, "martwy ciag", "barbell-deadlift"));               // "martwy ciąg"
  EXPECT_TRUE(Finds(ada_, "plie", "dumbbell-plie-squat"));                   // name "Plié"
  EXPECT_TRUE(Finds(ada_, "Plié sq", "dumbbell-plie-squat"));
  EXPECT_TRUE(Finds(ada_, "turkish get", "turkish-get-up"));
  EXPECT_TRUE(Finds(ada_, "turkisches", "turkish-get-up"));
  EXPECT_TRUE(Finds(ada_, "farmers", "farmers-carry"));
  EXPECT_TRUE(Finds(ada_, "farmer\u2019s", "farmers-carry"));
  // All words within one text: "développé" (an alias) and "barbell" (the name) do not combine.
  EXPECT_FALSE(Finds(ada_, "developpe barbell", "barbell-bench-press"));
}

TEST_F(ExercisesTest, SearchFindsOwnExercisesByFoldedName) {
  auto id = Create(ada_, Lift("Säge-Kreuzheben (Ömer)"));
  EXPECT_TRUE(Finds(ada_, "sage kreuz", id));
  EXPECT_TRUE(Finds(ada_, "OMER", id));
  EXPECT_TRUE(Finds(ada_, "Sä", id));
  EXPECT_FALSE(Finds(ada_, "kreuzheben sage x", id));
  EXPECT_FALSE(Finds(bob_, "sage kreuz", id)) << "only the owner sees it";
  // Words with characters LIKE treats specially still match literally.
  auto odd = Create(ada_, Lift("100% effort_row"));
  EXPECT_TRUE(Finds(ada_, "100 effort", odd));
  EXPECT_FALSE(Finds(ada_, "1_f", odd));
  EXPECT_TRUE(Finds(ada_, "1_0", odd)) << "separators ignored, 10 starts 100";
}

TEST_F(ExercisesTest, SearchIgnoresHyphensAndSpacesBetweenWords) {
  EXPECT_TRUE(Finds(ada_, "pullup", "pull-up"));
  EXPECT_TRUE(Finds(ada_, "Pull Up", "pull-up"));
  EXPECT_TRUE(Finds(ada_, "weighted pullup", "weighted-pull-up"));
  EXPECT_FALSE(Finds(ada_, "ullup", "pull-up")) << "a run of words starts at a word";
  auto chin = Create(ada_, Lift("Ring Chin-Up"));
  EXPECT_TRUE(Finds(ada_, "chinup", chin));
  EXPECT_TRUE(Finds(ada_, "ringchin", chin));
  EXPECT_FALSE(Finds(ada_, "inup", chin));
  EXPECT_FALSE(Finds(ada_, "chinup squat", chin));
  auto pullups = Create(ada_, Lift("Kipping Pullups"));
  EXPECT_TRUE(Finds(ada_, "pull up", pullups)) << "spaces in the query, none in the name";
  EXPECT_TRUE(Finds(ada_, "kipping pull-ups", pullups));
}

TEST_F(ExercisesTest, OwnExercisesThatOnlyContainTheQueryDoNotShortenThePage) {
  // "inup" is inside these names but starts none of their words: the page goes on past them.
  for (const char* name : {"Binup A", "Binup B", "Binup C"}) Create(ada_, Lift(name));
  auto wanted = Create(ada_, Lift("Inup Zed"));
  auto page = Search(ada_, "q=inup&limit=1");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(Strings(page.Json(), "items"), std::vector<std::string>{wanted});
}

TEST_F(ExercisesTest, FiltersByMuscleEquipmentAndCategory) {
  auto ids = Ids(ada_, "muscle=neck");
  ASSERT_FALSE(ids.empty());
  for (const auto& id : ids) {
    const auto& e = Exercises().catalog().Find(id)->exercise;
    EXPECT_NE(std::find(e.primary_muscles.begin(), e.primary_muscles.end(),
                        features::exercises::Muscle::kNeck),
              e.primary_muscles.end())
        << id;
  }
  auto cardio = WalkAll(ada_, "&category=cardio", 100);
  ASSERT_GE(cardio.size(), 20u);
  for (const auto& e : cardio) EXPECT_EQ(e.at("category"), "cardio");

  auto kettlebell = Search(ada_, "equipment=kettlebell&q=press").Json();
  ASSERT_FALSE(kettlebell["items"].as_array().empty());
  for (const auto& item : kettlebell["items"].as_array()) {
    auto equipment = item.as_object().at("equipment").as_array();
    EXPECT_NE(std::find(equipment.begin(), equipment.end(), json::value("kettlebell")),
              equipment.end());
  }

  // Own exercises are filtered the same way.
  auto mine = Lift("Zz Neck Thing");
  mine["primary_muscles"] = json::array{"neck"};
  mine["secondary_muscles"] = json::array{"traps"};
  mine["equipment"] = json::array{"band", "smith_machine"};
  mine["category"] = "mobility";
  auto id = Create(ada_, mine);
  auto has = [&](const std::string& q) {
    auto found = Ids(ada_, q + "&q=zz");
    return std::find(found.begin(), found.end(), id) != found.end();
  };
  EXPECT_TRUE(has("muscle=neck"));
  EXPECT_FALSE(has("muscle=traps")) << "the filter looks at primary muscles";
  EXPECT_FALSE(has("muscle=front_delts"));
  EXPECT_TRUE(has("equipment=smith_machine"));
  EXPECT_TRUE(has("equipment=band"));
  EXPECT_FALSE(has("equipment=machine"));
  EXPECT_TRUE(has("category=mobility"));
  EXPECT_FALSE(has("category=strength"));

  auto bad = Search(ada_, "muscle=wings&equipment=sofa&category=napping");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), (std::set<std::string>{"muscle", "equipment", "category"}));
}

TEST_F(ExercisesTest, PagesWalkTheWholeCatalogueInNameOrderWithoutGapsOrDuplicates) {
  auto all = WalkAll(ada_, "", 50);
  EXPECT_EQ(all.size(), CatalogueSize());
  EXPECT_GE(all.size(), 220u);
  std::set<std::string> seen;
  std::string previous;
  for (const auto& e : all) {
    std::string id(e.at("id").as_string());
    EXPECT_TRUE(seen.insert(id).second) << "duplicate " << id;
    std::string key = core::SearchKey(std::string(e.at("name").as_string()));
    EXPECT_LT(previous, key) << "out of order at " << id;
    previous = key;
  }
  // Other page sizes see the same sequence.
  auto by_7 = WalkAll(ada_, "", 7);
  ASSERT_EQ(by_7.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(by_7[i].at("id"), all[i].at("id"));
}

TEST_F(ExercisesTest, PagesMergeOwnExercisesIntoTheCatalogueOrder) {
  std::vector<std::string> mine = {Create(ada_, Lift("00 First Of All")),
                                   Create(ada_, Lift("Barbell Bench Press")),  // as the catalogue
                                   Create(ada_, Lift("Mmm Middle")),
                                   Create(ada_, Lift("Zzz Last"))};
  auto all = WalkAll(ada_, "", 9);
  EXPECT_EQ(all.size(), CatalogueSize() + mine.size());
  std::set<std::string> seen;
  std::pair<std::string, std::string> previous;
  for (const auto& e : all) {
    std::pair<std::string, std::string> key{core::SearchKey(std::string(e.at("name").as_string())),
                                            std::string(e.at("id").as_string())};
    EXPECT_TRUE(seen.insert(key.second).second);
    EXPECT_LT(previous, key);
    previous = key;
  }
  for (const auto& id : mine) EXPECT_TRUE(seen.contains(id));
  EXPECT_EQ(all.front().at("id"), json::value(mine[0]));
  EXPECT_EQ(all.back().at("id"), json::value(mine[3]));
  EXPECT_EQ(WalkAll(bob_, "", 50).size(), CatalogueSize()) << "bob does not see ada's";
}

TEST_F(ExercisesTest, ACursorSurvivesTheDeletionOfItsItem) {
  auto first = Create(ada_, Lift("Qq One"));
  auto second = Create(ada_, Lift("Qq Two"));
  auto page = Search(ada_, "q=qq&limit=1").Json();
  ASSERT_EQ(page["next_cursor"], json::value(first));
  EXPECT_EQ(h_.Call(ada_, Method::kDelete, "/api/v1/exercises/" + first).status, 204);
  auto next = Search(ada_, "q=qq&limit=1&cursor=" + first).Json();
  ASSERT_EQ(next["items"].as_array().size(), 1u);
  EXPECT_EQ(next["items"].as_array()[0].as_object().at("id"), json::value(second));
}

TEST_F(ExercisesTest, BadPagingAndQueriesAre422WithTheirField) {
  EXPECT_EQ(FieldsOf(Search(ada_, "limit=0")), std::set<std::string>{"limit"});
  EXPECT_EQ(FieldsOf(Search(ada_, "limit=101")), std::set<std::string>{"limit"});
  EXPECT_EQ(FieldsOf(Search(ada_, "cursor=not-a-cursor")), std::set<std::string>{"cursor"});
  // Another user's exercise is no cursor for you.
  auto bobs = Create(bob_, Lift("Bob's Lift"));
  EXPECT_EQ(FieldsOf(Search(ada_, "cursor=" + bobs)), std::set<std::string>{"cursor"});
  EXPECT_EQ(FieldsOf(Search(ada_, "q=" + std::string(101, 'a'))), std::set<std::string>{"q"});
  EXPECT_EQ(FieldsOf(Search(ada_, "q=a+b+c+d+e+f+g")), std::set<std::string>{"q"});
  EXPECT_EQ(Search(ada_, "q=a+b+c+d+e+f").status, 200);
}

// ---- custom exercises ------------------------------------------------------------------------

TEST_F(ExercisesTest, CreateReadUpdateDelete) {
  json::object input = {{"name", "  Landmine Rotation Press "},
                        {"category", "strength"},
                        {"primary_muscles", json::array{"obliques", "front_delts", "obliques"}},
                        {"secondary_muscles", json::array{"front_delts", "triceps"}},
                        {"equipment", json::array{"barbell"}},
                        {"mechanics", "compound"},
                        {"force", "push"},
                        {"log_type", "weight_reps"},
                        {"description", "Rotate and press."}};
  auto created = h_.Post(ada_, "/api/v1/exercises", Body(input));
  ASSERT_EQ(created.status, 201) << created.body;
  auto e = created.Json();
  std::string id(e["id"].as_string());
  EXPECT_TRUE(platform::IsUuid(id));
  EXPECT_EQ(e["name"], "Landmine Rotation Press") << "trimmed";
  EXPECT_EQ(e["slug"], "landmine-rotation-press");
  EXPECT_EQ(e["custom"], true);
  EXPECT_EQ(e["primary_muscles"], (json::array{"obliques", "front_delts"})) << "repeats dropped";
  EXPECT_EQ(e["secondary_muscles"], (json::array{"triceps"})) << "primary wins over secondary";
  EXPECT_EQ(e["mechanics"], "compound");
  EXPECT_EQ(e["force"], "push");
  EXPECT_EQ(e["log_type"], "weight_reps");
  EXPECT_EQ(e["description"], "Rotate and press.");
  EXPECT_TRUE(e["aliases"].as_array().empty());

  auto read = h_.Get(ada_, "/api/v1/exercises/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json(), e);

  json::object change = {
      {"name", "Landmine Twist"}, {"category", "mobility"}, {"log_type", "reps"}};
  auto updated = h_.Call(ada_, Method::kPut, "/api/v1/exercises/" + id, Body(change));
  ASSERT_EQ(updated.status, 200) << updated.body;
  auto u = updated.Json();
  EXPECT_EQ(u["id"], json::value(id));
  EXPECT_EQ(u["name"], "Landmine Twist");
  EXPECT_EQ(u["slug"], "landmine-twist");
  EXPECT_EQ(u["category"], "mobility");
  EXPECT_EQ(u["log_type"], "reps");
  EXPECT_TRUE(u["primary_muscles"].as_array().empty()) << "PUT replaces the whole exercise";
  EXPECT_TRUE(u["mechanics"].is_null());
  EXPECT_EQ(u["description"], "");
  EXPECT_TRUE(Finds(ada_, "landmine tw", id));
  EXPECT_FALSE(Finds(ada_, "landmine rot", id));

  EXPECT_EQ(h_.Call(ada_, Method::kDelete, "/api/v1/exercises/" + id).status, 204);
  EXPECT_EQ(h_.Get(ada_, "/api/v1/exercises/" + id).status, 404);
  EXPECT_EQ(h_.Call(ada_, Method::kDelete, "/api/v1/exercises/" + id).status, 404);
  EXPECT_EQ(h_.Call(ada_, Method::kPut, "/api/v1/exercises/" + id, Body(change)).status, 404);
  EXPECT_FALSE(Finds(ada_, "landmine tw", id));
  // The name is free again once deleted.
  EXPECT_FALSE(Create(ada_, Lift("Landmine Twist")).empty());
}

TEST_F(ExercisesTest, NamesAreUniquePerUserIgnoringCaseAccentsAndPunctuation) {
  auto id = Create(ada_, Lift("Zercher Carry"));
  for (std::string clash :
       {"Zercher Carry", "zercher carry", "ZÉRCHER-CARRY", "  zercher   carry!"}) {
    auto again = h_.Post(ada_, "/api/v1/exercises", Body(Lift(clash)));
    EXPECT_EQ(again.status, 409) << clash;
    EXPECT_EQ(FieldsOf(again), std::set<std::string>{"name"});
  }
  // Renaming onto another exercise's name clashes; keeping one's own name does not.
  auto other = Create(ada_, Lift("Zercher Walk"));
  EXPECT_EQ(
      h_.Call(ada_, Method::kPut, "/api/v1/exercises/" + other, Body(Lift("zercher CARRY"))).status,
      409);
  EXPECT_EQ(
      h_.Call(ada_, Method::kPut, "/api/v1/exercises/" + id, Body(Lift("Zercher carry"))).status,
      200);
  // Another user, or a catalogue name, is no clash.
  EXPECT_FALSE(Create(bob_, Lift("Zercher Carry")).empty());
  EXPECT_FALSE(Create(ada_, Lift("Barbell Back Squat")).empty());
}

TEST_F(ExercisesTest, AnotherUsersExerciseDoesNotExist) {
  auto id = Create(ada_, Lift("Ada's Secret Lift"));
  EXPECT_EQ(h_.Get(bob_, "/api/v1/exercises/" + id).status, 404);
  EXPECT_EQ(h_.Call(bob_, Method::kPut, "/api/v1/exercises/" + id, Body(Lift("Mine now"))).status,
            404);
  EXPECT_EQ(h_.Call(bob_, Method::kDelete, "/api/v1/exercises/" + id).status, 404);
  EXPECT_EQ(Search(bob_, "q=secret").body.find(id), std::string::npos);
  // Same answer as for an id that never existed.
  auto missing = h_.Get(bob_, "/api/v1/exercises/" + platform::NewId());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/exercises/" + id).Json()["detail"], missing.Json()["detail"]);
  EXPECT_EQ(h_.Get(ada_, "/api/v1/exercises/" + id).status, 200) << "still there for ada";
}

TEST_F(ExercisesTest, CatalogueEntriesCanBeReadButNotChanged) {
  auto read = h_.Get(ada_, "/api/v1/exercises/barbell-bench-press");
  ASSERT_EQ(read.status, 200);
  auto e = read.Json();
  EXPECT_EQ(e["id"], "barbell-bench-press");
  EXPECT_EQ(e["slug"], "barbell-bench-press");
  EXPECT_EQ(e["custom"], false);
  EXPECT_EQ(e["category"], "strength");
  EXPECT_FALSE(e["aliases"].as_array().empty());

  auto put =
      h_.Call(ada_, Method::kPut, "/api/v1/exercises/barbell-bench-press", Body(Lift("My Bench")));
  EXPECT_EQ(put.status, 403);
  EXPECT_NE(put.Json()["detail"].as_string().find("copy it as your own"), std::string::npos);
  auto del = h_.Call(ada_, Method::kDelete, "/api/v1/exercises/barbell-bench-press");
  EXPECT_EQ(del.status, 403);
  EXPECT_EQ(h_.Get(ada_, "/api/v1/exercises/barbell-bench-press").status, 200);

  EXPECT_EQ(h_.Get(ada_, "/api/v1/exercises/no-such-exercise").status, 404);
  EXPECT_EQ(h_.Call(ada_, Method::kDelete, "/api/v1/exercises/no-such-exercise").status, 404);
  EXPECT_EQ(
      h_.Call(ada_, Method::kPut, "/api/v1/exercises/no-such-exercise", Body(Lift("X"))).status,
      404);
}

TEST_F(ExercisesTest, InvalidInputIs422NamingEveryBadField) {
  auto empty = h_.Post(ada_, "/api/v1/exercises", "{}");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(FieldsOf(empty), (std::set<std::string>{"name", "category", "log_type"}));

  json::object bad = {{"name", 7},
                      {"category", "gymnastics"},
                      {"primary_muscles", json::array{"quads", "wings"}},
                      {"secondary_muscles", "quads"},
                      {"equipment", json::array{1}},
                      {"mechanics", "complex"},
                      {"force", "shove"},
                      {"log_type", "sets"},
                      {"description", std::string(2001, 'x')},
                      {"aliases", json::array{"nope"}}};
  auto reply = h_.Post(ada_, "/api/v1/exercises", Body(bad));
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(FieldsOf(reply),
            (std::set<std::string>{"name", "category", "primary_muscles", "secondary_muscles",
                                   "equipment", "mechanics", "force", "log_type", "description",
                                   "aliases"}));

  for (std::string name :
       std::vector<std::string>{"", "   ", "!!! ---", std::string(101, 'a'), "tab\tinside"}) {
    auto r = h_.Post(ada_, "/api/v1/exercises", Body(Lift(name)));
    EXPECT_EQ(r.status, 422) << name;
    EXPECT_EQ(FieldsOf(r), std::set<std::string>{"name"}) << name;
  }
  EXPECT_EQ(h_.Post(ada_, "/api/v1/exercises", Body(Lift(std::string(100, 'a')))).status, 201);
  EXPECT_EQ(h_.Post(ada_, "/api/v1/exercises", Body(Lift(std::string(50, 'e') + "\u00e9"))).status,
            201)
      << "length counts characters, not bytes";

  auto id = Create(ada_, Lift("Valid One"));
  auto put = h_.Call(ada_, Method::kPut, "/api/v1/exercises/" + id, R"({"name":"x"})");
  EXPECT_EQ(put.status, 422);
  EXPECT_EQ(FieldsOf(put), (std::set<std::string>{"category", "log_type"}));
  EXPECT_EQ(h_.Post(ada_, "/api/v1/exercises", "{\"name\":").status, 400);
  EXPECT_EQ(h_.Post(ada_, "/api/v1/exercises", "[]").status, 400);
}

TEST_F(ExercisesTest, TokensNeedTheWorkoutsScopes) {
  auto reader = h_.Post(ada_, "/api/v1/me/tokens", R"({"name":"r","scopes":["workouts:read"]})");
  ASSERT_EQ(reader.status, 201) << reader.body;
  Browser r;
  r.bearer = std::string(reader.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(r, "/api/v1/exercises?q=squat").status, 200);
  EXPECT_EQ(h_.Get(r, "/api/v1/exercises/barbell-back-squat").status, 200);
  EXPECT_EQ(h_.Post(r, "/api/v1/exercises", Body(Lift("Token Lift"))).status, 403);

  auto writer = h_.Post(ada_, "/api/v1/me/tokens", R"({"name":"w","scopes":["workouts:write"]})");
  Browser w;
  w.bearer = std::string(writer.Json()["token"].as_string());
  EXPECT_EQ(h_.Post(w, "/api/v1/exercises", Body(Lift("Token Lift"))).status, 201);
  EXPECT_EQ(h_.Get(w, "/api/v1/exercises").status, 403);

  auto profile = h_.Post(ada_, "/api/v1/me/tokens", R"({"name":"p","scopes":["profile:read"]})");
  Browser p;
  p.bearer = std::string(profile.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(p, "/api/v1/exercises").status, 403);
}

// ---- cost ------------------------------------------------------------------------------------

// wger's habit: listing 10 or 50 items costs the same number of statements (no N+1).
TEST_F(ExercisesTest, ListingCostsTheSameStatementsWhateverTheCount) {
  auto& service = Exercises();
  platform::auth::Principal ada{.user_id = ada_id_, .username = "ada"};
  platform::auth::Principal bob{.user_id = bob_id_, .username = "bob"};
  auto make = [&](const platform::auth::Principal& who, int n) {
    for (int i = 0; i < n; ++i) {
      features::exercises::ExerciseInput input;
      input.name = "Own Lift " + std::to_string(1000 + i);
      input.primary_muscles = {features::exercises::Muscle::kQuads};
      input.equipment = {features::exercises::Equipment::kBarbell};
      service.Create(who, input);
    }
  };
  make(ada, 10);
  make(bob, 50);
  struct Cost {
    std::uint64_t statements;
    std::size_t items;
    std::optional<std::string> next;
  };
  auto cost = [&](const std::string& user_id, const std::string& text, const std::string& cursor,
                  int limit) {
    Cost c{};
    h_.app().database->Read([&](platform::store::Session& s) {
      auto before = s.statement_count();
      auto page = service.Search(s, user_id, {.text = text, .cursor = cursor, .limit = limit});
      c = {s.statement_count() - before, page.items.size(), page.next_cursor};
    });
    return c;
  };
  auto ten = cost(ada_id_, "own lift", "", 100);
  auto fifty = cost(bob_id_, "own lift", "", 100);
  EXPECT_EQ(ten.items, 10u);
  EXPECT_EQ(fifty.items, 50u);
  EXPECT_EQ(ten.statements, fifty.statements);
  // The search and the look-up of an own exercise named exactly like the query (listed first).
  EXPECT_EQ(fifty.statements, 2u);
  // Everything, catalogue included, with a cursor that points at a custom exercise.
  auto first = cost(bob_id_, "own", "", 5);
  ASSERT_TRUE(first.next);
  auto next_small = cost(bob_id_, "", *first.next, 10);
  auto next_large = cost(bob_id_, "", *first.next, 100);
  EXPECT_EQ(next_small.statements, next_large.statements);
  EXPECT_EQ(next_large.items, 100u);
}

// ---- what other features use -----------------------------------------------------------------

TEST_F(ExercisesTest, LookupsForOtherFeaturesSeeOnlyTheUsersOwnAndTheCatalogue) {
  auto& service = Exercises();
  auto live = Create(ada_, Lift("Live One"));
  auto gone = Create(ada_, Lift("Gone One"));
  ASSERT_EQ(h_.Call(ada_, Method::kDelete, "/api/v1/exercises/" + gone).status, 204);
  auto bobs = Create(bob_, Lift("Bob's One"));
  h_.app().database->Read([&](platform::store::Session& s) {
    EXPECT_TRUE(service.Exists(s, ada_id_, "barbell-back-squat"));
    EXPECT_TRUE(service.Exists(s, ada_id_, live));
    EXPECT_FALSE(service.Exists(s, ada_id_, gone)) << "deleted";
    EXPECT_FALSE(service.Exists(s, ada_id_, bobs)) << "another user's";
    EXPECT_FALSE(service.Exists(s, ada_id_, "no-such-slug"));
    EXPECT_FALSE(service.Exists(s, ada_id_, ""));

    auto squat = service.Find(s, ada_id_, "barbell-back-squat");
    ASSERT_TRUE(squat);
    EXPECT_EQ(squat->log_type, features::exercises::LogType::kWeightReps);
    EXPECT_EQ(service.Find(s, ada_id_, live)->name, "Live One");
    EXPECT_FALSE(service.Find(s, bob_id_, live));

    auto before = s.statement_count();
    auto shown = service.FindForDisplay(s, ada_id_, {"running", live, gone, bobs, "nope"});
    EXPECT_EQ(s.statement_count() - before, 1u) << "one statement for any number of ids";
    EXPECT_EQ(shown.size(), 3u);
    EXPECT_EQ(shown.at("running").name, "Running");
    EXPECT_FALSE(shown.at(live).deleted_at.has_value());
    EXPECT_TRUE(shown.at(gone).deleted_at.has_value()) << "past workouts still show its name";
    EXPECT_FALSE(shown.contains(bobs));

    EXPECT_EQ(service.NameOf(s, ada_id_, gone), "Gone One");
    EXPECT_EQ(service.NameOf(s, ada_id_, "walking"), "Walking");
    EXPECT_FALSE(service.NameOf(s, bob_id_, gone).has_value());
  });
}

}  // namespace
}  // namespace vigor
