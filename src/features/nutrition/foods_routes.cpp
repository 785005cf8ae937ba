#include "features/nutrition/foods_routes.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <cmath>

#include "core/limits.hpp"
#include "features/nutrition/nutrient_json.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/id.hpp"

namespace vigor::features::nutrition {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;
using platform::Error;
using platform::ErrorKind;

namespace {

constexpr std::size_t kDefaultSearchLimit = 20;
constexpr std::int64_t kMaxSearchLimit = 50;
constexpr std::size_t kMaxQueryLength = 100;

std::size_t Utf8Length(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
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

std::vector<Portion> DecodePortions(const boost::json::value& value,
                                    platform::FieldErrors& errors) {
  std::vector<Portion> portions;
  if (!value.is_array()) {
    errors.Add("portions", Msg("not_array"));
    return portions;
  }
  const auto& items = value.as_array();
  if (items.size() > static_cast<std::size_t>(core::limits::kPortionsPerFood)) {
    errors.Add("portions", Msg("too_many_items", {{"max", core::limits::kPortionsPerFood}}));
    return portions;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string at = "portions[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      errors.Add(at, Msg("not_object"));
      continue;
    }
    const auto& o = items[i].as_object();
    Portion portion;
    bool ok = true;
    for (const auto& [key, v] : o) {
      if (key != "name" && key != "amount" && key != "grams") {
        errors.Add(at + "." + std::string(key), Msg("unknown_field"));
        ok = false;
      }
    }
    const auto* name = o.if_contains("name");
    if (!name || name->is_null()) {
      errors.Add(at + ".name", Msg("required"));
      ok = false;
    } else if (!name->is_string()) {
      errors.Add(at + ".name", Msg("not_string"));
      ok = false;
    } else {
      std::string text(name->as_string());
      bool control = std::any_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
      });
      std::size_t length = Utf8Length(text);
      if (length < 1 || length > core::limits::kPortionNameLength) {
        errors.Add(at + ".name",
                   Msg("length_between", {{"min", 1}, {"max", core::limits::kPortionNameLength}}));
        ok = false;
      } else if (control) {
        errors.Add(at + ".name", Msg("control_characters_single_line"));
        ok = false;
      }
      portion.name = std::move(text);
    }
    auto number = [&](std::string_view key, double max, double& out) {
      const auto* v = o.if_contains(key);
      std::string field = at + "." + std::string(key);
      if (!v || v->is_null()) {
        errors.Add(field, Msg("required"));
        ok = false;
      } else if (!v->is_number()) {
        errors.Add(field, Msg("not_number"));
        ok = false;
      } else {
        double d = v->to_number<double>();
        if (!std::isfinite(d) || d <= 0 || d > max) {
          errors.Add(field, Msg("out_of_range"));
          ok = false;
        }
        out = d;
      }
    };
    number("amount", core::limits::kPortionCount.max, portion.amount);
    number("grams", core::limits::kFoodAmountG.max, portion.grams);
    if (ok) portions.push_back(std::move(portion));
  }
  return portions;
}

std::size_t SearchLimitOf(const Request& request) {
  auto text = request.QueryParam("limit");
  if (!text) return kDefaultSearchLimit;
  std::int64_t limit = 0;
  bool digits =
      !text->empty() && text->size() <= 3 &&
      std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) limit = std::stoll(*text);
  if (!digits || limit < 1 || limit > kMaxSearchLimit) {
    throw Error(ErrorKind::kValidation, Msg("invalid_query"),
                {{"limit", Msg("limit_invalid", {{"max", kMaxSearchLimit}})}});
  }
  return static_cast<std::size_t>(limit);
}

std::string QueryOf(const Request& request) {
  auto q = request.QueryParam("q").value_or("");
  std::size_t length = Utf8Length(q);
  if (length < 1 || length > kMaxQueryLength) {
    throw Error(ErrorKind::kValidation, Msg("invalid_query"),
                {{"q", Msg("length_between", {{"min", 1}, {"max", kMaxQueryLength}})}});
  }
  return q;
}

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object EncodeFood(const LoggableFood& food) {
  boost::json::array portions;
  for (const auto& p : food.portions) {
    portions.push_back(
        boost::json::object{{"name", p.name}, {"amount", p.amount}, {"grams", p.grams}});
  }
  return {{"id", food.id},
          {"source", food.source},
          {"name", food.name},
          {"brand", OptionalText(food.brand)},
          {"barcode", OptionalText(food.barcode)},
          {"food_group", OptionalText(food.food_group)},
          {"portions", std::move(portions)},
          {"per_100g", EncodeNutrientAmounts(food.per_100g)},
          {"owned", food.owned}};
}

FoodInput DecodeFoodInput(const boost::json::object& object) {
  platform::FieldErrors errors;
  http::JsonFields f(object, errors);
  FoodInput in;
  in.id = f.String("id", {.min_length = 1, .max_length = 64});
  if (in.id && !platform::IsUuid(*in.id)) errors.Add("id", Msg("not_uuid"));
  in.name =
      f.String("name",
               {.required = true, .min_length = 1, .max_length = core::limits::kFoodNameLength})
          .value_or("");
  in.brand = f.String("brand", {.min_length = 1, .max_length = core::limits::kFoodNameLength});
  in.barcode = f.String("barcode", {.min_length = 1, .max_length = 32});
  if (const auto* portions = object.if_contains("portions"); portions && !portions->is_null()) {
    in.portions = DecodePortions(*portions, errors);
  }
  const auto* per_100g = object.if_contains("per_100g");
  if (!per_100g || per_100g->is_null()) {
    errors.Add("per_100g", Msg("required"));
  } else if (!per_100g->is_object()) {
    errors.Add("per_100g", Msg("not_object"));
  } else {
    in.per_100g = DecodeNutrientAmountsPer100g(per_100g->as_object(), "per_100g", errors);
    if (!per_100g->as_object().if_contains("energy_kcal") ||
        per_100g->as_object().at("energy_kcal").is_null()) {
      errors.Add("per_100g.energy_kcal", Msg("required"));
    }
  }
  f.RejectUnknown({"id", "name", "brand", "barcode", "portions", "per_100g"});
  errors.ThrowIfAny();
  return in;
}

boost::json::object EncodeFoodImport(const FoodImport& i) {
  boost::json::array examples;
  for (const auto& r : i.rejected_examples) {
    examples.push_back(boost::json::object{{"line", r.line}, {"reason", r.reason}});
  }
  return {{"id", i.id},
          {"file", i.file},
          {"status", i.status},
          {"bytes_read", i.bytes_read},
          {"bytes_total", i.bytes_total},
          {"rows_read", i.rows_read},
          {"foods_added", i.foods_added},
          {"foods_updated", i.foods_updated},
          {"rows_rejected", i.rows_rejected},
          {"rejected_examples", std::move(examples)},
          {"error", OptionalText(i.error)},
          {"created_at", i.created_at},
          {"finished_at", OptionalText(i.finished_at)}};
}

void RegisterFoodRoutes(http::Router& router, FoodsService& foods) {
  auto user = [](Method method, std::string path, std::string scope) {
    return http::RouteSpec{.method = method,
                           .path = std::move(path),
                           .access = Access::kAuthenticated,
                           .scope = std::move(scope)};
  };
  auto admin = [](Method method, std::string path) {
    return http::RouteSpec{
        .method = method, .path = std::move(path), .access = Access::kAdmin, .session_only = true};
  };
  auto list = [](const std::vector<LoggableFood>& items) {
    boost::json::array out;
    for (const auto& food : items) out.push_back(EncodeFood(food));
    return out;
  };

  router.Add(user(Method::kGet, "/api/v1/foods", "nutrition:read"),
             [&foods, list](const Request& request, RequestContext& ctx) {
               auto q = QueryOf(request);
               auto limit = SearchLimitOf(request);
               return http::Json(200, {{"items", list(foods.Search(ctx.User(), q, limit))}});
             });
  router.Add(user(Method::kPost, "/api/v1/foods", "nutrition:write"),
             [&foods](const Request& request, RequestContext& ctx) {
               auto key = IdempotencyKey(request);
               auto input = DecodeFoodInput(http::ParseJsonObject(request));
               auto outcome = foods.Create(ctx.User(), input, key);
               return http::Json(outcome.created ? 201 : 200, EncodeFood(outcome.food));
             });
  router.Add(user(Method::kGet, "/api/v1/foods/recent", "nutrition:read"), [&foods, list](
                                                                               const Request&,
                                                                               RequestContext&
                                                                                   ctx) {
    auto recent = foods.Recent(ctx.User());
    return http::Json(200, {{"recent", list(recent.recent)}, {"frequent", list(recent.frequent)}});
  });
  router.Add(user(Method::kGet, "/api/v1/foods/barcode/{code}", "nutrition:read"),
             [&foods](const Request&, RequestContext& ctx) {
               return http::Json(200,
                                 EncodeFood(foods.FindByBarcode(ctx.User(), ctx.Param("code"))));
             });
  router.Add(user(Method::kGet, "/api/v1/foods/{id}", "nutrition:read"),
             [&foods](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeFood(foods.Get(ctx.User(), ctx.Param("id"))));
             });
  router.Add(user(Method::kPut, "/api/v1/foods/{id}", "nutrition:write"),
             [&foods](const Request& request, RequestContext& ctx) {
               auto input = DecodeFoodInput(http::ParseJsonObject(request));
               return http::Json(200,
                                 EncodeFood(foods.Replace(ctx.User(), ctx.Param("id"), input)));
             });
  router.Add(user(Method::kDelete, "/api/v1/foods/{id}", "nutrition:write"),
             [&foods](const Request&, RequestContext& ctx) {
               foods.Delete(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });

  router.Add(admin(Method::kPost, "/api/v1/admin/food-imports"),
             [&foods](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto file = body.Required("file", 255);
               body.Finish({"file"});
               auto import = foods.StartImport(ctx.User(), file);
               auto response = http::Json(202, EncodeFoodImport(import));
               response.headers.Set("Location", "/api/v1/admin/food-imports/" + import.id);
               return response;
             });
  router.Add(admin(Method::kGet, "/api/v1/admin/food-imports"),
             [&foods](const Request&, RequestContext&) {
               boost::json::array items;
               for (const auto& i : foods.ListImports()) items.push_back(EncodeFoodImport(i));
               return http::Json(200, {{"items", std::move(items)}});
             });
  router.Add(admin(Method::kGet, "/api/v1/admin/food-imports/{id}"),
             [&foods](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeFoodImport(foods.GetImport(ctx.Param("id"))));
             });
}

}  // namespace vigor::features::nutrition
