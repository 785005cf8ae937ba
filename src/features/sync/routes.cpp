#include "features/sync/routes.hpp"

#include <charconv>
#include <limits>
#include <optional>

#include "features/sync/json_codec.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::sync {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

namespace {

struct ChangesQuery {
  std::int64_t since = 0;
  int limit = ChangeService::kDefaultLimit;
};

// A whole decimal number from `min` to `max`; nullopt for anything else ("abc", "1.5", "-1").
template <class T>
std::optional<T> WholeNumber(const std::string& text, T min, T max) {
  T value{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

// ?since=&limit=, both checked at once (422 with a field error each).
ChangesQuery ParseQuery(const Request& request) {
  ChangesQuery query;
  platform::FieldErrors errors;
  if (auto text = request.QueryParam("since")) {
    auto since = WholeNumber<std::int64_t>(*text, 0, std::numeric_limits<std::int64_t>::max());
    if (since) {
      query.since = *since;
    } else {
      errors.Add("since", "must be a whole number, 0 or more (a rev this server gave out)");
    }
  }
  if (auto text = request.QueryParam("limit")) {
    auto limit = WholeNumber<int>(*text, 1, ChangeService::kMaxLimit);
    if (limit) {
      query.limit = *limit;
    } else {
      errors.Add("limit",
                 "must be a whole number from 1 to " + std::to_string(ChangeService::kMaxLimit));
    }
  }
  errors.ThrowIfAny();
  return query;
}

}  // namespace

void RegisterRoutes(http::Router& router, ChangeService& changes) {
  router.Add({.method = Method::kGet,
              .path = "/api/v1/changes",
              .access = Access::kAuthenticated,
              .scope = ""},
             [&changes](const Request& request, RequestContext& ctx) {
               auto query = ParseQuery(request);
               return http::Json(
                   200, EncodeChangePage(changes.List(ctx.User(), query.since, query.limit)));
             });
}

}  // namespace vigor::features::sync
