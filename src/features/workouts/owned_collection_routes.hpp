#pragma once

#include <boost/json/array.hpp>
#include <string>
#include <string_view>

#include "features/workouts/revision.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::workouts {

// The five routes of a collection that belongs to its user (routines, programs) under `base`
// (e.g. "/api/v1/routines"): list, create, read, replace and delete, read with workouts:read and
// changed with workouts:write. `service` answers List, Create, Get, Replace (with an optional
// If-Match) and Delete for the principal (another user's item is "not found"); `decode` reads a
// request's JSON object into the service's input and `encode` writes one item. One item's
// answers carry its ETag (`tag` and its rev).
template <class Service, class Decode, class Encode>
void AddOwnedCollectionRoutes(platform::http::Router& router, const std::string& base,
                              std::string_view tag, Service& service, Decode decode,
                              Encode encode) {
  namespace http = platform::http;
  using http::Access;
  using http::Method;
  using http::Request;
  using http::RequestContext;
  const std::string item = base + "/{id}";
  auto one = [encode, tag](int status, const auto& x) {
    auto response = http::Json(status, encode(x));
    response.headers.Set("ETag", RevisionETag(tag, x.rev));
    return response;
  };

  router.Add({.method = Method::kGet,
              .path = base,
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&service, encode](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& x : service.List(ctx.User())) items.push_back(encode(x));
               return http::Json(200, {{"items", std::move(items)}});
             });
  router.Add({.method = Method::kPost,
              .path = base,
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&service, decode, one](const Request& request, RequestContext& ctx) {
               auto input = decode(http::ParseJsonObject(request));
               return one(201, service.Create(ctx.User(), input));
             });
  router.Add({.method = Method::kGet,
              .path = item,
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&service, one](const Request&, RequestContext& ctx) {
               return one(200, service.Get(ctx.User(), ctx.Param("id")));
             });
  router.Add({.method = Method::kPut,
              .path = item,
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&service, decode, one, tag](const Request& request, RequestContext& ctx) {
               auto input = decode(http::ParseJsonObject(request));
               auto if_match = ParseIfMatch(request.headers.Get("If-Match"), tag);
               return one(200, service.Replace(ctx.User(), ctx.Param("id"), input, if_match));
             });
  router.Add({.method = Method::kDelete,
              .path = item,
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&service](const Request&, RequestContext& ctx) {
               service.Delete(ctx.User(), ctx.Param("id"));
               return http::Response::Empty(204);
             });
}

}  // namespace vigor::features::workouts
