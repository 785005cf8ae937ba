#include "features/goals/routes.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include "features/goals/json_codec.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::goals {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;
using platform::Error;
using platform::ErrorKind;

namespace {

// Goals share the ETags of the user's other resources: "g-REV".
constexpr std::string_view kGoalTag = "g";

Response GoalResponse(int status, const Goal& goal) {
  auto response = http::Json(status, EncodeGoal(goal));
  response.headers.Set("ETag", workouts::RevisionETag(kGoalTag, goal.rev));
  return response;
}

std::optional<std::string> IdempotencyKey(const Request& request) {
  auto key = request.headers.Get("Idempotency-Key");
  if (!key) return std::nullopt;
  bool printable =
      std::all_of(key->begin(), key->end(), [](char c) { return c > 0x20 && c < 0x7f; });
  if (key->empty() || key->size() > 200 || !printable) {
    throw Error(ErrorKind::kBadRequest, Msg("idempotency_key_invalid"));
  }
  return std::string(*key);
}

bool ArchivedOf(const Request& request) {
  auto status = request.QueryParam("status");
  if (!status || *status == "active") return false;
  if (*status == "archived") return true;
  throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
              {{"status", Msg("goal_status_invalid")}});
}

}  // namespace

void RegisterGoalRoutes(http::Router& router, GoalService& goals) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/goals",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&goals](const Request& request, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& goal : goals.List(ctx.User(), ArchivedOf(request))) {
                 items.push_back(EncodeGoal(goal));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/goals",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&goals](const Request& request, RequestContext& ctx) {
               auto key = IdempotencyKey(request);
               auto input = DecodeGoalInput(http::ParseJsonObject(request));
               auto outcome = goals.Create(ctx.User(), input, key);
               return GoalResponse(outcome.created ? 201 : 200, outcome.goal);
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/goals/preview",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&goals](const Request& request, RequestContext& ctx) {
               auto input = DecodeGoalInput(http::ParseJsonObject(request));
               return http::Json(200, EncodeGoalProgress(goals.Preview(ctx.User(), input)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/goals/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&goals](const Request&, RequestContext& ctx) {
               return GoalResponse(200, goals.Get(ctx.User(), ctx.Param("id")));
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/goals/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&goals](const Request& request, RequestContext& ctx) {
               auto input = DecodeGoalInput(http::ParseJsonObject(request));
               auto if_match = workouts::ParseIfMatch(request.headers.Get("If-Match"), kGoalTag);
               return GoalResponse(200,
                                   goals.Replace(ctx.User(), ctx.Param("id"), input, if_match));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/goals/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&goals](const Request&, RequestContext& ctx) {
               goals.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/goals/{id}/history",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&goals](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeGoalHistory(goals.History(ctx.User(), ctx.Param("id"))));
             });
}

}  // namespace vigor::features::goals
