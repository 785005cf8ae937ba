#include "core/food_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "features/nutrition/catalog.hpp"

namespace vigor::core {
namespace {

std::vector<std::string> Ids(const std::vector<FoodSearchHit>& hits) {
  std::vector<std::string> ids;
  for (const auto& hit : hits) ids.push_back(hit.id);
  return ids;
}

// The rank of `id` among the hits, or hits.size() when it is not among them.
std::size_t Rank(const std::vector<FoodSearchHit>& hits, std::string_view id) {
  auto it = std::find_if(hits.begin(), hits.end(), [&](const auto& hit) { return hit.id == id; });
  return static_cast<std::size_t>(it - hits.begin());
}

FoodSearchIndex SmallIndex() {
  return FoodSearchIndex({
      {.id = "egg", .name = "Egg, whole, raw", .commonness = 0.5},
      {.id = "eggnog", .name = "Eggnog", .commonness = 0.5},
      {.id = "noodles", .name = "Noodles, egg, cooked", .commonness = 0.5},
      {.id = "milk-whole", .name = "Milk, whole", .commonness = 0.8},
      {.id = "milk-sheep", .name = "Milk, sheep", .commonness = 0.3},
      {.id = "candy", .name = "Candies, milk chocolate", .commonness = 0.5},
      {.id = "broccoli", .name = "Broccoli, raw", .commonness = 0.5},
      {.id = "chicken", .name = "Chicken, breast, roasted", .commonness = 0.5},
      {.id = "creme", .name = "Crème brûlée", .commonness = 0.5},
      {.id = "salmon", .name = "Fish, salmon, raw", .commonness = 0.5},
      {.id = "salmon-cake", .name = "Cake, salmon", .commonness = 0.5},
      {.id = "bar",
       .name = "Protein bar",
       .commonness = 0.5,
       .extra_words = {"ACME", "4006381333931"}},
  });
}

TEST(FoodSearch, ExactWordInTheHeadBeforePrefixBeforeQualifier) {
  auto hits = SmallIndex().Search("egg", 10);
  // Egg, whole, raw: 10 same word + 4 head + 3 first word + 6 whole head + 5 commonness = 28.
  // Eggnog: 6 + 3 x 3/6 prefix + 7 + 6 + 5 = 25.5. Noodles, egg: 10 + 1.5 + 0 + 5 = 16.5.
  EXPECT_EQ(Ids(hits), (std::vector<std::string>{"egg", "eggnog", "noodles"}));
  EXPECT_DOUBLE_EQ(hits[0].score, 28.0);
  EXPECT_DOUBLE_EQ(hits[1].score, 25.5);
  EXPECT_DOUBLE_EQ(hits[2].score, 16.5);
}

TEST(FoodSearch, CommonFoodsFirstAndTheHeadBeforeAQualifier) {
  // Both milks match alike; the whole milk is the commoner (8 points against 3). The candy has
  // "milk" after its head.
  EXPECT_EQ(Ids(SmallIndex().Search("milk", 10)),
            (std::vector<std::string>{"milk-whole", "milk-sheep", "candy"}));
}

TEST(FoodSearch, AClassWordIsNotTheHead) {
  // "Fish, salmon" is salmon first: head as "Salmon" is, first word like it.
  auto hits = SmallIndex().Search("salmon", 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].id, "salmon");
  EXPECT_EQ(hits[1].id, "salmon-cake");
}

TEST(FoodSearch, EveryQueryWordMustMatchInAnyOrder) {
  auto index = SmallIndex();
  EXPECT_EQ(Ids(index.Search("egg noodles", 10)), (std::vector<std::string>{"noodles"}));
  EXPECT_EQ(Ids(index.Search("noodles egg", 10)), (std::vector<std::string>{"noodles"}));
  EXPECT_EQ(Ids(index.Search("whole milk", 10)), (std::vector<std::string>{"milk-whole"}));
  EXPECT_EQ(Ids(index.Search("chicken roast", 10)), (std::vector<std::string>{"chicken"}));
  EXPECT_TRUE(index.Search("egg salmon", 10).empty());
}

TEST(FoodSearch, OneTypoInWordsOfFourLettersOrMore) {
  auto index = SmallIndex();
  EXPECT_EQ(Ids(index.Search("brocoli", 10)), (std::vector<std::string>{"broccoli"}));  // missing
  EXPECT_EQ(Ids(index.Search("chiken", 10)), (std::vector<std::string>{"chicken"}));    // missing
  EXPECT_EQ(Ids(index.Search("chickne", 10)), (std::vector<std::string>{"chicken"}));   // swapped
  EXPECT_EQ(Ids(index.Search("chocklate", 10)), (std::vector<std::string>{"candy"}));   // extra
  EXPECT_EQ(Ids(index.Search("salmen", 10)).size(), 2u);                                // changed
  EXPECT_TRUE(index.Search("brcoli", 10).empty());  // two letters missing
  EXPECT_TRUE(index.Search("mlk", 10).empty());     // three letters: no typo allowed
  EXPECT_TRUE(index.Search("ewg", 10).empty());
  // A typo scores below the word itself: 5 instead of 10.
  EXPECT_DOUBLE_EQ(index.Search("broccoli", 1)[0].score - index.Search("brocoli", 1)[0].score, 5);
}

TEST(FoodSearch, AWordThatExistsIsNoTypo) {
  FoodSearchIndex index({{.id = "beef", .name = "Beef, ground", .commonness = 1},
                         {.id = "beer", .name = "Alcoholic beverage, beer", .commonness = 0}});
  EXPECT_EQ(Ids(index.Search("beer", 10)), (std::vector<std::string>{"beer"}));
  EXPECT_EQ(Ids(index.Search("beers", 10)), (std::vector<std::string>{"beer"}));
  // Not a word of either: one edit from both ("beet" changes the last letter of each).
  EXPECT_EQ(Ids(index.Search("beet", 10)), (std::vector<std::string>{"beef", "beer"}));
}

TEST(FoodSearch, AccentsCaseAndPluralsFold) {
  auto index = SmallIndex();
  EXPECT_EQ(Ids(index.Search("creme brulee", 10)), (std::vector<std::string>{"creme"}));
  EXPECT_EQ(Ids(index.Search("CRÈME", 10)), (std::vector<std::string>{"creme"}));
  EXPECT_EQ(Ids(index.Search("eggs", 10)).front(), "egg");
  EXPECT_EQ(Ids(index.Search("candy", 10)), (std::vector<std::string>{"candy"}));
  EXPECT_EQ(FoodWordStem("apples"), "apple");
  EXPECT_EQ(FoodWordStem("berries"), "berry");
  EXPECT_EQ(FoodWordStem("tomatoes"), "tomato");
  EXPECT_EQ(FoodWordStem("peaches"), "peach");
  EXPECT_EQ(FoodWordStem("cheeses"), "cheese");
  EXPECT_EQ(FoodWordStem("hummus"), "hummus");
  EXPECT_EQ(FoodWordStem("glass"), "glass");
  EXPECT_EQ(FoodWordStem("oats"), "oat");
  EXPECT_EQ(FoodWordStem("gas"), "gas");
}

TEST(FoodSearch, ExtraWordsAreFoundBelowTheName) {
  auto index = SmallIndex();
  EXPECT_EQ(Ids(index.Search("acme", 10)), (std::vector<std::string>{"bar"}));
  EXPECT_EQ(Ids(index.Search("4006381333931", 10)), (std::vector<std::string>{"bar"}));
  // "acme" as an extra word: 10 - 2, no head coverage, 5 commonness.
  EXPECT_DOUBLE_EQ(index.Search("acme", 1)[0].score, 13.0);
}

TEST(FoodSearch, BoostsAddToTheScoreAndReorder) {
  auto index = SmallIndex();
  const double plain = index.Search("milk", 10)[1].score;  // the sheep's milk
  FoodSearchBoosts boosts{{"milk-sheep", 12.5}, {"unknown-id", 100}};
  auto hits = index.Search("milk", 10, &boosts);
  EXPECT_EQ(Ids(hits), (std::vector<std::string>{"milk-sheep", "milk-whole", "candy"}));
  EXPECT_DOUBLE_EQ(hits[0].score, plain + 12.5);
}

TEST(FoodSearch, ScoresDoNotDependOnTheOtherEntriesSoListsMerge) {
  FoodSearchIndex alone({{.id = "mine", .name = "Milk, whole", .commonness = 0.8}});
  auto catalogue = SmallIndex().Search("milk whole", 1);
  auto own = alone.Search("milk whole", 1);
  ASSERT_EQ(catalogue.size(), 1u);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_DOUBLE_EQ(catalogue[0].score, own[0].score);
}

TEST(FoodSearch, LimitsEmptyQueriesAndRepeatedIds) {
  auto index = SmallIndex();
  EXPECT_EQ(index.Search("e", 2).size(), 2u);
  EXPECT_TRUE(index.Search("", 10).empty());
  EXPECT_TRUE(index.Search(" ,;- ", 10).empty());
  EXPECT_TRUE(index.Search("egg", 0).empty());
  EXPECT_TRUE(FoodSearchIndex().Search("egg", 10).empty());
  FoodSearchIndex repeated({{.id = "a", .name = "Apple"}, {.id = "a", .name = "Pear"}});
  EXPECT_EQ(repeated.size(), 1u);
  EXPECT_TRUE(repeated.Search("pear", 10).empty());
  // More words than kMaxQueryWords: the first ones count, nothing breaks.
  EXPECT_TRUE(index.Search("a b c d e f g h i j k l", 10).empty());
}

// Over the real catalogue: the ranking people expect when they type a food's name.
class CatalogueSearch : public ::testing::Test {
 protected:
  const FoodSearchIndex& index = features::nutrition::FoodCatalog::Embedded().search_index();
  std::vector<FoodSearchHit> Search(std::string_view query) { return index.Search(query, 200); }
};

TEST_F(CatalogueSearch, EggFindsWholeRawAndCookedEggsBeforeEggNoodles) {
  auto hits = Search("egg");
  EXPECT_EQ(hits.at(0).id, "usda-01123");          // Egg, whole, raw, fresh
  std::size_t noodles = Rank(hits, "usda-20110");  // Noodles, egg, cooked, enriched
  for (auto id : {"usda-01123", "usda-01128", "usda-01129", "usda-01132"}) {  // fried, boiled,
    EXPECT_LT(Rank(hits, id), 5u) << id;                                      // scrambled
    EXPECT_LT(Rank(hits, id), noodles) << id;
  }
}

TEST_F(CatalogueSearch, MilkFindsWholeAndReducedFatMilkBeforeMilkChocolate) {
  auto hits = Search("milk");
  EXPECT_EQ(hits.at(0).id, "usda-01077");   // Milk, whole, 3.25% milkfat
  EXPECT_LT(Rank(hits, "usda-01079"), 5u);  // Milk, reduced fat, fluid, 2% milkfat
  EXPECT_GT(Rank(hits, "usda-19120"), Rank(hits, "usda-01079"));  // Candies, milk chocolate
}

TEST_F(CatalogueSearch, AppleFindsRawApplesBeforeApplePie) {
  auto hits = Search("apple");
  EXPECT_EQ(hits.at(0).id, "usda-09003");    // Apples, raw, with skin
  EXPECT_LT(Rank(hits, "usda-09004"), 3u);   // Apples, raw, without skin
  EXPECT_GT(Rank(hits, "usda-18301"), 10u);  // Pie, apple, commercially prepared
}

TEST_F(CatalogueSearch, TyposAndAccentsFindTheFood) {
  EXPECT_EQ(Search("brocoli").at(0).id, "usda-11090");  // Broccoli, raw
  auto chicken = Search("chiken");
  ASSERT_GE(chicken.size(), 10u);
  const auto& catalog = features::nutrition::FoodCatalog::Embedded();
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_TRUE(catalog.Find(chicken[i].id)->name.starts_with("Chicken")) << chicken[i].id;
  }
  EXPECT_EQ(Search("jalapeño").at(0).id, "usda-11979");  // Peppers, jalapeno, raw
  EXPECT_EQ(Search("salmon").at(0).id, "usda-15236");    // Fish, salmon, Atlantic, farmed, raw
  // Alcoholic beverage, beer, ...: not beef (one letter away) first.
  EXPECT_TRUE(catalog.Find(Search("beer").at(0).id)->name.starts_with("Alcoholic beverage, beer"));
}

TEST_F(CatalogueSearch, MultiWordQueriesInAnyOrder) {
  EXPECT_EQ(Search("chicken breast").at(0).id, "usda-05062");
  EXPECT_EQ(Search("breast chicken").at(0).id, "usda-05062");
  EXPECT_EQ(Search("olive oil").at(0).id, "usda-04053");
  EXPECT_EQ(Search("whole milk").at(0).id, Search("milk whole").at(0).id);
}

}  // namespace
}  // namespace vigor::core
