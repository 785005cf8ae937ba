// Server messages in the reader's language: problem details and field messages follow the
// signed-in user's profile language, else Accept-Language, with a stable code either way.
#include <gtest/gtest.h>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

platform::http::Headers AcceptLanguage(const std::string& value) {
  platform::http::Headers headers;
  headers.Add("Accept-Language", value);
  return headers;
}

std::string SignupBody(const std::string& username, const std::string& email) {
  return R"({"consent_policy_version":1,"email":")" + email + R"(","username":")" + username +
         R"(","password":"a long passphrase, 5 horses in the gym"})";
}

class ServerLanguageTest : public ::testing::Test {
 protected:
  // A sign-up with a username someone has, in a browser that asks for `accept_language`.
  testing::Reply SignUpTaken(const std::string& accept_language) {
    Browser b;
    return h_.Call(
        b, Method::kPost, "/api/v1/auth/signup", SignupBody("taken", "someone.else@example.org"),
        accept_language.empty() ? platform::http::Headers{} : AcceptLanguage(accept_language));
  }

  AppHarness h_;
};

TEST_F(ServerLanguageTest, SignUpWithATakenUsernameAnswersInGermanForAGermanBrowser) {
  h_.CreateUser("taken");
  auto reply = SignUpTaken("de-DE,de;q=0.9,en;q=0.8");
  ASSERT_EQ(reply.status, 409) << reply.body;
  auto body = reply.Json();
  EXPECT_EQ(body["code"], "username_taken_detail");
  EXPECT_EQ(body["detail"], "Dieser Benutzername ist schon vergeben.");
  ASSERT_EQ(body["errors"].as_array().size(), 1u) << reply.body;
  const auto& field = body["errors"].as_array()[0].as_object();
  EXPECT_EQ(field.at("field"), "username");
  EXPECT_EQ(field.at("code"), "username_taken");
  // The web app puts the field's label first: "Benutzername ist schon vergeben; ...".
  EXPECT_EQ(field.at("message"), "ist schon vergeben; wähle einen anderen");
  EXPECT_EQ(reply.headers.Get("Content-Language").value_or(""), "de");
}

TEST_F(ServerLanguageTest, AustrianGermanIsGermanToo) {
  h_.CreateUser("taken");
  auto reply = SignUpTaken("de-AT");
  ASSERT_EQ(reply.status, 409) << reply.body;
  EXPECT_EQ(reply.Json()["detail"], "Dieser Benutzername ist schon vergeben.");
}

TEST_F(ServerLanguageTest, EnglishWithoutAHeaderForAnUnsupportedLanguageAndWhenEnglishIsPreferred) {
  h_.CreateUser("taken");
  for (std::string header : {"", "fr-FR", "en-US,de;q=0.5", "de;q=0, en", "de;q=nonsense"}) {
    auto reply = SignUpTaken(header);
    ASSERT_EQ(reply.status, 409) << header << ": " << reply.body;
    auto body = reply.Json();
    EXPECT_EQ(body["code"], "username_taken_detail") << header;
    EXPECT_EQ(body["detail"], "This username is taken.") << header;
    const auto& field = body["errors"].as_array()[0].as_object();
    EXPECT_EQ(field.at("code"), "username_taken") << header;
    EXPECT_EQ(field.at("message"), "is taken; choose another") << header;
    EXPECT_EQ(reply.headers.Get("Content-Language").value_or(""), "en") << header;
  }
}

TEST_F(ServerLanguageTest, ASignedInUsersProfileLanguageWinsOverTheHeader) {
  h_.CreateUser("anna");
  Browser anna;
  h_.SignIn(anna, "anna");
  auto saved = h_.Call(anna, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})");
  ASSERT_EQ(saved.status, 200) << saved.body;

  auto reply = h_.Call(anna, Method::kPatch, "/api/v1/me",
                       R"({"preferences":{"weight_unit":"stone"}})", AcceptLanguage("en-GB"));
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto body = reply.Json();
  EXPECT_EQ(body["code"], "invalid_fields");
  EXPECT_EQ(body["detail"], "Die Anfrage enthält ungültige Felder.");
  const auto& field = body["errors"].as_array()[0].as_object();
  EXPECT_EQ(field.at("field"), "preferences.weight_unit");
  EXPECT_EQ(field.at("code"), "weight_unit_invalid");
  EXPECT_EQ(field.at("message"), "muss kg oder lb sein");

  // A not-found in the profile's language too, whatever the browser asks for.
  auto missing =
      h_.Call(anna, Method::kGet, "/api/v1/workouts/0190a4b6-0000-7000-8000-000000000000", {},
              AcceptLanguage("en"));
  ASSERT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(missing.Json()["code"], "no_such_workout");
  EXPECT_EQ(missing.Json()["detail"], "Dieses Workout gibt es nicht.");
}

TEST_F(ServerLanguageTest, AnEnglishProfileGetsEnglishFromAGermanBrowser) {
  h_.CreateUser("ben");
  Browser ben;
  h_.SignIn(ben, "ben");
  auto reply = h_.Call(ben, Method::kPatch, "/api/v1/me",
                       R"({"preferences":{"weight_unit":"stone"}})", AcceptLanguage("de-DE"));
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto body = reply.Json();
  EXPECT_EQ(body["detail"], "The request has invalid fields.");
  const auto& field = body["errors"].as_array()[0].as_object();
  EXPECT_EQ(field.at("code"), "weight_unit_invalid");
  EXPECT_EQ(field.at("message"), "must be kg or lb");
}

TEST_F(ServerLanguageTest, RefusalsBeforeSignInFollowTheHeader) {
  Browser stranger;
  // No session: the authentication middleware refuses in the browser's language.
  auto reply = h_.Call(stranger, Method::kGet, "/api/v1/me", {}, AcceptLanguage("de"));
  ASSERT_EQ(reply.status, 401) << reply.body;
  EXPECT_EQ(reply.Json()["code"], "sign_in_first");
  EXPECT_EQ(reply.Json()["detail"], "Melde dich zuerst an.");
}

// The tile server's checks live in core, which knows no catalogue: each of its reasons still
// reaches a German admin in German, under a code of its own.
TEST_F(ServerLanguageTest, EveryReasonATileUrlIsRefusedForHasAGermanMessage) {
  h_.CreateUser("chief", /*admin=*/true);
  Browser chief;
  h_.SignIn(chief, "chief");
  ASSERT_EQ(
      h_.Call(chief, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})").status,
      200);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"map_tile_url":"http://tiles.example.net/{z}/{x}/{y}.png"})",
       "tile_url_https_or_localhost"},
      {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}.png"})", "tile_url_xyz"},
      {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png; script-src *"})",
       "tile_url_characters"},
      {R"({"map_tile_url":"https://user:pw@tiles.example.net/{z}/{x}/{y}.png"})",
       "tile_url_user_info"},
      {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}/{q}.png"})",
       "tile_url_placeholders"},
      {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png","map_attribution":"<b>x</b>"})",
       "attribution_plain_text"},
      {R"({"map_tile_url":"https://tiles.example.net/{z}/{x}/{y}.png?k=)" + std::string(500, 'a') +
           R"("})",
       "too_long"},
  };
  for (const auto& [body, code] : cases) {
    auto reply = h_.Call(chief, Method::kPut, "/api/v1/admin/settings", body);
    ASSERT_EQ(reply.status, 422) << body;
    auto json = reply.Json();
    const auto& errors = json["errors"].as_array();
    ASSERT_EQ(errors.size(), 1u) << reply.body;
    const auto& field = errors[0].as_object();
    EXPECT_EQ(std::string(field.at("code").as_string()), code) << body << ": " << reply.body;
    std::string message(field.at("message").as_string());
    EXPECT_EQ(message.find("must"), std::string::npos) << message;
  }
}

TEST_F(ServerLanguageTest, HistoryLinesNameCatalogueExercisesInTheProfileLanguage) {
  h_.CreateUser("jonas");
  Browser jonas;
  h_.SignIn(jonas, "jonas");
  auto posted = h_.Call(jonas, Method::kPost, "/api/v1/workouts", R"({
    "title": "Push", "started_at": "2026-03-02T17:00:00Z", "ended_at": "2026-03-02T18:00:00Z",
    "blocks": [
      {"exercise_id": "barbell-bench-press", "sets": [{"reps": 5, "weight_kg": 80}]},
      {"exercise_id": "pull-up", "sets": [{"reps": 8}]}]})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  auto names = [&] {
    auto list = h_.Call(jonas, Method::kGet, "/api/v1/workouts", {}, AcceptLanguage("en"));
    EXPECT_EQ(list.status, 200) << list.body;
    return list.Json()["items"].as_array().at(0).at("exercise_names");
  };
  EXPECT_EQ(names(), (boost::json::array{"Barbell Bench Press", "Pull-Up"}));

  auto saved = h_.Call(jonas, Method::kPatch, "/api/v1/me", R"({"preferences":{"locale":"de"}})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(names(), (boost::json::array{"Bankdrücken", "Klimmzug"}));
}

}  // namespace
}  // namespace vigor
