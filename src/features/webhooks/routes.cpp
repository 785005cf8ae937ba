#include "features/webhooks/routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "features/accounts/json_codec.hpp"
#include "platform/crypto/random.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"
#include "platform/http/problem.hpp"

namespace vigor::features::webhooks {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

boost::json::value OrNull(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}
boost::json::value OrNull(const std::optional<std::int64_t>& number) {
  return number ? boost::json::value(*number) : boost::json::value(nullptr);
}

boost::json::object EncodeSubscription(const Subscription& sub) {
  boost::json::array events;
  for (const auto& e : sub.events) events.push_back(boost::json::value(e));
  return {{"id", sub.id},
          {"url", sub.url},
          {"events", std::move(events)},
          {"created_at", sub.created_at}};
}

boost::json::object EncodeDelivery(const Delivery& d) {
  return {{"id", d.id},
          {"subscription_id", d.subscription_id},
          {"event", d.event},
          {"status", d.status},
          {"attempts", d.attempts},
          {"last_status_code", OrNull(d.last_status_code)},
          {"last_error", OrNull(d.last_error)},
          {"last_attempt_at", OrNull(d.last_attempt_at)},
          {"next_attempt_at", OrNull(d.next_attempt_at)},
          {"created_at", d.created_at},
          {"delivered_at", OrNull(d.delivered_at)}};
}

// application/x-www-form-urlencoded decoding of one credential part (RFC 6749 2.3.1); nullopt
// when a percent escape is malformed.
std::optional<std::string> FormDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      int hi = hex(text[i + 1]);
      int lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The client_id and client_secret of an Authorization: Basic header; nullopt without one.
std::optional<std::pair<std::string, std::string>> BasicCredentials(const Request& request) {
  auto header = request.headers.Get("Authorization");
  constexpr std::string_view kPrefix = "Basic ";
  if (!header || header->size() <= kPrefix.size() ||
      !http::EqualsIgnoreCase(header->substr(0, kPrefix.size()), kPrefix)) {
    return std::nullopt;
  }
  // Standard base64 with padding, read through the strict base64url decoder.
  std::string text(header->substr(kPrefix.size()));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+')
      c = '-';
    else if (c == '/')
      c = '_';
  }
  auto decoded = platform::crypto::Base64UrlDecode(text);
  if (!decoded) return std::nullopt;
  auto colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  auto id = FormDecode(std::string_view(*decoded).substr(0, colon));
  auto secret = FormDecode(std::string_view(*decoded).substr(colon + 1));
  if (!id || !secret) return std::nullopt;
  return std::pair{std::move(*id), std::move(*secret)};
}

// Runs `work` for the app the request's client credentials name; a 401 that asks for Basic
// credentials otherwise.
template <class Work>
Response AsClient(const Request& request, RequestContext& ctx, WebhookService& webhooks,
                  Work&& work) {
  std::optional<ClientApp> client;
  try {
    auto credentials = BasicCredentials(request);
    if (!credentials) {
      throw platform::Error(platform::ErrorKind::kUnauthenticated,
                            Msg("client_credentials_invalid"));
    }
    // Only a request that tries credentials counts against its address: one without any is
    // refused at once, and costs no write (a GET stays a pure read).
    webhooks.LimitCaller(accounts::ClientFrom(request).ip);
    client = webhooks.AuthenticateClient(credentials->first, credentials->second);
  } catch (const platform::Error& e) {
    if (e.kind() != platform::ErrorKind::kUnauthenticated) throw;
    auto refused = http::ProblemResponse(e, ctx.request_id, ctx.language);
    refused.headers.Set("WWW-Authenticate", R"(Basic realm="vigor-webhooks", charset="UTF-8")");
    return refused;
  }
  return work(*client);
}

}  // namespace

void RegisterRoutes(http::Router& router, WebhookService& webhooks) {
  // The app's own calls: no session and no Bearer token, the client credentials are checked by
  // the handler (AsClient); no cookie is involved, so there is nothing for CSRF to forge.
  auto client_spec = [](Method method, std::string path) {
    return http::RouteSpec{.method = method,
                           .path = std::move(path),
                           .access = Access::kPublic,
                           .csrf_exempt = true,
                           .max_body_bytes = 16 * 1024};
  };

  router.Add(client_spec(Method::kPost, "/api/v1/webhooks"),
             [&webhooks](const Request& request, RequestContext& ctx) {
               return AsClient(request, ctx, webhooks, [&](const ClientApp& client) {
                 http::JsonBody body(request);
                 std::string url = body.Required("url", WebhookService::kMaxUrlLength);
                 std::vector<std::string> events;
                 const auto* given = body.json().if_contains("events");
                 if (given == nullptr || !given->is_array()) {
                   body.field_errors().Add("events", Msg("webhook_events_invalid"));
                 } else {
                   for (const auto& e : given->as_array()) {
                     if (!e.is_string() || e.as_string().size() > 100) {
                       body.field_errors().Add("events", Msg("webhook_events_invalid"));
                       break;
                     }
                     events.emplace_back(e.as_string());
                   }
                 }
                 body.Finish({"url", "events"});
                 auto created = webhooks.Subscribe(client, url, events);
                 auto encoded = EncodeSubscription(created.subscription);
                 encoded["secret"] = created.secret;
                 return http::Json(201, encoded);
               });
             });

  router.Add(client_spec(Method::kGet, "/api/v1/webhooks"),
             [&webhooks](const Request& request, RequestContext& ctx) {
               return AsClient(request, ctx, webhooks, [&](const ClientApp& client) {
                 boost::json::array items;
                 for (const auto& sub : webhooks.Subscriptions(client)) {
                   items.push_back(EncodeSubscription(sub));
                 }
                 return http::Json(200, {{"items", std::move(items)}});
               });
             });

  router.Add(client_spec(Method::kDelete, "/api/v1/webhooks/{id}"),
             [&webhooks](const Request& request, RequestContext& ctx) {
               return AsClient(request, ctx, webhooks, [&](const ClientApp& client) {
                 webhooks.Unsubscribe(client, ctx.Param("id"));
                 return Response::Empty(204);
               });
             });

  // The app's owner, in the web app.
  router.Add(
      {.method = Method::kGet,
       .path = "/api/v1/me/apps/{client_id}/webhooks",
       .access = Access::kAuthenticated,
       .session_only = true},
      [&webhooks](const Request& request, RequestContext& ctx) {
        auto page = http::ParsePage(request);
        auto view =
            webhooks.ForOwner(ctx.User().user_id, ctx.Param("client_id"), page.cursor, page.limit);
        boost::json::array subscriptions;
        for (const auto& s : view.subscriptions) {
          auto encoded = EncodeSubscription(s.subscription);
          encoded["last_delivery"] = s.last_delivery
                                         ? boost::json::value(EncodeDelivery(*s.last_delivery))
                                         : boost::json::value(nullptr);
          subscriptions.push_back(std::move(encoded));
        }
        boost::json::array deliveries;
        for (const auto& d : view.deliveries) deliveries.push_back(EncodeDelivery(d));
        return http::Json(
            200, {{"subscriptions", std::move(subscriptions)},
                  {"deliveries",
                   {{"items", std::move(deliveries)}, {"next_cursor", OrNull(view.next_cursor)}}}});
      });
}

}  // namespace vigor::features::webhooks
