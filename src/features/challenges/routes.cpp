#include "features/challenges/routes.hpp"

#include "features/challenges/json_codec.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::challenges {

namespace http = platform::http;
using RouteAccess = http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;
using platform::Error;
using platform::ErrorKind;

namespace {

ChallengeFilter FilterOf(const Request& request) {
  ChallengeFilter filter;
  platform::FieldErrors errors;
  if (auto status = request.QueryParam("status")) {
    filter.status = ParseStatus(*status);
    if (!filter.status) errors.Add("status", Msg("challenge_status_invalid"));
  }
  if (auto club = request.QueryParam("club_id"); club && !club->empty()) filter.club_id = *club;
  if (auto mine = request.QueryParam("mine")) {
    if (*mine == "true") {
      filter.mine = true;
    } else if (*mine != "false") {
      errors.Add("mine", Msg("challenge_mine_invalid"));
    }
  }
  errors.ThrowIfAny();
  return filter;
}

// Who asks a read that anyone may make: nullopt for the anonymous.
std::optional<std::string> ViewerOf(const RequestContext& ctx) {
  if (!ctx.principal) return std::nullopt;
  return ctx.principal->user_id;
}

}  // namespace

void RegisterChallengeRoutes(http::Router& router, ChallengeService& challenges) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/challenges",
              .access = RouteAccess::kAuthenticated,
              .scope = "social:read"},
             [&challenges](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               auto filter = FilterOf(request);
               std::optional<std::string> cursor;
               if (!page.cursor.empty()) cursor = page.cursor;
               return http::Json(200, EncodeChallengePage(
                                          challenges.List(ctx.User(), filter, cursor, page.limit)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/challenges",
              .access = RouteAccess::kAuthenticated,
              .scope = "social:write"},
             [&challenges](const Request& request, RequestContext& ctx) {
               auto input = DecodeChallengeInput(http::ParseJsonObject(request));
               return http::Json(201, EncodeChallenge(challenges.Create(ctx.User(), input)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/challenges/{id}",
              .access = RouteAccess::kPublic,
              .scope = "social:read"},
             [&challenges](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeChallenge(challenges.Get(ViewerOf(ctx), ctx.Param("id"))));
             });
  router.Add({.method = Method::kPatch,
              .path = "/api/v1/challenges/{id}",
              .access = RouteAccess::kAuthenticated,
              .scope = "social:write"},
             [&challenges](const Request& request, RequestContext& ctx) {
               auto patch = DecodeChallengePatch(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodeChallenge(challenges.Update(ctx.User(), ctx.Param("id"), patch)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/challenges/{id}",
              .access = RouteAccess::kAuthenticated,
              .scope = "social:write"},
             [&challenges](const Request&, RequestContext& ctx) {
               challenges.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/challenges/{id}/membership",
              .access = RouteAccess::kAuthenticated,
              .scope = "social:write"},
             [&challenges](const Request& request, RequestContext& ctx) {
               auto body = http::ParseJsonObject(request);
               platform::FieldErrors errors;
               http::JsonFields f(body, errors);
               bool count_private = f.Bool("count_private", false).value_or(false);
               f.RejectUnknown({"count_private"});
               errors.ThrowIfAny();
               return http::Json(200, EncodeMembership(challenges.Join(ctx.User(), ctx.Param("id"),
                                                                       count_private)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/challenges/{id}/membership",
              .access = RouteAccess::kAuthenticated,
              .scope = "social:write"},
             [&challenges](const Request&, RequestContext& ctx) {
               challenges.Leave(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });
  router.Add(
      {.method = Method::kPost,
       .path = "/api/v1/challenges/{id}/invites",
       .access = RouteAccess::kAuthenticated,
       .scope = "social:write"},
      [&challenges](const Request& request, RequestContext& ctx) {
        auto body = http::ParseJsonObject(request);
        platform::FieldErrors errors;
        http::JsonFields f(body, errors);
        auto username = f.String("username", {.required = true, .min_length = 1, .max_length = 64});
        f.RejectUnknown({"username"});
        errors.ThrowIfAny();
        bool created = challenges.Invite(ctx.User(), ctx.Param("id"), *username);
        return http::Json(created ? 201 : 200, {{"username", *username}, {"invited", created}});
      });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/challenges/{id}/leaderboard",
              .access = RouteAccess::kPublic,
              .scope = "social:read"},
             [&challenges](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request, 100, 500);
               return http::Json(200, EncodeLeaderboard(challenges.Board(
                                          ViewerOf(ctx), ctx.Param("id"), page.limit)));
             });
}

}  // namespace vigor::features::challenges
