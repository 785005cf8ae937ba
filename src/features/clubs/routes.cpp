#include "features/clubs/routes.hpp"

#include <boost/json/array.hpp>

#include "core/limits.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::clubs {

namespace http = platform::http;
namespace limits = core::limits;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

namespace {

using Viewer = ClubService::Viewer;

Viewer ViewerOf(const RequestContext& ctx) {
  if (ctx.principal) return ctx.principal->user_id;
  return std::nullopt;
}

boost::json::object CardJson(const social::UserCard& card) {
  boost::json::object o{{"username", card.username}, {"display_name", card.display_name}};
  if (card.avatar_url) o["avatar_url"] = *card.avatar_url;
  return o;
}

boost::json::object ClubJson(const ClubView& view) {
  const auto& c = view.club;
  boost::json::object o{{"id", c.id},
                        {"name", c.name},
                        {"description", c.description},
                        {"access", c.access},
                        {"created_at", c.created_at},
                        {"member_count", c.member_count}};
  if (view.owner) o["owner"] = CardJson(*view.owner);
  if (view.mine) {
    o["my_role"] = view.mine->role;
    o["my_state"] = view.mine->state;
  }
  return o;
}

boost::json::object PageJson(boost::json::array items, const std::optional<std::string>& next) {
  boost::json::object o{{"items", std::move(items)}};
  o["next_cursor"] = next ? boost::json::value(*next) : boost::json::value(nullptr);
  return o;
}

boost::json::object ClubPageJson(const ClubPage& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(ClubJson(item));
  return PageJson(std::move(items), page.next_cursor);
}

boost::json::object MemberJson(const MemberView& view) {
  return {{"user", CardJson(view.user)},
          {"role", view.membership.role},
          {"state", view.membership.state},
          {"joined_at", view.membership.joined_at}};
}

boost::json::object MemberPageJson(const MemberPage& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(MemberJson(item));
  return PageJson(std::move(items), page.next_cursor);
}

boost::json::object PostJson(const PostView& view) {
  boost::json::object o{{"id", view.post.id},
                        {"author", CardJson(view.author)},
                        {"body", view.post.body},
                        {"created_at", view.post.created_at},
                        {"may_delete", view.may_delete}};
  if (view.post.edited_at) o["edited_at"] = *view.post.edited_at;
  return o;
}

boost::json::object PostPageJson(const PostPage& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(PostJson(item));
  return PageJson(std::move(items), page.next_cursor);
}

void CheckOneOf(http::JsonBody& body, std::string_view field,
                const std::optional<std::string>& value, std::initializer_list<std::string> allowed,
                const std::string& values, const std::string& last) {
  if (!value) return;
  for (const auto& a : allowed) {
    if (*value == a) return;
  }
  body.field_errors().Add(std::string(field), Msg("one_of", {{"values", values}, {"last", last}}));
}

ClubInput DecodeClubInput(const Request& request, bool creating) {
  http::JsonBody body(request);
  ClubInput input;
  input.name = body.String(
      "name", {.required = creating, .min_length = 1, .max_length = limits::kClubNameLength});
  input.description = body.String("description", {.required = false,
                                                  .min_length = 0,
                                                  .max_length = limits::kClubDescriptionLength,
                                                  .text = http::JsonFields::Text::kMultiLine});
  input.access = body.String("access", {.required = false, .min_length = 1, .max_length = 20});
  CheckOneOf(body, "access", input.access, {"public", "private"}, "public", "private");
  body.Finish({"name", "description", "access"});
  return input;
}

}  // namespace

void RegisterClubRoutes(http::Router& router, ClubService& service) {
  // Reads answer the anonymous too (a public club is for everyone); a signed-in caller is known
  // to them (the route names a scope).
  router.Add({.method = Method::kGet,
              .path = "/api/v1/clubs",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&service](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               auto mine = request.QueryParam("mine");
               auto q = request.QueryParam("q").value_or("");
               if (q.size() > limits::kClubNameLength) q.resize(limits::kClubNameLength);
               return http::Json(
                   200, ClubPageJson(service.List(ViewerOf(ctx), mine && *mine == "true", q,
                                                  page.cursor, page.limit)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/clubs",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request& request, RequestContext& ctx) {
               auto input = DecodeClubInput(request, true);
               return http::Json(201, ClubJson(service.Create(ctx.User().user_id, input)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/clubs/{id}",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&service](const Request&, RequestContext& ctx) {
               return http::Json(200, ClubJson(service.Get(ViewerOf(ctx), ctx.Param("id"))));
             });
  router.Add({.method = Method::kPatch,
              .path = "/api/v1/clubs/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request& request, RequestContext& ctx) {
               auto patch = DecodeClubInput(request, false);
               return http::Json(
                   200, ClubJson(service.Update(ctx.User().user_id, ctx.Param("id"), patch)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/clubs/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               service.Delete(ctx.User().user_id, ctx.Param("id"));
               return http::Response::Empty(204);
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/clubs/{id}/membership",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               return http::Json(200, ClubJson(service.Join(ctx.User().user_id, ctx.Param("id"))));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/clubs/{id}/membership",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               service.Leave(ctx.User().user_id, ctx.Param("id"));
               return http::Response::Empty(204);
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/clubs/{id}/members",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&service](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(200, MemberPageJson(service.Members(ViewerOf(ctx), ctx.Param("id"),
                                                                     page.cursor, page.limit)));
             });
  router.Add(
      {.method = Method::kPatch,
       .path = "/api/v1/clubs/{id}/members/{username}",
       .access = Access::kAuthenticated,
       .scope = "social:write"},
      [&service](const Request& request, RequestContext& ctx) {
        http::JsonBody body(request);
        auto role = body.String("role", {.required = true, .min_length = 1, .max_length = 20});
        CheckOneOf(body, "role", role, {"owner", "admin", "member"}, "owner, admin", "member");
        body.Finish({"role"});
        return http::Json(200, MemberJson(service.SetRole(ctx.User().user_id, ctx.Param("id"),
                                                          ctx.Param("username"), *role)));
      });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/clubs/{id}/members/{username}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               service.RemoveMember(ctx.User().user_id, ctx.Param("id"), ctx.Param("username"));
               return http::Response::Empty(204);
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/clubs/{id}/requests",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&service](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(
                   200, MemberPageJson(service.Requests(ctx.User().user_id, ctx.Param("id"),
                                                        page.cursor, page.limit)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/clubs/{id}/requests/{username}/approve",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 MemberJson(service.Approve(ctx.User().user_id, ctx.Param("id"),
                                                            ctx.Param("username"))));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/clubs/{id}/requests/{username}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               service.Decline(ctx.User().user_id, ctx.Param("id"), ctx.Param("username"));
               return http::Response::Empty(204);
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/clubs/{id}/posts",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&service](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               return http::Json(200, PostPageJson(service.Posts(ViewerOf(ctx), ctx.Param("id"),
                                                                 page.cursor, page.limit)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/clubs/{id}/posts",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto text = body.String("body", {.required = true,
                                                .min_length = 1,
                                                .max_length = limits::kClubPostLength,
                                                .text = http::JsonFields::Text::kMultiLine});
               body.Finish({"body"});
               return http::Json(
                   201, PostJson(service.CreatePost(ctx.User().user_id, ctx.Param("id"), *text)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/clubs/{id}/posts/{post_id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&service](const Request&, RequestContext& ctx) {
               service.DeletePost(ctx.User().user_id, ctx.Param("id"), ctx.Param("post_id"));
               return http::Response::Empty(204);
             });
}

}  // namespace vigor::features::clubs
