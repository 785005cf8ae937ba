// The message catalogue: every message in every language with the same placeholders, the
// language a request's reader gets, and problem documents rendered in it.
#include "platform/i18n/messages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <set>

#include "platform/error.hpp"
#include "platform/http/problem.hpp"

namespace vigor::platform::i18n {
namespace {

// --- The catalogue ------------------------------------------------------------------------------

TEST(MessageCatalogue, EveryMessageHasEveryLanguage) {
  ASSERT_FALSE(Catalogue().empty());
  for (const auto& entry : Catalogue()) {
    EXPECT_FALSE(entry.english.empty()) << entry.code << " has no English text";
    EXPECT_FALSE(entry.german.empty()) << entry.code << " has no German text";
  }
}

TEST(MessageCatalogue, PlaceholdersAreTheSameInEveryLanguage) {
  for (const auto& entry : Catalogue()) {
    auto english = Placeholders(entry.english);
    auto german = Placeholders(entry.german);
    std::sort(english.begin(), english.end());
    std::sort(german.begin(), german.end());
    EXPECT_EQ(english, german) << entry.code;
  }
}

TEST(MessageCatalogue, CodesAreUniqueAndSnakeCase) {
  std::set<std::string_view> seen;
  for (const auto& entry : Catalogue()) {
    EXPECT_TRUE(seen.insert(entry.code).second) << entry.code << " appears twice";
    EXPECT_FALSE(entry.code.empty());
    for (char c : entry.code) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << entry.code;
    }
  }
}

// The German texts are not the English ones copied over (a sentence left untranslated). A few
// messages are nothing but a value ("{reason}"), which is the same in both.
TEST(MessageCatalogue, GermanIsNotEnglishCopied) {
  for (const auto& entry : Catalogue()) {
    if (entry.english == "{reason}") continue;
    EXPECT_NE(entry.english, entry.german) << entry.code;
  }
}

// A test that can fail: the placeholder check sees a difference.
TEST(MessageCatalogue, PlaceholdersListsNamesInOrder) {
  EXPECT_EQ(Placeholders("must be from {min} to {max} {unit}"),
            (std::vector<std::string>{"min", "max", "unit"}));
  EXPECT_EQ(Placeholders("no placeholder"), std::vector<std::string>{});
  EXPECT_NE(Placeholders("from {min} to {max}"), Placeholders("von {min} bis {maximum}"));
}

// --- Formatting ---------------------------------------------------------------------------------

TEST(MessageFormat, ReplacesNamedPlaceholders) {
  EXPECT_EQ(
      Format("must be from {min} to {max} {unit}", {{"unit", "kg"}, {"min", "20"}, {"max", "500"}}),
      "must be from 20 to 500 kg");
  EXPECT_EQ(Format("{unit} and {unit}", {{"unit", "cm"}}), "cm and cm");
}

TEST(MessageFormat, LeavesAPlaceholderWithoutValueVisible) {
  EXPECT_EQ(Format("at most {max}", {}), "at most {max}");
  EXPECT_EQ(Format("an unclosed {brace", {{"brace", "x"}}), "an unclosed {brace");
}

TEST(MessageFormat, AValueIsNotFormattedAgain) {
  // A value that looks like a placeholder (a user's text) stays as it is.
  EXPECT_EQ(Format("{a} {b}", {{"a", "{b}"}, {"b", "2"}}), "{b} 2");
}

TEST(Message, RendersInTheReadersLanguage) {
  auto message = Msg("too_long", {{"max", 100}});
  EXPECT_EQ(message.code(), "too_long");
  EXPECT_EQ(message.Text(Language::kEnglish), "must be at most 100 characters");
  EXPECT_EQ(message.Text(Language::kGerman), "darf höchstens 100 Zeichen lang sein");
  EXPECT_EQ(message.English(), "must be at most 100 characters");
}

TEST(Message, TheSignUpMessagesOfTheIssueAreGerman) {
  EXPECT_EQ(Msg("username_taken").Text(Language::kGerman),
            "ist schon vergeben; wähle einen anderen");
  EXPECT_EQ(Msg("username_taken").Text(Language::kEnglish), "is taken; choose another");
}

TEST(Message, GermanWritesADecimalComma) {
  auto message = Msg("value_from_to_unit", {{"min", "0.5"}, {"max", "500"}, {"unit", "kg"}});
  EXPECT_EQ(message.Text(Language::kEnglish), "must be from 0.5 to 500 kg");
  EXPECT_EQ(message.Text(Language::kGerman), "muss zwischen 0,5 und 500 kg liegen");
  // Only numbers: a date or a version-like text keeps its dots.
  EXPECT_EQ(Msg("day_in_future", {{"today", "2026.12.06"}}).Text(Language::kGerman),
            "darf nicht in der Zukunft liegen (in deiner Zeitzone ist heute 2026.12.06)");
  EXPECT_EQ(Msg("time_zone_unknown", {{"zone", "-1.5"}}).Text(Language::kGerman),
            "Die Zeitzone -1,5 ist nicht bekannt.");
}

TEST(Message, AnUnknownCodeShowsTheCode) {
  EXPECT_EQ(Msg("no_such_code_anywhere").Text(Language::kGerman), "no_such_code_anywhere");
  EXPECT_EQ(Message().Text(Language::kGerman), "");
}

// --- The reader's language ------------------------------------------------------------------

constexpr auto kEn = Language::kEnglish;
constexpr auto kDe = Language::kGerman;

TEST(AcceptLanguage, GermanInAnyRegionIsGerman) {
  EXPECT_EQ(ParseAcceptLanguage("de"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("de-DE"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("de-AT"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("de-CH,de;q=0.9"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("DE-de"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("de-Latn-DE"), kDe);
}

TEST(AcceptLanguage, TheHighestQualityWinsNotTheFirst) {
  EXPECT_EQ(ParseAcceptLanguage("en;q=0.5, de;q=0.9"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("de;q=0.5, en;q=0.9"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("en-US,en;q=0.9,de;q=0.8"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7"), kDe);
  // Equal quality: the order of the header decides.
  EXPECT_EQ(ParseAcceptLanguage("de;q=0.8, en;q=0.8"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("en;q=0.8, de;q=0.8"), kEn);
}

TEST(AcceptLanguage, QualityZeroExcludes) {
  EXPECT_EQ(ParseAcceptLanguage("de;q=0"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de;q=0.000, fr"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("en;q=0, de;q=0.1"), kDe);
}

TEST(AcceptLanguage, UnsupportedLanguagesAreSkipped) {
  EXPECT_EQ(ParseAcceptLanguage("fr"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("fr-FR, fr;q=0.9, de;q=0.8"), kDe);
  EXPECT_EQ(ParseAcceptLanguage("dev"), kEn);  // a prefix of a tag is not the language
}

TEST(AcceptLanguage, AWildcardMeansAnyLanguageSoEnglish) {
  EXPECT_EQ(ParseAcceptLanguage("*"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("fr, *;q=0.5, de;q=0.4"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("fr, de;q=0.5, *;q=0.4"), kDe);
}

TEST(AcceptLanguage, AMalformedHeaderIsEnglish) {
  EXPECT_EQ(ParseAcceptLanguage(""), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de;q=abc"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de;q=2"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de;q=1.5"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de;q=0.12345"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de;level=1"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de-"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de_DE"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("de DE"), kEn);
  EXPECT_EQ(ParseAcceptLanguage("\xC3\xA4"), kEn);
  EXPECT_EQ(ParseAcceptLanguage(";q=1"), kEn);
  // Empty list elements are allowed by the list syntax.
  EXPECT_EQ(ParseAcceptLanguage(" , de ,"), kDe);
}

TEST(ProfileLocale, GermanOrEnglish) {
  EXPECT_EQ(LanguageFromLocale("de"), kDe);
  EXPECT_EQ(LanguageFromLocale("de-AT"), kDe);
  EXPECT_EQ(LanguageFromLocale("en"), kEn);
  EXPECT_EQ(LanguageFromLocale(""), kEn);
  EXPECT_EQ(LanguageFromLocale("fr"), kEn);
  EXPECT_EQ(LanguageTag(kDe), "de");
  EXPECT_EQ(LanguageTag(kEn), "en");
}

// --- Problem documents --------------------------------------------------------------------------

TEST(ProblemResponse, DetailAndFieldMessagesInTheReadersLanguageWithCodes) {
  Error taken(ErrorKind::kConflict, Msg("username_taken_detail"),
              {{"username", Msg("username_taken")}, {"name", Msg("too_long", {{"max", 30}})}});
  auto response = http::ProblemResponse(taken, "req-1", kDe);
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.headers.Get("Content-Language").value_or(""), "de");
  auto body = boost::json::parse(response.body).as_object();
  EXPECT_EQ(body["code"], "username_taken_detail");
  EXPECT_EQ(body["detail"], "Dieser Benutzername ist schon vergeben.");
  const auto& errors = body["errors"].as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].as_object().at("field"), "username");
  EXPECT_EQ(errors[0].as_object().at("code"), "username_taken");
  EXPECT_EQ(errors[0].as_object().at("message"), "ist schon vergeben; wähle einen anderen");
  EXPECT_EQ(errors[1].as_object().at("code"), "too_long");
  EXPECT_EQ(errors[1].as_object().at("message"), "darf höchstens 30 Zeichen lang sein");

  auto english = boost::json::parse(http::ProblemResponse(taken, "req-1", kEn).body).as_object();
  EXPECT_EQ(english["detail"], "This username is taken.");
  EXPECT_EQ(english["errors"].as_array()[0].as_object().at("message"), "is taken; choose another");
  // Logs stay English whatever the reader's language.
  EXPECT_EQ(taken.detail(), "This username is taken.");
}

TEST(ProblemResponse, AnInternalErrorShowsOnlyTheGenericSentence) {
  auto response = http::ProblemResponse(Error::Internal("secret detail for the log"), "r", kDe);
  auto body = boost::json::parse(response.body).as_object();
  EXPECT_EQ(body["code"], "internal_error");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_NE(std::string(body["detail"].as_string()).find("Bei uns ist etwas schiefgegangen"),
            std::string::npos);
}

}  // namespace
}  // namespace vigor::platform::i18n
