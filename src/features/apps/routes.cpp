#include "features/apps/routes.hpp"

#include <boost/json/array.hpp>

#include "features/accounts/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::apps {

namespace http = platform::http;
using accounts::ClientFrom;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

// Bounds that only keep a body small; the service checks the real limits field by field.
constexpr std::size_t kTextBound = 4'096;

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::object EncodeApp(const ClientApp& app) {
  boost::json::array uris;
  for (const auto& uri : app.redirect_uris) uris.emplace_back(uri);
  return {{"client_id", app.client_id},
          {"name", app.name},
          {"logo_url", OptionalText(app.logo_url)},
          {"homepage_url", OptionalText(app.homepage_url)},
          {"redirect_uris", std::move(uris)},
          {"confidential", app.confidential},
          {"secret_hint", OptionalText(app.secret_hint)},
          {"created_at", app.created_at},
          {"updated_at", app.updated_at},
          {"secret_rotated_at", OptionalText(app.secret_rotated_at)},
          {"disabled", app.disabled_at.has_value()},
          {"disabled_at", OptionalText(app.disabled_at)}};
}

boost::json::object EncodeWithSecret(const AppWithSecret& app) {
  auto encoded = EncodeApp(app.app);
  if (app.client_secret) encoded["client_secret"] = *app.client_secret;
  return encoded;
}

boost::json::object EncodeAdminApp(const AdminApp& app) {
  auto encoded = EncodeApp(app.app);
  encoded["owner_username"] = app.owner_username;
  return encoded;
}

// The body of POST (with `confidential`) and PUT (without) /api/v1/me/apps.
AppInput DecodeInput(const Request& request, bool registering) {
  http::JsonBody body(request);
  AppInput input;
  input.name = body.String("name", {.required = true, .max_length = kTextBound}).value_or("");
  auto url = [&](std::string_view field) -> std::optional<std::string> {
    auto text = body.String(field, {.max_length = kTextBound});
    if (text && text->empty()) return std::nullopt;  // an empty form field: no URL
    return text;
  };
  input.logo_url = url("logo_url");
  input.homepage_url = url("homepage_url");
  if (const auto* raw = body.json().if_contains("redirect_uris"); raw && !raw->is_null()) {
    if (!raw->is_array()) {
      body.field_errors().Add("redirect_uris", Msg("not_list"));
    } else {
      for (const auto& v : raw->as_array()) {
        if (v.is_string() && v.as_string().size() <= kTextBound) {
          input.redirect_uris.emplace_back(v.as_string());
        } else {
          body.field_errors().Add("redirect_uris", Msg("strings_only"));
          break;
        }
      }
    }
  }
  if (registering) {
    input.confidential = body.Bool("confidential", true).value_or(false);
    body.Finish({"name", "logo_url", "homepage_url", "redirect_uris", "confidential"});
  } else {
    body.Finish({"name", "logo_url", "homepage_url", "redirect_uris"});
  }
  return input;
}

}  // namespace

void RegisterRoutes(http::Router& router, AppService& apps) {
  auto mine = [](Method method, std::string path) {
    return http::RouteSpec{.method = method,
                           .path = std::move(path),
                           .access = Access::kAuthenticated,
                           .session_only = true};
  };
  auto admin = [](Method method, std::string path) {
    return http::RouteSpec{
        .method = method, .path = std::move(path), .access = Access::kAdmin, .session_only = true};
  };

  router.Add(mine(Method::kGet, "/api/v1/me/apps"), [&apps](const Request&, RequestContext& ctx) {
    boost::json::array items;
    for (const auto& app : apps.List(ctx.User())) items.push_back(EncodeApp(app));
    return http::Json(200, {{"items", std::move(items)}});
  });

  router.Add(mine(Method::kPost, "/api/v1/me/apps"),
             [&apps](const Request& request, RequestContext& ctx) {
               auto created = apps.Register(ctx.User(), DecodeInput(request, true));
               return http::Json(201, EncodeWithSecret(created));
             });

  router.Add(mine(Method::kGet, "/api/v1/me/apps/{id}"),
             [&apps](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeApp(apps.Get(ctx.User(), ctx.Param("id"))));
             });

  router.Add(mine(Method::kPut, "/api/v1/me/apps/{id}"), [&apps](const Request& request,
                                                                 RequestContext& ctx) {
    return http::Json(
        200, EncodeApp(apps.Update(ctx.User(), ctx.Param("id"), DecodeInput(request, false))));
  });

  router.Add(mine(Method::kDelete, "/api/v1/me/apps/{id}"),
             [&apps](const Request& request, RequestContext& ctx) {
               apps.Delete(ctx.User(), ctx.Param("id"), ClientFrom(request));
               return Response::Empty(204);
             });

  router.Add(mine(Method::kPost, "/api/v1/me/apps/{id}/secret"), [&apps](const Request& request,
                                                                         RequestContext& ctx) {
    return http::Json(
        200, EncodeWithSecret(apps.RotateSecret(ctx.User(), ctx.Param("id"), ClientFrom(request))));
  });

  router.Add(admin(Method::kGet, "/api/v1/admin/apps"),
             [&apps](const Request& request, RequestContext& ctx) {
               auto page = http::ParsePage(request);
               auto apps_page = apps.AdminList(ctx.User(), page.cursor, page.limit);
               boost::json::array items;
               for (const auto& app : apps_page.items) items.push_back(EncodeAdminApp(app));
               return http::Json(200, {{"items", std::move(items)},
                                       {"next_cursor", OptionalText(apps_page.next_cursor)}});
             });

  router.Add(admin(Method::kPut, "/api/v1/admin/apps/{id}/disabled"),
             [&apps](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto disabled = body.Bool("disabled", true);
               body.Finish({"disabled"});
               return http::Json(200, EncodeAdminApp(apps.AdminSetDisabled(
                                          ctx.User(), ctx.Param("id"), disabled.value_or(false),
                                          ClientFrom(request))));
             });
}

}  // namespace vigor::features::apps
