#include <algorithm>

#include "features/workouts/json_codec.hpp"
#include "features/workouts/revision.hpp"
#include "features/workouts/routes.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::workouts {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;
using platform::Error;
using platform::ErrorKind;

namespace {

Response WorkoutResponse(int status, const Workout& workout) {
  auto response = http::Json(status, EncodeWorkout(workout));
  response.headers.Set("ETag", RevisionETag(kWorkoutTag, workout.rev));
  return response;
}

// ?q=&kind=&from=&to=
WorkoutFilter ParseFilter(const Request& request) {
  platform::FieldErrors errors;
  WorkoutFilter filter;
  if (auto q = request.QueryParam("q")) {
    std::size_t length =
        std::count_if(q->begin(), q->end(), [](unsigned char c) { return (c & 0xC0) != 0x80; });
    if (length > 100) {
      errors.Add("q", Msg("at_most_100_characters"));
    } else if (!q->empty()) {
      filter.q = std::move(*q);
    }
  }
  if (auto kind = request.QueryParam("kind")) {
    filter.kind = ParseKind(*kind);
    if (!filter.kind) errors.Add("kind", Msg("workout_kind_invalid"));
  }
  for (auto [name, target] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    auto text = request.QueryParam(name);
    if (!text) continue;
    if (auto ms = platform::ParseRfc3339Ms(*text)) {
      *target = platform::FormatUtcMs(*ms);
    } else {
      errors.Add(name, Msg("date_time_invalid_midnight"));
    }
  }
  errors.ThrowIfAny();
  return filter;
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

}  // namespace

void RegisterWorkoutRoutes(http::Router& router, WorkoutService& workouts, HistoryPages& history) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/workouts",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&history](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               auto filter = ParseFilter(request);
               auto kept = history.Read(ctx.User(), filter, page.cursor, page.limit);
               ctx.known_etag = kept->etag;
               return Response::JsonText(200, kept->body);
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/workouts",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&workouts](const Request& request, RequestContext& ctx) {
               auto key = IdempotencyKey(request);
               auto input = DecodeWorkoutInput(http::ParseJsonObject(request));
               auto outcome = workouts.Create(ctx.User(), input, key);
               return WorkoutResponse(outcome.created ? 201 : 200, outcome.workout);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/workouts/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&workouts](const Request&, RequestContext& ctx) {
               return WorkoutResponse(200, workouts.Get(ctx.User(), ctx.Param("id")));
             });

  router.Add({.method = Method::kPut,
              .path = "/api/v1/workouts/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&workouts](const Request& request, RequestContext& ctx) {
               auto input = DecodeWorkoutInput(http::ParseJsonObject(request));
               auto outcome =
                   workouts.Put(ctx.User(), ctx.Param("id"), input,
                                ParseIfMatch(request.headers.Get("If-Match"), kWorkoutTag));
               return WorkoutResponse(outcome.created ? 201 : 200, outcome.workout);
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/workouts/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&workouts](const Request& request, RequestContext& ctx) {
               workouts.Delete(ctx.User(), ctx.Param("id"),
                               ParseIfMatch(request.headers.Get("If-Match"), kWorkoutTag));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/exercises/{id}/last-sets",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&workouts](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeLastSets(workouts.LastSetsOf(ctx.User(), ctx.Param("id"))));
             });
}

}  // namespace vigor::features::workouts
