#include "platform/http/router.hpp"

#include <gtest/gtest.h>

#include "platform/http/context.hpp"

namespace vigor::platform::http {
namespace {

Handler Answer(int status) {
  return [status](const Request&, RequestContext&) { return Response::Empty(status); };
}

Router SampleRouter() {
  Router router;
  router.Add({.method = Method::kGet, .path = "/api/v1/workouts", .access = Access::kAuthenticated},
             Answer(200));
  router.Add(
      {.method = Method::kGet, .path = "/api/v1/workouts/{id}", .access = Access::kAuthenticated},
      Answer(201));
  router.Add(
      {.method = Method::kPut, .path = "/api/v1/workouts/{id}", .access = Access::kAuthenticated},
      Answer(202));
  router.Add(
      {.method = Method::kGet, .path = "/api/v1/workouts/export", .access = Access::kAuthenticated},
      Answer(203));
  return router;
}

TEST(RouterTest, MatchesLiteralPath) {
  auto router = SampleRouter();
  auto match = router.Find(Method::kGet, "/api/v1/workouts");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->spec.path, "/api/v1/workouts");
  EXPECT_TRUE(match.params.items().empty());
}

TEST(RouterTest, ExtractsDecodedPathParameter) {
  auto router = SampleRouter();
  auto match = router.Find(Method::kGet, "/api/v1/workouts/abc%20def");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->spec.path, "/api/v1/workouts/{id}");
  EXPECT_EQ(match.params.Get("id"), "abc def");
}

TEST(RouterTest, LiteralSegmentBeatsParameter) {
  auto router = SampleRouter();
  auto match = router.Find(Method::kGet, "/api/v1/workouts/export");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->spec.path, "/api/v1/workouts/export");
}

TEST(RouterTest, WrongMethodListsAllowedMethods) {
  auto router = SampleRouter();
  auto match = router.Find(Method::kDelete, "/api/v1/workouts/42");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"GET", "HEAD", "PUT"}));
}

TEST(RouterTest, HeadIsServedByGetRoute) {
  auto router = SampleRouter();
  auto match = router.Find(Method::kHead, "/api/v1/workouts/7");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->spec.method, Method::kGet);
}

TEST(RouterTest, UnknownPathMatchesNothing) {
  auto router = SampleRouter();
  auto match = router.Find(Method::kGet, "/api/v1/nothing");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.allowed.empty());
}

TEST(RouterTest, RejectsTraversalAndEncodedSlashes) {
  auto router = SampleRouter();
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/workouts/..").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/workouts/%2e%2e").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/workouts/a%2Fb").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/workouts/a%00").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/workouts/%zz").route, nullptr);
}

TEST(RouterTest, RouteWithoutAccessIsRefused) {
  Router router;
  EXPECT_THROW(router.Add({.method = Method::kGet, .path = "/x"}, Answer(200)), std::logic_error);
}

TEST(RouterTest, DuplicateRouteIsRefused) {
  Router router;
  router.Add({.method = Method::kGet, .path = "/x/{a}", .access = Access::kPublic}, Answer(200));
  EXPECT_THROW(router.Add({.method = Method::kGet, .path = "/x/{b}", .access = Access::kPublic},
                          Answer(200)),
               std::logic_error);
}

}  // namespace
}  // namespace vigor::platform::http

namespace vigor::platform::http {
namespace {

// The tree walks every branch a path can take: a literal at one position and a parameter at
// another both match, and the route with more literal segments wins wherever they sit.
TEST(RouterTest, MostLiteralSegmentsWinAcrossBranches) {
  Router router;
  router.Add({.method = Method::kGet, .path = "/a/{x}/c", .access = Access::kPublic}, Answer(201));
  router.Add({.method = Method::kGet, .path = "/{y}/b/c", .access = Access::kPublic}, Answer(202));
  router.Add({.method = Method::kGet, .path = "/{y}/b/{z}", .access = Access::kPublic},
             Answer(203));
  auto match = router.Find(Method::kGet, "/a/b/c");
  ASSERT_NE(match.route, nullptr);
  // Two literal segments each for the first two: the first added wins the tie.
  EXPECT_EQ(match.route->spec.path, "/a/{x}/c");
  match = router.Find(Method::kGet, "/q/b/c");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->spec.path, "/{y}/b/c");
  ASSERT_EQ(match.params.items().size(), 1U);
  EXPECT_EQ(match.params.Get("y"), "q");
  match = router.Find(Method::kGet, "/q/b/zz");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.Get("z"), "zz");
  EXPECT_EQ(router.Find(Method::kGet, "/a/b").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/a/b/c/d").route, nullptr);
}

// Allow lists the path's methods in the order their routes were added, whichever branch each
// sits on.
TEST(RouterTest, AllowedMethodsInTheOrderRoutesWereAdded) {
  Router router;
  router.Add({.method = Method::kDelete, .path = "/{kind}/one", .access = Access::kPublic},
             Answer(204));
  router.Add({.method = Method::kPost, .path = "/things/{id}", .access = Access::kPublic},
             Answer(201));
  router.Add({.method = Method::kGet, .path = "/things/one", .access = Access::kPublic},
             Answer(200));
  auto match = router.Find(Method::kPatch, "/things/one");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"DELETE", "POST", "GET", "HEAD"}));
  Router moved = std::move(router);
  EXPECT_NE(moved.Find(Method::kGet, "/things/one").route, nullptr);
}

}  // namespace
}  // namespace vigor::platform::http
