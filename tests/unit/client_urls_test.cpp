// The URL rules of client apps, one worked case per rule (RFC 6749 3.1.2, RFC 8252 7 and 8.3).
#include "features/apps/client_urls.hpp"

#include <gtest/gtest.h>

namespace vigor::features::apps {
namespace {

using Problem = std::optional<std::string_view>;

TEST(RedirectUriTest, HttpsWithAHostIsAccepted) {
  EXPECT_EQ(RedirectUriProblem("https://app.example/oauth/callback?x=1"), Problem{});
  EXPECT_EQ(RedirectUriProblem("HTTPS://App.Example/cb"), Problem{});
  EXPECT_EQ(RedirectUriProblem("https:///cb"), Problem{"redirect_uri_invalid"});
}

TEST(RedirectUriTest, HttpOnlyOnALoopbackIpLiteral) {
  EXPECT_EQ(RedirectUriProblem("http://127.0.0.1:8123/cb"), Problem{});
  EXPECT_EQ(RedirectUriProblem("http://127.0.0.1/cb"), Problem{});
  EXPECT_EQ(RedirectUriProblem("http://[::1]:9000/cb"), Problem{});
  EXPECT_EQ(RedirectUriProblem("http://localhost:8000/cb"), Problem{"redirect_uri_scheme"});
  EXPECT_EQ(RedirectUriProblem("http://app.example/cb"), Problem{"redirect_uri_scheme"});
  EXPECT_EQ(RedirectUriProblem("http://127.0.0.2/cb"), Problem{"redirect_uri_scheme"});
}

TEST(RedirectUriTest, APrivateUseSchemeIsReverseDomain) {
  EXPECT_EQ(RedirectUriProblem("com.example.app:/oauth2redirect"), Problem{});
  EXPECT_EQ(RedirectUriProblem("com.example.app://callback"), Problem{});
  EXPECT_EQ(RedirectUriProblem("myapp:/cb"), Problem{"redirect_uri_scheme"});
  EXPECT_EQ(RedirectUriProblem("javascript:alert(1)"), Problem{"redirect_uri_scheme"});
  EXPECT_EQ(RedirectUriProblem("data:text/html,hi"), Problem{"redirect_uri_scheme"});
  EXPECT_EQ(RedirectUriProblem("file:///etc/passwd"), Problem{"redirect_uri_scheme"});
}

TEST(RedirectUriTest, NoFragmentNoUserInfoNoRelativeNoSpaces) {
  EXPECT_EQ(RedirectUriProblem("https://app.example/cb#top"), Problem{"redirect_uri_fragment"});
  EXPECT_EQ(RedirectUriProblem("https://u:p@app.example/cb"), Problem{"redirect_uri_invalid"});
  EXPECT_EQ(RedirectUriProblem("/cb"), Problem{"redirect_uri_invalid"});
  EXPECT_EQ(RedirectUriProblem("app.example/cb"), Problem{"redirect_uri_invalid"});
  EXPECT_EQ(RedirectUriProblem("https://app.example/c b"), Problem{"redirect_uri_invalid"});
  EXPECT_EQ(RedirectUriProblem(""), Problem{"redirect_uri_invalid"});
}

TEST(WebUrlTest, HttpsOrLocalhostOverHttp) {
  EXPECT_EQ(WebUrlProblem("https://app.example/logo.png"), Problem{});
  EXPECT_EQ(WebUrlProblem("http://localhost:5173/"), Problem{});
  EXPECT_EQ(WebUrlProblem("http://127.0.0.1/"), Problem{});
  EXPECT_EQ(WebUrlProblem("http://app.example/"), Problem{"app_url_https"});
  EXPECT_EQ(WebUrlProblem("ftp://app.example/"), Problem{"app_url_https"});
  EXPECT_EQ(WebUrlProblem("https://u@app.example/"), Problem{"app_url_user_info"});
  EXPECT_EQ(WebUrlProblem("/logo.png"), Problem{"app_url_invalid"});
  EXPECT_EQ(WebUrlProblem("https://app.example/#x"), Problem{"app_url_invalid"});
}

}  // namespace
}  // namespace vigor::features::apps
