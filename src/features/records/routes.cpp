#include "features/records/routes.hpp"

#include <algorithm>
#include <cctype>

#include "features/records/json_codec.hpp"
#include "features/workouts/model.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::records {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

namespace {

constexpr std::size_t kMaxExerciseIdBytes = 64;

// Workout ids are UUIDs, stored lowercase.
std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// ?exercise_id=&sport=
RecordFilter ParseFilter(const Request& request) {
  platform::FieldErrors errors;
  RecordFilter filter;
  if (auto id = request.QueryParam("exercise_id")) {
    if (id->empty() || id->size() > kMaxExerciseIdBytes) {
      errors.Add("exercise_id", Msg("too_many_bytes", {{"max", "64"}}));
    }
    filter.exercise_id = std::move(*id);
  }
  if (auto sport = request.QueryParam("sport")) {
    if (!workouts::IsCardioSport(*sport)) errors.Add("sport", Msg("sport_invalid"));
    filter.sport = std::move(*sport);
  }
  errors.ThrowIfAny();
  return filter;
}

// ?from=&to= (local days)
ProgressRange ParseRange(const Request& request) {
  platform::FieldErrors errors;
  ProgressRange range;
  for (auto [name, target] : {std::pair{"from", &range.from}, std::pair{"to", &range.to}}) {
    auto text = request.QueryParam(name);
    if (!text) continue;
    if (platform::IsCalendarDay(*text)) {
      *target = std::move(*text);
    } else {
      errors.Add(name, Msg("not_date"));
    }
  }
  errors.ThrowIfAny();
  return range;
}

}  // namespace

void RegisterRoutes(http::Router& router, RecordsService& records) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/records",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&records](const Request& request, RequestContext& ctx) {
               return http::Json(
                   200, EncodeRecordList(records.Current(ctx.User(), ParseFilter(request))));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/records/history",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&records](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               auto filter = ParseFilter(request);
               return http::Json(200, EncodeRecordPage(records.History(ctx.User(), filter,
                                                                       page.cursor, page.limit)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/workouts/{id}/records",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&records](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeRecordList(records.OfWorkout(
                                          ctx.User(), Lowercase(ctx.Param("id")))));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/exercises/{id}/progress",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&records](const Request& request, RequestContext& ctx) {
               auto range = ParseRange(request);
               return http::Json(200, EncodeExerciseProgress(
                                          records.Progress(ctx.User(), ctx.Param("id"), range)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/workouts/{id}/zones",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&records](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeHeartRateZones(
                                          records.Zones(ctx.User(), Lowercase(ctx.Param("id")))));
             });
}

}  // namespace vigor::features::records
