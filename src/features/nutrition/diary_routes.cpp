#include "features/nutrition/diary_routes.hpp"

#include <boost/json/array.hpp>

#include "features/nutrition/diary_json.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::nutrition {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

void RegisterDiaryRoutes(http::Router& router, DiaryService& diary, RecipeService& recipes) {
  constexpr const char* kRead = "nutrition:read";
  constexpr const char* kWrite = "nutrition:write";
  router.Add({.method = Method::kGet,
              .path = "/api/v1/diary/{date}",
              .access = Access::kAuthenticated,
              .scope = kRead},
             [&diary](const Request&, RequestContext& ctx) {
               auto day = DayOfPath(ctx.Param("date"));
               return http::Json(200, EncodeDiaryDay(diary.Day(ctx.User().user_id, day)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/diary/{date}/items",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&diary](const Request& request, RequestContext& ctx) {
               auto day = DayOfPath(ctx.Param("date"));
               auto key = IdempotencyKeyOf(request);
               auto items = DecodeDiaryItems(http::ParseJsonObject(request));
               return http::Json(201,
                                 EncodeDiaryItems(diary.Add(ctx.User().user_id, day, items, key)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/diary/{date}/copy",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&diary](const Request& request, RequestContext& ctx) {
               auto day = DayOfPath(ctx.Param("date"));
               auto key = IdempotencyKeyOf(request);
               auto input = DecodeDiaryCopy(http::ParseJsonObject(request));
               return http::Json(201,
                                 EncodeDiaryItems(diary.Copy(ctx.User().user_id, day, input, key)));
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/diary/{date}/water",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&diary](const Request& request, RequestContext& ctx) {
               auto day = DayOfPath(ctx.Param("date"));
               double water = DecodeDiaryWater(http::ParseJsonObject(request));
               water = diary.SetWater(ctx.User().user_id, day, water);
               return http::Json(200, {{"date", core::FormatDay(day)}, {"water_ml", water}});
             });
  router.Add({.method = Method::kPatch,
              .path = "/api/v1/diary-items/{id}",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&diary](const Request& request, RequestContext& ctx) {
               auto patch = DecodeDiaryItemPatch(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodeDiaryItem(diary.Update(ctx.User().user_id, ctx.Param("id"), patch)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/diary-items/{id}",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&diary](const Request&, RequestContext& ctx) {
               diary.Delete(ctx.User().user_id, ctx.Param("id"));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/recipes",
              .access = Access::kAuthenticated,
              .scope = kRead},
             [&recipes](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& r : recipes.List(ctx.User().user_id)) {
                 items.push_back(EncodeRecipe(r));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/recipes",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&recipes](const Request& request, RequestContext& ctx) {
               auto key = IdempotencyKeyOf(request);
               auto input = DecodeRecipeInput(http::ParseJsonObject(request));
               auto outcome = recipes.Create(ctx.User().user_id, input, key);
               return http::Json(outcome.created ? 201 : 200, EncodeRecipe(outcome.recipe));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/recipes/{id}",
              .access = Access::kAuthenticated,
              .scope = kRead},
             [&recipes](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeRecipe(recipes.Get(ctx.User().user_id, ctx.Param("id"))));
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/recipes/{id}",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&recipes](const Request& request, RequestContext& ctx) {
               auto input = DecodeRecipeInput(http::ParseJsonObject(request));
               return http::Json(
                   200, EncodeRecipe(recipes.Replace(ctx.User().user_id, ctx.Param("id"), input)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/recipes/{id}",
              .access = Access::kAuthenticated,
              .scope = kWrite},
             [&recipes](const Request&, RequestContext& ctx) {
               recipes.Delete(ctx.User().user_id, ctx.Param("id"));
               return Response::Empty(204);
             });
}

}  // namespace vigor::features::nutrition
