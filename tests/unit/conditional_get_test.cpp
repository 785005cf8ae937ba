#include "platform/http/conditional_get.hpp"

#include <gtest/gtest.h>

namespace vigor::platform::http {
namespace {

Request Get(std::string target) {
  Request r;
  r.target = std::move(target);
  return r;
}

Response JsonOk(std::string body) { return Response::JsonText(200, std::move(body)); }

TEST(ConditionalGetTest, TheValidatorIsBlake2bOfReaderAndBody) {
  // Worked out apart with Python's hashlib:
  // hashlib.blake2b(b"u1\0{}", digest_size=16).hexdigest()
  EXPECT_EQ(RepresentationETag("u1", "{}"), "\"d80d33ba046a7e1d568488b0b7ed5bbb\"");
}

TEST(ConditionalGetTest, IfNoneMatchComparesWeaklyAndListed) {
  EXPECT_TRUE(IfNoneMatchMatches("\"ab\"", "\"ab\""));
  EXPECT_TRUE(IfNoneMatchMatches("W/\"ab\"", "\"ab\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\" ,\t\"ab\"", "\"ab\""));
  EXPECT_TRUE(IfNoneMatchMatches("*", "\"ab\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"abc\"", "\"ab\""));
  EXPECT_FALSE(IfNoneMatchMatches("ab", "\"ab\""));
  EXPECT_FALSE(IfNoneMatchMatches(std::nullopt, "\"ab\""));
  EXPECT_FALSE(IfNoneMatchMatches("", "\"ab\""));
}

TEST(ConditionalGetTest, OnlyJsonReadsOfTheApiAnswered200AreCacheable) {
  EXPECT_TRUE(IsCacheableRead(Get("/api/v1/me"), JsonOk("{}")));
  auto head = Get("/api/v1/me");
  head.method = Method::kHead;
  EXPECT_TRUE(IsCacheableRead(head, JsonOk("{}")));
  auto post = Get("/api/v1/workouts");
  post.method = Method::kPost;
  EXPECT_FALSE(IsCacheableRead(post, JsonOk("{}")));
  EXPECT_FALSE(IsCacheableRead(Get("/healthz"), JsonOk("{}")));
  EXPECT_FALSE(IsCacheableRead(Get("/api/v1/auth/session"), JsonOk("{}")));
  EXPECT_FALSE(IsCacheableRead(Get("/api/v1/me"), Response::JsonText(201, "{}")));
  EXPECT_FALSE(IsCacheableRead(Get("/api/v1/me/export"), Response::Text(200, "x")));
  auto download = JsonOk("{}");
  download.headers.Set("Content-Disposition", "attachment; filename=x.json");
  EXPECT_FALSE(IsCacheableRead(Get("/api/v1/x"), download));
  auto versioned = JsonOk("{}");
  versioned.headers.Set("ETag", "\"w-3\"");
  EXPECT_FALSE(IsCacheableRead(Get("/api/v1/workouts/1"), versioned));
  auto secret = JsonOk("{}");
  secret.headers.Set("Cache-Control", "no-store");
  EXPECT_FALSE(IsCacheableRead(Get("/api/v1/x"), secret));
  auto public_revalidated = JsonOk("{}");
  public_revalidated.headers.Set("Cache-Control", "no-cache");
  EXPECT_TRUE(IsCacheableRead(Get("/api/v1/meta"), public_revalidated));
  EXPECT_TRUE(
      IsCacheableRead(Get("/api/v1/x"), Response::JsonText(200, "{}", "application/problem+json")));
}

TEST(ConditionalGetTest, AMatchIsA304WithTheHeadersAndNoBody) {
  auto request = Get("/api/v1/me");
  std::string etag = RepresentationETag("u1", "{\"a\":1}");
  request.headers.Add("If-None-Match", etag);
  auto response = JsonOk("{\"a\":1}");
  ApplyConditionalGet(request, "u1", response);
  EXPECT_EQ(response.status, 304);
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(response.headers.Get("ETag"), etag);
  EXPECT_EQ(response.headers.Get("Cache-Control"), "private, no-cache");
  EXPECT_EQ(response.headers.Get("Vary"), "Authorization, Cookie, Accept-Language");
  EXPECT_FALSE(response.headers.Has("Content-Type"));

  auto other_reader = JsonOk("{\"a\":1}");
  ApplyConditionalGet(request, "u2", other_reader);
  EXPECT_EQ(other_reader.status, 200);
  EXPECT_EQ(other_reader.body, "{\"a\":1}");
  EXPECT_NE(other_reader.headers.Get("ETag"), etag);
}

}  // namespace
}  // namespace vigor::platform::http
