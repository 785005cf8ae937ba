#include "features/feed/routes.hpp"

#include <algorithm>
#include <cctype>

#include "core/limits.hpp"
#include "features/feed/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::feed {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

// Ids are UUIDs, stored lowercase.
std::string IdParam(RequestContext& ctx) {
  std::string id = ctx.Param("id");
  std::transform(id.begin(), id.end(), id.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return id;
}

// {"body": "..."}: 1 to kCommentLength characters, line breaks allowed.
std::string CommentBody(const Request& request) {
  http::JsonBody json(request);
  auto body = json.String("body", {.required = true,
                                   .min_length = 1,
                                   .max_length = core::limits::kCommentLength,
                                   .text = http::JsonFields::Text::kMultiLine});
  json.Finish({"body"});
  return body.value_or("");
}

}  // namespace

void RegisterRoutes(http::Router& router, FeedService& feed) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/feed",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&feed](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request, 20, 50);
               return http::Json(200,
                                 EncodeFeedPage(feed.Page(ctx.User(), page.cursor, page.limit)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/feed-items/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&feed](const Request&, RequestContext& ctx) {
               auto page = feed.Item(ctx.User(), IdParam(ctx));
               return http::Json(200, EncodeFeedItem(page.items.front(), page.owners));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/feed-items/{id}/kudos",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&feed](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(200, EncodeKudosPage(feed.Givers(ctx.User(), IdParam(ctx),
                                                                  page.cursor, page.limit)));
             });

  router.Add({.method = Method::kPut,
              .path = "/api/v1/feed-items/{id}/kudos",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&feed](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeKudosState(feed.GiveKudos(ctx.User(), IdParam(ctx))));
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/feed-items/{id}/kudos",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&feed](const Request&, RequestContext& ctx) {
               feed.TakeKudos(ctx.User(), IdParam(ctx));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/feed-items/{id}/comments",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&feed](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(200, EncodeCommentPage(feed.Comments(ctx.User(), IdParam(ctx),
                                                                      page.cursor, page.limit)));
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/feed-items/{id}/comments",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&feed](const Request& request, RequestContext& ctx) {
               auto body = CommentBody(request);
               auto page = feed.AddComment(ctx.User(), IdParam(ctx), body);
               return http::Json(201, EncodeComment(page.items.front(), page.authors));
             });

  router.Add({.method = Method::kPatch,
              .path = "/api/v1/comments/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&feed](const Request& request, RequestContext& ctx) {
               auto body = CommentBody(request);
               auto page = feed.EditComment(ctx.User(), IdParam(ctx), body);
               return http::Json(200, EncodeComment(page.items.front(), page.authors));
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/comments/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&feed](const Request&, RequestContext& ctx) {
               feed.DeleteComment(ctx.User(), IdParam(ctx));
               return Response::Empty(204);
             });
}

}  // namespace vigor::features::feed
