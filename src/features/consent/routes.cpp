#include "features/consent/routes.hpp"

#include <boost/json/array.hpp>

#include "features/accounts/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::consent {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;

namespace {

boost::json::value OrNull(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object EncodePolicy(const Policy& p) {
  return {{"version", p.version}, {"text", p.text}, {"published_at", p.published_at}};
}

boost::json::object EncodeStatus(const ConsentStatus& status) {
  boost::json::array items;
  for (const auto& c : status.items) {
    items.push_back(boost::json::object{{"id", c.id},
                                        {"purpose", c.purpose},
                                        {"policy_version", c.policy_version},
                                        {"given_at", c.given_at},
                                        {"withdrawn_at", OrNull(c.withdrawn_at)}});
  }
  return {{"required", status.required},
          {"current_policy", EncodePolicy(status.current)},
          {"items", std::move(items)}};
}

// The admin's policy text plus a body's worth of JSON escaping.
constexpr std::size_t kPublishBodyBytes = 2 * ConsentService::kMaxPolicyBytes + 4096;

}  // namespace

void RegisterRoutes(http::Router& router, ConsentService& consent) {
  router.Add({.method = Method::kGet, .path = "/api/v1/privacy-policy", .access = Access::kPublic},
             [&consent](const Request&, RequestContext&) {
               return http::Json(200, EncodePolicy(consent.CurrentPolicy()));
             });

  // Consent is a person's decision in the app: no token or app may read or give it.
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/consents",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&consent](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeStatus(consent.Status(ctx.User())));
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/consents",
              .access = Access::kAuthenticated,
              .session_only = true},
             [&consent](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto version = body.Int("policy_version", true, 1, 1'000'000'000);
               body.Finish({"policy_version"});
               return http::Json(201, EncodeStatus(consent.Give(ctx.User(), *version,
                                                                accounts::ClientFrom(request).ip)));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/admin/privacy-policies",
              .access = Access::kAdmin,
              .session_only = true},
             [&consent](const Request&, RequestContext& ctx) {
               boost::json::array items;
               for (const auto& p : consent.Policies(ctx.User())) {
                 auto o = EncodePolicy(p);
                 o["published_by"] = OrNull(p.published_by);
                 items.push_back(std::move(o));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });

  router.Add({.method = Method::kPost,
              .path = "/api/v1/admin/privacy-policies",
              .access = Access::kAdmin,
              .session_only = true,
              .max_body_bytes = kPublishBodyBytes},
             [&consent](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               // Markdown: line breaks and tabs belong in it.
               auto text = body.String("text", {.required = true,
                                                .min_length = 1,
                                                .max_length = ConsentService::kMaxPolicyBytes,
                                                .text = http::JsonFields::Text::kMultiLine})
                               .value_or("");
               body.Finish({"text"});
               return http::Json(201, EncodePolicy(consent.Publish(
                                          ctx.User(), text, accounts::ClientFrom(request).ip)));
             });
}

}  // namespace vigor::features::consent
