// The exercises API through the real application (in process): search of the catalogue and
// one's own exercises, filters, pagination, custom exercise CRUD, ownership and validation.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "core/text_fold.hpp"
#include "features/exercises/feature.hpp"
#include "features/exercises/json_codec.hpp"
#include "platform/id.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;
namespace json = boost::json;

std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Body(json::object o) { return json::serialize(o); }

json::object Lift(const std::string& name) {
  return {{"name", name},
          {"category", "strength"},
          {"primary_muscles", json::array{"quads"}},
          {"equipment", json::array{"barbell"}},
          {"log_type", "weight_reps"}};
}

std::vector<std::string> Strings(const json::value& v, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& item : v.as_object().at(key).as_array()) {
    out.emplace_back(item.as_object().at("id").as_string());
  }
  return out;
}

std::set<std::string> Fields(const Reply& r) {
  std::set<std::string> out;
  auto body = r.Json();
  if (!body.contains("errors")) return out;
  for (const auto& e : body["errors"].as_array()) {
    out.emplace(e.as_object().at("field").as_string());
  }
  return out;
}

class ExercisesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ada_id_ = h_.CreateUser("ada");
    bob_id_ = h_.CreateUser("bob");
    h_.SignIn(ada_, "ada");
    h_.SignIn(bob_, "bob");
  }

  Reply Search(Browser& b, const std::string& query) {
    return h_.Get(b, "/api/v1/exercises?" + query);
  }
  // The ids a search returns (first page, up to 100).
  std::vector<std::string> Ids(Browser& b, const std::string& query) {
    auto reply = Search(b, query + (query.empty() ? "" : "&") + "limit=100");
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200) return {};
    return Strings(reply.Json(), "items");
  }
  bool Finds(Browser& b, const std::string& text, const std::string& id) {
    auto ids = Ids(b, "q=" + Encode(text));
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  std::string Create(Browser& b, const json::object& body) {
    auto reply = h_.Post(b, "/api/v1/exercises", Body(body));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(reply.Json()["id"].as_string()) : "";
  }
  // Every page of a search, following next_cursor.
  std::vector<json::object> WalkAll(Browser& b, const std::string& query, int limit) {
    std::vector<json::object> all;
    std::string cursor;
    for (int pages = 0; pages < 1000; ++pages) {
      std::string target = "/api/v1/exercises?limit=" + std::to_string(limit) + query;
      if (!cursor.empty()) target += "&cursor=" + Encode(cursor);
      auto reply = h_.Get(b, target);
      EXPECT_EQ(reply.status, 200) << reply.body;
      if (reply.status != 200) break;
      auto page = reply.Json();
      EXPECT_LE(page["items"].as_array().size(), static_cast<std::size_t>(limit));
      for (const auto& item : page["items"].as_array()) all.push_back(item.as_object());
      if (page["next_cursor"].is_null()) break;
      EXPECT_EQ(page["items"].as_array().size(), static_cast<std::size_t>(limit));
      cursor = std::string(page["next_cursor"].as_string());
    }
    return all;
  }
  features::exercises::ExerciseService& Exercises() {
    return h_.app().Get<features::exercises::ExercisesFeature>().service();
  }
  std::size_t CatalogueSize() { return Exercises().catalog().entries().size(); }

  AppHarness h_;
  Browser ada_, bob_;
  std::string ada_id_, bob_id_;
};

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
  EXPECT_EQ(Fields(bad), (std::set<std::string>{"muscle", "equipment", "category"}));
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
  EXPECT_EQ(Fields(Search(ada_, "limit=0")), std::set<std::string>{"limit"});
  EXPECT_EQ(Fields(Search(ada_, "limit=101")), std::set<std::string>{"limit"});
  EXPECT_EQ(Fields(Search(ada_, "cursor=not-a-cursor")), std::set<std::string>{"cursor"});
  // Another user's exercise is no cursor for you.
  auto bobs = Create(bob_, Lift("Bob's Lift"));
  EXPECT_EQ(Fields(Search(ada_, "cursor=" + bobs)), std::set<std::string>{"cursor"});
  EXPECT_EQ(Fields(Search(ada_, "q=" + std::string(101, 'a'))), std::set<std::string>{"q"});
  EXPECT_EQ(Fields(Search(ada_, "q=a+b+c+d+e+f+g")), std::set<std::string>{"q"});
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
    EXPECT_EQ(Fields(again), std::set<std::string>{"name"});
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
  EXPECT_EQ(Fields(empty), (std::set<std::string>{"name", "category", "log_type"}));

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
  EXPECT_EQ(Fields(reply), (std::set<std::string>{"name", "category", "primary_muscles",
                                                  "secondary_muscles", "equipment", "mechanics",
                                                  "force", "log_type", "description", "aliases"}));

  for (std::string name :
       std::vector<std::string>{"", "   ", "!!! ---", std::string(101, 'a'), "tab\tinside"}) {
    auto r = h_.Post(ada_, "/api/v1/exercises", Body(Lift(name)));
    EXPECT_EQ(r.status, 422) << name;
    EXPECT_EQ(Fields(r), std::set<std::string>{"name"}) << name;
  }
  EXPECT_EQ(h_.Post(ada_, "/api/v1/exercises", Body(Lift(std::string(100, 'a')))).status, 201);
  EXPECT_EQ(h_.Post(ada_, "/api/v1/exercises", Body(Lift(std::string(50, 'e') + "\u00e9"))).status,
            201)
      << "length counts characters, not bytes";

  auto id = Create(ada_, Lift("Valid One"));
  auto put = h_.Call(ada_, Method::kPut, "/api/v1/exercises/" + id, R"({"name":"x"})");
  EXPECT_EQ(put.status, 422);
  EXPECT_EQ(Fields(put), (std::set<std::string>{"category", "log_type"}));
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

TEST_F(ExerciseLanguagesTest, WithoutAProfileLanguageTheRequestedOneAndElseEnglish) {
  // A service without the accounts link: nothing says which language the profile has.
  features::exercises::ExerciseService service(*h_.app().database,
                                               features::exercises::Catalog::Embedded());
  platform::auth::Principal bob{.user_id = bob_id_, .username = "bob"};
  EXPECT_EQ(service.Get(bob, "pull-up", "de").name, "Klimmzug");
  EXPECT_EQ(service.Get(bob, "pull-up", std::nullopt).name, "Pull-Up");
  EXPECT_EQ(service.Get(bob, "pull-up", "fr").name, "Pull-Up");
  auto page = service.Search(bob, {.text = "kniebeuge"}, "de");
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().name, "Kniebeuge mit der Langhantel");
}

TEST(ExerciseRequestLanguage, TheMostWantedLanguageTheCatalogueHas) {
  auto of = [](std::optional<std::string> header) {
    platform::http::Request request;
    if (header) request.headers.Add("Accept-Language", *header);
    return features::exercises::DecodeRequestedLanguage(request);
  };
  EXPECT_EQ(of(std::nullopt), std::nullopt);
  EXPECT_EQ(of("de"), "de");
  EXPECT_EQ(of("de-CH, en;q=0.5"), "de");
  EXPECT_EQ(of("fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7"), "en");
  EXPECT_EQ(of("fr;q=1, de;q=0.3, en;q=0.2"), "de");
  EXPECT_EQ(of("EN-gb"), "en");
  EXPECT_EQ(of("de;q=0, en"), "en");
  EXPECT_EQ(of("en;q=0.5, de;q=0.5"), "en");  // the first of equals
  EXPECT_EQ(of("fr, es"), std::nullopt);
  EXPECT_EQ(of("*"), std::nullopt);
  EXPECT_EQ(of("de;q=abc, en;q=0.1"), "en");
  EXPECT_EQ(of(""), std::nullopt);
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
