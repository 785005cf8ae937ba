// Conditional GETs of the API's JSON reads (issue 17): a cacheable read carries a strong ETag,
// Cache-Control "private, no-cache" and a Vary naming the credentials; the same read with
// If-None-Match naming that ETag is a 304 with the same headers and no body; a change gives a 200
// with a new ETag; one user's ETag never earns another user a 304, even for the same bytes.
#include "platform/http/conditional_get.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

Headers IfNoneMatch(const std::string& value) {
  Headers h;
  h.Add("If-None-Match", value);
  return h;
}

std::string Header(const Reply& r, std::string_view name) {
  return std::string(r.headers.Get(name).value_or(""));
}

std::string WorkoutBody(const std::string& title, const std::string& day) {
  return R"({"title":")" + title + R"(","started_at":")" + day +
         R"(T07:30:00Z","blocks":[{"exercise_id":"barbell-back-squat","sets":[{"reps":5,"weight_kg":100}]}]})";
}

class ConditionalGetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ada");
    h_.SignIn(ada_, "ada");
    h_.CreateUser("bob");
    h_.SignIn(bob_, "bob");
  }

  // A 200 that is a cacheable read: a quoted 32-digit hex ETag and the caching headers.
  static std::string ExpectCacheable(const Reply& r, const std::string& what) {
    EXPECT_EQ(r.status, 200) << what << ": " << r.body;
    std::string etag = Header(r, "ETag");
    EXPECT_TRUE(std::regex_match(etag, std::regex("\"[0-9a-f]{32}\""))) << what << ": " << etag;
    EXPECT_EQ(Header(r, "Cache-Control"), "private, no-cache") << what;
    EXPECT_EQ(Header(r, "Vary"), "Authorization, Cookie, Accept-Language") << what;
    return etag;
  }

  // The same read again with If-None-Match: a 304 without a body and with the 200's headers.
  void ExpectNotModified(Browser& b, const std::string& target, const std::string& etag,
                         const std::string& cache_control = "private, no-cache") {
    auto r = h_.Call(b, Method::kGet, target, {}, IfNoneMatch(etag));
    EXPECT_EQ(r.status, 304) << target << ": " << r.body;
    EXPECT_EQ(r.body, "") << target;
    EXPECT_EQ(Header(r, "ETag"), etag) << target;
    EXPECT_EQ(Header(r, "Cache-Control"), cache_control) << target;
    EXPECT_EQ(Header(r, "Vary"), "Authorization, Cookie, Accept-Language") << target;
    EXPECT_FALSE(r.headers.Has("Content-Type")) << target;
  }

  AppHarness h_;
  Browser ada_, bob_;
};

TEST_F(ConditionalGetTest, MeIsA304UntilItChanges) {
  auto first = h_.Get(ada_, "/api/v1/me");
  std::string etag = ExpectCacheable(first, "/me");
  EXPECT_EQ(Header(h_.Get(ada_, "/api/v1/me"), "ETag"), etag) << "same answer, same validator";
  ExpectNotModified(ada_, "/api/v1/me", etag);
  // RFC 9110: If-None-Match compares weakly and may list several validators.
  EXPECT_EQ(h_.Call(ada_, Method::kGet, "/api/v1/me", {}, IfNoneMatch("W/" + etag)).status, 304);
  EXPECT_EQ(h_.Call(ada_, Method::kGet, "/api/v1/me", {}, IfNoneMatch("\"0123\", " + etag)).status,
            304);
  EXPECT_EQ(h_.Call(ada_, Method::kGet, "/api/v1/me", {}, IfNoneMatch("\"0123\"")).status, 200);

  auto patch =
      h_.Call(ada_, Method::kPatch, "/api/v1/me", R"({"preferences":{"weight_unit":"lb"}})");
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_NE(Header(patch, "Cache-Control"), "private, no-cache") << "a write is never cached";
  auto after = h_.Call(ada_, Method::kGet, "/api/v1/me", {}, IfNoneMatch(etag));
  EXPECT_EQ(after.status, 200) << "the old validator no longer matches";
  EXPECT_EQ(after.Json()["preferences"].as_object().at("weight_unit"), "lb");
  std::string changed = ExpectCacheable(after, "/me after the change");
  EXPECT_NE(changed, etag);
  ExpectNotModified(ada_, "/api/v1/me", changed);
}

TEST_F(ConditionalGetTest, TheWorkoutListIsA304UntilAWorkoutIsAdded) {
  ASSERT_EQ(h_.Post(ada_, "/api/v1/workouts", WorkoutBody("Legs", "2026-03-02")).status, 201);
  const std::string list = "/api/v1/workouts?limit=20";
  std::string etag = ExpectCacheable(h_.Get(ada_, list), "list");
  ExpectNotModified(ada_, list, etag);
  // A bearer token of the same user: the same bytes for the same reader, so the same validator.
  auto token = h_.Post(ada_, "/api/v1/me/tokens", R"({"name":"t","scopes":["workouts:read"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser api;
  api.bearer = std::string(token.Json()["token"].as_string());
  ExpectNotModified(api, list, etag);

  ASSERT_EQ(h_.Post(ada_, "/api/v1/workouts", WorkoutBody("Back", "2026-03-04")).status, 201);
  auto after = h_.Call(ada_, Method::kGet, list, {}, IfNoneMatch(etag));
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.Json()["items"].as_array().size(), 2u);
  EXPECT_NE(ExpectCacheable(after, "list after a new workout"), etag);
}

// /me, the history's pages and the dashboard are answered from memory with the ETag kept beside
// the body: each answer's ETag must still be the validator of the very bytes it came with, before
// and after a change.
TEST_F(ConditionalGetTest, AnswersKeptInMemoryCarryTheValidatorOfTheirOwnBytes) {
  std::string ada_id(h_.Get(ada_, "/api/v1/me").Json()["id"].as_string());
  auto expect_own_validator = [&](const std::string& target, const std::string& when) {
    auto r = h_.Get(ada_, target);
    std::string etag = ExpectCacheable(r, target + " " + when);
    EXPECT_EQ(etag, platform::http::RepresentationETag(ada_id, r.body)) << target << " " << when;
    return etag;
  };
  for (const std::string target :
       {"/api/v1/me", "/api/v1/workouts?limit=20", "/api/v1/dashboard"}) {
    std::string first = expect_own_validator(target, "first");
    EXPECT_EQ(expect_own_validator(target, "again, from memory"), first) << target;
    ExpectNotModified(ada_, target, first);
  }
  std::string list_before = expect_own_validator("/api/v1/workouts?limit=20", "before");
  std::string home_before = expect_own_validator("/api/v1/dashboard", "before");
  ASSERT_EQ(h_.Post(ada_, "/api/v1/workouts", WorkoutBody("Legs", "2026-03-02")).status, 201);
  EXPECT_NE(expect_own_validator("/api/v1/workouts?limit=20", "after a workout"), list_before);
  EXPECT_NE(expect_own_validator("/api/v1/dashboard", "after a workout"), home_before);
  EXPECT_EQ(h_.Call(ada_, Method::kGet, "/api/v1/dashboard", {}, IfNoneMatch(home_before)).status,
            200);
}

TEST_F(ConditionalGetTest, AnotherUsersValidatorNeverMatches) {
  // Two users with no workouts get the very same bytes; the validators still differ, because
  // each is keyed by its reader, so neither can learn from a 304 what the other was answered.
  const std::string list = "/api/v1/workouts?limit=20";
  auto ada = h_.Get(ada_, list);
  auto bob = h_.Get(bob_, list);
  ASSERT_EQ(ada.body, bob.body);
  std::string ada_etag = ExpectCacheable(ada, "ada's list");
  std::string bob_etag = ExpectCacheable(bob, "bob's list");
  EXPECT_NE(ada_etag, bob_etag);
  auto stolen = h_.Call(bob_, Method::kGet, list, {}, IfNoneMatch(ada_etag));
  EXPECT_EQ(stolen.status, 200);
  EXPECT_EQ(stolen.body, bob.body);
  EXPECT_EQ(h_.Call(bob_, Method::kGet, "/api/v1/me", {}, IfNoneMatch(ada_etag)).status, 200);
  // A public route that knows no reader (/meta: the instance's settings) answers everyone the
  // same bytes with the same validator: nothing in it belongs to anyone.
  Browser anonymous;
  std::string public_etag = Header(h_.Get(anonymous, "/api/v1/meta"), "ETag");
  EXPECT_EQ(Header(h_.Get(ada_, "/api/v1/meta"), "ETag"), public_etag);
  EXPECT_EQ(h_.Call(ada_, Method::kGet, "/api/v1/meta", {}, IfNoneMatch(public_etag)).status, 304);
}

TEST_F(ConditionalGetTest, MetaKeepsItsPublicNoCache) {
  Browser anonymous;
  auto meta = h_.Get(anonymous, "/api/v1/meta");
  ASSERT_EQ(meta.status, 200);
  EXPECT_EQ(Header(meta, "Cache-Control"), "no-cache");
  ExpectNotModified(anonymous, "/api/v1/meta", Header(meta, "ETag"), "no-cache");
}

TEST_F(ConditionalGetTest, OnlyCacheableReadsAreTouched) {
  // A 404 with If-None-Match "*": no validator, not a 304, still never stored.
  auto missing =
      h_.Call(ada_, Method::kGet, "/api/v1/workouts/0190b7c2-0000-7000-8000-000000000000", {},
              IfNoneMatch("*"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_FALSE(missing.headers.Has("ETag"));
  EXPECT_EQ(Header(missing, "Cache-Control"), "no-store");
  // A workout keeps its own ETag (its rev, for If-Match) and is answered in full: its rev does
  // not cover every byte of its answer (the names of its exercises, say), so it is no validator
  // of the body.
  auto created = h_.Post(ada_, "/api/v1/workouts", WorkoutBody("Legs", "2026-03-02"));
  ASSERT_EQ(created.status, 201);
  std::string id(created.Json()["id"].as_string());
  auto read = h_.Get(ada_, "/api/v1/workouts/" + id);
  std::string rev_etag = Header(created, "ETag");
  EXPECT_EQ(Header(read, "ETag"), rev_etag);
  EXPECT_EQ(Header(read, "Cache-Control"), "no-store");
  auto again = h_.Call(ada_, Method::kGet, "/api/v1/workouts/" + id, {}, IfNoneMatch(rev_etag));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, read.body);
  // Outside the API (operations) nothing changes.
  auto healthz = h_.Get(ada_, "/healthz");
  EXPECT_FALSE(healthz.headers.Has("ETag"));
}

TEST(ConditionalGetSwitchTest, OffMeansNoValidatorsAndNoStore) {
  AppHarness h([](platform::config::Config& c) { c.conditional_gets = false; });
  h.CreateUser("cyril");
  Browser cy;
  h.SignIn(cy, "cyril");
  auto me = h.Get(cy, "/api/v1/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_FALSE(me.headers.Has("ETag"));
  EXPECT_EQ(Header(me, "Cache-Control"), "no-store");
  EXPECT_EQ(h.Call(cy, Method::kGet, "/api/v1/me", {}, IfNoneMatch("*")).status, 200);
  // Answers kept in memory with their validator (/me, the history's pages) too.
  for (int twice = 0; twice < 2; ++twice) {
    auto me_again = h.Get(cy, "/api/v1/me");
    EXPECT_FALSE(me_again.headers.Has("ETag"));
    auto list = h.Get(cy, "/api/v1/workouts?limit=20");
    EXPECT_EQ(list.status, 200);
    EXPECT_FALSE(list.headers.Has("ETag"));
    EXPECT_EQ(Header(list, "Cache-Control"), "no-store");
    EXPECT_EQ(h.Call(cy, Method::kGet, "/api/v1/workouts?limit=20", {}, IfNoneMatch("*")).status,
              200);
  }
}

}  // namespace
}  // namespace vigor
