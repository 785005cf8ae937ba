#include "core/text_fold.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

using Words = std::vector<std::string>;

TEST(TextFold, LowercasesAsciiAndKeepsEverythingElseOfAscii) {
  EXPECT_EQ(FoldText("Bench PRESS 3x5 (heavy)!"), "bench press 3x5 (heavy)!");
  EXPECT_EQ(FoldText(""), "");
}

TEST(TextFold, FoldsLatin1SupplementLetters) {
  EXPECT_EQ(FoldText("Développé couché"), "developpe couche");
  EXPECT_EQ(FoldText("ÀÁÂÃÄÅ àáâãäå"), "aaaaaa aaaaaa");
  EXPECT_EQ(FoldText("Ç ÈÉÊË ÌÍÎÏ Ñ ÒÓÔÕÖ ÙÚÛÜ Ý ÿ"), "c eeee iiii n ooooo uuuu y y");
  EXPECT_EQ(FoldText("Ø ø"), "o o");
  EXPECT_EQ(FoldText("Straße"), "strasse");
  EXPECT_EQ(FoldText("Æther œuvre Œ"), "aether oeuvre oe");
  EXPECT_EQ(FoldText("Þór Ðorf"), "thor dorf");
}

TEST(TextFold, FoldsLatinExtendedALetters) {
  EXPECT_EQ(FoldText("Łódź"), "lodz");
  EXPECT_EQ(FoldText("martwy ciąg"), "martwy ciag");
  EXPECT_EQ(FoldText("Škoda Čech Řeka Žižka"), "skoda cech reka zizka");
  EXPECT_EQ(FoldText("İstanbul ığdır ĞŞ"), "istanbul igdir gs");
  EXPECT_EQ(FoldText("Ĳssel ĳs"), "ijssel ijs");
  EXPECT_EQ(FoldText("Đorđe Ħal Ŋ"), "dorde hal n");
  EXPECT_EQ(FoldText("Ő ű Ů ů"), "o u u u");
  // The first and last letters of the block.
  EXPECT_EQ(FoldText("Āſ"), "as");
}

TEST(TextFold, SymbolsAndSpecialSpacesBecomeSpacesApostrophesStay) {
  EXPECT_EQ(FoldText("a\u00a0b"), "a b");            // no-break space
  EXPECT_EQ(FoldText("«push»"), " push ");           // guillemets
  EXPECT_EQ(FoldText("3×5"), "3 5");                 // multiplication sign
  EXPECT_EQ(FoldText("pull\u2013up"), "pull up");    // en dash
  EXPECT_EQ(FoldText("farmer\u2019s"), "farmer's");  // right single quotation mark
  EXPECT_EQ(FoldText("m²"), "m2");
  EXPECT_EQ(FoldText("soft\u00adhyphen"), "softhyphen");
}

TEST(TextFold, DropsCombiningAccentsSoDecomposedInputFoldsLikeComposed) {
  EXPECT_EQ(FoldText("De\u0301veloppe\u0301"), FoldText("Développé"));
  EXPECT_EQ(FoldText("n\u0303"), "n");
}

TEST(TextFold, LeavesOtherScriptsAndInvalidBytesAlone) {
  EXPECT_EQ(FoldText("жим лёжа"), "жим лёжа");
  EXPECT_EQ(FoldText("ベンチ"), "ベンチ");
  EXPECT_EQ(FoldText("a\xff"
                     "b"),
            "a\xff"
            "b");
  EXPECT_EQ(FoldText("\xc3"), "\xc3");                  // truncated sequence
  EXPECT_EQ(FoldText("\xc0\xaf"), "\xc0\xaf");          // overlong '/'
  EXPECT_EQ(FoldText("\xed\xa0\x80"), "\xed\xa0\x80");  // a surrogate
}

TEST(SearchWords, SplitsOnAnythingButLettersAndDigits) {
  EXPECT_EQ(SearchWords("  Barbell   Bench-Press (Flat) "),
            (Words{"barbell", "bench", "press", "flat"}));
  EXPECT_EQ(SearchWords("90/90 Hip Switch"), (Words{"90", "90", "hip", "switch"}));
  EXPECT_EQ(SearchWords("Farmer's Carry"), (Words{"farmers", "carry"}));
  EXPECT_EQ(SearchWords("Farmer\u2019s Carry"), (Words{"farmers", "carry"}));
  EXPECT_EQ(SearchWords("Hüftstoß"), (Words{"huftstoss"}));
  EXPECT_EQ(SearchWords("жим лёжа"), (Words{"жим", "лёжа"}));
  EXPECT_TRUE(SearchWords("--- !!").empty());
}

TEST(SearchKey, JoinsTheWordsWithSingleSpaces) {
  EXPECT_EQ(SearchKey("  Bénch-Press "), "bench press");
  EXPECT_EQ(SearchKey("bench press"), SearchKey("BENCH\tPRESS"));
  EXPECT_EQ(SearchKey("..."), "");
}

TEST(Slugify, MakesKebabCase) {
  EXPECT_EQ(Slugify("Barbell Back Squat"), "barbell-back-squat");
  EXPECT_EQ(Slugify("Turkish Get-Up"), "turkish-get-up");
  EXPECT_EQ(Slugify("Dumbbell Plié Squat"), "dumbbell-plie-squat");
  EXPECT_EQ(Slugify("World's Greatest Stretch"), "worlds-greatest-stretch");
}

TEST(MatchesWordPrefixes, EveryQueryWordStartsSomeWord) {
  Words bench = SearchWords("Barbell Bench Press");
  EXPECT_TRUE(MatchesWordPrefixes(bench, SearchWords("ben pre")));
  EXPECT_TRUE(MatchesWordPrefixes(bench, SearchWords("PRESS bar")));
  EXPECT_TRUE(MatchesWordPrefixes(bench, {}));
  EXPECT_FALSE(MatchesWordPrefixes(bench, SearchWords("ench")));  // prefixes, not infixes
  EXPECT_FALSE(MatchesWordPrefixes(bench, SearchWords("bench squat")));
  EXPECT_TRUE(MatchesWordPrefixes(SearchWords("développé couché"), SearchWords("developpe")));
  EXPECT_TRUE(MatchesWordPrefixes(SearchWords("Developpe couche"), SearchWords("Dévelop")));
}

TEST(MatchesIgnoringSpaces, HyphensAndSpacesBetweenWordsDoNotMatter) {
  Words pull_up = SearchWords("Band-Assisted Pull-Up");  // band, assisted, pull, up
  EXPECT_TRUE(MatchesIgnoringSpaces(pull_up, SearchWords("pullup")));
  EXPECT_TRUE(MatchesIgnoringSpaces(pull_up, SearchWords("pullu")));
  EXPECT_TRUE(MatchesIgnoringSpaces(pull_up, SearchWords("band pullup")));
  EXPECT_TRUE(MatchesIgnoringSpaces(pull_up, SearchWords("bandassistedpull")));
  EXPECT_TRUE(MatchesIgnoringSpaces(pull_up, SearchWords("ass pu")));  // still word prefixes
  EXPECT_TRUE(MatchesIgnoringSpaces(pull_up, {}));
  EXPECT_FALSE(MatchesIgnoringSpaces(pull_up, SearchWords("ullup")));  // runs start at a word
  EXPECT_FALSE(MatchesIgnoringSpaces(pull_up, SearchWords("pullupx")));
  EXPECT_FALSE(MatchesIgnoringSpaces(pull_up, SearchWords("pullup squat")));
  // The other way round: spaces in the query, none in the name.
  Words pullups = SearchWords("Pullups");
  EXPECT_TRUE(MatchesIgnoringSpaces(pullups, SearchWords("pull up")));
  EXPECT_TRUE(MatchesIgnoringSpaces(pullups, SearchWords("pull-ups")));
  EXPECT_FALSE(MatchesIgnoringSpaces(pullups, SearchWords("pull down")));
  EXPECT_FALSE(MatchesIgnoringSpaces(SearchWords("Barbell Bench Press"), SearchWords("ench")));
}

TEST(SearchWordsUmlautsWrittenOut, WritesOutGermanUmlautsAsPeopleTypeThem) {
  EXPECT_EQ(SearchWordsUmlautsWrittenOut("Bankdrücken"), Words({"bankdruecken"}));
  EXPECT_EQ(SearchWordsUmlautsWrittenOut("ÄRMEL Öl Übung"), Words({"aermel", "oel", "uebung"}));
  // Decomposed: u + U+0308.
  EXPECT_EQ(SearchWordsUmlautsWrittenOut("Bankdru\xCC\x88"
                                         "cken"),
            Words({"bankdruecken"}));
  // ß and other accents fold as in SearchWords.
  EXPECT_EQ(SearchWordsUmlautsWrittenOut("Reißen, développé"), Words({"reissen", "developpe"}));
  EXPECT_EQ(SearchWordsUmlautsWrittenOut("Klimmzug"), Words({"klimmzug"}));
  EXPECT_EQ(SearchWordsUmlautsWrittenOut(""), Words());
  EXPECT_TRUE(HasGermanUmlaut("Hüftstoß"));
  EXPECT_TRUE(
      HasGermanUmlaut("Hu\xCC\x88"
                      "ftsto"));
  EXPECT_FALSE(HasGermanUmlaut("Reißen développé"));
  EXPECT_FALSE(HasGermanUmlaut("e\xCC\x88"));  // ë is no German umlaut
}

TEST(SearchWordsUmlautsWrittenOut, BothSpellingsFindTheUmlautName) {
  // What the catalogue does: a name is searched in both of its spellings.
  auto finds = [](std::string_view name, std::string_view query) {
    auto q = SearchWords(query);
    return MatchesIgnoringSpaces(SearchWords(name), q) ||
           MatchesIgnoringSpaces(SearchWordsUmlautsWrittenOut(name), q);
  };
  EXPECT_TRUE(finds("Bankdrücken", "bankdrücken"));
  EXPECT_TRUE(finds("Bankdrücken", "bankdrucken"));
  EXPECT_TRUE(finds("Bankdrücken", "Bankdruecken"));
  EXPECT_TRUE(finds("Bankdrücken", "bank drü"));  // the German search hint's example
  EXPECT_TRUE(finds("Bankdrücken", "BANK DRUE"));
  EXPECT_TRUE(finds("Schrägbankdrücken", "schraegbank"));
  EXPECT_TRUE(finds("Reißen", "reissen"));
  EXPECT_FALSE(finds("Bankdrücken", "bankdrueckenx"));
  EXPECT_FALSE(finds("Bankdrücken", "bankdrueken"));
  EXPECT_FALSE(finds("Bankdrucker", "bankdruecker"));  // no umlaut: "ue" is not "u"
}

}  // namespace
}  // namespace vigor::core
