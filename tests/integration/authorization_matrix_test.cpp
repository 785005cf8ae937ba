// Walks every route the server has (the same set as api/openapi.yaml: spec_routes_test checks
// that) as anonymous, as another user, as the owner and as an admin, and checks the status each
// gets (OWASP API1, broken object level authorization). A route missing from the table below
// fails the test, so a new route cannot ship without its row.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <fstream>
#include <functional>
#include <set>

#include "platform/http/router.hpp"
#include "platform/id.hpp"
#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"
#include "support/oauth_clients.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;

constexpr int kPublic = -1;  // anything but 401/403: the route is open to everyone

struct Expectation {
  Method method;
  std::string path;  // the route template, as the router knows it
  std::function<std::string()> target;
  std::string body;
  int anonymous;
  int other;
  int admin;
  int owner;                             // last: the owner's call may consume the resource
  platform::http::Headers headers = {};  // sent by every role (If-Match)
};

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("owner");
    h_.CreateUser("other");
    // Admin actions act on a bystander, so they do not end the sessions the table uses.
    target_id_ = h_.CreateUser("bystander");
    h_.CreateUser("boss", /*admin=*/true);
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
    h_.SignIn(admin_, "boss");
    // A second device of the owner, and a token, for the other roles to try to reach.
    Browser phone;
    h_.SignIn(phone, "owner");
    auto sessions = h_.Get(owner_, "/api/v1/me/sessions").Json()["items"].as_array();
    for (const auto& s : sessions) {
      if (!s.as_object().at("current").as_bool()) {
        owner_session_ = std::string(s.as_object().at("id").as_string());
      }
    }
    auto token =
        h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"watch","scopes":["profile:read"]})");
    ASSERT_EQ(token.status, 201) << token.body;
    owner_token_ = std::string(token.Json()["id"].as_string());
    auto exercise = h_.Post(owner_, "/api/v1/exercises",
                            R"({"name":"Owner's Lift","category":"strength","log_type":"reps"})");
    ASSERT_EQ(exercise.status, 201) << exercise.body;
    owner_exercise_ = std::string(exercise.Json()["id"].as_string());
    auto workout = h_.Post(owner_, "/api/v1/workouts", WorkoutBody("Owner's workout"));
    ASSERT_EQ(workout.status, 201) << workout.body;
    owner_workout_ = std::string(workout.Json()["id"].as_string());
    owner_workout_etag_ = std::string(workout.headers.Get("ETag").value_or(""));
    auto routine = h_.Post(owner_, "/api/v1/routines", RoutineBody("Owner's routine"));
    ASSERT_EQ(routine.status, 201) << routine.body;
    owner_routine_ = std::string(routine.Json()["id"].as_string());
    auto shared = h_.Post(owner_, "/api/v1/routines",
                          R"({"name":"Owner's template","visibility":"public","items":[]})");
    ASSERT_EQ(shared.status, 201) << shared.body;
    owner_template_ = std::string(shared.Json()["id"].as_string());
    auto program = h_.Post(owner_, "/api/v1/programs",
                           R"({"name":"Owner's program","routines":[{"routine_id":")" +
                               owner_routine_ + R"(","label":"Day A"}]})");
    ASSERT_EQ(program.status, 201) << program.body;
    owner_program_ = std::string(program.Json()["id"].as_string());
    auto goal = h_.Post(owner_, "/api/v1/goals", kGoalBody);
    ASSERT_EQ(goal.status, 201) << goal.body;
    owner_goal_ = std::string(goal.Json()["id"].as_string());
    owner_goal_etag_ = std::string(goal.headers.Get("ETag").value_or(""));
    auto measurement = h_.Call(owner_, Method::kPut, "/api/v1/measurements", kMeasurementBody);
    ASSERT_EQ(measurement.status, 200) << measurement.body;
    owner_measurement_ = std::string(measurement.Json()["id"].as_string());
    auto import = h_.Call(owner_, Method::kPost, "/api/v1/imports?format=gpx", kGpxBody,
                          ContentType("application/gpx+xml"));
    ASSERT_EQ(import.status, 202) << import.body;
    owner_import_ = std::string(import.Json()["id"].as_string());
    h_.app().jobs->DrainForTests();
    auto food = h_.Post(owner_, "/api/v1/foods", kFoodBody);
    ASSERT_EQ(food.status, 201) << food.body;
    owner_food_ = std::string(food.Json()["id"].as_string());
    std::filesystem::create_directories(h_.app().config.food_import_path());
    std::ofstream(h_.app().config.food_import_path() / "off.csv")
        << "code\tproduct_name\tenergy-kcal_100g\n4006381333931\tSpread\t539\n";
    auto food_import = h_.Post(admin_, "/api/v1/admin/food-imports", R"({"file":"off.csv"})");
    ASSERT_EQ(food_import.status, 202) << food_import.body;
    food_import_ = std::string(food_import.Json()["id"].as_string());
    auto imported = h_.Get(owner_, "/api/v1/imports/" + owner_import_).Json();
    ASSERT_EQ(imported["status"], "succeeded") << boost::json::serialize(imported);
    owner_track_workout_ = std::string(imported["result"].as_object()["workout_id"].as_string());
    auto diary_item = h_.Post(owner_, "/api/v1/diary/2026-03-02/items", kDiaryItemsBody);
    ASSERT_EQ(diary_item.status, 201) << diary_item.body;
    owner_diary_item_ =
        std::string(diary_item.Json()["items"].as_array()[0].as_object().at("id").as_string());
    auto recipe = h_.Post(owner_, "/api/v1/recipes", kRecipeBody);
    ASSERT_EQ(recipe.status, 201) << recipe.body;
    owner_recipe_ = std::string(recipe.Json()["id"].as_string());
    // ---- set-up, issue 13 lane social: add yours right below this line ----
    auto zone = h_.Post(owner_, "/api/v1/me/privacy-zones",
                        R"({"name":"Home","latitude":46.5,"longitude":6.6,"radius_m":300})");
    ASSERT_EQ(zone.status, 201) << zone.body;
    owner_zone_ = std::string(zone.Json()["id"].as_string());
    //
    //
    //
    //
    // ---- set-up, issue 13 lane visibility: add yours right below this line ----
    //
    //
    //
    //
    // A public activity of the owner's with its track: what others may see (its own import, as
    // the first one is undone below).
    auto shared_import =
        h_.Call(owner_, Method::kPost, "/api/v1/imports?format=gpx&allow_duplicate=true", kGpxBody,
                ContentType("application/gpx+xml"));
    ASSERT_EQ(shared_import.status, 202) << shared_import.body;
    h_.app().jobs->DrainForTests();
    auto shared_job =
        h_.Get(owner_, "/api/v1/imports/" + std::string(shared_import.Json()["id"].as_string()))
            .Json();
    ASSERT_EQ(shared_job["status"], "succeeded") << boost::json::serialize(shared_job);
    owner_public_workout_ = std::string(shared_job["result"].as_object()["workout_id"].as_string());
    h_.app().database->Write([&](platform::store::Session& s) {
      s.Execute(
          platform::store::Statement{"test.authz.public_workout",
                                     "UPDATE workouts SET visibility = 'public' WHERE id = $1"},
          owner_public_workout_);
    });
    auto change = h_.Post(owner_, "/api/v1/me/visibility-changes",
                          R"({"kind":"measurements","visibility":"private"})");
    ASSERT_EQ(change.status, 202) << change.body;
    owner_visibility_change_ = std::string(change.Json()["id"].as_string());
    // ---- set-up, issue 13 lane feed: add yours right below this line ----
    // The feed item of the owner's workout (private until the owner shares it) and a comment.
    {
      // A workout of its own: the workouts rows delete theirs before these rows run.
      auto shared = h_.Post(owner_, "/api/v1/workouts", WorkoutBody("Owner's feed workout"));
      ASSERT_EQ(shared.status, 201) << shared.body;
      boost::json::value shared_id = shared.Json()["id"];
      auto feed = h_.Get(owner_, "/api/v1/feed?limit=50").Json();
      for (const auto& item : feed["items"].as_array()) {
        const auto& o = item.as_object();
        if (o.at("workout_id") == shared_id && o.at("kind") == "workout") {
          owner_feed_item_ = std::string(o.at("id").as_string());
        }
      }
      ASSERT_FALSE(owner_feed_item_.empty()) << boost::json::serialize(feed);
      auto comment = h_.Post(owner_, "/api/v1/feed-items/" + owner_feed_item_ + "/comments",
                             R"({"body":"Nice one"})");
      ASSERT_EQ(comment.status, 201) << comment.body;
      owner_comment_ = std::string(comment.Json()["id"].as_string());
    }
    //
    //
    //
    //
    // ---- set-up, issue 13 lane notifications: add yours right below this line ----
    //
    //
    //
    //
    // ---- set-up, issue 13 lane challenges: add yours right below this line ----
    // An invite-only challenge of the owner's: nobody else may reach it.
    auto challenge = h_.Post(owner_, "/api/v1/challenges",
                             R"({"title":"Owner's challenge","metric":"distance",)"
                             R"("starts_on":"2026-03-01","ends_on":"2027-02-28",)"
                             R"("time_zone":"UTC","access":"invite"})");
    ASSERT_EQ(challenge.status, 201) << challenge.body;
    owner_challenge_ = std::string(challenge.Json()["id"].as_string());
    //
    //
    //
    //
    // ---- set-up, issue 13 lane clubs: add yours right below this line ----
    // A private club of the owner's with a member (clubmate), two users asking to join (asker,
    // asker2) and a post of the owner's: the other user and the admin are strangers to it.
    {
      auto club = h_.Post(owner_, "/api/v1/clubs", R"({"name":"Owner's club","access":"private"})");
      ASSERT_EQ(club.status, 201) << club.body;
      owner_club_ = std::string(club.Json()["id"].as_string());
      for (const char* name : {"clubmate", "asker", "asker2"}) {
        h_.CreateUser(name);
        Browser b;
        h_.SignIn(b, name);
        ASSERT_EQ(h_.Call(b, Method::kPut, "/api/v1/clubs/" + owner_club_ + "/membership").status,
                  200);
      }
      ASSERT_EQ(
          h_.Post(owner_, "/api/v1/clubs/" + owner_club_ + "/requests/clubmate/approve", "").status,
          200);
      auto post = h_.Post(owner_, "/api/v1/clubs/" + owner_club_ + "/posts", R"({"body":"Hi"})");
      ASSERT_EQ(post.status, 201) << post.body;
      owner_club_post_ = std::string(post.Json()["id"].as_string());
    }
    //
    //
    //
    //
    // ---- set-up, issue 14 lane apps: add yours right below this line ----
    // A confidential client app of the owner's: nobody else may see or change it.
    {
      auto app = h_.Post(owner_, "/api/v1/me/apps",
                         R"({"name":"Owner's app","redirect_uris":["https://app.example/cb"],)"
                         R"("confidential":true})");
      ASSERT_EQ(app.status, 201) << app.body;
      owner_app_ = std::string(app.Json()["client_id"].as_string());
    }
    // ---- set-up, issue 14 lane oauth: add yours right below this line ----
    // A public client app with a grant of the owner's (connected apps), a parked authorization
    // request and a pending device request (both belong to nobody until someone decides).
    {
      auto client = testing::InsertOAuthClient(h_, target_id_, "Matrix App", false,
                                               {"https://app.example/cb"});
      oauth_client_id_ = client.client_id;
      h_.app().database->Write([&](platform::store::Session& s) {
        s.Execute(
            platform::store::Statement{
                "test.authz.oauth_grant",
                "INSERT INTO oauth_grants (id, client_id, user_id, scopes, created_at) "
                "SELECT $1, $2, id, 'profile:read', '2026-03-01T00:00:00.000Z' FROM users "
                "WHERE username = 'owner'"},
            platform::NewId(), client.row_id);
      });
      Browser nobody;
      auto authorize =
          h_.Get(nobody, "/oauth/authorize?response_type=code&client_id=" + client.client_id +
                             "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=profile%3Aread"
                             "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                             "&code_challenge_method=S256");
      std::string location(authorize.headers.Get("Location").value_or(""));
      ASSERT_TRUE(location.starts_with("/oauth/consent?request=")) << authorize.body;
      oauth_request_ = location.substr(location.find('=') + 1);
      auto device = testing::CallAsApp(
          h_, Method::kPost, "/oauth/device_authorization",
          testing::Form({{"client_id", client.client_id}, {"scope", "profile:read"}}));
      ASSERT_EQ(device.status, 200) << device.body;
      oauth_user_code_ = std::string(device.Json()["user_code"].as_string());
    }
    // ---- set-up, issue 14 lane webhooks: add yours right below this line ----
    // The owner's app of the apps lane's set-up (owner_app_): only the owner sees its webhooks.
    // ---- set-up, issue 14 lane uploads: add yours right below this line ----
    // ---- set-up, issue 13 lane moderation: add yours right below this line ----
    //
    //
    //
    //
    // ---- set-up, issue 15 lane portability ----
    // An export of the owner's, still queued (no job runs after this): only the owner sees it.
    auto data_export = h_.Post(owner_, "/api/v1/me/exports", "");
    ASSERT_EQ(data_export.status, 202) << data_export.body;
    owner_export_ = std::string(data_export.Json()["id"].as_string());
  }
  static constexpr const char* kDiaryItemsBody =
      R"({"items":[{"meal":"breakfast","food_id":"usda-01123","grams":50}]})";
  static constexpr const char* kRecipeBody =
      R"({"name":"Eggs","servings":1,"ingredients":[{"food_id":"usda-01123","grams":100}]})";

  static std::string WorkoutBody(const std::string& title) {
    return R"({"title":")" + title +
           R"(","started_at":"2026-03-02T07:30:00Z","blocks":[{"exercise_id":"barbell-back-squat",)"
           R"("sets":[{"reps":5,"weight_kg":100}]}]})";
  }
  static std::string RoutineBody(const std::string& name) {
    return R"({"name":")" + name +
           R"(","items":[{"exercise_id":"barbell-back-squat","target_sets":5}]})";
  }
  static constexpr const char* kGoalBody = R"({"metric":"sessions","target":3,"period":"week"})";
  static constexpr const char* kFoodBody =
      R"({"name":"Owner's bar","barcode":"96385074","per_100g":{"energy_kcal":500}})";
  static constexpr const char* kMeasurementBody =
      R"({"kind":"weight","day":"2026-03-02","value":80})";
  static constexpr const char* kGpxBody =
      R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>)"
      R"(<trkpt lat="46.5" lon="6.6"><time>2026-03-01T07:00:00Z</time></trkpt>)"
      R"(<trkpt lat="46.5001" lon="6.6"><time>2026-03-01T07:00:05Z</time></trkpt>)"
      R"(</trkseg></trk></gpx>)";

  int StatusFor(Browser* who, const Expectation& e) {
    Browser anonymous;
    Browser& browser = who ? *who : anonymous;
    return h_.Call(browser, e.method, e.target(), e.body, e.headers).status;
  }

  AppHarness h_;
  Browser owner_, other_, admin_;
  std::string target_id_, owner_session_, owner_token_;
  std::string owner_exercise_;  // a custom exercise of the owner
  std::string owner_workout_, owner_workout_etag_, owner_routine_, owner_measurement_;
  std::string owner_goal_, owner_goal_etag_;
  std::string owner_import_, owner_track_workout_;  // an activity import and its workout
  std::string owner_template_, owner_program_;      // a public routine; a program
  std::string owner_diary_item_, owner_recipe_;     // nutrition
  std::string owner_food_, food_import_;  // a custom food of the owner; an admin's food import
  // ---- members, issue 13 lane social: add yours right below this line ----
  std::string owner_zone_;  // a privacy zone of the owner's
  //
  //
  //
  //
  // ---- members, issue 13 lane visibility: add yours right below this line ----
  //
  //
  //
  //
  std::string owner_public_workout_;     // public, with a track
  std::string owner_visibility_change_;  // a bulk change of the owner's
  // ---- members, issue 13 lane feed: add yours right below this line ----
  std::string owner_feed_item_, owner_comment_;  // the owner's workout in the feed
  //
  //
  //
  //
  // ---- members, issue 13 lane notifications: add yours right below this line ----
  //
  //
  //
  //
  // ---- members, issue 13 lane challenges: add yours right below this line ----
  std::string owner_challenge_;  // invite-only
  //
  //
  //
  //
  // ---- members, issue 13 lane clubs: add yours right below this line ----
  std::string owner_club_, owner_club_post_;  // a private club; a post in it
  //
  //
  //
  //
  // ---- members, issue 14 lane apps: add yours right below this line ----
  std::string owner_app_;  // the client_id of a client app of the owner's
  // ---- members, issue 14 lane oauth: add yours right below this line ----
  std::string oauth_client_id_;  // a public app the owner connected
  std::string oauth_request_;    // a parked authorization request of it
  std::string oauth_user_code_;  // a pending device request of it
  // ---- members, issue 14 lane webhooks: add yours right below this line ----
  // ---- members, issue 14 lane uploads: add yours right below this line ----
  // ---- members, issue 13 lane moderation: add yours right below this line ----
  // ---- members, issue 15 lane portability ----
  std::string owner_export_;  // the owner's export, queued
  //
  //
  //
  //
};

TEST_F(AuthorizationMatrixTest, EveryRouteAnswersEachRoleAsDeclared) {
  auto fixed = [](std::string t) { return [t] { return t; }; };
  auto WithIfMatch = [](const std::string& etag) {
    platform::http::Headers headers;
    headers.Add("If-Match", etag);
    return headers;
  };
  const std::string json_password = R"({"password":"wrong password here"})";
  std::vector<Expectation> table = {
      // operations and meta: public
      {Method::kGet, "/healthz", fixed("/healthz"), "", 200, 200, 200, 200},
      {Method::kGet, "/readyz", fixed("/readyz"), "", 200, 200, 200, 200},
      {Method::kGet, "/metrics", fixed("/metrics"), "", 200, 200, 200, 200},
      {Method::kGet, "/api/v1/meta", fixed("/api/v1/meta"), "", 200, 200, 200, 200},
      // auth: public (the bodies are invalid on purpose: nothing may change)
      {Method::kPost, "/api/v1/auth/signup", fixed("/api/v1/auth/signup"), "{}", 422, 422, 422,
       422},
      {Method::kPost, "/api/v1/auth/verify-email", fixed("/api/v1/auth/verify-email"),
       R"({"token":"nope"})", 400, 400, 400, 400},
      {Method::kPost, "/api/v1/auth/login", fixed("/api/v1/auth/login"), "{}", 422, 422, 422, 422},
      {Method::kPost, "/api/v1/auth/login/totp", fixed("/api/v1/auth/login/totp"),
       R"({"challenge":"x","code":"123456"})", 401, 401, 401, 401},
      {Method::kPost, "/api/v1/auth/password-reset", fixed("/api/v1/auth/password-reset"), "{}",
       422, 422, 422, 422},
      {Method::kPost, "/api/v1/auth/password-reset/confirm",
       fixed("/api/v1/auth/password-reset/confirm"), R"({"token":"x","password":"y"})", 400, 400,
       400, 400},
      // me: signed in; each acts on the caller only
      {Method::kGet, "/api/v1/me", fixed("/api/v1/me"), "", 401, 200, 200, 200},
      {Method::kPatch, "/api/v1/me", fixed("/api/v1/me"), R"({"preferences":{"weight_unit":"lb"}})",
       401, 200, 200, 200},
      {Method::kPost, "/api/v1/me/password", fixed("/api/v1/me/password"),
       R"({"current_password":"wrong one","new_password":"another long passphrase"})", 401, 422,
       422, 422},
      {Method::kPost, "/api/v1/me/email", fixed("/api/v1/me/email"),
       R"({"new_email":"x@example.org","password":"wrong one"})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/me/sessions", fixed("/api/v1/me/sessions"), "", 401, 200, 200, 200},
      {Method::kDelete, "/api/v1/me/sessions/{id}",
       [this] { return "/api/v1/me/sessions/" + owner_session_; }, "", 401, 404, 404, 204},
      {Method::kGet, "/api/v1/me/tokens", fixed("/api/v1/me/tokens"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/me/tokens", fixed("/api/v1/me/tokens"), R"({"name":"","scopes":[]})",
       401, 422, 422, 422},
      {Method::kDelete, "/api/v1/me/tokens/{id}",
       [this] { return "/api/v1/me/tokens/" + owner_token_; }, "", 401, 404, 404, 204},
      {Method::kPost, "/api/v1/me/totp/setup", fixed("/api/v1/me/totp/setup"), json_password, 401,
       422, 422, 422},
      {Method::kPost, "/api/v1/me/totp/enable", fixed("/api/v1/me/totp/enable"),
       R"({"code":"123456"})", 401, 409, 409, 409},
      {Method::kPost, "/api/v1/me/totp/disable", fixed("/api/v1/me/totp/disable"),
       R"({"password":"wrong one","code":"123456"})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/me/audit-events", fixed("/api/v1/me/audit-events"), "", 401, 200, 200,
       200},
      {Method::kPost, "/auth/logout", nullptr, "", 0, 0, 0, 0},  // placeholder replaced below
      // admin: the admin role only
      {Method::kGet, "/api/v1/admin/users", fixed("/api/v1/admin/users"), "", 401, 403, 200, 403},
      {Method::kGet, "/api/v1/admin/users/{id}",
       [this] { return "/api/v1/admin/users/" + target_id_; }, "", 401, 403, 200, 403},
      {Method::kPatch, "/api/v1/admin/users/{id}",
       [this] { return "/api/v1/admin/users/" + target_id_; }, R"({"role":"moderator"})", 401, 403,
       200, 403},
      {Method::kPost, "/api/v1/admin/users/{id}/password-reset",
       fixed("/api/v1/admin/users/nonexistent/password-reset"), "", 401, 403, 404, 403},
      {Method::kDelete, "/api/v1/admin/users/{id}", fixed("/api/v1/admin/users/nonexistent"), "",
       401, 403, 404, 403},
      {Method::kGet, "/api/v1/admin/settings", fixed("/api/v1/admin/settings"), "", 401, 403, 200,
       403},
      {Method::kPut, "/api/v1/admin/settings", fixed("/api/v1/admin/settings"),
       R"({"registration":"open"})", 401, 403, 200, 403},
      {Method::kPost, "/api/v1/admin/invites", fixed("/api/v1/admin/invites"), "", 401, 403, 201,
       403},
      {Method::kGet, "/api/v1/admin/audit-events", fixed("/api/v1/admin/audit-events"), "", 401,
       403, 200, 403},
      // records (before the owner's workout and exercise are deleted below): everyone signed in
      // reads their own; another's workout or exercise is not found
      {Method::kGet, "/api/v1/records", fixed("/api/v1/records"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/records/history", fixed("/api/v1/records/history"), "", 401, 200, 200,
       200},
      {Method::kGet, "/api/v1/workouts/{id}/records",
       [this] { return "/api/v1/workouts/" + owner_workout_ + "/records"; }, "", 401, 404, 404,
       200},
      {Method::kGet, "/api/v1/exercises/{id}/progress",
       [this] { return "/api/v1/exercises/" + owner_exercise_ + "/progress"; }, "", 401, 404, 404,
       200},
      // The owner's track has no heart rate: zones are "not found" for everyone, the owner too;
      // what matters here is that nobody else gets past the ownership check.
      {Method::kGet, "/api/v1/workouts/{id}/zones",
       [this] { return "/api/v1/workouts/" + owner_track_workout_ + "/zones"; }, "", 401, 404, 404,
       404},
      {Method::kGet, "/api/v1/dashboard", fixed("/api/v1/dashboard"), "", 401, 200, 200, 200},
      // exercises: the catalogue for anyone signed in; a custom exercise for its owner only
      {Method::kGet, "/api/v1/exercises", fixed("/api/v1/exercises"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/exercises", fixed("/api/v1/exercises"), "{}", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/exercises/{id}",
       [this] { return "/api/v1/exercises/" + owner_exercise_; }, "", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/exercises/{id}",
       [this] { return "/api/v1/exercises/" + owner_exercise_; },
       R"({"name":"Renamed Lift","category":"strength","log_type":"reps"})", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/exercises/{id}",
       [this] { return "/api/v1/exercises/" + owner_exercise_; }, "", 401, 404, 404, 204},
      // workouts, routines, measurements: the owner's only; an admin is any other user here
      {Method::kGet, "/api/v1/workouts", fixed("/api/v1/workouts"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/workouts", fixed("/api/v1/workouts"), WorkoutBody("Mine"), 401, 201,
       201, 201},
      {Method::kGet, "/api/v1/workouts/{id}",
       [this] { return "/api/v1/workouts/" + owner_workout_; }, "", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/workouts/{id}",
       [this] { return "/api/v1/workouts/" + owner_workout_; }, WorkoutBody("Renamed"), 401, 404,
       404, 200, WithIfMatch(owner_workout_etag_)},
      {Method::kGet, "/api/v1/exercises/{id}/last-sets",
       fixed("/api/v1/exercises/barbell-back-squat/last-sets"), "", 401, 200, 200, 200},
      {Method::kDelete, "/api/v1/workouts/{id}",
       [this] { return "/api/v1/workouts/" + owner_workout_; }, "", 401, 404, 404, 204},
      {Method::kGet, "/api/v1/routines", fixed("/api/v1/routines"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/routines", fixed("/api/v1/routines"), RoutineBody("Another"), 401,
       201, 201, 201},
      {Method::kGet, "/api/v1/routines/{id}",
       [this] { return "/api/v1/routines/" + owner_routine_; }, "", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/routines/{id}",
       [this] { return "/api/v1/routines/" + owner_routine_; }, RoutineBody("Renamed"), 401, 404,
       404, 200},
      {Method::kDelete, "/api/v1/routines/{id}",
       [this] { return "/api/v1/routines/" + owner_routine_; }, "", 401, 404, 404, 204},
      // routine templates: every signed-in user reads and copies public routines
      {Method::kGet, "/api/v1/routine-templates", fixed("/api/v1/routine-templates"), "", 401, 200,
       200, 200},
      {Method::kPost, "/api/v1/routine-templates/{id}/copy",
       [this] { return "/api/v1/routine-templates/" + owner_template_ + "/copy"; }, "", 401, 201,
       201, 201},
      {Method::kGet, "/api/v1/programs", fixed("/api/v1/programs"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/programs", fixed("/api/v1/programs"),
       R"({"name":"Another","routines":[]})", 401, 201, 201, 201},
      {Method::kGet, "/api/v1/programs/{id}",
       [this] { return "/api/v1/programs/" + owner_program_; }, "", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/programs/{id}",
       [this] { return "/api/v1/programs/" + owner_program_; },
       R"({"name":"Renamed","routines":[]})", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/programs/{id}",
       [this] { return "/api/v1/programs/" + owner_program_; }, "", 401, 404, 404, 204},
      // goals: the owner's only
      {Method::kGet, "/api/v1/goals", fixed("/api/v1/goals"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/goals", fixed("/api/v1/goals"), kGoalBody, 401, 201, 201, 201},
      {Method::kPost, "/api/v1/goals/preview", fixed("/api/v1/goals/preview"), kGoalBody, 401, 200,
       200, 200},
      {Method::kGet, "/api/v1/goals/{id}", [this] { return "/api/v1/goals/" + owner_goal_; }, "",
       401, 404, 404, 200},
      {Method::kGet, "/api/v1/goals/{id}/history",
       [this] { return "/api/v1/goals/" + owner_goal_ + "/history"; }, "", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/goals/{id}", [this] { return "/api/v1/goals/" + owner_goal_; },
       kGoalBody, 401, 404, 404, 200, WithIfMatch(owner_goal_etag_)},
      {Method::kDelete, "/api/v1/goals/{id}", [this] { return "/api/v1/goals/" + owner_goal_; }, "",
       401, 404, 404, 204},
      {Method::kGet, "/api/v1/measurements", fixed("/api/v1/measurements?kind=weight"), "", 401,
       200, 200, 200},
      {Method::kGet, "/api/v1/measurements/kinds", fixed("/api/v1/measurements/kinds"), "", 401,
       200, 200, 200},
      {Method::kPut, "/api/v1/measurements", fixed("/api/v1/measurements"), kMeasurementBody, 401,
       200, 200, 200},
      {Method::kDelete, "/api/v1/measurements/{id}",
       [this] { return "/api/v1/measurements/" + owner_measurement_; }, "", 401, 404, 404, 204},
      // analytics: everyone signed in reads their own
      {Method::kGet, "/api/v1/stats/summary", fixed("/api/v1/stats/summary"), "", 401, 200, 200,
       200},
      {Method::kGet, "/api/v1/stats/muscles", fixed("/api/v1/stats/muscles"), "", 401, 200, 200,
       200},
      {Method::kGet, "/api/v1/stats/calendar", fixed("/api/v1/stats/calendar"), "", 401, 200, 200,
       200},
      {Method::kGet, "/api/v1/stats/load", fixed("/api/v1/stats/load"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/stats/body-weight", fixed("/api/v1/stats/body-weight"), "", 401, 200,
       200, 200},
      // imports and exports: the owner's only (the DELETE, an undo, comes last)
      {Method::kPost, "/api/v1/imports", fixed("/api/v1/imports?format=gpx"), kGpxBody, 401, 202,
       202, 202, ContentType("application/gpx+xml")},
      {Method::kGet, "/api/v1/workouts/{id}/track",
       [this] { return "/api/v1/workouts/" + owner_track_workout_ + "/track"; }, "", 401, 404, 404,
       200},
      {Method::kGet, "/api/v1/workouts/{id}/gpx",
       [this] { return "/api/v1/workouts/" + owner_track_workout_ + "/gpx"; }, "", 401, 404, 404,
       200},
      {Method::kGet, "/api/v1/exports/sets.csv", fixed("/api/v1/exports/sets.csv"), "", 401, 200,
       200, 200},
      {Method::kGet, "/api/v1/imports/{id}", [this] { return "/api/v1/imports/" + owner_import_; },
       "", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/imports/{id}",
       [this] { return "/api/v1/imports/" + owner_import_; }, "", 401, 404, 404, 204},
      // live events: any signed-in user's own stream (its isolation: events_test)
      {Method::kGet, "/api/v1/events", fixed("/api/v1/events"), "", 401, 200, 200, 200},
      // the change feed: each caller's own changes only (changes_test)
      {Method::kGet, "/api/v1/changes", fixed("/api/v1/changes"), "", 401, 200, 200, 200},
      // nutrition targets and views: everyone signed in has their own
      {Method::kGet, "/api/v1/nutrition/targets", fixed("/api/v1/nutrition/targets"), "", 401, 200,
       200, 200},
      {Method::kPut, "/api/v1/nutrition/targets", fixed("/api/v1/nutrition/targets"),
       R"({"mode":"manual","energy_kcal":2000})", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/nutrition/targets/preview",
       fixed("/api/v1/nutrition/targets/preview"), R"({"mode":"manual","energy_kcal":2000})", 401,
       200, 200, 200},
      {Method::kGet, "/api/v1/nutrition/days/{date}", fixed("/api/v1/nutrition/days/2026-03-02"),
       "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/nutrition/week", fixed("/api/v1/nutrition/week"), "", 401, 200, 200,
       200},
      // the food diary and recipes: the owner's only (diary_test, recipes_test)
      {Method::kGet, "/api/v1/diary/{date}", fixed("/api/v1/diary/2026-03-02"), "", 401, 200, 200,
       200},
      {Method::kPost, "/api/v1/diary/{date}/items", fixed("/api/v1/diary/2026-03-03/items"),
       kDiaryItemsBody, 401, 201, 201, 201},
      {Method::kPost, "/api/v1/diary/{date}/copy", fixed("/api/v1/diary/2026-03-04/copy"),
       R"({"from":"2026-03-02"})", 401, 201, 201, 201},
      {Method::kPut, "/api/v1/diary/{date}/water", fixed("/api/v1/diary/2026-03-02/water"),
       R"({"water_ml":500})", 401, 200, 200, 200},
      {Method::kPatch, "/api/v1/diary-items/{id}",
       [this] { return "/api/v1/diary-items/" + owner_diary_item_; }, R"({"grams":60})", 401, 404,
       404, 200},
      {Method::kDelete, "/api/v1/diary-items/{id}",
       [this] { return "/api/v1/diary-items/" + owner_diary_item_; }, "", 401, 404, 404, 204},
      {Method::kGet, "/api/v1/recipes", fixed("/api/v1/recipes"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/recipes", fixed("/api/v1/recipes"), kRecipeBody, 401, 201, 201, 201},
      {Method::kGet, "/api/v1/recipes/{id}", [this] { return "/api/v1/recipes/" + owner_recipe_; },
       "", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/recipes/{id}", [this] { return "/api/v1/recipes/" + owner_recipe_; },
       kRecipeBody, 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/recipes/{id}",
       [this] { return "/api/v1/recipes/" + owner_recipe_; }, "", 401, 404, 404, 204},
      // foods: the catalogue and shared products for everyone signed in, own foods the owner's
      // only (foods_test); food imports for admins
      {Method::kGet, "/api/v1/foods", fixed("/api/v1/foods?q=egg"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/foods", fixed("/api/v1/foods"),
       R"({"name":"Bar","per_100g":{"energy_kcal":500}})", 401, 201, 201, 201},
      {Method::kGet, "/api/v1/foods/recent", fixed("/api/v1/foods/recent"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/foods/barcode/{code}", fixed("/api/v1/foods/barcode/96385074"), "",
       401, 404, 404, 200},
      {Method::kGet, "/api/v1/foods/{id}", [this] { return "/api/v1/foods/" + owner_food_; }, "",
       401, 404, 404, 200},
      {Method::kPut, "/api/v1/foods/{id}", [this] { return "/api/v1/foods/" + owner_food_; },
       R"({"name":"Renamed","per_100g":{"energy_kcal":1}})", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/foods/{id}", [this] { return "/api/v1/foods/" + owner_food_; }, "",
       401, 404, 404, 204},
      {Method::kPost, "/api/v1/admin/food-imports", fixed("/api/v1/admin/food-imports"),
       R"({"file":"off.csv"})", 401, 403, 202, 403},
      {Method::kGet, "/api/v1/admin/food-imports", fixed("/api/v1/admin/food-imports"), "", 401,
       403, 200, 403},
      {Method::kGet, "/api/v1/admin/food-imports/{id}",
       [this] { return "/api/v1/admin/food-imports/" + food_import_; }, "", 401, 403, 200, 403},
      // ---- rows, issue 13 lane social: add yours right below this line ----
      // people: profiles are public reads (what they show depends on the caller); a user's
      // connections follow the owner's connections_visibility (followers by default: another
      // user, the admin and the anonymous get 404); everything under /me acts on the caller.
      {Method::kGet, "/api/v1/me/profile", fixed("/api/v1/me/profile"), "", 401, 200, 200, 200},
      {Method::kPut, "/api/v1/me/profile", fixed("/api/v1/me/profile"), R"({"bio":"Hi"})", 401, 200,
       200, 200},
      {Method::kPut, "/api/v1/me/avatar", fixed("/api/v1/me/avatar"), "{}", 401, 415, 415, 415},
      {Method::kDelete, "/api/v1/me/avatar", fixed("/api/v1/me/avatar"), "", 401, 204, 204, 204},
      {Method::kGet, "/api/v1/users", fixed("/api/v1/users?q=own"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/users/{username}", fixed("/api/v1/users/owner"), "", 200, 200, 200,
       200},
      {Method::kGet, "/api/v1/users/{username}/avatar", fixed("/api/v1/users/owner/avatar"), "",
       404, 404, 404, 404},
      {Method::kGet, "/api/v1/users/{username}/followers", fixed("/api/v1/users/owner/followers"),
       "", 404, 404, 404, 200},
      {Method::kGet, "/api/v1/users/{username}/following", fixed("/api/v1/users/owner/following"),
       "", 404, 404, 404, 200},
      {Method::kPut, "/api/v1/users/{username}/follow", fixed("/api/v1/users/bystander/follow"), "",
       401, 200, 200, 200},
      {Method::kDelete, "/api/v1/users/{username}/follow", fixed("/api/v1/users/bystander/follow"),
       "", 401, 204, 204, 204},
      {Method::kPut, "/api/v1/users/{username}/block", fixed("/api/v1/users/bystander/block"), "",
       401, 204, 204, 204},
      {Method::kDelete, "/api/v1/users/{username}/block", fixed("/api/v1/users/bystander/block"),
       "", 401, 204, 204, 204},
      {Method::kPut, "/api/v1/users/{username}/mute", fixed("/api/v1/users/bystander/mute"), "",
       401, 204, 204, 204},
      {Method::kDelete, "/api/v1/users/{username}/mute", fixed("/api/v1/users/bystander/mute"), "",
       401, 204, 204, 204},
      {Method::kGet, "/api/v1/me/follow-requests", fixed("/api/v1/me/follow-requests"), "", 401,
       200, 200, 200},
      {Method::kPost, "/api/v1/me/follow-requests/{username}/approve",
       fixed("/api/v1/me/follow-requests/bystander/approve"), "", 401, 404, 404, 404},
      {Method::kDelete, "/api/v1/me/follow-requests/{username}",
       fixed("/api/v1/me/follow-requests/bystander"), "", 401, 404, 404, 404},
      {Method::kDelete, "/api/v1/me/followers/{username}", fixed("/api/v1/me/followers/bystander"),
       "", 401, 404, 404, 404},
      {Method::kGet, "/api/v1/me/blocks", fixed("/api/v1/me/blocks"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/me/mutes", fixed("/api/v1/me/mutes"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/me/privacy", fixed("/api/v1/me/privacy"), "", 401, 200, 200, 200},
      {Method::kPut, "/api/v1/me/privacy", fixed("/api/v1/me/privacy"),
       R"({"listed_in_directory":true})", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/me/privacy-zones", fixed("/api/v1/me/privacy-zones"), "", 401, 200,
       200, 200},
      {Method::kPost, "/api/v1/me/privacy-zones", fixed("/api/v1/me/privacy-zones"), "{}", 401, 422,
       422, 422},
      {Method::kPut, "/api/v1/me/privacy-zones/{id}",
       [this] { return "/api/v1/me/privacy-zones/" + owner_zone_; },
       R"({"name":"Work","latitude":46.52,"longitude":6.63,"radius_m":500})", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/me/privacy-zones/{id}",
       [this] { return "/api/v1/me/privacy-zones/" + owner_zone_; }, "", 401, 404, 404, 204},
      //
      //
      //
      //
      // ---- rows, issue 13 lane visibility: add yours right below this line ----
      //
      //
      //
      //
      // others' view of a user's workouts and body entries: anyone, as the privacy policy
      // allows (the owner's workout here is public; the matrix of viewers: privacy_matrix_test)
      {Method::kGet, "/api/v1/users/{username}/workouts", fixed("/api/v1/users/owner/workouts"), "",
       200, 200, 200, 200},
      {Method::kGet, "/api/v1/users/{username}/workouts/{id}",
       [this] { return "/api/v1/users/owner/workouts/" + owner_public_workout_; }, "", 200, 200,
       200, 200},
      {Method::kGet, "/api/v1/users/{username}/workouts/{id}/track",
       [this] { return "/api/v1/users/owner/workouts/" + owner_public_workout_ + "/track"; }, "",
       200, 200, 200, 200},
      {Method::kGet, "/api/v1/users/{username}/workouts/{id}/gpx",
       [this] { return "/api/v1/users/owner/workouts/" + owner_public_workout_ + "/gpx"; }, "", 200,
       200, 200, 200},
      {Method::kGet, "/api/v1/users/{username}/measurements",
       fixed("/api/v1/users/owner/measurements"), "", 200, 200, 200, 200},
      // bulk visibility changes: each caller's own
      {Method::kPost, "/api/v1/me/visibility-changes", fixed("/api/v1/me/visibility-changes"),
       R"({"kind":"nothing","visibility":"public"})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/me/visibility-changes/{id}",
       [this] { return "/api/v1/me/visibility-changes/" + owner_visibility_change_; }, "", 401, 404,
       404, 200},
      // ---- rows, issue 13 lane feed: add yours right below this line ----
      // feed: everyone signed in has a feed; a private item is the owner's alone (404 to others,
      // staff included); the owner deletes comments last
      {Method::kGet, "/api/v1/feed", fixed("/api/v1/feed"), "", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/feed-items/{id}",
       [this] { return "/api/v1/feed-items/" + owner_feed_item_; }, "", 401, 404, 404, 200},
      {Method::kGet, "/api/v1/feed-items/{id}/kudos",
       [this] { return "/api/v1/feed-items/" + owner_feed_item_ + "/kudos"; }, "", 401, 404, 404,
       200},
      {Method::kPut, "/api/v1/feed-items/{id}/kudos",
       [this] { return "/api/v1/feed-items/" + owner_feed_item_ + "/kudos"; }, "", 401, 404, 404,
       200},
      {Method::kDelete, "/api/v1/feed-items/{id}/kudos",
       [this] { return "/api/v1/feed-items/" + owner_feed_item_ + "/kudos"; }, "", 401, 404, 404,
       204},
      {Method::kGet, "/api/v1/feed-items/{id}/comments",
       [this] { return "/api/v1/feed-items/" + owner_feed_item_ + "/comments"; }, "", 401, 404, 404,
       200},
      {Method::kPost, "/api/v1/feed-items/{id}/comments",
       [this] { return "/api/v1/feed-items/" + owner_feed_item_ + "/comments"; },
       R"({"body":"Well done"})", 401, 404, 404, 201},
      {Method::kPatch, "/api/v1/comments/{id}",
       [this] { return "/api/v1/comments/" + owner_comment_; }, R"({"body":"Edited"})", 401, 404,
       404, 200},
      {Method::kDelete, "/api/v1/comments/{id}",
       [this] { return "/api/v1/comments/" + owner_comment_; }, "", 401, 404, 404, 204},
      //
      //
      //
      //
      // ---- rows, issue 13 lane notifications: add yours right below this line ----
      // notifications: everyone signed in has their own (notifications_test)
      {Method::kGet, "/api/v1/notifications", fixed("/api/v1/notifications"), "", 401, 200, 200,
       200},
      {Method::kGet, "/api/v1/notifications/unread-count",
       fixed("/api/v1/notifications/unread-count"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/notifications/read", fixed("/api/v1/notifications/read"),
       R"({"all":true})", 401, 200, 200, 200},
      {Method::kGet, "/api/v1/me/notification-preferences",
       fixed("/api/v1/me/notification-preferences"), "", 401, 200, 200, 200},
      {Method::kPut, "/api/v1/me/notification-preferences",
       fixed("/api/v1/me/notification-preferences"), R"({"kinds":{"kudos":{"in_app":false}}})", 401,
       200, 200, 200},
      //
      //
      //
      //
      // ---- rows, issue 13 lane challenges: add yours right below this line ----
      // challenges: the list for anyone signed in; an invite-only challenge is not found for
      // anyone but its creator (members and invited users: challenges_test); the owner joins,
      // reads the board, leaves, invites and deletes it last
      {Method::kGet, "/api/v1/challenges", fixed("/api/v1/challenges"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/challenges", fixed("/api/v1/challenges"), "{}", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/challenges/{id}",
       [this] { return "/api/v1/challenges/" + owner_challenge_; }, "", 404, 404, 404, 200},
      {Method::kPatch, "/api/v1/challenges/{id}",
       [this] { return "/api/v1/challenges/" + owner_challenge_; }, R"({"title":"Renamed"})", 401,
       404, 404, 200},
      {Method::kPut, "/api/v1/challenges/{id}/membership",
       [this] { return "/api/v1/challenges/" + owner_challenge_ + "/membership"; }, "{}", 401, 404,
       404, 200},
      {Method::kGet, "/api/v1/challenges/{id}/leaderboard",
       [this] { return "/api/v1/challenges/" + owner_challenge_ + "/leaderboard"; }, "", 404, 404,
       404, 200},
      {Method::kDelete, "/api/v1/challenges/{id}/membership",
       [this] { return "/api/v1/challenges/" + owner_challenge_ + "/membership"; }, "", 401, 404,
       404, 204},
      {Method::kPost, "/api/v1/challenges/{id}/invites",
       [this] { return "/api/v1/challenges/" + owner_challenge_ + "/invites"; },
       R"({"username":"bystander"})", 401, 404, 404, 201},
      {Method::kDelete, "/api/v1/challenges/{id}",
       [this] { return "/api/v1/challenges/" + owner_challenge_; }, "", 401, 404, 404, 204},
      //
      //
      //
      //
      // ---- rows, issue 13 lane clubs: add yours right below this line ----
      // clubs: anyone reads a club's card; a private club's members, posts and admin actions are
      // as missing to strangers (clubs_test covers members and roles)
      {Method::kGet, "/api/v1/clubs", fixed("/api/v1/clubs"), "", 200, 200, 200, 200},
      {Method::kPost, "/api/v1/clubs", fixed("/api/v1/clubs"), R"({"name":"Club"})", 401, 201, 201,
       201},
      {Method::kGet, "/api/v1/clubs/{id}", [this] { return "/api/v1/clubs/" + owner_club_; }, "",
       200, 200, 200, 200},
      {Method::kPatch, "/api/v1/clubs/{id}", [this] { return "/api/v1/clubs/" + owner_club_; },
       R"({"description":"Ours"})", 401, 404, 404, 200},
      {Method::kPut, "/api/v1/clubs/{id}/membership",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/membership"; }, "", 401, 200, 200, 200},
      {Method::kDelete, "/api/v1/clubs/{id}/membership",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/membership"; }, "", 401, 204, 204, 409},
      {Method::kGet, "/api/v1/clubs/{id}/members",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/members"; }, "", 404, 404, 404, 200},
      {Method::kPatch, "/api/v1/clubs/{id}/members/{username}",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/members/clubmate"; },
       R"({"role":"admin"})", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/clubs/{id}/members/{username}",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/members/clubmate"; }, "", 401, 404, 404,
       204},
      {Method::kGet, "/api/v1/clubs/{id}/requests",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/requests"; }, "", 401, 404, 404, 200},
      {Method::kPost, "/api/v1/clubs/{id}/requests/{username}/approve",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/requests/asker/approve"; }, "", 401, 404,
       404, 200},
      {Method::kDelete, "/api/v1/clubs/{id}/requests/{username}",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/requests/asker2"; }, "", 401, 404, 404,
       204},
      {Method::kGet, "/api/v1/clubs/{id}/posts",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/posts"; }, "", 404, 404, 404, 200},
      {Method::kPost, "/api/v1/clubs/{id}/posts",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/posts"; }, R"({"body":"Hello"})", 401,
       404, 404, 201},
      {Method::kDelete, "/api/v1/clubs/{id}/posts/{post_id}",
       [this] { return "/api/v1/clubs/" + owner_club_ + "/posts/" + owner_club_post_; }, "", 401,
       404, 404, 204},
      {Method::kDelete, "/api/v1/clubs/{id}", [this] { return "/api/v1/clubs/" + owner_club_; }, "",
       401, 404, 404, 204},
      //
      //
      //
      //
      // Deleting the account (issue 15 lane erasure): a wrong password for every role, so
      // nobody's account goes; session only (a token is refused).
      {Method::kDelete, "/api/v1/me", fixed("/api/v1/me"), R"({"password":"not the password"})",
       401, 422, 422, 422},
      // Consent (issue 15 lane consent): the policy is public; each user's consent is their own
      // and given in the app only (a version that is not current changes nothing); only admins
      // read and publish versions (an empty text publishes nothing).
      {Method::kGet, "/api/v1/privacy-policy", fixed("/api/v1/privacy-policy"), "", 200, 200, 200,
       200},
      {Method::kGet, "/api/v1/me/consents", fixed("/api/v1/me/consents"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/me/consents", fixed("/api/v1/me/consents"),
       R"({"policy_version":999})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/admin/privacy-policies", fixed("/api/v1/admin/privacy-policies"), "",
       401, 403, 200, 403},
      {Method::kPost, "/api/v1/admin/privacy-policies", fixed("/api/v1/admin/privacy-policies"),
       R"({"text":" "})", 401, 403, 422, 403},
      // ---- rows, issue 14 lane apps: add yours right below this line ----
      // client apps: each user's own, from the web app only; every app for admins
      {Method::kGet, "/api/v1/me/apps", fixed("/api/v1/me/apps"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/me/apps", fixed("/api/v1/me/apps"),
       R"({"name":"","confidential":true})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/me/apps/{id}", [this] { return "/api/v1/me/apps/" + owner_app_; }, "",
       401, 404, 404, 200},
      {Method::kPut, "/api/v1/me/apps/{id}", [this] { return "/api/v1/me/apps/" + owner_app_; },
       R"({"name":"Renamed app","redirect_uris":["https://app.example/cb"]})", 401, 404, 404, 200},
      {Method::kPost, "/api/v1/me/apps/{id}/secret",
       [this] { return "/api/v1/me/apps/" + owner_app_ + "/secret"; }, "", 401, 404, 404, 200},
      {Method::kGet, "/api/v1/admin/apps", fixed("/api/v1/admin/apps"), "", 401, 403, 200, 403},
      {Method::kPut, "/api/v1/admin/apps/{id}/disabled",
       [this] { return "/api/v1/admin/apps/" + owner_app_ + "/disabled"; }, R"({"disabled":false})",
       401, 403, 200, 403},
      // (webhooks lane) before the owner deletes the app below.
      {Method::kGet, "/api/v1/me/apps/{client_id}/webhooks",
       [this] { return "/api/v1/me/apps/" + owner_app_ + "/webhooks"; }, "", 401, 404, 404, 200},
      {Method::kDelete, "/api/v1/me/apps/{id}", [this] { return "/api/v1/me/apps/" + owner_app_; },
       "", 401, 404, 404, 204},
      // ---- rows, issue 14 lane oauth: add yours right below this line ----
      // oauth: the authorization server's endpoints are public (apps authenticate with their
      // client credentials, never cookies: without a form they answer 400); the consent and
      // device decisions and connected apps are for signed-in sessions. A parked request belongs
      // to nobody until the decision (invalid bodies here, so nothing is decided).
      {Method::kGet, "/.well-known/oauth-authorization-server",
       fixed("/.well-known/oauth-authorization-server"), "", 200, 200, 200, 200},
      {Method::kGet, "/oauth/docs", fixed("/oauth/docs"), "", 200, 200, 200, 200},
      {Method::kGet, "/oauth/authorize", fixed("/oauth/authorize"), "", 400, 400, 400, 400},
      {Method::kPost, "/oauth/token", fixed("/oauth/token"), "", 400, 400, 400, 400},
      {Method::kPost, "/oauth/revoke", fixed("/oauth/revoke"), "", 400, 400, 400, 400},
      {Method::kPost, "/oauth/introspect", fixed("/oauth/introspect"), "", 400, 400, 400, 400},
      {Method::kPost, "/oauth/device_authorization", fixed("/oauth/device_authorization"), "", 400,
       400, 400, 400},
      {Method::kGet, "/api/v1/oauth/authorization-requests/{id}",
       [this] { return "/api/v1/oauth/authorization-requests/" + oauth_request_; }, "", 401, 200,
       200, 200},
      {Method::kPost, "/api/v1/oauth/authorization-requests/{id}/decision",
       [this] { return "/api/v1/oauth/authorization-requests/" + oauth_request_ + "/decision"; },
       R"({"approve":"yes"})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/oauth/device-requests/{user_code}",
       [this] { return "/api/v1/oauth/device-requests/" + oauth_user_code_; }, "", 401, 200, 200,
       200},
      {Method::kPost, "/api/v1/oauth/device-requests/{user_code}/decision",
       [this] { return "/api/v1/oauth/device-requests/" + oauth_user_code_ + "/decision"; },
       R"({"approve":"yes"})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/me/connected-apps", fixed("/api/v1/me/connected-apps"), "", 401, 200,
       200, 200},
      {Method::kDelete, "/api/v1/me/connected-apps/{client_id}",
       [this] { return "/api/v1/me/connected-apps/" + oauth_client_id_; }, "", 401, 404, 404, 204},
      // ---- rows, issue 14 lane webhooks: add yours right below this line ----
      // webhooks: an app's own calls take its client credentials (HTTP Basic), never a user's
      // session; the owner's view of an app's deliveries is the owner's alone
      {Method::kGet, "/api/v1/webhooks", fixed("/api/v1/webhooks"), "", 401, 401, 401, 401},
      {Method::kPost, "/api/v1/webhooks", fixed("/api/v1/webhooks"),
       R"({"url":"https://example.com/hook","events":["workout.created"]})", 401, 401, 401, 401},
      {Method::kDelete, "/api/v1/webhooks/{id}", fixed("/api/v1/webhooks/nonexistent"), "", 401,
       401, 401, 401},
      // ---- rows, issue 14 lane uploads: add yours right below this line ----
      // uploads: anyone signed in, into their own log (allow_duplicate: the owner imported the
      // same file above)
      {Method::kPost, "/api/v1/uploads", fixed("/api/v1/uploads?allow_duplicate=true"), kGpxBody,
       401, 201, 201, 201, ContentType("application/gpx+xml")},
      // ---- rows, issue 13 lane moderation: add yours right below this line ----
      // moderation: reports and one's own decisions for everyone signed in; the queue and the
      // appeals for moderators and admins (the admin column), from the web app only
      {Method::kPost, "/api/v1/reports", fixed("/api/v1/reports"),
       R"({"kind":"no-such-kind","id":"x","reason":"spam"})", 401, 422, 422, 422},
      {Method::kGet, "/api/v1/me/moderation-decisions", fixed("/api/v1/me/moderation-decisions"),
       "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/me/moderation-decisions/{id}/appeal",
       fixed("/api/v1/me/moderation-decisions/nonexistent/appeal"), R"({"text":"please"})", 401,
       404, 404, 404},
      {Method::kGet, "/api/v1/admin/moderation/reports", fixed("/api/v1/admin/moderation/reports"),
       "", 401, 403, 200, 403},
      {Method::kPost, "/api/v1/admin/moderation/reports/{id}/decision",
       fixed("/api/v1/admin/moderation/reports/nonexistent/decision"), R"({"action":"dismiss"})",
       401, 403, 404, 403},
      {Method::kGet, "/api/v1/admin/moderation/appeals", fixed("/api/v1/admin/moderation/appeals"),
       "", 401, 403, 200, 403},
      {Method::kPost, "/api/v1/admin/moderation/appeals/{id}/decision",
       fixed("/api/v1/admin/moderation/appeals/nonexistent/decision"), R"({"outcome":"upheld"})",
       401, 403, 404, 403},
      // ---- rows, issue 15 lane portability ----
      // Each acts on the caller's own exports; the owner's is still being prepared.
      {Method::kGet, "/api/v1/me/exports", fixed("/api/v1/me/exports"), "", 401, 200, 200, 200},
      {Method::kPost, "/api/v1/me/exports", fixed("/api/v1/me/exports"), "", 401, 202, 202, 409},
      {Method::kGet, "/api/v1/me/exports/{id}",
       [this] { return "/api/v1/me/exports/" + owner_export_; }, "", 401, 404, 404, 200},
      {Method::kGet, "/api/v1/me/exports/{id}/download",
       [this] { return "/api/v1/me/exports/" + owner_export_ + "/download"; }, "", 401, 404, 404,
       409},
      {Method::kPost, "/api/v1/me/import", fixed("/api/v1/me/import"), "not a zip", 401, 422, 422,
       422, ContentType("application/zip")},
      //
      //
      //
      //
  };
  // Logging out ends the session it is called with: give each role a fresh one.
  std::erase_if(table, [](const Expectation& e) { return e.target == nullptr; });

  std::set<std::pair<Method, std::string>> covered;
  for (const auto& e : table) covered.insert({e.method, e.path});
  for (const auto& route : h_.app().http->router().routes()) {
    // These end the caller's own sessions: they have their own tests below.
    if (route.spec.path == "/api/v1/auth/logout") continue;
    if (route.spec.method == Method::kDelete && route.spec.path == "/api/v1/me/sessions") continue;
    EXPECT_TRUE(covered.contains({route.spec.method, route.spec.path}))
        << "no authorization expectations for " << platform::http::MethodName(route.spec.method)
        << " " << route.spec.path;
  }

  for (const auto& e : table) {
    std::string name = std::string(platform::http::MethodName(e.method)) + " " + e.path;
    auto check = [&](Browser* who, int expected, const char* role) {
      int got = StatusFor(who, e);
      if (expected == kPublic) {
        EXPECT_TRUE(got != 401 && got != 403) << name << " as " << role << ": " << got;
      } else {
        EXPECT_EQ(got, expected) << name << " as " << role;
      }
    };
    check(nullptr, e.anonymous, "anonymous");
    check(&other_, e.other, "another user");
    check(&admin_, e.admin, "admin");
    check(&owner_, e.owner, "owner");
  }
}

TEST_F(AuthorizationMatrixTest, LogoutNeedsASessionAndEndsOnlyThatOne) {
  Browser anonymous;
  EXPECT_EQ(h_.Post(anonymous, "/api/v1/auth/logout", "").status, 401);
  EXPECT_EQ(h_.Post(other_, "/api/v1/auth/logout", "").status, 204);
  EXPECT_EQ(h_.Get(other_, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/me").status, 200);
}

TEST_F(AuthorizationMatrixTest, SignOutEverywhereEndsOnlyTheCallersSessions) {
  Browser anonymous;
  EXPECT_EQ(h_.Call(anonymous, Method::kDelete, "/api/v1/me/sessions").status, 401);
  Browser owner_phone;
  h_.SignIn(owner_phone, "owner");
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/me/sessions").status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(owner_phone, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.Get(other_, "/api/v1/me").status, 200);
  EXPECT_EQ(h_.Get(admin_, "/api/v1/me").status, 200);
}

TEST_F(AuthorizationMatrixTest, ListsNeverShowAnotherUsersItems) {
  auto sessions = h_.Get(other_, "/api/v1/me/sessions").body;
  EXPECT_EQ(sessions.find(owner_session_), std::string::npos);
  auto tokens = h_.Get(other_, "/api/v1/me/tokens").body;
  EXPECT_EQ(tokens.find(owner_token_), std::string::npos);
  auto exercises = h_.Get(other_, "/api/v1/exercises?q=owner").body;
  EXPECT_EQ(exercises.find(owner_exercise_), std::string::npos);
  for (const char* list : {"/api/v1/workouts", "/api/v1/routines", "/api/v1/programs",
                           "/api/v1/measurements?kind=weight", "/api/v1/measurements/kinds",
                           "/api/v1/changes", "/api/v1/goals", "/api/v1/recipes"}) {
    auto theirs = h_.Get(other_, list);
    EXPECT_EQ(theirs.status, 200) << list;
    EXPECT_EQ(theirs.Json()["items"].as_array().size(), 0u) << list << ": " << theirs.body;
  }
  auto last_sets = h_.Get(other_, "/api/v1/exercises/barbell-back-squat/last-sets").Json();
  EXPECT_EQ(last_sets["workout_id"], nullptr);
  auto me = h_.Get(other_, "/api/v1/me").Json();
  EXPECT_EQ(me["username"], "other");
}

TEST_F(AuthorizationMatrixTest, TokensReachOnlyTheirScopesAndNeverSessionOnlyRoutes) {
  auto created =
      h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"cli","scopes":["workouts:read"]})");
  ASSERT_EQ(created.status, 201);
  Browser cli;
  cli.bearer = std::string(created.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(cli, "/api/v1/me").status, 403);  // lacks profile:read
  EXPECT_EQ(h_.Get(cli, "/api/v1/me/sessions").status, 403);
  EXPECT_EQ(h_.Get(cli, "/api/v1/admin/users").status, 403);
  EXPECT_EQ(h_.Get(cli, "/api/v1/changes").status, 200);  // its kinds only (changes_test)

  auto profile = h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"p","scopes":["profile:read"]})");
  Browser reader;
  reader.bearer = std::string(profile.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(reader, "/api/v1/me").status, 200);
  EXPECT_EQ(h_.Get(reader, "/api/v1/events").status, 403);   // session only
  EXPECT_EQ(h_.Get(reader, "/api/v1/changes").status, 403);  // neither workouts nor body read
  Browser forged;
  forged.bearer = "vgr_pat_not-a-real-token";
  EXPECT_EQ(h_.Get(forged, "/api/v1/me").status, 401);
}

// Deny by default: GETs never change anything, so a crafted link cannot act for a user.
TEST_F(AuthorizationMatrixTest, ReadsNeverWrite) {
  auto before = h_.app().database->Stats().writes_committed;
  for (const auto& route : h_.app().http->router().routes()) {
    if (route.spec.method != Method::kGet || route.spec.path.find('{') != std::string::npos) {
      continue;
    }
    h_.Get(admin_, route.spec.path);
    h_.Get(owner_, route.spec.path);
  }
  EXPECT_EQ(h_.app().database->Stats().writes_committed, before);
}

}  // namespace
}  // namespace vigor
